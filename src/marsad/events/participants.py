"""Who may take part in events: the mentions earlier stages found, gathered per document.

Each stage is optional. Entity mentions (``doc.spans["entities"]``) come first; then place
mentions (``doc.spans["places"]``), which act as their government when the places stage
marks them as metonymy («أنقرة أرسلت»); then NER spans not covered by either; then the
generic actor nouns of ``actors.yaml`` (المتظاهرون، المجتمع الدولي). «الأخير» and its
feminine are resolved here to the latest person mentioned before them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from marsad.events.lexicon import reporting, token_keys
from marsad.events.words import texts_of
from marsad.text.clitics import best
from marsad.text.forms import FormMemo

PERSON_TYPES = frozenset({"PERSON", "PER", "PERS"})
ACTOR_LABELS = frozenset({"PERSON", "PER", "PERS", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Entity types that name things, not actors («صواريخ "سكاريا تي 22"»).
THING_TYPES = frozenset({"MISC", "PRODUCT", "EVENT"})
LATTER = frozenset({"الاخير", "الاخيره"})  # «الأخير/الأخيرة»: the latter
_is_latter = FormMemo(lambda text: not LATTER.isdisjoint(token_keys(text, "noun")))


@dataclass(frozen=True)
class Participant:
    """A mention that can be an actor, recipient or source: tokens [start, end) of doc."""

    start: int
    end: int
    text: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str = "entity"  # entity | place | ner | generic
    person: bool = False
    place: str | None = None  # place id, for place mentions
    head: str | None = None  # lexicon head, for generic actors («تعزيزات» = «التعزيزات»)
    agent: bool = True  # False for a place that stands for its location only
    type: str | None = None  # entity type, when known
    feature: str | None = None  # place feature (country, city ...), for places

    @property
    def can_act(self) -> bool:
        """Whether it can be an actor: a country name always can («وهددت تركيا»)."""
        return self.agent or self.feature == "country"

    def key(self) -> str:
        """Identity for merging repeated mentions of the same actor."""
        return self.entity or self.place or self.head or self.country or self.text


def collect(doc: Doc) -> list[Participant]:
    """Every participant mention of ``doc``, in text order, without overlaps."""
    taken = [False] * len(doc)
    found: list[Participant] = []
    places = list(_places(doc))
    for source in (_entities(doc), places, _ner(doc), _generic(doc)):
        for p in source:
            if not any(taken[p.start : p.end]):
                found.append(p)
                taken[p.start : p.end] = [True] * (p.end - p.start)
    found.sort(key=lambda p: p.start)
    return _resolve_latter(doc, [_with_place(p, places) for p in found])


def _with_place(p: Participant, places: list[Participant]) -> Participant:
    """An entity mention that names a place («في أنقرة») also locates events there."""
    if p.kind == "place":
        return p
    same = [q for q in places if q.start >= p.start and q.end <= p.end]
    if not same or len(same) > 1 or p.type not in PLACE_TYPES:
        return p
    return replace(p, place=same[0].place, feature=same[0].feature,
                   agent=p.agent and (same[0].agent or same[0].feature == "country"))


def _entities(doc: Doc):
    spans = doc.spans.get("entities", ())
    records = {e.id: e for e in (doc._.entities or [])}
    for span in spans:
        record = records.get(span.id_)
        type_ = record.type if record else span.label_
        yield Participant(
            span.start, span.end, span.text,
            entity=record.id if record else (span.id_ or None),
            country=record.country if record else None,
            sector=record.sector if record else None,
            person=type_ in PERSON_TYPES,
            type=type_,
            agent=type_ not in THING_TYPES,
        )


def _places(doc: Doc):
    spans = doc.spans.get("places", ())
    for span in spans:
        place = span._.place if Span.has_extension("place") else None
        metonymy = bool(span._.metonymy) if Span.has_extension("metonymy") else False
        yield Participant(
            span.start, span.end, span.text,
            country=place.country if place else None,
            sector="GOV" if metonymy else None,
            kind="place",
            place=span.id_ or (place.id if place else None),
            agent=metonymy,
            type="GPE",
            feature=place.feature if place else None,
        )


def _ner(doc: Doc):
    has_places = "places" in doc.spans
    for ent in doc.ents:
        if ent.label_ in ACTOR_LABELS or ent.label_ in THING_TYPES:
            yield Participant(ent.start, ent.end, ent.text, kind="ner",
                              person=ent.label_ in PERSON_TYPES, type=ent.label_,
                              agent=ent.label_ not in THING_TYPES)
        elif ent.label_ in PLACE_LABELS and not has_places:
            # Without the places stage there is no metonymy decision: a place name may act.
            yield Participant(ent.start, ent.end, ent.text, kind="place", type=ent.label_)


def _generic(doc: Doc):
    lexicon = reporting()
    texts = texts_of(doc)
    free = 0  # the first token not inside a phrase found
    for i, may in enumerate(lexicon.generic.may_start.all(texts)):
        length = may and i >= free and lexicon.generic.match(texts, i)
        if length:
            words = _generic_words(lexicon, texts, i, length)
            country, sector = lexicon.generic_actors[words]
            yield Participant(i, i + length, doc[i : i + length].text, country=country,
                              sector=sector, kind="generic", head=" ".join(words))
            free = i + length


def _generic_words(lexicon, texts: list[str], i: int, length: int) -> tuple[str, ...]:
    for words in lexicon.generic_actors:
        if len(words) == length and all(
            w in token_keys(texts[i + k]) for k, w in enumerate(words)
        ):
            return words
    raise KeyError(texts[i])


def _resolve_latter(doc: Doc, found: list[Participant]) -> list[Participant]:
    """Add «الأخير» mentions as the latest person (else entity) mentioned before them."""
    taken = {i for p in found for i in range(p.start, p.end)}
    texts = texts_of(doc)
    extra: list[Participant] = []
    for i, latter in enumerate(_is_latter.all(texts)):
        if not latter or i in taken:
            continue
        if i > 0 and best(texts[i - 1]).article:
            continue  # «الأيام الأخيرة»: an adjective after a noun with the article
        before = [p for p in found if p.end <= i and p.agent]
        persons = [p for p in before if p.person]
        referent = (persons or before or [None])[-1]
        if referent is not None:
            extra.append(replace(referent, start=i, end=i + 1))
    return sorted(found + extra, key=lambda p: p.start)
