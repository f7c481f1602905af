"""Attribution: who says what the article reports, with which verb and stance.

Three constructions, all in ``reporting.yaml``:
  * a reporting verb with its source: «وأفادت وكالة الأناضول أن ...», «قال شهود إن ...»,
    «نقلت الوكالة عن مسؤول ...» (the source is after عن), «وأضافت إن ...» (the source of
    the attribution before);
  * a participle continuing the sentence's speaker: «..., قائلا: ...», «مؤكدا أن ...»;
  * a prepositional phrase: «بحسب مصادر مطلعة», «وفقا لـ...», «حسبما أكد الرئيس».
The content is the rest of the sentence after the source (or before the phrase, when the
phrase closes the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from marsad.events.arguments import preposition
from marsad.events.lexicon import Reporting, lexicon, reporting, token_keys
from marsad.events.participants import Participant
from marsad.events.words import keys_of, texts_of
from marsad.text.normalize import normalize_key

KANA = frozenset({"كان"})
SOURCE_WINDOW = 3  # tokens between a reporting verb and its source (a date, «مؤخرا»)
PHRASE_MAX = 3  # words of a source named by a common noun («مصادر مطلعة في الوزارة»)
STOP = frozenset({"في", "الي", "من", "عن", "علي", "مع", "ب", "ل", "ان", "بان", "ضمن", "خلال",
                  "حول", "عبر", "لدي", "قبل", "بعد", "نحو", "منذ", "امس", "اليوم", "ايضا", "ما"})
TYPE_ORDER = ("anonymous", "unnamed-group", "media", "official-body", "person")


@dataclass
class Source:
    text: str
    entity: str | None
    type: str
    start: int  # token range, for ordering
    end: int


@dataclass
class Found:
    """An attribution before it gets its id and events."""

    source: Source
    verb: str
    stance: str
    content: tuple[int, int]  # token range
    at: int  # token of the verb or phrase
    after: int = 0  # first token after the construction's own words


def find(doc: Doc, parts: list[Participant]) -> list[Found]:
    rep = reporting()
    texts = texts_of(doc)
    found: list[Found] = []
    may_start = rep.may_start.all(texts)  # most tokens start no attribution
    for sent in doc.sents:
        free = sent.start  # the first token after the last construction's words
        for i in range(sent.start, sent.end):
            if i < free or not may_start[i]:
                continue
            item = (_participle(doc, i, sent, found, parts, rep)
                    or _phrase(doc, texts, i, sent, parts, rep)
                    or _verb(doc, i, sent, found, parts, rep))
            if item:
                found.append(item)
                free = item.after
    return found


def _participle(doc, i, sent, found, parts, rep: Reporting) -> Found | None:
    key = keys_of(doc)[i].removeprefix("و")
    if key not in rep.participles:
        return None
    _, stance = rep.participles[key]
    earlier = [f for f in found if sent.start <= f.at < i]
    source = earlier[-1].source if earlier else _first_actor(doc, sent, i, parts)
    if source is None:
        return None
    return Found(source, texts_of(doc)[i], stance, (i + 1, sent.end), i)


def _first_actor(doc, sent, i, parts) -> Source | None:
    for p in parts:
        if sent.start <= p.start < i and p.agent and preposition(doc, p) is None:
            return _entity_source(p)
    return None


def _phrase(doc, texts, i, sent, parts, rep: Reporting) -> Found | None:
    length = rep.prepositions.match(texts, i)
    if not length:
        return None
    words = tuple(normalize_key(texts[k]) for k in range(i, i + length))
    verb_text, stance = rep.preposition_names.get(words, doc[i : i + length].text), "neutral"
    after = i + length
    if after < sent.end and rep.verb_at(texts[after]):  # «حسبما أكد الرئيس»
        stance = rep.verbs[rep.verb_at(texts[after])]
        verb_text = f"{verb_text} {texts[after]}"
        after += 1
    source = _source_after(doc, after, sent, parts, rep)
    if source is None:
        return None
    if verb_text.endswith("لـ") and source.text.startswith("ل"):
        source.text = source.text[1:]  # «وفقا لوكالة الأنباء»: the source is «وكالة الأنباء»
    at_start = i - sent.start <= 2
    content = (source.end, sent.end) if at_start else (sent.start, i)
    return Found(source, verb_text, stance, content, i, after)


def _verb(doc, i, sent, found, parts, rep: Reporting) -> Found | None:
    texts, keys = texts_of(doc), keys_of(doc)
    key = rep.verb_at(texts[i])
    if key is None or (i > 0 and keys[i - 1] in lexicon().noun_introducers):
        return None  # «دون ذكر المزيد»: a verbal noun
    start = i + 1
    if rep.verb_forms[key] in ("نقل", "ينقل"):
        relay = next((j for j in range(start, min(sent.end, start + 6))
                      if keys[j] == rep.relay), None)
        start = relay + 1 if relay is not None else start
    kana = _kana_source(doc, i, sent, parts, rep) if i > sent.start + 2 else None
    source = (kana or _source_after(doc, start, sent, parts, rep)
              or _source_before(doc, i, sent, parts))
    if source is None:
        earlier = [f for f in found if f.at < i and f.at >= _previous_sentence_start(doc, sent)]
        if not earlier or key not in rep.continuation:
            return None  # «يذكر أن ...»: the writer's own voice
        source = earlier[-1].source
    content_start = max(source.end, i + 1) if source.start > i else i + 1
    for j in range(content_start, sent.end):
        if keys[j] in rep.complementizers:
            content_start = j + 1
            break
    return Found(source, texts[i], rep.verbs[key], (content_start, sent.end), i)


def _previous_sentence_start(doc: Doc, sent: Span) -> int:
    if sent.start == 0:
        return 0
    return doc[sent.start - 1].sent.start


def _source_after(doc, start, sent, parts, rep: Reporting) -> Source | None:
    """The source right after a verb: an entity mention, or a common-noun phrase
    («وسائل إعلام تركية», linked to an entity inside it), or an entity a few words on."""
    inside = [p for p in parts if start <= p.start and p.end <= sent.end]
    if inside and inside[0].start == start:
        return _entity_source(inside[0])
    noun = _noun_source(doc, start, sent, rep)
    if noun is not None:
        return _with_named(doc, noun, [p for p in inside if p.start <= noun.end])
    for p in inside:
        if p.start <= start + SOURCE_WINDOW and p.kind != "generic" \
                and preposition(doc, p) in (None, "ل") and _only_adverbs(doc, start, p.start, rep):
            return _entity_source(p)
    return None


def _with_named(doc: Doc, noun: Source, named: list[Participant]) -> Source:
    """«الرئيس عبد الفتاح السيسي»: a title source runs on to the name after it."""
    if named:
        end = max(noun.end, named[0].end)
        noun.text, noun.end = doc[noun.start : end].text, end
        noun.entity = named[0].entity
    return noun


def _only_adverbs(doc, start, end, rep: Reporting) -> bool:
    """Nothing but a date word or adverb between a verb and its source."""
    return all(key not in rep.complementizers for key in keys_of(doc)[start:end])


def _source_before(doc, i, sent, parts) -> Source | None:
    before = [p for p in parts if sent.start <= p.start and p.end <= i and p.agent]
    if before and i - before[-1].end <= SOURCE_WINDOW and preposition(doc, before[-1]) is None:
        return _entity_source(before[-1])
    return None


def _kana_source(doc, i, sent, parts, rep: Reporting) -> Source | None:
    """«وكانت غرفة عمليات ...، أكدت»: the subject stands after كان opening the sentence."""
    texts = texts_of(doc)
    kana = next((j for j in range(sent.start, min(i, sent.start + 2))
                 if KANA & set(token_keys(texts[j], "verb"))), None)
    if kana is None:
        return None
    after = [p for p in parts if p.start == kana + 1 and p.end <= i]
    return _entity_source(after[0]) if after else _noun_source(doc, kana + 1, sent, rep)


def _noun_source(doc, start, sent, rep: Reporting) -> Source | None:
    """A source named by a common noun: «مصادر مطلعة», «شهود وقادة عسكريون»."""
    texts = texts_of(doc)
    if start >= sent.end:
        return None
    kind = _head_type(texts, start, rep)
    if kind is None:
        return None
    end = start + 1
    while end < min(sent.end, start + PHRASE_MAX) and _continues(texts[end], rep):
        end += 1
    return Source(doc[start:end].text, None, kind, start, end)


def _continues(text: str, rep: Reporting) -> bool:
    key = normalize_key(text)
    return text.isalpha() and key not in STOP and key not in rep.complementizers and not (
        rep.verb_at(text) or set(token_keys(text)) & STOP)


def _head_type(texts, i, rep: Reporting) -> str | None:
    for kind in TYPE_ORDER:
        if rep.source_types[kind].match(texts, i):
            return kind
    return None


def _entity_source(p: Participant) -> Source:
    return Source(p.text, p.entity, "", p.start, p.end)


def source_type(doc: Doc, source: Source) -> str:
    """The source's type: its head noun first («وكالة» media), else its entity."""
    if source.type:
        return source.type
    rep = reporting()
    texts = texts_of(doc)
    for j in range(source.start, source.end):
        kind = _head_type(texts, j, rep)
        if kind:
            return kind
    records = {e.id: e for e in (doc._.entities or [])}
    record = records.get(source.entity or "")
    if record is not None:
        if record.type == "PERSON":
            return "person"
        if record.sector in rep.official_sectors or record.type == "GPE":
            return "official-body"
        if record.sector in rep.media_sectors:
            return "media"
        return "unnamed-group" if record.type == "NORP" else "organisation"
    labels = {e.label_ for e in doc.ents if e.start <= source.start < e.end}
    if labels & {"PERSON", "PER", "PERS"}:
        return "person"
    if labels & {"GPE", "LOC"} or _is_place(doc, source):
        return "official-body"
    return "organisation"


def _is_place(doc: Doc, source: Source) -> bool:
    spans = doc.spans.get("places", ())
    return any(s.start <= source.start < s.end for s in spans)
