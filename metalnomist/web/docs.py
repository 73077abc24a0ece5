"""The /docs page: the OpenAPI description as a page a person reads, with an example per operation.

Swagger UI loads its scripts from a CDN, which fails offline and breaks our CSP, so the spec is
rendered here instead. Example responses are drawn from the response schemas, so they cannot drift
from what the API answers; example requests are real queries on the sample archive ("Try it").
"""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from metalnomist.web.render import render

# One row per operation: the example request. A GET's example is also its "Try it" link.
EXAMPLES: dict[tuple[str, str], str] = {
    ("GET", "/api/search"): "/api/search?q=palladium+imports&by-date=true&limit=2",
    ("GET", "/api/posts"): "/api/posts?label=Iron+Ore&limit=2",
    ("GET", "/api/posts/{post_id}"): "/api/posts/1",
    ("GET", "/api/posts/{post_id}/comments"): "/api/posts/1/comments",
    ("POST", "/api/posts/{post_id}/comments"): ("curl -X POST -H 'Content-Type: application/json' "
                                                "-d '{\"author\": \"Ann\", \"body\": \"Useful figures.\"}' "
                                                "http://127.0.0.1:8000/api/posts/1/comments"),
    ("POST", "/api/posts"): ("curl -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                             "-d '{\"title\": \"Nickel imports rise\", \"body\": \"Japan imported 5,072 t.\"}' "
                             "http://127.0.0.1:8000/api/posts"),
    ("PATCH", "/api/posts/{post_id}"): ("curl -X PATCH -H \"Authorization: Bearer $TOKEN\" "
                                        "-H 'Content-Type: application/json' -d '{\"status\": \"published\"}' "
                                        "http://127.0.0.1:8000/api/posts/21"),
    ("DELETE", "/api/posts/{post_id}"): ("curl -X DELETE -H \"Authorization: Bearer $TOKEN\" "
                                         "http://127.0.0.1:8000/api/posts/21"),
    ("GET", "/api/posts/{post_id}/revisions"): ("curl -H \"Authorization: Bearer $TOKEN\" "
                                                "http://127.0.0.1:8000/api/posts/21/revisions"),
    ("POST", "/api/media"): ("curl -H \"Authorization: Bearer $TOKEN\" -F post_id=21 -F 'alt=A nickel ingot' "
                             "-F image=@ingot.png http://127.0.0.1:8000/api/media"),
    ("GET", "/api/labels"): "/api/labels",
    ("GET", "/api/facts"): "/api/facts?commodity=palladium&metric=imports&limit=2",
    ("GET", "/api/facts/values"): "/api/facts/values?field=company&prefix=sumi&limit=5",
    ("GET", "/api/facts/series/titles"): "/api/facts/series/titles?prefix=electric&limit=5",
    ("GET", "/api/facts/series"): "/api/facts/series?commodity=electric+vehicles&metric=sales&country=Japan",
    ("GET", "/api/facts/contradictions"): "/api/facts/contradictions",
}
EXAMPLE_STRINGS = {"date-time": "2025-03-14T09:30:00Z", "uri": "https://example.com/article"}
_BACKTICKS = re.compile(r"`([^`]+)`")


def inline_code(text: str) -> Markup:
    """Descriptions mark code with backticks, as Markdown does; show it as code, everything else escaped."""
    return Markup(_BACKTICKS.sub(lambda m: f"<code>{m[1]}</code>", str(escape(text))))


def example_of(schema: dict[str, Any], spec: dict[str, Any], depth: int = 0) -> Any:
    """A value of the schema's shape: one item per list, the first choice of a union that is not null."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return example_of(spec["components"]["schemas"][name], spec, depth + 1) if depth < 6 else {}
    if "anyOf" in schema:
        choices = [s for s in schema["anyOf"] if s.get("type") != "null"] or schema["anyOf"]
        return example_of(choices[0], spec, depth)
    if "enum" in schema or "const" in schema:
        return schema.get("enum", [schema.get("const")])[0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {name: example_of(sub, spec, depth) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [example_of(schema.get("items", {}), spec, depth)]
    return {"integer": 1, "number": 12.5, "boolean": False}.get(kind or "",
                                                                  EXAMPLE_STRINGS.get(schema.get("format", ""), "…"))


def _success(op: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The operation's 2xx status and its JSON schema."""
    status = min((s for s in op.get("responses", {}) if s.startswith("2")), default="200")
    content = op.get("responses", {}).get(status, {}).get("content", {})
    return status, content.get("application/json", {}).get("schema", {})


def _form_fields(op: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A multipart body's fields, listed with the parameters: a JSON body is shown by its example instead."""
    schema = op.get("requestBody", {}).get("content", {}).get("multipart/form-data", {}).get("schema", {})
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    required = set(schema.get("required", []))
    return [{"name": name, "in": "form", "required": name in required,
             "type": "file" if "contentMediaType" in field else field.get("type"),
             "description": field.get("description", "")} for name, field in schema.get("properties", {}).items()]


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Flatten the OpenAPI paths into rows a page can list: method, path, parameters, examples."""
    rows = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": p.get("schema", {}).get("type", p.get("schema", {}).get("anyOf", [{}])[0].get("type")),
                       "description": p.get("description", "")} for p in op.get("parameters", [])]
            params += _form_fields(op, spec)
            status, schema = _success(op)
            example = EXAMPLES.get((method.upper(), path), "")
            rows.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                         "description": op.get("description", ""), "parameters": params,
                         "body": next(iter(op.get("requestBody", {}).get("content", {})), ""),
                         "responses": sorted(op.get("responses", {})),
                         "needs_token": bool(op.get("security")),
                         "example": example, "try_it": example if example.startswith("/") else None,
                         "status": status,
                         "response": json.dumps(example_of(schema, spec), indent=2, ensure_ascii=False)})
    return rows


def docs_page(request: Request) -> HTMLResponse:
    return render(request, "docs.html", {"operations": operations(request.app.openapi()),
                                         "inline_code": inline_code})
