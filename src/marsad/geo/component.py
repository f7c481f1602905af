"""The spaCy component ``marsad_places``: toponyms -> ``doc._.places`` and spans.

Writes
* ``doc._.places``: :class:`marsad.analysis.Place` records, ids ``p0``, ``p1`` … in order
  of first mention, one per distinct place with all its mentions;
* ``doc.spans["places"]``: every mention, ``span.id_`` the place id, ``span._.place``
  the Place record and ``span._.metonymy`` True when a capital or country acts as an
  agent (see :mod:`marsad.geo.metonymy`);
* ``doc.ents``: NER's LOC spans naming a political unit become GPE; toponyms found by
  the gazetteer alone are added (GPE, LOC or FAC) where they overlap no other entity.

Works with or without ``marsad_ner`` before it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from marsad.analysis import Mention as MentionRecord
from marsad.analysis import Place
from marsad.doc import text_of, words_of
from marsad.geo.gazetteer import POLITICAL, SETTLEMENT, Entry, Gazetteer, gazetteer
from marsad.geo.lexicon import Lexicon, lexicon
from marsad.geo.metonymy import can_be_agent, is_agent
from marsad.geo.recognize import Mention, Tokens, find_mentions
from marsad.geo.resolve import Choice, Context, choose, document_context

SPAN_KEY = "places"


def register_extensions() -> None:
    for name, default in (("metonymy", False), ("place", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()


@dataclass
class Reading:
    """A mention with the place chosen for it."""

    mention: Mention
    entry: Entry | None
    reason: str
    group: tuple  # mentions with equal groups are one Place
    name: str
    feature: str | None


def read_mentions(page: Page, gaz: Gazetteer, lex: Lexicon) -> tuple[list[Reading], Context]:
    mentions = find_mentions(page.tokens, gaz, lex)
    context = document_context(page.tokens, mentions, gaz)
    readings = [_toponym(page, m, choose(m, context)) for m in mentions
                if m.source != "facility"]
    anchor = _main_place(readings, context, gaz)
    readings += [_facility(page, m, context, anchor) for m in mentions
                 if m.source == "facility"]
    readings.sort(key=lambda r: (r.mention.start, -r.mention.end))
    return readings, context


class Page:
    """A Doc with its text and tokens read once (``doc.text`` rebuilds the string on
    every access; ``doc[i]`` makes a Token object)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.tokens = Tokens.of(doc)
        self._words = words_of(doc)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as ``doc[start:end].text``."""
        return self.text[self.start_char(start) : self.end_char(end)]

    def start_char(self, start: int) -> int:
        return self.tokens.idx[start]

    def end_char(self, end: int) -> int:
        return self._words.end_char(end)


def _surface(page: Page, mention: Mention) -> str:
    return page.span_text(mention.start, mention.end).replace("_", " ").replace("#", "").strip()


def _toponym(page: Page, mention: Mention, choice: Choice) -> Reading:
    if choice.entry is None:
        text = _surface(page, mention)
        return Reading(mention, None, choice.reason, ("text", mention.key), text, None)
    entry = choice.entry
    return Reading(mention, entry, choice.reason, ("place", entry.index), entry.name,
                   entry.feature)


def _main_place(readings: list[Reading], context: Context, gaz: Gazetteer) -> Entry | None:
    """Where an unlisted facility most likely is: the settlement the article names most
    (in its focus country when it has one), else the focus country's capital."""
    focus = context.focus
    counts = Counter(r.entry.index for r in readings
                     if r.entry and r.entry.feature in SETTLEMENT
                     and (focus is None or r.entry.country == focus))
    if counts:
        return gaz.entry(counts.most_common(1)[0][0])
    return gaz.capital(focus) if focus else None


def _facility(page: Page, mention: Mention, context: Context, anchor: Entry | None) -> Reading:
    text = _surface(page, mention)
    group = ("facility", " ".join(page.span_text(mention.start, mention.end).split()))
    if mention.inner is not None:
        choice = choose(mention.inner, context)
        entry = choice.entry
        reason = f"a facility in {entry.label}; {choice.reason}" if entry else choice.reason
    elif anchor is not None:
        entry = anchor
        reason = (f"approximate: the facility is not in the gazetteer; placed at the "
                  f"article's main place, {anchor.label}")
    else:
        entry, reason = None, "the facility is not in the gazetteer and the article names no city"
    return Reading(mention, entry, reason, group, text, "poi")


