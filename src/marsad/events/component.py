"""The spaCy component ``marsad_events``: PLOVER events and attributions.

Writes ``doc._.events`` (:class:`marsad.analysis.Event`, ids ``v0``, ``v1`` …) and
``doc._.attributions`` (:class:`marsad.analysis.Attribution`, ids ``a0`` …), each event
linked to the attribution that reports it. Reads whatever earlier stages left (entities,
places, NER spans, times) and runs in any subset of the pipeline: a missing stage means
fewer arguments, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from marsad.analysis import Attribution, Event, EventActor
from marsad.analysis import Span as CharSpan
from marsad.analysis import Trigger as TriggerRecord
from marsad.events import arguments, attribution, dates, participants, triggers, words
from marsad.events.lexicon import lexicon
from marsad.events.participants import Participant
from marsad.events.triggers import Mention
from marsad.text.clitics import best

# How sure an event is, by how it was found: a verb or a verbal noun under a light verb
# reports an event; a bare verbal noun may only refer to one («بعد الهجوم»).
CONFIDENCE = {"verbal": 0.8, "noun": 0.45}
ARGUMENT_BONUS = 0.1
# A relative clause («الذين يحتجون»), a quotation («نقوم بهذا الاحتجاج») or an unspecific
# protester action («وهتف المتظاهرون») refers to an event reported elsewhere.
BACKGROUND_PENALTY = 0.5
REPORTED = 0.6  # events at or above this confidence are reported by the sentence itself


@dataclass
class Draft:
    mention: Mention
    args: arguments.Arguments
    negated: bool
    hypothetical: bool
    date: str | None
    precision: str | None
    confidence: float


@Language.factory(
    "marsad_events",
    assigns=["doc._.events", "doc._.attributions"],
    requires=["doc.sents"],
)
def create_events(nlp: Language, name: str):
    return EventsComponent()


class EventsComponent:
    def __init__(self) -> None:
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        events, attributions = analyse(doc)
        doc._.events = events
        doc._.attributions = attributions
        return doc


def analyse(doc: Doc) -> tuple[list[Event], list[Attribution]]:
    parts = participants.collect(doc)
    roles = arguments.roles_of(doc, parts)
    found = attribution.find(doc, parts)
    drafts = _drafts(doc, parts, roles)
    drafts = [d for d in drafts if _kept(d)]
    drafts = _merge_repeats(drafts)
    links = [_attribution_of(d, doc, found) for d in drafts]
    for d, link in zip(drafts, links, strict=True):
        if link is not None and found[link].stance == "denying":
            d.negated = True
    events = [_event(doc, f"v{i}", d, link) for i, (d, link) in enumerate(zip(drafts, links,
                                                                              strict=True))]
    records = [
        Attribution(
            id=f"a{k}",
            source_text=f.source.text,
            source_entity=f.source.entity,
            source_type=attribution.source_type(doc, f.source),
            verb=f.verb,
            stance=f.stance,
            content=_char_span(doc, *f.content),
            events=[e.id for e in events if e.attribution == f"a{k}"],
        )
        for k, f in enumerate(found)
    ]
    return events, records


def _drafts(doc: Doc, parts: list[Participant], roles: dict[int, str | None]) -> list[Draft]:
    drafts: list[Draft] = []
    clause_times: dict = {}
    for m in triggers.find(doc):
        same_sentence = [d for d in drafts if d.mention.sent.start == m.sent.start]
        shared = next((d.args.actors for d in reversed(same_sentence) if d.args.actors), [])
        antecedent = _plural_antecedent(doc, m, drafts) or shared or _latest_actor(
            m, parts, roles, drafts)
        governing = same_sentence[-1] if same_sentence else None
        complement = bool(governing) and m.start - governing.mention.end <= 1
        args = arguments.extract(doc, m, parts, roles, antecedent, shared, complement)
        clause_date = (governing.date, governing.precision) if governing else None
        date, precision = dates.event_date(doc, m, clause_date, clause_times)
        confidence = CONFIDENCE["verbal" if m.verbal else "noun"]
        confidence += ARGUMENT_BONUS * (bool(args.actors) + bool(args.recipients))
        if triggers.background(doc, m) or triggers.quoted(doc, m) or (
                m.reading.specific and not triggers.specific(doc, m)):
            confidence -= BACKGROUND_PENALTY
        drafts.append(Draft(m, args, triggers.negated(doc, m), triggers.hypothetical(doc, m),
                            date, precision, round(min(confidence, 1.0), 2)))
    return drafts


def _latest_actor(m: Mention, parts: list[Participant], roles: dict[int, str | None],
                  drafts: list[Draft]) -> list[Participant]:
    """What a pronoun refers to when no event before it in its sentence has an actor: the
    latest bare mention before it in the sentence, else the latest actor before."""
    before = [p for p in parts if m.sent.start <= p.start and p.end <= m.start and p.can_act
              and roles[p.start] is None]
    if before:
        return [before[-1]]
    return next((d.args.actors for d in reversed(drafts) if d.args.actors), [])


def _plural_antecedent(doc: Doc, m: Mention, drafts: list[Draft]) -> list[Participant]:
    """What a dual or plural pronoun on the trigger refers to («استقبالهما»): the latest
    group of two or more actors before it."""
    if best(words.texts_of(doc)[m.start]).suffix not in arguments.PLURAL_PRONOUNS:
        return []
    return next((d.args.actors for d in reversed(drafts) if len(d.args.actors) > 1), [])


def _kept(d: Draft) -> bool:
    """A bare verbal noun with no argument is a mention of a kind of event, not an event,
    unless a verb says it was foiled or denied («أحبطت الشرطة هجوما»)."""
    return d.mention.verbal or d.negated or bool(d.args.actors or d.args.recipients)


def _identity(d: Draft) -> tuple:
    m = d.mention
    return (m.type, frozenset(p.key() for p in d.args.actors),
            frozenset(p.key() for p in d.args.recipients), d.date, d.negated, d.hypothetical)


def _merge_repeats(drafts: list[Draft]) -> list[Draft]:
    """One event mentioned twice is one event: keep its best-supported mention."""
    kept: dict[tuple, Draft] = {}
    order: list[tuple] = []
    for d in drafts:
        key = _identity(d)
        if not d.args.actors:
            key = (*key, id(d))  # without an actor two mentions cannot be told the same
        if key not in kept:
            kept[key] = d
            order.append(key)
        elif d.confidence > kept[key].confidence:
            kept[key] = d
    return sorted((kept[k] for k in order), key=lambda d: d.mention.start)


def _attribution_of(d: Draft, doc: Doc, found: list[attribution.Found]) -> int | None:
    inside = [k for k, f in enumerate(found)
              if f.content[0] <= d.mention.start < f.content[1]]
    return max(inside, key=lambda k: found[k].content[0]) if inside else None


def _event(doc: Doc, id_: str, d: Draft, link: int | None) -> Event:
    m = d.mention
    trigger = doc[m.start : m.end]
    return Event(
        id=id_,
        type=m.type,
        mode=m.mode,
        actor=[_actor(p) for p in d.args.actors],
        recipient=[_actor(p) for p in d.args.recipients],
        place=d.args.place.place if d.args.place else None,
        date=d.date,
        date_precision=d.precision,
        trigger=TriggerRecord(start=trigger.start_char, end=trigger.end_char, text=trigger.text),
        sentence=CharSpan(start=m.sent.start_char, end=m.sent.end_char),
        negated=d.negated,
        hypothetical=d.hypothetical,
        attribution=f"a{link}" if link is not None else None,
        intensity=lexicon().intensity(m.type, m.mode),
        confidence=d.confidence,
    )


def _actor(p: Participant) -> EventActor:
    """A participant as an event actor; a place that takes part (a capital that acts, a
    country visited) stands for its government."""
    sector = p.sector or ("GOV" if p.place else None)
    return EventActor(entity=p.entity, text=p.text, country=p.country, sector=sector)


def _char_span(doc: Doc, start: int, end: int) -> CharSpan:
    if end <= start:
        return CharSpan(start=doc[start].idx if start < len(doc) else len(doc.text),
                        end=doc[start].idx if start < len(doc) else len(doc.text))
    span = doc[start:end]
    return CharSpan(start=span.start_char, end=span.end_char)


def reported(event: Event) -> bool:
    """Whether the sentence itself reports the event as having happened."""
    return event.confidence >= REPORTED and not event.negated and not event.hypothetical
