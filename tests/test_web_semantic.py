"""The search switch of the web UI's articles page: by words (full text) or by meaning
(semantic), in headless Chromium against a live server over an embedded SQLite store. The
`browser` and `page` fixtures are tests/test_web.py's."""

from __future__ import annotations

import pytest

import test_web
from marsad.store import Store
from test_store_semantic import ARTICLES, ENGLISH_QUERY, reports

browser = test_web.browser
page = test_web.page


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web-semantic") / "store.db")
    store = Store.open(db)
    store.add(reports())
    store.embed()
    store.add(test_web.sirte_reports()[:1])  # one article left without a vector
    with test_web.serving(db) as base:
        yield base, "sqlite"


def test_the_switch_searches_by_meaning(page):
    page.goto(page.base + "/#/articles")
    page.wait_for_selector("#search-mode")
    assert page.locator("#search-mode option:checked").inner_text() == "بالكلمات"
    page.fill("input[name=q]", ENGLISH_QUERY)
    page.select_option("#search-mode", "semantic")
    page.click("form.filters button")
    page.wait_for_selector("#articles .score")
    first = page.locator("#articles tr").nth(1)
    assert ARTICLES["beirut"][0] in first.inner_text()
    assert "/search?" in page.get_attribute("#twin", "href")
    assert page.inner_text("#unembedded").endswith(": 1")
    test_web.shot(page, "semantic-search", "sqlite")
    assert page.locator("#search-mode option:checked").inner_text() == "بالمعنى (عربي أو إنجليزي)"
    page.click("#lang")
    page.wait_for_selector("h1 >> text=Articles")
    assert page.locator("#search-mode option:checked").inner_text() \
        == "By meaning (Arabic or English)"


def test_by_words_is_the_default(page):
    page.goto(page.base + "/#/articles?q=" + "بيروت")
    page.wait_for_selector("#articles tr >> nth=1")
    assert page.locator("#articles .score").count() == 0
    assert page.get_attribute("#twin", "href").startswith("/articles?")
    assert page.locator("#articles tr").count() == 1 + 2  # header, the two Beirut articles
