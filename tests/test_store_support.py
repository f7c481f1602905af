"""Synthetic Analysis records for the store, API and UI tests (no test functions here).

The NLP stages are built elsewhere; these records are what they will produce, written by
hand with real offsets into real Arabic sentences, so fusion, queries and exports can be
tested on known events.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import regex

from marsad.analysis import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Event,
    EventActor,
    Framing,
    LoadedTerm,
    Mention,
    Place,
    Sentence,
    Span,
    Token,
    Trigger,
)
from marsad.ingest.document import Document
from marsad.record import article_id
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

WORD = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")


@dataclass
class A:
    """An actor: its name as written in the text, and what linking found."""

    text: str
    kb: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str = "ORG"


@dataclass
class P:
    text: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = "city"
    geonames: int | None = None
    name_en: str | None = None


@dataclass
class E:
    trigger: str
    type: str
    actors: list[A] = field(default_factory=list)
    recipients: list[A] = field(default_factory=list)
    place: P | None = None
    mode: str | None = None
    date: str | None = None
    negated: bool = False
    said_by: str | None = None  # attribution source, as written
    stance: str = "neutral"
    intensity: float | None = None


def tokens(text: str, offset: int = 0) -> list[Token]:
    found = []
    for match in WORD.finditer(text):
        clitics = best(match.group())
        found.append(Token(start=offset + match.start(), end=offset + match.end(),
                           text=match.group(), norm=normalize_key(match.group()),
                           prefix=clitics.prefix, stem=clitics.stem, suffix=clitics.suffix))
    return found


def sentences(text: str) -> list[Sentence]:
    found = []
    for match in regex.finditer(r"[^.\n]+[.]?", text):
        toks = tokens(match.group(), match.start())
        if toks:
            found.append(Sentence(start=toks[0].start, end=toks[-1].end, tokens=toks))
    return found


def _mention(text: str, surface: str, after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(start=start, end=start + len(surface), text=surface)


def analysis(text: str, *, url: str | None = None, source: str | None = None,
             published: str | None = None, title: str | None = None,
             events: list[E] = (), loaded: list[tuple[str, str]] = ()) -> Analysis:
    """An Analysis record for ``text`` with the given events, entities and places."""
    document = Document(text=text, origin="<test>", url=url, source=source, title=title)
    entities: dict[str, Entity] = {}
    places: dict[str, Place] = {}

    def entity(actor: A) -> str:
        if actor.text not in entities:
            entities[actor.text] = Entity(
                id=f"e{len(entities) + 1}", type=actor.type, name=actor.text, name_en=None,
                kb_id=actor.kb, country=actor.country, sector=actor.sector, roles=[],
                mentions=[_mention(text, actor.text)])
        return entities[actor.text].id

    def place(p: P) -> str:
        if p.text not in places:
            places[p.text] = Place(
                id=f"p{len(places) + 1}", name=p.text, name_en=p.name_en, country=p.country,
                admin1=None, lat=p.lat, lon=p.lon, feature=p.feature, geonames_id=p.geonames,
                mentions=[_mention(text, p.text)])
        return places[p.text].id

    record_events, attributions = [], []
    for number, spec in enumerate(events, start=1):
        trigger = _mention(text, spec.trigger)
        sentence = next(s for s in sentences(text) if s.start <= trigger.start < s.end)
        attribution = None
        if spec.said_by:
            attribution = f"a{len(attributions) + 1}"
            attributions.append(Attribution(
                id=attribution, source_text=spec.said_by, source_entity=None,
                source_type="official-body", verb="قال", stance=spec.stance,
                content=Span(start=sentence.start, end=sentence.end), events=[f"v{number}"]))
        record_events.append(Event(
            id=f"v{number}", type=spec.type, mode=spec.mode,
            actor=[EventActor(entity=entity(a), text=a.text, country=a.country,
                              sector=a.sector) for a in spec.actors],
            recipient=[EventActor(entity=entity(a), text=a.text, country=a.country,
                                  sector=a.sector) for a in spec.recipients],
            place=place(spec.place) if spec.place else None, date=spec.date,
            date_precision="day" if spec.date else None,
            trigger=Trigger(start=trigger.start, end=trigger.end, text=trigger.text),
            sentence=Span(start=sentence.start, end=sentence.end), negated=spec.negated,
            hypothetical=False, attribution=attribution, intensity=spec.intensity,
            confidence=0.9))
    terms = [LoadedTerm(start=(m := _mention(text, term)).start, end=m.end, text=term,
                        category="loaded", neutral=neutral) for term, neutral in loaded]
    return Analysis(
        article=Article(
            id=article_id(document), title=title, published=published,
            published_source="metadata" if published else None, source=source, url=url,
            language="ar", text_sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
            metadata={}),
        sentences=sentences(text), entities=list(entities.values()),
        places=list(places.values()), times=[], events=record_events,
        attributions=attributions, framing=Framing(loaded_terms=terms), warnings=[])


# The same clash near Sirte, as three outlets carry it (two of them copy one wire).
TURKEY = A("تركيا", kb="Q43", country="TUR", sector="GOV", type="GPE")
HAFTAR = A("قوات حفتر", kb="Q_LNA", country="LBY", sector="MIL")
SIRTE = P("سرت", lat=31.2, lon=16.59, country="LBY", geonames=2210554, name_en="Sirte")
ANKARA = P("أنقرة", lat=39.93, lon=32.86, country="TUR", geonames=323786, name_en="Ankara")

WIRE = ("قصفت طائرات مسيرة تابعة لتركيا مواقع قوات حفتر قرب سرت فجر الاثنين، "
        "وقال مصدر عسكري إن القصف استهدف مخازن للذخيرة. وأضاف المصدر أن الهجوم هو "
        "الأعنف منذ أسابيع، فيما لم تعلق أنقرة على الأنباء حتى الآن.")
OTHER_TAKE = ("أعلنت قوات حفتر أن تركيا شنت غارات جوية على مواقعها في محيط مدينة سرت، "
              "ووصفت الغارات بأنها عدوان سافر على السيادة الليبية.")


def sirte_reports() -> list[Analysis]:
    """Four reports of one air strike: a wire story, a republished copy, a rewrite by
    another outlet, and a second mention in a later article — plus one unrelated event."""
    strike = E("قصفت", "ASSAULT", [TURKEY], [HAFTAR], SIRTE, mode="aerial",
               date="2020-07-06", said_by="مصدر عسكري", intensity=-9.0)
    copy_strike = E("قصفت", "ASSAULT", [TURKEY], [HAFTAR], SIRTE, mode="aerial",
                    date="2020-07-06", said_by="مصدر عسكري", intensity=-9.0)
    rewrite = E("شنت", "ASSAULT", [A("تركيا", kb="Q43", country="TUR", sector="GOV")],
                [HAFTAR], P("سرت", lat=31.21, lon=16.58, country="LBY", geonames=2210554),
                mode="aerial", date="2020-07-07", said_by="قوات حفتر", stance="endorsing",
                intensity=-9.0)
    talks = E("تلتقي", "CONSULT", [A("الحكومة التركية", kb="Q43", country="TUR")],
              [A("قطر", kb="Q846", country="QAT", type="GPE")], ANKARA, date="2020-07-20")
    return [
        analysis(WIRE, url="https://wire.example/a1", source="wire", published="2020-07-06",
                 title="قصف قرب سرت", events=[strike]),
        analysis(WIRE + " (نقلاً عن وكالة)", url="https://copy.example/b2", source="copycat",
                 published="2020-07-06", title="قصف قرب سرت", events=[copy_strike]),
        analysis(OTHER_TAKE, url="https://other.example/c3", source="other",
                 published="2020-07-07", title="غارات على سرت", events=[rewrite],
                 loaded=[("عدوان سافر", "هجوم")]),
        analysis("قالت الخارجية إن وفداً من قطر سوف تلتقي به الحكومة التركية في أنقرة.",
                 url="https://other.example/d4", source="other", published="2020-07-20",
                 events=[talks]),
    ]


# Databases ------------------------------------------------------------------------------

BACKENDS = ["sqlite", "postgresql"]


def service_missing(message: str) -> None:
    """Skip a test whose service is absent; fail instead where CI requires it."""
    if os.environ.get("MARSAD_REQUIRE_SHARED") == "1":
        pytest.fail(f"{message}, and MARSAD_REQUIRE_SHARED=1 requires it (run `make test`)")
    pytest.skip(f"{message} (`make test-services` as root starts it)")


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL database on the
    server in $MARSAD_TEST_PG, dropped afterwards."""
    if backend == "sqlite":
        yield str(folder / "store.db")
        return
    admin = os.environ.get("MARSAD_TEST_PG")
    if not admin:
        service_missing("no PostgreSQL server: $MARSAD_TEST_PG is not set")
    import psycopg

    name = f"marsad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
