"""Assemble the web application: settings and archive in, ASGI app out. Nothing happens at import."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from metalnomist.analysis.menus import MenuCache, Menus
from metalnomist.config import Settings
from metalnomist.periodic import Periodic
from metalnomist.pipeline import Archive, finish_published, open_archive
from metalnomist.publishing.scheduler import INTERVAL_SECONDS as SCHEDULE_SECONDS
from metalnomist.publishing.scheduler import Scheduler
from metalnomist.search.folder import KEPT_MENUS
from metalnomist.search.follower import Follower
from metalnomist.watches.worker import INTERVAL_SECONDS as WATCH_SECONDS
from metalnomist.watches.worker import WatchWorker
from metalnomist.web import (
    admin,
    admin_auth,
    admin_comments,
    admin_media,
    admin_users,
    api,
    api_desk,
    data,
    data_menus,
    data_series,
    docs,
    feeds,
    health,
    pages,
    sitemap,
    watch,
)
from metalnomist.web.errors import ContentLengthLimit, exception_handlers
from metalnomist.web.logs import ACCESS_LOGGER
from metalnomist.web.metrics import Metrics, RequestObserver
from metalnomist.web.render import make_templates
from metalnomist.web.security import Csrf, PublicAddressMiddleware, SecurityHeadersMiddleware
from metalnomist.web.session import Sessions

STATIC_DIR = Path(__file__).with_name("static")
MAX_BODY_BYTES = 1_000_000  # a comment is at most a few KB; refuse anything far larger early
# Starlette's own limit sits outside our middleware and answers in plain text, so it only backs up
# ContentLengthLimit for bodies sent without a Content-Length.
BACKSTOP_BODY_BYTES = 4 * MAX_BODY_BYTES
FOLLOW_SECONDS = 1.0  # how soon a search sees what another process stored


def _page(path: str, endpoint: Any, methods: tuple[str, ...] = ("GET", "HEAD")) -> APIRoute:
    """Reader pages and feeds stay out of the OpenAPI document, which describes the JSON API.

    HEAD is answered too, because link checkers and uptime monitors ask with it.
    """
    return APIRoute(path, endpoint, methods=list(methods), response_class=HTMLResponse, include_in_schema=False)


def _api(path: str, endpoint: Any, method: str = "GET", errors: tuple[int, ...] = (), **options: Any) -> APIRoute:
    """`errors`: the statuses beyond 422 and 503 (which every API route may answer) the route documents."""
    return APIRoute(path, endpoint, methods=[method], tags=["api"], responses=api.error_responses(*errors), **options)


def routes() -> list[BaseRoute]:
    """The whole route table. Specific paths come before the Blogger date patterns."""
    return [
        _page("/", pages.home),
        _page("/search", pages.search_page),
        _page("/search/label/{name:path}", pages.label_page),
        _page("/comments", pages.comments_form, ("POST",)),
        _page("/feeds/style.xsl", feeds.stylesheet),
        _page("/feeds/posts/default", feeds.posts_feed),
        _page("/feeds/posts/default/-/{label:path}", feeds.label_feed),
        _page("/feeds/{post_id}/comments/default", feeds.comments_feed),
        _page("/sitemap.xml", sitemap.sitemap_index),
        _page("/sitemap-{number:int}.xml", sitemap.sitemap_file),
        _page("/robots.txt", feeds.robots),
        _page("/favicon.ico", pages.favicon),
        _page("/docs", docs.docs_page),
        _page("/data", data.data_page),
        _page("/data.csv", data.data_csv),
        _page("/data.json", data.data_json),
        _page("/data/series", data_series.series_page),
        _page("/data/series.csv", data_series.series_csv),
        _page("/data/feed", feeds.facts_feed),
        _page("/data/contradictions", data.contradictions_page),
        APIRoute("/healthz", health.healthz, methods=["GET", "HEAD"], include_in_schema=False),
        APIRoute("/metrics", health.metrics, methods=["GET"], include_in_schema=False),
        _page("/watch", watch.watch_page),
        _page("/watch", watch.add_watch_form, ("POST",)),
        _page("/watch/{watch_id}/delete", watch.delete_watch_form, ("POST",)),
        _page("/watch/{watch_id}/deliveries", watch.deliveries_form, ("POST",)),
        _page("/admin/login", admin_auth.login_page),
        _page("/admin/login", admin_auth.login_form, ("POST",)),
        _page("/admin/logout", admin_auth.logout_form, ("POST",)),
        _page("/admin", admin.dashboard),
        _page("/admin/comments", admin_comments.comments_page),
        _page("/admin/comments", admin_comments.moderate_form, ("POST",)),
        _page("/admin/audit", admin_comments.audit_page),
        _page("/admin/users", admin_users.users_page),
        _page("/admin/users", admin_users.users_form, ("POST",)),
        _page("/admin/posts/new", admin.new_post),
        _page("/admin/posts", admin.create_form, ("POST",)),
        _page("/admin/posts/{post_id}", admin.edit_post),
        _page("/admin/posts/{post_id}", admin.update_form, ("POST",)),
        _page("/admin/posts/{post_id}/revisions/{revision_id}/restore", admin.restore_form, ("POST",)),
        _page("/admin/posts/{post_id}/revisions/{revision_id}", admin.diff_page),
        _page("/admin/trash/empty", admin.empty_trash_form, ("POST",)),
        _page("/admin/posts/{post_id}/cover", admin_media.cover_form, ("POST",)),
        APIRoute("/media/{media_id}", admin_media.media_file, methods=["GET", "HEAD"], include_in_schema=False),
        _api("/api/search", api.api_search, summary="Search posts"),
        _api("/api/posts", api.api_posts, summary="List posts"),
        _api("/api/posts/{post_id}", api.api_post, errors=(404,), summary="One post with body and comments"),
        _api("/api/posts", api_desk.create_post, "POST", (400, 401, 413, 415), status_code=201,
             summary="Write a post (editors, with an API token)"),
        _api("/api/posts/{post_id}", api_desk.patch_post, "PATCH", (400, 401, 404, 413, 415),
             summary="Change a post's words or status (editors)"),
        _api("/api/posts/{post_id}", api_desk.trash_post, "DELETE", (401, 404),
             summary="Move a post to the trash (editors)"),
        _api("/api/posts/{post_id}/revisions", api_desk.post_revisions, errors=(401, 404),
             summary="A post's revisions, newest first (editors)"),
        _api("/api/media", api_desk.upload_cover, "POST", (400, 401, 404, 413, 415), status_code=201,
             summary="Upload a post's cover image (editors)"),
        _api("/api/posts/{post_id}/comments", api.api_comments, errors=(404,), summary="A post's comments"),
        _api("/api/posts/{post_id}/comments", api.api_add_comment, "POST", (400, 404, 413, 415, 429), status_code=201,
             summary="Add a comment"),
        _api("/api/labels", api.api_labels, summary="Labels with post counts"),
        _api("/api/facts", api.api_facts, summary="Market facts extracted from posts"),
        _api("/api/facts/values", data_menus.api_fact_values, summary="Values of one facts filter, by their start"),
        _api("/api/facts/series/titles", data_menus.api_series_titles, summary="Series found by their titles"),
        _api("/api/facts/series", data_series.api_series, summary="One series, a point per period"),
        _api("/api/facts/contradictions", data.api_contradictions,
             summary="Facts from different posts that disagree"),
        _page("/{year}/{month}/{slug}.html", pages.post_page),
        _page("/{year}/{month}/{slug}.html", pages.post_comment_form, ("POST",)),
        _page("/{year}/{month}/", pages.month_page),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]


def create_app(settings: Settings, archive: Archive | None = None, follow_seconds: float = FOLLOW_SECONDS,
               schedule_seconds: float = SCHEDULE_SECONDS, watch_seconds: float = WATCH_SECONDS) -> FastAPI:
    """An archive passed in belongs to the caller; one opened here is closed when the app shuts down.

    While the app runs, a background thread applies the change log to the index every
    `follow_seconds`, so searches only ever reload it, and another publishes scheduled posts
    whose time has come every `schedule_seconds`, and a third matches new posts against the
    watches every `watch_seconds`; a fourth, as often as the second, finishes what an ingest
    stopped after publishing left.
    """
    owned = archive is None
    opened = archive if archive is not None else open_archive(settings)
    metrics = Metrics(lambda: health.live_figures(opened))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        follower = Follower(opened.store, opened.index, follow_seconds)  # opening the index brings it in step
        app.state.fact_menus.warm()  # counted (or kept from the last start) before the first analyst asks
        opened.counts.warm()  # and the listings' counts before the first reader
        follower.start()
        app.state.follower = follower
        scheduler = Scheduler(opened.store, schedule_seconds, published=lambda ids: follower.wake())
        scheduler.start()
        watcher = WatchWorker(opened.store, opened.index, settings, watch_seconds)
        watcher.start()
        finisher = Periodic("ingest-finisher", schedule_seconds, lambda: finish_published(opened),
                            logging.getLogger(__name__), "what a stopped ingest published could not be finished")
        finisher.start()
        yield
        finisher.stop()
        watcher.stop()
        scheduler.stop()
        follower.stop()
        app.state.fact_menus.finish()
        opened.counts.finish()
        if owned:
            opened.close()

    app = FastAPI(
        title=settings.site_title, version="1", lifespan=lifespan, routes=routes(),
        description="Search and read the Metalnomist archive of metals-market news.",
        openapi_url="/openapi.json", docs_url=None, redoc_url=None, max_body_size=BACKSTOP_BODY_BYTES,
        # The observer sits inside PublicAddressMiddleware, which copies the scope the router then names the route in.
        middleware=[Middleware(PublicAddressMiddleware, site_url=settings.site_url,
                               allowed_hosts=settings.allowed_hosts),
                    Middleware(RequestObserver, metrics=metrics, log=logging.getLogger(ACCESS_LOGGER)),
                    Middleware(SecurityHeadersMiddleware), Middleware(ContentLengthLimit, max_bytes=MAX_BODY_BYTES)],
        exception_handlers=exception_handlers(),
    )
    app.openapi = lambda: api.with_server_limits(FastAPI.openapi(app), settings)  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.archive = opened
    app.state.metrics = metrics
    app.state.templates = make_templates()
    app.state.csrf = Csrf(settings.secret_key)
    app.state.sessions = Sessions(settings.secret_key)
    app.state.sitemaps = sitemap.SitemapCache()
    app.state.fact_menus = MenuCache(opened.store, keeping=opened.keeping(KEPT_MENUS, Menus.as_json, Menus.from_json))
    return app

