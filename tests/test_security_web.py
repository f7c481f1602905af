"""Hostile pages in the web UI: the HTML corpus of tests/data/hostile, analysed and stored,
then every view opened in headless Chromium. Their article text, titles, outlets, entity
and place names carry script payloads: none may run (no dialog, no flag set on window), and
no element they describe may appear. The `browser` and `page` fixtures (network confined to
127.0.0.1, console errors fail the test) are tests/test_web.py's."""

from __future__ import annotations

from urllib.parse import quote

import pytest

import test_web
from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.pipeline import analyze_documents
from marsad.store import Store
from test_hostile import hostile
from test_store_support import A, E, P, analysis

browser = test_web.browser  # the fixtures, under the names this module asks for them
web_page = test_web.page

PAYLOAD = '<img src=x onerror="alert(1);window.__pwned=1">'
INJECTED = ("img[src='x'], script:not([src]), svg[onload], iframe, [onerror], [onload], "
            "[onmouseover], a[href^='javascript']")


def _crafted():
    """Payloads where the pipeline would never put them: entity, place and outlet names."""
    actor, place = f"قوات {PAYLOAD}", f"مدينة {hostile.PAYLOADS[2]}"
    text = f"هاجمت {actor} مواقع في {place} فجر الاثنين."
    return analysis(text, url="javascript:alert(1)", source=hostile.PAYLOAD,
                    published="2021-03-08", title=f"عاجل {PAYLOAD}",
                    events=[E("هاجمت", "ASSAULT", [A(actor)], [],
                              P(place, lat=33.9, lon=35.5, country="LBN"))])


@pytest.fixture(scope="module")
def records(tmp_path_factory, nlp) -> list:
    """The hostile HTML corpus (and a few other pages) as the pipeline analyses them."""
    folder = tmp_path_factory.mktemp("hostile-pages")
    paths = hostile.write_corpus(folder, [c for c in hostile.CASES if c.name.endswith(".html")
                                          or c.name in ("bidi.txt", "bad-fields.jsonl")])
    items = read_inputs([str(p) for p in paths.values()], ReadOptions())
    documents = [d for d in items if not isinstance(d, InputError)]
    return [*analyze_documents(documents, nlp=nlp), _crafted()]


@pytest.fixture(scope="module")
def server(tmp_path_factory, records):
    url = str(tmp_path_factory.mktemp("hostile-web") / "store.db")
    Store.open(url).add(records)
    with test_web.serving(url) as base:
        yield base, "sqlite"


def _assert_nothing_ran(tab, dialogs: list[str]) -> None:
    assert dialogs == []
    assert tab.evaluate("window.__pwned") is None
    assert tab.locator(f"#main :is({INJECTED})").count() == 0


def test_no_view_runs_or_builds_what_untrusted_pages_carry(web_page, server, records):
    page, (base, _) = web_page, server
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    views = ["overview", "articles", "events", "map", "timeline", "network",
             *(f"article/{quote(r.article.id)}" for r in records),
             f"events?actor={quote(PAYLOAD)}&type={quote(hostile.PAYLOADS[0])}"]
    for view in views:
        page.goto(f"{base}/#/{view}")
        page.wait_for_selector("#main > :not(.muted)", timeout=15_000)
        page.wait_for_load_state("networkidle")
        _assert_nothing_ran(page, dialogs)
    crafted = records[-1]
    page.goto(f"{base}/#/article/{crafted.article.id}")
    page.wait_for_selector("#article-text mark.entity")
    shown = page.inner_text("#main")
    assert PAYLOAD in shown  # shown as text, exactly
    assert "javascript:alert(1)" in shown and page.locator("a[href^='javascript']").count() == 0
    _assert_nothing_ran(page, dialogs)


def test_pasting_a_hostile_article_shows_it_as_text(web_page, server):
    page = web_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page.base + "/#/analyze")
    page.fill("#paste", f"تظاهر محتجون في بيروت {hostile.PAYLOAD} احتجاجاً على الغلاء.")
    page.click("#run")
    page.wait_for_selector("#result #article-text")
    assert hostile.PAYLOADS[0] in page.inner_text("#result #article-text")
    _assert_nothing_ran(page, dialogs)
