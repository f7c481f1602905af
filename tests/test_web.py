"""The web UI in headless Chromium (Debian's, driven by Playwright), against a live
``marsad serve`` on 127.0.0.1 over SQLite and PostgreSQL. Screenshots go to docs/ui/ when
MARSAD_SCREENSHOTS=1."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn

from marsad.api import create_app
from marsad.store import Store
from test_store_support import BACKENDS, E, analysis, database, service_missing, sirte_reports

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "ui"
# Keep Chromium off the network: no background services, no component updates, no sync.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
    "--disable-component-update", "--disable-default-apps", "--disable-sync",
    "--disable-extensions", "--no-first-run", "--metrics-recording-only",
    "--disable-domain-reliability", "--disable-client-side-phishing-detection",
]
HOSTILE = ('<img src=x onerror="window.__pwned=1">'
           '<script>window.__pwned=1</script>')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hostile_article():
    text = f"عنوان {HOSTILE}\nتظاهر محتجون في بيروت {HOSTILE} احتجاجاً على الغلاء."
    return analysis(text, url="https://evil.example/x", source="<b>outlet</b>",
                    published="2021-03-08", title=f"خبر {HOSTILE}",
                    events=[E("تظاهر", "PROTEST")])


@contextlib.contextmanager
def serving(db_url: str):
    """`marsad serve`'s app over ``db_url`` in a thread on a free loopback port."""
    config = uvicorn.Config(create_app(db_url), host="127.0.0.1", port=_free_port(),
                            log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("web")) as url:
        Store.open(url).add([*sirte_reports(), _hostile_article()])
        with serving(url) as base:
            yield base, request.param


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        service_missing("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    base, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    visited: list[str] = []
    errors: list[str] = []

    def only_this_server(route):
        url = route.request.url
        visited.append(url)
        host = urlparse(url).hostname
        if host == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_this_server)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.base = base
    yield tab
    context.close()
    outside = [u for u in visited if urlparse(u).hostname not in (None, "127.0.0.1")]
    assert outside == [], "the UI reached outside 127.0.0.1"
    assert errors == [], errors


def shot(page, name: str, backend: str) -> None:
    if os.environ.get("MARSAD_SCREENSHOTS") == "1" and backend == "sqlite":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_overview_in_arabic_and_english(page, server):
    page.goto(page.base + "/")
    page.wait_for_selector("#stat-articles b")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.inner_text("#stat-articles b") == "5"
    assert page.inner_text("#stat-fused_events b") == "3"
    shot(page, "overview", server[1])
    page.click("#lang")
    page.wait_for_selector("nav >> text=Events")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.click("#lang")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_events_table_filters_and_links_to_sentences(page, server):
    page.goto(page.base + "/#/events?type=ASSAULT")
    page.wait_for_selector("#events tr.event")
    assert page.locator("#events tr.event").count() == 1
    row = page.inner_text("#events tr.event")
    assert "ASSAULT" in row and "سرت" in row and "3" in row
    shot(page, "events", server[1])
    page.fill("input[name=type]", "")
    page.fill("input[name=actor]", "وقطر")
    page.click("form.filters button")
    page.wait_for_function("location.hash.includes('actor=')")
    page.wait_for_selector("#events tr.event >> text=CONSULT")
    assert page.locator("#events tr.event").count() == 1
    assert "/events?actor=" in page.get_attribute("#twin", "href")
    page.click("a.sentence-link")
    page.wait_for_selector("mark.focus")
    assert "سوف تلتقي" in page.inner_text("mark.focus >> nth=0") + page.inner_text(
        "#article-text")


def test_article_view_highlights_every_layer(page, server):
    wire = sirte_reports()[2]
    page.goto(page.base + f"/#/article/{wire.article.id}")
    page.wait_for_selector("#article-text mark.event")
    for kind, text in [("event", "شنت"), ("entity", "قوات حفتر"), ("place", "سرت"),
                       ("loaded", "عدوان سافر")]:
        marks = page.locator(f"#article-text mark.{kind}").all_inner_texts()
        assert any(text in m for m in marks), (kind, marks)
    assert "marsad.analysis/1" in page.inner_text("#analysis pre.json")
    shot(page, "article", server[1])


def test_untrusted_text_is_shown_not_run(page, server):
    page.goto(page.base + "/#/articles")
    page.wait_for_selector("#articles tr >> text=خبر")
    hostile = _hostile_article()
    page.goto(page.base + f"/#/article/{hostile.article.id}")
    page.wait_for_selector("#article-text")
    assert "<script>" in page.inner_text("#article-text")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article-text img, #article-text script").count() == 0


def test_map_timeline_and_network(page, server):
    page.goto(page.base + "/#/map")
    page.wait_for_selector("#map circle.event-dot")
    assert page.locator("#map path.land").count() > 100  # the bundled basemap
    assert page.locator("#map circle.event-dot").count() == 2  # Sirte, Ankara
    shot(page, "map", server[1])
    page.goto(page.base + "/#/timeline")
    page.wait_for_selector("#timeline rect")
    assert page.locator("#timeline rect").count() == 3  # three days with events
    shot(page, "timeline", server[1])
    page.goto(page.base + "/#/network")
    page.wait_for_selector("#network circle.node")
    assert page.locator("#network circle.node").count() == 3
    assert page.locator("#network line.edge").count() == 2
    shot(page, "network", server[1])


def test_paste_an_article(page, server):
    page.goto(page.base + "/#/analyze")
    page.fill("#paste", "استقبل الرئيس التركي أمير قطر في أنقرة يوم الثلاثاء.")
    page.click("#run")
    page.wait_for_selector("#result #article-text")
    assert "استقبل الرئيس التركي" in page.inner_text("#result #article-text")
    shot(page, "analyze", server[1])
