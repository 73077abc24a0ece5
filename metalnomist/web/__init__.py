"""The web face: server-rendered pages at Blogger's addresses, feeds and the JSON API (see app.create_app)."""
