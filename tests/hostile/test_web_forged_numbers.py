"""Tokens and cookies whose numbers are not numbers: `str.isdigit` takes `²` and `int` refuses 5,000 digits,
so a check built on the two answered a forged value with a server error instead of refusing it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from metalnomist.web.security import CSRF_COOKIE
from metalnomist.web.session import SESSION_COOKIE
from tests.web.conftest import Site, html, open_site, select

ODD_NUMBERS = ["²", "9" * 5000, "١٢٣"]  # a superscript, past int()'s 4,300 digits, Arabic-Indic digits


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = None if request.param == "sqlite" else str(request.getfixturevalue("pg_module_url"))
    yield from open_site(tmp_path_factory.mktemp("forged"), db)


@pytest.mark.parametrize("issued", ODD_NUMBERS)
def test_a_csrf_token_with_an_odd_time_is_refused_not_an_error(site: Site, issued: str) -> None:
    url = site.iron_ore
    token = select(html(site.client.get(url)), "input[name=csrf_token]")[0].get("value")
    assert site.client.cookies.get(CSRF_COOKIE)
    forged = issued + "." + token.split(".", 1)[1]
    response = site.client.post(url, data={"csrf_token": forged, "author": "M", "body": "Forged"},
                                follow_redirects=False)
    assert response.status_code == 403


@pytest.mark.parametrize("cookie", ["1.².sig", f"1.{'9' * 5000}.sig", "².1.sig", f"{'9' * 5000}.1.sig",
                                    "2147483648.{now}.sig"])  # an account id past PostgreSQL's integer
def test_a_session_cookie_with_odd_numbers_is_no_session(site: Site, cookie: str) -> None:
    """A forged session is the same as none: the desk sends the visitor to log in, every other page serves.
    Sent as the raw bytes a browser may send (latin-1, as the server reads headers)."""
    header = {"cookie": f"{SESSION_COOKIE}={cookie.format(now=int(time.time()))}".encode("latin-1")}
    assert site.client.get("/", headers=header).status_code == 200
    desk = site.client.get("/admin", headers=header, follow_redirects=False)
    assert desk.status_code in (302, 303) and "login" in desk.headers["location"]
