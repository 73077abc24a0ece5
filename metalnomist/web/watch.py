"""/watch and the "Watch this" forms: signed-in users follow a search or a facts filter from its page.

The forms carry a CSRF token bound to the reader's cookie, so a page holding one is private to them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from metalnomist.models import MAX_STORED_INT, Watch
from metalnomist.store.facts import FactFilter
from metalnomist.watches.service import (
    forget_watch,
    save_facts_watch,
    save_search_watch,
    set_watch_deliveries,
    watch_news,
)
from metalnomist.web.admin_auth import LOGIN, csrf_ok, signed_in
from metalnomist.web.data import FactQuery
from metalnomist.web.render import archive_of, render, search_feed_url
from metalnomist.web.watch_offer import render_offering

FormText = Annotated[str, Form(max_length=1000)]
WatchId = Annotated[int, Path(ge=1, le=MAX_STORED_INT)]


def feed_of(watch: Watch) -> str | None:
    """What an anonymous reader would subscribe to for the same thing."""
    if watch.kind == "facts":
        values: dict[str, Any] = dict(watch.filters)
        return FactQuery(FactFilter(**values)).feed_url()
    return search_feed_url(watch.query, watch.labels)


def watch_page(request: Request) -> Response:
    """Each watch with what arrived since the last visit; opening the page ends that visit's news."""
    user = signed_in(request)
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    news = watch_news(archive_of(request).store, user)
    return render_offering(request, "watch.html", {"news": news, "user": user, "feed_of": feed_of, "kind": "watch"})


def _refused(request: Request) -> Response:
    return render(request, "error.html", {"status": 403, "title": "This form has expired",
                                          "message": "This form has expired or did not come from this site. "
                                                     "Go back, reload the page and try again."}, status_code=403)


def add_watch_form(request: Request, kind: Annotated[str, Form(pattern="^(search|facts)$")],
                   csrf_token: FormText = "", q: FormText = "",
                   label: Annotated[list[str] | None, Form(max_length=200)] = None,
                   commodity: FormText = "", metric: FormText = "", country: FormText = "", partner: FormText = "",
                   company: FormText = "", period: FormText = "", source: FormText = "") -> Response:
    """Save the search or the facts filter the form came from; then show /watch."""
    user = signed_in(request)
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    if not csrf_ok(request, csrf_token):
        return _refused(request)
    store = archive_of(request).store
    if kind == "search":
        save_search_watch(store, user, q, label or [])
    else:
        save_facts_watch(store, user, FactFilter(commodity=commodity, metric=metric, country=country,
                                                 partner=partner, company=company, period=period, source=source,
                                                 text=q))
    return RedirectResponse("/watch", status_code=303)


def delete_watch_form(request: Request, watch_id: WatchId, csrf_token: FormText = "") -> Response:
    user = signed_in(request)
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    if not csrf_ok(request, csrf_token):
        return _refused(request)
    forget_watch(archive_of(request).store, user, watch_id)
    return RedirectResponse("/watch", status_code=303)


def deliveries_form(request: Request, watch_id: WatchId, csrf_token: FormText = "", email_to: FormText = "",
                    email_every: FormText = "", webhook_url: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """Set where a watch's new posts are sent: an email digest, a signed webhook, both or neither."""
    user = signed_in(request)
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    if not csrf_ok(request, csrf_token):
        return _refused(request)
    archive = archive_of(request)
    set_watch_deliveries(archive.store, archive.settings, user, watch_id, email_to, email_every, webhook_url)
    return RedirectResponse(f"/watch#watch-{watch_id}", status_code=303)