def build_places(page: Page, readings: list[Reading]) -> tuple[list[Place], list[Span]]:
    ids: dict[tuple, str] = {}
    records: dict[str, dict] = {}
    spans: list[Span] = []
    for reading in readings:
        m = reading.mention
        place_id = ids.setdefault(reading.group, f"p{len(ids)}")
        record = records.setdefault(place_id, _record(place_id, reading))
        start, end = page.start_char(m.start), page.end_char(m.end)
        # The values are valid by construction: no validation in this loop.
        record["mentions"].append(
            MentionRecord.model_construct(start=start, end=end, text=page.text[start:end])
        )
        spans.append(Span(page.doc, m.start, m.end, label=_label(reading), span_id=place_id))
    places = [Place(**fields) for fields in records.values()]
    by_id = {p.id: p for p in places}
    for span in spans:
        span._.place = by_id[span.id_]
    return places, spans


def _record(place_id: str, reading: Reading) -> dict:
    entry = reading.entry
    poi = reading.feature == "poi" and (entry is None or entry.feature != "poi")
    return {
        "id": place_id,
        "name": reading.name,
        "name_en": None if poi or entry is None else entry.name_en,
        "country": entry.country if entry else None,
        "admin1": entry.admin1 if entry else None,
        "lat": entry.lat if entry else None,
        "lon": entry.lon if entry else None,
        "feature": reading.feature,
        "geonames_id": None if poi or entry is None else entry.geonames_id,
        "reason": reading.reason,
        "mentions": [],
    }


def _label(reading: Reading) -> str:
    if reading.feature == "poi":
        return "FAC"
    if reading.feature in POLITICAL:
        return "GPE"
    return reading.mention.ner_label or "LOC"


def mark_metonymy(page: Page, readings: list[Reading], spans: list[Span], lex: Lexicon) -> None:
    for reading, span in zip(readings, spans, strict=True):
        if reading.feature != "poi" and can_be_agent(reading.entry):
            span._.metonymy = is_agent(page.tokens, reading.mention.start, reading.mention.end,
                                       lex)


def update_entities(doc: Doc, spans: list[Span]) -> None:
    """Relabel NER's LOC spans that name political units as GPE; add gazetteer-only
    toponyms that overlap no entity."""
    by_start = {(s.start, s.end): s for s in spans}
    entities = []
    for ent in doc.ents:
        place = _place_in(ent, spans)
        if ent.label_ == "LOC" and place is not None and place.label_ == "GPE":
            ent = Span(doc, ent.start, ent.end, label="GPE", span_id=ent.id_)
        entities.append(ent)
    taken = {k for ent in entities for k in range(ent.start, ent.end)}
    new = [s for s in by_start.values() if not taken & set(range(s.start, s.end))]
    doc.ents = sorted(entities + filter_spans(new), key=lambda s: s.start)


def _place_in(ent: Span, spans: list[Span]) -> Span | None:
    """The place span an entity names: one starting at it, or right after a cue word."""
    for span in spans:
        if ent.start <= span.start <= ent.start + 1 and span.end == ent.end:
            return span
    return None


@Language.factory(
    "marsad_places",
    assigns=["doc._.places", "doc.spans", "doc.ents"],
    requires=["token.norm"],
)
def create_places(nlp: Language, name: str):
    return PlacesComponent()


class PlacesComponent:
    """Recognise, disambiguate and geocode toponyms (see the module docstring)."""

    def __init__(self) -> None:
        self.gazetteer = gazetteer()
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        page = Page(doc)
        readings, _ = read_mentions(page, self.gazetteer, self.lexicon)
        places, spans = build_places(page, readings)
        mark_metonymy(page, readings, spans, self.lexicon)
        doc._.places = places
        doc.spans[SPAN_KEY] = spans
        update_entities(doc, spans)
        return doc
