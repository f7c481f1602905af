"""Event fusion: one real-world event reported by many articles is one fused event that
keeps every report, with honest counts of articles, outlets and independent stories."""

from __future__ import annotations

import zlib

import pytest

from marsad.store import EventFilter, Store
from marsad.store.fusion import actor_relation, distance_km, place_relation
from marsad.store.index import PlaceRef
from test_store_support import HAFTAR, SIRTE, TURKEY, WIRE, A, E, P, analysis, sirte_reports


@pytest.fixture
def store(tmp_path):
    opened = Store.open(str(tmp_path / "fusion.db"))
    yield opened
    opened.close()


def assaults(store: Store) -> list[dict]:
    return store.events(EventFilter(type="ASSAULT"))["items"]


def test_wire_copies_and_rewrites_fuse_with_honest_counts(store):
    store.add(sirte_reports())
    (strike,) = assaults(store)
    # wire + republished copy + another outlet's rewrite: three reports, three articles,
    # three outlets, but only two independent stories (the copy is the wire's).
    assert (strike["n_reports"], strike["n_articles"], strike["n_outlets"],
            strike["n_stories"]) == (3, 3, 3, 2)
    assert {r["source"] for r in strike["reports"]} == {"wire", "copycat", "other"}
    assert store.stats()["events"] == 4 and store.stats()["fused_events"] == 2


def test_fusion_does_not_depend_on_arrival_order(store):
    for report in reversed(sirte_reports()):
        store.add([report])
    (strike,) = assaults(store)
    assert (strike["n_reports"], strike["n_articles"], strike["n_stories"]) == (3, 3, 2)


def test_two_mentions_in_one_article_count_one_article(store):
    text = ("قصفت تركيا مواقع قوات حفتر في سرت. وبحسب المصدر فإن الطيران التركي قصف "
            "المواقع مرتين خلال الليل.")
    twice = analysis(text, source="wire", published="2020-07-06", events=[
        E("قصفت", "ASSAULT", [TURKEY], [HAFTAR], SIRTE),
        E("قصف", "ASSAULT", [TURKEY], [HAFTAR], SIRTE)])
    store.add([twice])
    (strike,) = assaults(store)
    assert (strike["n_reports"], strike["n_articles"], strike["n_outlets"]) == (2, 1, 1)


def _strike(text: str, source: str, published: str, place: P, recipients=(HAFTAR,),
            negated: bool = False):
    trigger = "قصفت" if "قصفت" in text else "تقصف"
    event = E(trigger, "ASSAULT", [TURKEY], list(recipients), place, negated=negated)
    url = f"https://{source}.example/{zlib.crc32(text.encode())}"
    return analysis(text, source=source, published=published, url=url, events=[event])


IDLIB = P("إدلب", lat=35.93, lon=36.63, country="SYR", geonames=169388)
MISRATA = P("مصراتة", lat=32.38, lon=15.09, country="LBY", geonames=2214846)


@pytest.mark.parametrize(("second", "fused"), [
    # the same strike, another outlet, the next day
    (_strike("قصفت تركيا مواقع لقوات حفتر في سرت.", "b", "2020-07-07", SIRTE), True),
    # same actors, same day, another country
    (_strike("قصفت تركيا مواقع فصائل مسلحة في إدلب شمال سوريا.", "b", "2020-07-06", IDLIB,
             recipients=[A("فصائل مسلحة", country="SYR", sector="REB")]), False),
    # same actors, same country, a city 200 km away
    (_strike("قصفت تركيا مواقع لقوات حفتر قرب مصراتة.", "b", "2020-07-06", MISRATA), False),
    # same strike target and place, ten days later: a new event
    (_strike("قصفت تركيا مواقع لقوات حفتر في سرت مجدداً.", "b", "2020-07-16", SIRTE), False),
    # a denial is not a confirmation of the same event
    (_strike("نفت تركيا أن تكون قصفت مواقع لقوات حفتر في سرت.", "b", "2020-07-06", SIRTE,
             negated=True), False),
])
def test_what_fuses_and_what_does_not(store, second, fused):
    first = _strike("قصفت تركيا مواقع قوات حفتر في سرت.", "a", "2020-07-06", SIRTE)
    store.add([first, second])
    assert len(store.events()["items"]) == (1 if fused else 2)


def test_unresolved_names_tie_through_place_but_do_not_block(store):
    linked = _strike("قصفت تركيا مواقع قوات حفتر في سرت.", "a", "2020-07-06", SIRTE)
    unlinked = analysis("قصفت الطائرات التركية مواقع في سرت.", source="b",
                        published="2020-07-06", events=[
                            E("قصفت", "ASSAULT", [A("الطائرات التركية")], [], SIRTE)])
    store.add([linked, unlinked])
    (strike,) = store.events()["items"]
    assert set(strike["actors"]) == {"تركيا", "الطائرات التركية"}
    assert strike["n_outlets"] == 2


def test_nothing_in_common_means_no_fusion(store):
    one = analysis("تظاهر محتجون في الخرطوم.", source="a", published="2020-07-06",
                   events=[E("تظاهر", "PROTEST", [A("محتجون")])])
    other = analysis("تظاهر طلاب أمام السفارة.", source="b", published="2020-07-06",
                     events=[E("تظاهر", "PROTEST", [A("طلاب")])])
    store.add([one, other])
    assert store.stats()["fused_events"] == 2


def test_undated_wire_copies_fuse_through_their_story(store):
    bare = E("قصفت", "ASSAULT")
    store.add([analysis(WIRE, source="a", url="https://a.example/1", events=[bare]),
               analysis(WIRE + " انتهى.", source="b", url="https://b.example/2",
                        events=[bare])])
    (strike,) = store.events()["items"]
    assert (strike["n_articles"], strike["n_outlets"], strike["n_stories"]) == (2, 2, 1)


def test_relations():
    sirte = PlaceRef("gn:1", "سرت", "city", 31.2, 16.59, "LBY")
    near = PlaceRef("name:سرت", "سرت", "city", 31.25, 16.6, "LBY")
    libya = PlaceRef("gn:2", "ليبيا", "country", 27.0, 17.0, "LBY")
    cairo = PlaceRef("gn:3", "القاهرة", "city", 30.04, 31.24, "EGY")
    assert place_relation(sirte, near) == "same"
    assert place_relation(sirte, libya) == "unknown"
    assert place_relation(sirte, cairo) == "conflict"
    assert place_relation(None, cairo) == "unknown"
    assert actor_relation({"kb:Q43"}, {"kb:Q43", "cs:TUR:GOV"}) == "same"
    assert actor_relation({"kb:Q43"}, {"kb:Q79"}) == "conflict"
    assert actor_relation({"name:جيش"}, {"kb:Q79"}) == "unknown"
    assert 1000 < distance_km(31.2, 16.59, 30.04, 31.24) < 1500
