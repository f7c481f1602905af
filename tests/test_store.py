"""The corpus store: schema and migrations, idempotent transactional writes, stories,
Arabic full-text search and structured queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from marsad.store import ArticleFilter, EventFilter, Store, StoreError, database_url
from marsad.store import writer as store_writer
from marsad.store.models import Base
from test_store_support import (
    BACKENDS,
    SIRTE,
    TURKEY,
    A,
    E,
    analysis,
    database,
    sirte_reports,
)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with database(request.param, tmp_path) as url:
        opened = Store.open(url)
        yield opened
        opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, tmp_path_factory):
    """A store holding the Sirte reports, shared by the tests that only read."""
    with database(request.param, tmp_path_factory.mktemp("filled")) as url:
        opened = Store.open(url)
        opened.add(sirte_reports())
        yield opened
        opened.close()


def test_database_urls():
    assert database_url("out/x.db") == "sqlite:///out/x.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///a.db") == "sqlite:///a.db"


def test_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "nowhere" / "x.db"))


def test_migrations_create_exactly_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def ours(obj, name, type_, reflected, compare_to):
        return not (name or "").startswith(("article_fts", "alembic", "ix_articles_search_tsv"))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, Base.metadata) == []


def test_reopening_keeps_the_data(store):
    store.add(sirte_reports()[:1])
    again = Store.open(store.engine.url.render_as_string(hide_password=False))
    assert again.stats()["articles"] == 1


def test_sqlite_uses_wal(tmp_path):
    store = Store.open(str(tmp_path / "w.db"))
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_adding_twice_stores_once(store):
    reports = sirte_reports()
    assert len(store.add(reports)) == 4
    assert store.add(reports) == []
    assert store.add(reports[:1] + reports[:1]) == []
    stats = store.stats()
    assert (stats["articles"], stats["events"]) == (4, 4)


def test_a_batch_is_one_transaction(store, monkeypatch):
    reports = sirte_reports()
    original = store_writer._add_events

    def fail_on_third(session, record, story_id):
        if record.article.id == reports[2].article.id:
            raise RuntimeError("simulated crash")
        return original(session, record, story_id)

    monkeypatch.setattr(store_writer, "_add_events", fail_on_third)
    with pytest.raises(RuntimeError):
        store.add(reports)
    assert store.stats()["articles"] == 0
    monkeypatch.setattr(store_writer, "_add_events", original)
    assert len(store.add(reports)) == 4  # nothing half-written blocks the retry


def test_the_stored_record_is_the_analysis(filled):
    original = sirte_reports()[2]
    assert filled.analysis(original.article.id) == original.to_dict()
    assert filled.analysis("no-such-id") is None


def test_wire_copies_share_a_story(filled):
    wire, copy, other, _ = sirte_reports()
    assert filled.article(copy.article.id)["story_id"] == wire.article.id
    assert filled.article(wire.article.id)["story_size"] == 2
    assert filled.article(other.article.id)["story_id"] == other.article.id
    story = filled.articles(ArticleFilter(story=wire.article.id))
    assert {a["id"] for a in story["items"]} == {wire.article.id, copy.article.id}


@pytest.mark.parametrize(("query", "expected"), [
    ("وأنقرة", {0, 1, 3}),       # a conjunction on the query word
    ("انقره", {0, 1, 3}),        # no hamza, final ha for ta marbuta
    ("بسرت", {0, 1, 2}),         # a preposition
    ("الذخيرة", {0, 1}),         # the article on the query, not in the text (للذخيرة)
    ("غارات سرت", {2}),          # every word must match
    ("دمشق", set()),
])
def test_search_matches_across_clitics_and_spelling(filled, query, expected):
    reports = sirte_reports()
    found = filled.articles(ArticleFilter(q=query), limit=10)["items"]
    assert {a["id"] for a in found} == {reports[i].article.id for i in expected}


def test_search_snippet_points_at_the_match(filled):
    hit = filled.articles(ArticleFilter(q="وأنقرة"))["items"][0]
    start, end = hit["snippet"]["match"]
    assert hit["snippet"]["text"][start:end] == "أنقرة"


def test_search_ignores_punctuation_only_queries(filled):
    assert filled.articles(ArticleFilter(q="«»!"))["total"] == 0


@pytest.mark.parametrize(("flt", "types"), [
    (EventFilter(), {"ASSAULT", "CONSULT"}),
    (EventFilter(type="assault"), {"ASSAULT"}),
    (EventFilter(actor="Q43"), {"ASSAULT", "CONSULT"}),        # KB id
    (EventFilter(actor="وقطر"), {"CONSULT"}),                  # a name, with a clitic
    (EventFilter(actor="kb:Q_LNA"), {"ASSAULT"}),              # a store key
    (EventFilter(country="lby"), {"ASSAULT"}),                 # the place's country
    (EventFilter(country="QAT"), {"CONSULT"}),                 # an actor's country
    (EventFilter(sector="MIL"), {"ASSAULT"}),
    (EventFilter(mode="aerial"), {"ASSAULT"}),
    (EventFilter(place="Sirte"), {"ASSAULT"}),
    (EventFilter(place="أنقرة"), {"CONSULT"}),
    (EventFilter(lat=31.0, lon=16.5, km=50), {"ASSAULT"}),
    (EventFilter(lat=31.0, lon=16.5, km=5), set()),
    (EventFilter(date_from=dt.date(2020, 7, 7), date_to=dt.date(2020, 7, 31)),
     {"ASSAULT", "CONSULT"}),
    (EventFilter(date_from=dt.date(2020, 7, 8)), {"CONSULT"}),
    (EventFilter(outlet="copycat"), {"ASSAULT"}),
    (EventFilter(stance="endorsing"), {"ASSAULT"}),
    (EventFilter(q="الخارجية"), {"CONSULT"}),
    (EventFilter(type="ASSAULT", country="QAT"), set()),
])
def test_event_filters(filled, flt, types):
    assert {e["type"] for e in filled.events(flt)["items"]} == types


def test_events_carry_their_reports(filled):
    (strike,) = filled.events(EventFilter(type="ASSAULT"))["items"]
    assert strike["actors"] == ["تركيا"] and strike["recipients"] == ["قوات حفتر"]
    assert strike["place"]["name"] == SIRTE.text
    assert (strike["date_first"], strike["date_last"]) == ("2020-07-06", "2020-07-07")
    sentences = {r["sentence"] for r in strike["reports"]}
    assert any(s.startswith("قصفت طائرات مسيرة") for s in sentences)
    for report in strike["reports"]:
        record = filled.analysis(report["article_id"])
        start, end = report["sentence_start"], report["sentence_end"]
        assert record["article"]["text"][start:end] == report["sentence"]
    assert {r["attributed_to"] for r in strike["reports"]} == {"مصدر عسكري", "قوات حفتر"}


def test_pagination(filled):
    first = filled.events(limit=1)
    second = filled.events(limit=1, offset=1)
    assert first["total"] == second["total"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert filled.events(limit=5, offset=5)["items"] == []


def test_actors_places_network_timeline_stats(filled):
    actors = filled.actors()["items"]
    turkey = next(a for a in actors if a["id"] == "kb:Q43")
    assert set(turkey["names"]) == {"تركيا", "الحكومة التركية"}
    assert turkey["n_events"] == 2 and turkey["sector"] == "GOV"
    assert filled.actors(q="التركية")["items"][0]["id"] == "kb:Q43"
    detail = filled.actor("Q43")
    assert {p["target_name"] for p in detail["partners"]} == {"قوات حفتر", "قطر"}
    places = {p["id"]: p for p in filled.places()["items"]}
    assert places["gn:2210554"]["n_articles"] == 3 and places["gn:2210554"]["n_events"] == 1
    edges = filled.network()["edges"]
    assert {(e["source"], e["target"], e["weight"]) for e in edges} == {
        ("kb:Q43", "kb:Q_LNA", 1), ("kb:Q43", "kb:Q846", 1)}
    assert filled.timeline()["items"] == [
        {"date": "2020-07-06", "type": "ASSAULT", "events": 1},
        {"date": "2020-07-20", "type": "CONSULT", "events": 1}]
    stats = filled.stats()
    assert {k: stats[k] for k in ("articles", "events", "fused_events", "sources", "stories")} \
        == {"articles": 4, "events": 4, "fused_events": 2, "sources": 3, "stories": 3}
    assert stats["entities"] == 3  # Turkey (two names, one KB id), Haftar's forces, Qatar


def test_an_article_without_events(store):
    quiet = analysis("عاد الهدوء إلى شوارع المدينة بعد أسبوع من المظاهرات.",
                     source="local", published="2020-08-01")
    store.add([quiet])
    assert store.stats()["fused_events"] == 0
    assert store.articles()["items"][0]["n_events"] == 0


def test_an_event_without_date_place_or_actors(store):
    bare = analysis("تظاهر المئات احتجاجاً على الغلاء.", events=[E("تظاهر", "PROTEST")])
    store.add([bare])
    (event,) = store.events()["items"]
    assert (event["date_first"], event["place"], event["actors"]) == (None, None, [])
    assert event["n_reports"] == 1


def test_unlinked_actor_is_found_by_name(store):
    store.add([analysis("هاجم مسلحون مجهولون حاجزاً أمنياً في درنة.", published="2020-07-01",
                        events=[E("هاجم", "ASSAULT", [A("مسلحون مجهولون")])])])
    assert store.events(EventFilter(actor="المسلحون المجهولون"))["total"] == 1
    assert store.events(EventFilter(actor=TURKEY.text))["total"] == 0
