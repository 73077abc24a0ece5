"""The /docs page: every operation and parameter described, code shown as code, examples that run."""

from __future__ import annotations

from urllib.parse import urlsplit

from metalnomist.web.docs import example_of
from tests.web.conftest import Site, html, select, text_of


def test_every_parameter_of_every_operation_is_described(site: Site) -> None:
    doc = html(site.client.get("/docs"))
    rows = select(doc, ".operation table.params tbody tr")
    assert len(rows) > 20
    undescribed = [text_of(r.xpath("td[1]/code")[0]) for r in rows if not text_of(r.xpath("td[2]")[0])]
    assert undescribed == []
    names = {text_of(r.xpath("td[1]/code")[0]) for r in rows}
    assert {"q", "by-date", "label", "commodity", "post_id"} <= names


def test_backticks_are_rendered_as_code_and_markup_stays_escaped(site: Site) -> None:
    doc = html(site.client.get("/docs"))
    assert "`" not in text_of(select(doc, "main")[0])
    search = next(s for s in select(doc, ".operation") if text_of(select(s, "h2")[0]) == "GET /api/search")
    assert "true" in [text_of(c) for c in select(search, "td code")]


def test_every_operation_has_an_example_and_every_try_it_link_answers(site: Site) -> None:
    doc = html(site.client.get("/docs"))
    operations = select(doc, ".operation")
    assert operations
    for op in operations:
        name = text_of(select(op, "h2")[0])
        assert select(op, "p.example-request") and select(op, ".example-response pre"), name
        links = [a.get("href") for a in select(op, "a.try-it")]
        assert bool(links) == (name.startswith("GET") and not select(op, "p.needs-token")), name
        for href in links:
            answer = site.client.get(href)
            assert answer.status_code == 200 and answer.json(), href
            assert urlsplit(href).path.count("/") >= 2


def test_an_example_response_has_the_schema_shape() -> None:
    spec = {"components": {"schemas": {"Hit": {"type": "object", "properties": {
        "id": {"type": "integer"}, "when": {"anyOf": [{"type": "null"}, {"type": "string", "format": "date-time"}]},
        "labels": {"type": "array", "items": {"type": "string"}}, "sort": {"enum": ["relevance", "date"]}}}}}}
    assert example_of({"$ref": "#/components/schemas/Hit"}, spec) == {
        "id": 1, "when": "2025-03-14T09:30:00Z", "labels": ["…"], "sort": "relevance"}


def test_an_upload_lists_its_form_fields_and_says_it_is_not_json(site: Site) -> None:
    doc = html(site.client.get("/docs"))
    upload = next(s for s in select(doc, ".operation") if text_of(select(s, "h2")[0]) == "POST /api/media")
    fields = {text_of(r.xpath("td[1]/code")[0]): text_of(r.xpath("td[1]/span")[0])
              for r in select(upload, "table.params tbody tr")}
    assert fields == {"post_id": "form, integer, required", "alt": "form, string, required",
                      "image": "form, file, required"}
    assert "multipart/form-data" in text_of(upload) and "application/json" not in text_of(upload)
