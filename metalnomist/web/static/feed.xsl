<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Atom or RSS feed as a page when a browser opens it; feed readers ignore this. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="a:feed/a:title | rss/channel/title"/>
  <xsl:variable name="self" select="a:feed/a:link[@rel='self']/@href | rss/channel/a:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="a:feed/a:link[@rel='alternate']/@href | rss/channel/link"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="/static/style.css"/>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <header class="site-header">
          <div class="site-header-inner">
            <p class="site-title"><a href="/"><xsl:value-of select="a:feed/a:author/a:name | rss/channel/title"/></a></p>
          </div>
        </header>
        <div class="layout feed-page">
          <main id="main">
            <h1 class="page-heading"><xsl:value-of select="$title"/></h1>
            <div class="feed-notice">
              <p><strong>This is a feed: paste its address into a reader</strong> (Feedly, Inoreader, NetNewsWire,
                Thunderbird …) to be told of new posts.</p>
              <p class="feed-address"><code><xsl:value-of select="$self"/></code></p>
              <p>Or read the posts <a href="{$home}">on the site</a>.</p>
            </div>
            <h2>Latest entries</h2>
            <ol class="feed-entries">
              <xsl:for-each select="a:feed/a:entry | rss/channel/item">
                <li>
                  <a href="{a:link[@rel='alternate']/@href | link}"><xsl:value-of select="a:title | title"/></a>
                  <xsl:text> </xsl:text>
                  <span class="feed-date"><xsl:value-of
                      select="substring(a:published | a:updated[not(../a:published)], 1, 10)"/><xsl:value-of
                      select="substring(pubDate, 1, 16)"/></span>
                </li>
              </xsl:for-each>
            </ol>
          </main>
        </div>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
