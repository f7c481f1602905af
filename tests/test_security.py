"""Security: fetching URLs (no private addresses, bounded size, time and redirects), SQL
injection through every filter, the write token, the listening address and the CSP on
every response. The browser side (hostile pages shown, never run) is in
tests/test_security_web.py."""

from __future__ import annotations

import ast
import http.server
import re
import threading
import time
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from helpers import REPO, run_marsad
from marsad.api import create_app
from marsad.cli import cli
from marsad.ingest import InputError, ReadOptions
from marsad.ingest import fetch as fetch_module
from marsad.ingest.fetch import check_public, fetch_url
from marsad.store import EventFilter, Store
from marsad.store.query import ArticleFilter
from test_store_support import BACKENDS, database, sirte_reports

TOKEN = "t0ken-for-tests"

# --- fetching URLs ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/admin", "http://[::1]/", "http://0.0.0.0/",
    "http://10.0.0.8/", "http://172.16.3.4/", "http://192.168.1.1/router",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata (link-local)
    "http://[fe80::1]/", "http://[fc00::1]/", "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",  # 127.0.0.1 written as one number
    "http://100.64.0.1/",  # carrier-grade NAT
])
def test_private_loopback_and_link_local_addresses_are_refused(url):
    with pytest.raises(InputError, match="refusing to fetch from non-public address"):
        check_public(url, allow_private=False)
    check_public(url, allow_private=True)  # unless explicitly allowed


def test_the_cli_refuses_the_metadata_address_in_one_line():
    result = run_marsad("analyze", "http://169.254.169.254/latest/meta-data/")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == (
        "marsad: error: http://169.254.169.254/latest/meta-data/: refusing to fetch from "
        "non-public address 169.254.169.254 (pass --allow-private to fetch from your own "
        "network)\n")


class _Site(http.server.BaseHTTPRequestHandler):
    """A hostile web server: redirect chains, redirects inward, huge and trickling bodies."""

    def do_GET(self):
        path = urlsplit(self.path).path
        if path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/hop/{left - 1}" if left > 1 else "/article"
            return self._redirect(target)
        if path == "/inward":
            return self._redirect("http://169.254.169.254/latest/meta-data/")
        if path == "/to-localhost":
            return self._redirect(f"http://localhost:{self.server.server_port}/article")
        if path == "/huge":
            return self._body(b"<p>" + "ن".encode() * 1_000_000 + b"</p>")
        if path == "/endless":  # no Content-Length, never ends
            self.send_response(200)
            self.end_headers()
            try:
                while True:
                    self.wfile.write("ن".encode() * 10_000)
            except (BrokenPipeError, ConnectionResetError):
                return
        if path == "/trickle":  # one byte at a time: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100_000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                return
        if path == "/article":
            return self._body(ARTICLE_PAGE)
        self.send_error(500)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _body(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


ARTICLE_PAGE = (
    "<html><head><title>زيارة</title></head><body><article><h1>زيارة</h1><p>وصل وزير "
    "الخارجية المصري إلى بغداد في زيارة رسمية تستمر يومين لبحث العلاقات الثنائية.</p>"
    "</article></body></html>").encode()


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def only_the_test_site_is_public(monkeypatch):
    """The test site is on 127.0.0.1; let that one address through, check every other."""
    real = fetch_module.check_public

    def check(url: str, allow_private: bool) -> None:
        if urlsplit(url).hostname != "127.0.0.1":
            real(url, allow_private)

    monkeypatch.setattr(fetch_module, "check_public", check)


def test_a_page_is_fetched_through_a_few_redirects(site, only_the_test_site_is_public):
    data, final = fetch_url(f"{site}/hop/3", ReadOptions())
    assert "وزير الخارجية".encode() in data and final.endswith("/article")


def test_too_many_redirects_are_refused(site, only_the_test_site_is_public):
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch_url(f"{site}/hop/4", ReadOptions())


@pytest.mark.parametrize(("path", "address"), [("/inward", "169.254.169.254"),
                                                ("/to-localhost", "")])
def test_a_redirect_to_a_private_address_is_refused(site, only_the_test_site_is_public, path,
                                                     address):
    with pytest.raises(InputError, match=f"refusing to fetch from non-public address {address}"):
        fetch_url(site + path, ReadOptions())


@pytest.mark.parametrize("path", ["/huge", "/endless"])
def test_responses_are_capped_in_size(site, only_the_test_site_is_public, path):
    with pytest.raises(InputError, match="response larger than 100,000 bytes"):
        fetch_url(site + path, ReadOptions(max_bytes=100_000))


def test_a_trickling_server_is_cut_off_by_the_total_timeout(site, only_the_test_site_is_public):
    with pytest.raises(InputError, match=r"no complete answer within 0\.5 s"):
        fetch_url(f"{site}/trickle", ReadOptions(timeout=0.5))


def test_server_errors_are_one_line(site, only_the_test_site_is_public):
    with pytest.raises(InputError, match="HTTP 500"):
        fetch_url(f"{site}/nothing-here", ReadOptions())


# --- SQL injection ------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1", "\" OR \"1\"=\"1", "1; DROP TABLE articles; --", "') OR 1=1 --",
    "x' UNION SELECT id, text FROM articles --", "%' OR 1=1 OR '%'='", "\\'; SELECT 1; --",
    "*", "\"*\"", "NEAR(a b)", "a OR b AND NOT c", "سرت' OR '1'='1", "(((", "!&|:*",
    "\x00", "' OR pg_sleep(5) --", "1 OR 1=1",
]


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("injection")) as url:
        Store.open(url).add(sirte_reports())
        with TestClient(create_app(url, token=TOKEN, rate_per_minute=100_000)) as test_client:
            yield test_client


