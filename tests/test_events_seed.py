"""The seed article's central events, through the whole pipeline.

Actor countries need the entity stage (KB) and dates the time stage: without one of them
the assertions that need it are skipped, saying which stage is missing.
"""

from __future__ import annotations

import pytest

from marsad.pipeline import analyze

PUBLISHED = "2020-07-06"


@pytest.fixture(scope="module")
def seed_events(nlp, seed_text):
    if "marsad_events" not in nlp.pipe_names:
        pytest.skip("marsad_events is not in pipeline.cfg")
    analysis = analyze(seed_text, PUBLISHED, nlp=nlp)
    for e in analysis.events:  # printed for a reader to judge (pytest -s)
        print(e.id, e.type, e.mode, [(a.text, a.country) for a in e.actor], "->",
              [(a.text, a.country) for a in e.recipient], e.date, e.date_precision,
              "N" * e.negated + "H" * e.hypothetical, e.trigger.text)
    return analysis.events


def _needs(nlp, *stages: str) -> None:
    missing = [s for s in stages if s not in nlp.pipe_names]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} in the pipeline (actor countries / dates)")


def _codes(actors) -> set:
    return {a.country for a in actors}


def _find(events, type_, actor=None, recipient=None, date=None, mode=None, **flags):
    for e in events:
        if e.type != type_ or (mode and e.mode != mode):
            continue
        if actor and actor not in _codes(e.actor):
            continue
        if recipient and recipient not in _codes(e.recipient):
            continue
        if date and e.date != date:
            continue
        if any(getattr(e, k) != v for k, v in flags.items()):
            continue
        return e
    return None


CENTRAL = {
    "Bashagha visits Ankara": dict(type_="CONSULT", mode="visit", actor="LBY",
                                   recipient="TUR", date="2020-07-06"),
    "Akar visits Qatar the day before": dict(type_="CONSULT", mode="visit", actor="TUR",
                                             recipient="QAT", date="2020-07-05"),
    "Akar-Bashagha-Camilleri meeting": dict(type_="CONSULT", mode="multilateral", actor="TUR",
                                            recipient="MLT", date="2020-07-06"),
    "Turkey sends rockets to the GNA": dict(type_="AID", actor="TUR", recipient="LBY"),
    "Egypt threatens to send forces": dict(type_="THREATEN", actor="EGY", hypothetical=True),
    "reinforcements reach Sirte": dict(type_="MOBILIZE", mode="troops", date="2020-07-05"),
    "Turkey accused of violating the embargo": dict(type_="ACCUSE", recipient="TUR"),
    "Erdogan met Qatar's emir": dict(type_="CONSULT", actor="TUR", recipient="QAT",
                                     date="2020-06-22"),
}


def test_at_least_seven_of_eight_central_events(nlp, seed_events):
    _needs(nlp, "marsad_entities", "marsad_times", "marsad_places")
    missing = [name for name, want in CENTRAL.items() if not _find(seed_events, **want)]
    assert len(missing) <= 1, missing


def test_central_types_without_kb_or_times(seed_events):
    """What the events stage finds whatever the stages before it."""
    types = {(e.type, e.mode) for e in seed_events}
    assert {("CONSULT", "visit"), ("CONSULT", "multilateral"), ("ACCUSE", "allege"),
            ("THREATEN", "violence")} <= types
    assert any(e.type == "AID" for e in seed_events)


def test_egypt_threat_is_hypothetical_and_not_negated(seed_events):
    threats = [e for e in seed_events if e.type == "THREATEN" and "هدّدت" in e.trigger.text]
    assert threats and threats[0].hypothetical and not threats[0].negated


def test_rockets_are_reported_by_turkish_media(nlp, seed_events):
    analysis = analyze(nlp.make_doc("").text or " ", PUBLISHED, nlp=nlp)  # warm path
    assert analysis.events == []
    aid = [e for e in seed_events if e.type == "AID" and e.trigger.text == "أرسلت"]
    assert aid and aid[0].attribution is not None
