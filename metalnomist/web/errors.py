"""Domain errors → HTTP statuses in one table; one JSON error shape for the API, pages for the site.

JSON shape (pinned by tests/web/test_api.py):
    {"error": {"status": 404, "code": "not_found", "message": "...", "field": "limit"}}
`field` appears only when one input field is to blame.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from metalnomist.browse import latest_posts
from metalnomist.errors import (
    ConfigError,
    IngestError,
    InvalidInput,
    InvalidQuery,
    MetalnomistError,
    NotFound,
    RateLimited,
    StoreError,
    TooLarge,
    Unauthorized,
    UnsupportedType,
)
from metalnomist.web.render import render
from metalnomist.web.security import SECURITY_HEADERS

log = logging.getLogger(__name__)

# The one table: domain error → (status, machine-readable code). Order matters: first match wins.
ERROR_TABLE: tuple[tuple[type[Exception], int, str], ...] = (
    (NotFound, 404, "not_found"),
    (TooLarge, 413, "too_large"),
    (UnsupportedType, 415, "unsupported_media_type"),
    (InvalidInput, 400, "invalid_input"),
    (InvalidQuery, 400, "invalid_query"),
    (RateLimited, 429, "rate_limited"),
    (Unauthorized, 401, "unauthorized"),
    (IngestError, 400, "unreadable_input"),
    (StoreError, 503, "store_unavailable"),
    (ConfigError, 500, "misconfigured"),
    (MetalnomistError, 500, "internal_error"),
)

# Codes for errors raised by the framework itself (routing, validation, media types).
HTTP_CODES: dict[int, str] = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "too_large", 415: "unsupported_media_type", 422: "invalid_parameter", 429: "rate_limited",
    500: "internal_error", 503: "store_unavailable",
}

TITLES: dict[int, str] = {
    400: "That request could not be understood", 401: "Please sign in", 403: "That form could not be accepted",
    413: "That request is too large",
    404: "Page not found", 405: "That method is not allowed here", 422: "A parameter is not valid",
    429: "Too many requests", 500: "Something went wrong", 503: "The archive is unavailable",
}


def classify(exc: Exception) -> tuple[int, str]:
    for kind, status, code in ERROR_TABLE:
        if isinstance(exc, kind):
            return status, code
    return 500, "internal_error"


def error_body(status: int, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _recent_posts(request: Request) -> list[Any]:
    try:
        return latest_posts(request.app.state.archive, 0, 5)[0]
    except Exception:  # the error page must render even when the store is the problem
        log.exception("recent posts unavailable for the error page")
        return []


def _html_error(request: Request, status: int, message: str) -> Response:
    context = {"status": status, "title": TITLES.get(status, "Error"), "message": message,
               "recent": _recent_posts(request) if status == 404 else [], "path": request.url.path}
    template = "not_found.html" if status == 404 else "error.html"
    return render(request, template, context, status_code=status)


async def respond(request: Request, status: int, code: str, message: str, field: str | None = None,
                  headers: Mapping[str, str] | None = None) -> Response:
    """JSON under /api/, an HTML page everywhere else."""
    if _is_api(request):
        return JSONResponse(error_body(status, code, message, field), status_code=status, headers=dict(headers or {}))
    response = await run_in_threadpool(_html_error, request, status, message)
    response.headers.update(headers or {})
    return response


async def domain_error(request: Request, exc: Exception) -> Response:
    status, code = classify(exc)
    if status >= 500:
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    field = exc.field if isinstance(exc, InvalidInput) else None
    message = str(exc) if status < 500 else "The archive could not answer; please try again shortly."
    return await respond(request, status, code, message, field)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404 and exc.detail in (None, "Not Found"):
        message = f"Nothing lives at {request.url.path}. Try the search box or the links below."
    elif status == 405:
        message = f"{request.method} is not allowed on {request.url.path}."
    else:
        message = str(exc.detail)
    return await respond(request, status, HTTP_CODES.get(status, "error"), message, headers=exc.headers)


def _describe(error: dict[str, Any]) -> tuple[str | None, str]:
    """(field, message) for one validation error; `loc` is like ("query", "limit") or ("body", 7)."""
    loc = list(error.get("loc", ()))
    where = loc[1:] if loc and loc[0] in ("query", "path", "body", "form", "header", "cookie") else loc
    if error.get("type") == "json_invalid":
        return None, f"the request body is not valid JSON ({error.get('msg', 'decode error')})"
    if not where:
        return None, f"request body: {error.get('msg', 'invalid')}"
    field = ".".join(str(part) for part in where)
    if error.get("type") == "missing":
        return field, f"{field}: this field is required"
    return field, f"{field}: {error.get('msg', 'invalid value')}"


async def validation_error(request: Request, exc: Exception) -> Response:
    """422 for the API (the OpenAPI convention); a plain 400 page for readers."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    field, message = _describe(errors[0]) if errors else (None, "invalid request")
    status = 422 if _is_api(request) else 400
    return await respond(request, status, HTTP_CODES[status], message, field)


async def server_error(request: Request, exc: Exception) -> Response:
    """Runs outside the middleware stack, so it adds the security headers itself; never shows a traceback."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    message = "Something went wrong on our side. The problem has been logged; please try again later."
    if _is_api(request):
        response: Response = JSONResponse(error_body(500, "internal_error", message), status_code=500)
    else:
        try:
            response = await run_in_threadpool(_html_error, request, 500, message)
        except Exception:
            response = Response("500 Internal Server Error", status_code=500, media_type="text/plain")
    response.headers.update(SECURITY_HEADERS)
    return response


class ContentLengthLimit:
    """Refuse a body declared too large before reading it, answering in the site's own error shapes.

    Starlette's body limit (also configured) catches undeclared, chunked bodies, but it answers a
    declared oversize body with plain text, which would break the API's one error shape.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = dict(scope.get("headers", [])).get(b"content-length", b"")
            if declared.isdigit() and int(declared) > self.max_bytes:
                message = f"the request body may be at most {self.max_bytes} bytes; this one declares {int(declared)}"
                response = await respond(Request(scope, receive), 413, "too_large", message)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def exception_handlers() -> dict[Any, Any]:
    return {
        MetalnomistError: domain_error,
        StarletteHTTPException: http_error,
        RequestValidationError: validation_error,
        Exception: server_error,
    }