def _text_filters() -> list[str]:
    numeric = {"lat", "lon", "km", "date_from", "date_to"}
    return [name for name in EventFilter.model_fields if name not in numeric]


@pytest.mark.parametrize("injection", INJECTIONS)
def test_injection_strings_through_every_filter_match_nothing(client, injection):
    before = client.get("/stats").json()
    if "\x00" in injection:  # refused before any query: PostgreSQL takes no NUL, bound or not
        for path in ("/events", "/articles", "/actors", "/places", "/search", "/network"):
            response = client.get(path, params={"q": injection, "actor": injection})
            assert response.status_code == 400 and "NUL" in response.json()["detail"], path
        assert client.get("/articles/a%00b").status_code == 400
        return
    for name in _text_filters():
        for path in ("/events", "/network", "/timeline"):
            response = client.get(path, params={name: injection})
            if name == "polarity":  # a closed set: anything else is refused
                assert response.status_code == 422, (path, response.text)
                continue
            assert response.status_code == 200, (path, name, response.text)
            body = response.json()
            found = body.get("items", body.get("edges"))
            assert not found, (path, name, injection)  # no filter turns into "everything"
    for name in ArticleFilter.model_fields:
        if name.startswith("date"):
            continue
        response = client.get("/articles", params={name: injection})
        assert response.status_code == 200 and response.json()["total"] == 0, name
    for path in ("/actors", "/places"):
        for name in ("q", "country"):
            response = client.get(path, params={name: injection})
            assert response.status_code == 200 and response.json()["total"] == 0, (path, name)
    search = client.get("/search", params={"q": injection})
    assert search.status_code in (200, 422) and not search.json().get("items")
    for path in ("/articles/", "/actors/"):
        assert client.get(path + injection).status_code in (404, 422)
    assert client.get("/stats").json() == before


def test_numeric_filters_refuse_injection(client):
    for name in ("lat", "lon", "km", "date_from", "date_to"):
        assert client.get("/events", params={name: "1 OR 1=1"}).status_code == 422, name
    assert client.get("/events/1 OR 1=1").status_code == 422


def test_the_cli_passes_injection_strings_as_data(tmp_path):
    db = str(tmp_path / "cli.db")
    Store.open(db).add(sirte_reports())
    runner = CliRunner()
    for injection in INJECTIONS[:6]:
        for option in ("--actor", "--place", "--q", "--outlet", "--type"):
            result = runner.invoke(cli, ["query", "events", "--db", db, option, injection,
                                         "--format", "json"])
            assert result.exit_code == 0, (option, result.output)
            assert '"total": 0' in result.stdout, (option, injection)
    assert Store.open(db).stats()["articles"] == 4


def test_sql_is_built_from_constants_and_bound_parameters_only():
    """No SQL text is assembled from values: an f-string in text() or literal_column() may
    name only the module's constant tables."""
    allowed = {"FTS_TABLE"}
    for path in sorted((REPO / "src" / "marsad" / "store").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(
                    node.func, "attr", None)) in {"text", "literal_column", "execute"}):
                continue
            for arg in node.args[:1]:
                if isinstance(arg, ast.JoinedStr):
                    names = {v.value.id for v in arg.values if isinstance(v, ast.FormattedValue)
                             and isinstance(v.value, ast.Name)}
                    formatted = [v for v in arg.values if isinstance(v, ast.FormattedValue)]
                    assert len(names) == len(formatted) and names <= allowed, \
                        f"{path.name}:{node.lineno}: SQL built from a value"
                assert not isinstance(arg, ast.BinOp), f"{path.name}:{node.lineno}: SQL by +/%"


# --- writes, address, headers -------------------------------------------------------------


def test_every_write_needs_the_token(client):
    article = {"text": "وقّع البلدان اتفاقية للتعاون في مجال الطاقة.", "url": "https://t.example/1"}
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": TOKEN},
                    {"Authorization": f"bearer{TOKEN}"}):
        response = client.post("/ingest", json={"articles": [article]}, headers=headers)
        assert response.status_code == 401, headers
    writes = [(route.path, method) for route in client.app.routes
              for method in getattr(route, "methods", ()) if method not in ("GET", "HEAD")]
    assert sorted(writes) == [("/analyze", "POST"), ("/ingest", "POST")]  # /analyze stores nothing


def test_serve_binds_to_loopback_by_default():
    serve = cli.commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


STRICT = {"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
          "frame-ancestors 'none'"}


def test_a_strict_csp_on_every_response(client):
    responses = [client.get(p) for p in ("/", "/index.html", "/app.js", "/app.css", "/stats",
                                         "/events?limit=abc", "/articles/nope", "/nope")]
    responses.append(client.post("/analyze", json={}))
    responses.append(client.post("/ingest", json={"articles": []}))
    for response in responses:
        policy = response.headers["content-security-policy"]
        directives = {d.strip() for d in policy.split(";")}
        assert directives >= STRICT, response.url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_page_needs_no_inline_script_or_style():
    static = REPO / "src" / "marsad" / "web" / "static"
    page = (static / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    assert " on" not in page.replace(" only", "")  # no onclick= and the like
    script = (static / "app.js").read_text(encoding="utf-8")
    sinks = re.compile(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML\(|document\.write|"
                       r"\beval\(|new Function\(|setTimeout\(\s*['\"`]")
    assert sinks.findall(script) == []  # text goes in with textContent and attributes only


def _surrogate_body() -> bytes:
    return b'{"text": "\\ud800 \xd9\x88\xd8\xb5\xd9\x84"}'


def test_unencodable_input_is_a_422_not_a_500(client):
    response = client.post("/analyze", content=_surrogate_body(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 422 and "valid string" in response.text


def test_paths_are_not_files(client):
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../../pyproject.toml"):
        response = client.get(path)
        assert response.status_code == 404 and "root:" not in response.text, path

