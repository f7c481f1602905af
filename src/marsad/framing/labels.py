"""Actor labels: which noun the article uses to name which actor.

A label noun (labels.yaml) names an actor through what follows it:

* a genitive (construct state): «ميليشيات الوفاق», «قوات حفتر»; a chain of labels
  («قوات حكومة الوفاق») gives every label in it to the last noun;
* nisba adjectives after a definite label: «الجيش الوطني الليبي», «القوات التركية»
  (a definite noun cannot head a construct, so what follows it is an adjective);
* an entity mention (``doc.spans["entities"]``, when the entities stage ran) that
  contains the label or starts right after it: the actor is then that entity.

Actors are grouped by entity id, else by the matching key of the genitive noun or of the
adjectives folded to the masculine singular (التركية and التركي are one side).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from marsad.analysis import ActorLabel
from marsad.framing.lexicon import Grammar, Lexicon, Term
from marsad.text.clitics import stems
from marsad.text.normalize import normalize_key

NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")  # longest first


@dataclass(frozen=True, slots=True)
class Actor:
    key: str  # grouping key: "entity:<id>" or a matching key
    name: str  # what reports show
    end: int  # token index just after the words that name the actor


@dataclass(frozen=True, slots=True)
class LabelUse:
    term: Term
    start: int  # token index of the label noun
    actor: Actor


# A token's candidate stems, kept per token string (``token._.stems`` recomputes them).


@lru_cache(maxsize=100_000)
def has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def is_word(token: Token) -> bool:
    return has_letter(token.text)


@dataclass(frozen=True, slots=True)
class Words:
    """A Doc's token texts and their candidate stems, read once a Doc: the term and
    label look-ups visit every token, and a Token object with its extension attributes
    costs more to make than the look-up itself."""

    texts: list[str]
    stems: list[tuple[str, ...]]


def words_of(doc: Doc) -> Words:
    key = ("marsad_framing", "words")
    if key not in doc.user_data:
        texts = [t.text for t in doc]
        doc.user_data[key] = Words(texts, list(map(stems, texts)))
    return doc.user_data[key]


def nisba_key(token: Token) -> str | None:
    """The masculine singular key of a nisba adjective (التركية -> تركي), else None."""
    stem = token._.clitics.stem
    for ending in NISBA_ENDINGS:
        base = stem[: -len(ending)]
        if stem.endswith(ending) and len(base) >= 3:
            return base + "ي"
    return None


def label_at(doc: Doc, i: int, lexicon: Lexicon) -> Term | None:
    """The actor-label term of token ``i``, if it is one (one-word labels only)."""
    return label_of(words_of(doc).stems[i], lexicon)


def label_of(keys: tuple[str, ...], lexicon: Lexicon) -> Term | None:
    """The one-word actor label a token with these candidate stems is, if any."""
    labels = lexicon.one_word_labels
    for stem in keys:
        if stem in labels:
            return labels[stem]
    return None


def _adjectives(doc: Doc, j: int, grammar: Grammar, definite: bool) -> tuple[list[str], int]:
    """Nisba adjectives from token ``j`` on that agree in definiteness: keys, end index."""
    keys: list[str] = []
    while j < len(doc) and is_word(doc[j]) and doc[j].norm_ not in grammar.function_words:
        key = nisba_key(doc[j])
        if key is None or doc[j]._.clitics.article != definite:
            break
        keys.append(key)
        j += 1
    return keys, j


def heuristic_actor(doc: Doc, i: int, lexicon: Lexicon, grammar: Grammar) -> Actor | None:
    """The actor named by the label noun at ``i`` from word shapes alone (no entities)."""
    definite = doc[i]._.clitics.article
    keys, end = _adjectives(doc, i + 1, grammar, definite)
    if keys:  # الجيش الوطني الليبي، قوات تركية
        return Actor(" ".join(keys), bare_phrase(doc[i:end]), end)
    if definite:
        return None
    j = i + 1
    while j < len(doc) and label_at(doc, j, lexicon) and not doc[j]._.clitics.article:
        j += 1  # قوات حكومة الوفاق: the chain ends at the first non-label noun
    if j >= len(doc) or not _can_name(doc[j], grammar):
        return None
    if label_at(doc, j, lexicon):  # «قوات الحكومة السورية»: a definite label closes it
        keys, end = _adjectives(doc, j + 1, grammar, definite=True)
        return Actor(" ".join(keys), doc[j:end].text, end) if keys else None
    name_end = j + 1
    if not doc[j]._.clitics.article and _name_goes_on(doc, name_end, lexicon, grammar):
        name_end += 1  # a two-word name: «حكومة فائز السراج»
    _, end = _adjectives(doc, name_end, grammar, definite=True)
    key = " ".join(doc[k]._.clitics.stem for k in range(j, name_end))
    return Actor(key, doc[j:name_end].text, end)


def _name_goes_on(doc: Doc, k: int, lexicon: Lexicon, grammar: Grammar) -> bool:
    return (
        k < len(doc)
        and doc[k]._.clitics.article  # «طرابلس لشن هجوم» is not a name
        and _can_name(doc[k], grammar)
        and nisba_key(doc[k]) is None
        and label_at(doc, k, lexicon) is None
    )


def bare_phrase(span: Span) -> str:
    """The phrase without the first word's conjunction or preposition (للجيش -> الجيش)."""
    surface, prefix = span[0].text, span[0]._.clitics.prefix
    if prefix.endswith("لل"):  # ل + ال is written لل: drop the ل, give the article its alef
        drop, restore = len(prefix) - 1, "ا"
    else:
        drop, restore = len(prefix) - (2 if prefix.endswith("ال") else 0), ""
    return restore + span.text[_skip_letters(surface, drop):]


def _skip_letters(text: str, n: int) -> int:
    """The index just after the first ``n`` base letters of ``text`` (marks skipped)."""
    seen = 0
    for index, char in enumerate(text):
        if seen == n and not unicodedata.combining(char):
            return index
        seen += char.isalpha() and not unicodedata.combining(char)
    return len(text)


def _can_name(token: Token, grammar: Grammar) -> bool:
    """Whether a word after a label can be an actor's name (not «قوات كبيرة», «جيش بلاده»)."""
    c = token._.clitics
    return (
        is_word(token)
        and token.norm_ not in grammar.function_words
        and token.norm_ not in grammar.not_actors
        and not c.suffix
        and (c.article or not c.stem.endswith("ه"))  # indefinite ...ة is an adjective
        and c.prefix in ("", "ال")
    )


def entity_actor(doc: Doc, i: int, lexicon: Lexicon, names: dict[str, str]) -> Actor | None:
    """The entity mention containing the label at ``i``, or starting right after its chain."""
    j = i + 1
    while j < len(doc) and label_at(doc, j, lexicon) and not _mention_at(doc, j):
        j += 1
    for span in (_mention_containing(doc, i), _mention_at(doc, j)):
        if span is not None:
            return Actor(f"entity:{span.id_}", names.get(span.id_, span.text), span.end)
    return None


def _mentions(doc: Doc) -> list[Span]:
    """The entity mentions, listed once a Doc: every label noun asks for them, and making
    the Spans anew each time made a text naming thousands of actors quadratic."""
    key = ("marsad_framing", "mentions")
    if key not in doc.user_data:
        doc.user_data[key] = list(doc.spans["entities"]) if "entities" in doc.spans else []
    return doc.user_data[key]


def _mention_containing(doc: Doc, i: int) -> Span | None:
    return next((s for s in _mentions(doc) if s.start <= i < s.end and s.end > i + 1), None)


def _mention_at(doc: Doc, j: int) -> Span | None:
    return next((s for s in _mentions(doc) if s.start == j), None)


def entity_names(doc: Doc) -> dict[str, str]:
    return {entity.id: entity.name for entity in doc._.entities or []}


def find_actor(doc: Doc, i: int, lexicon: Lexicon, grammar: Grammar,
               names: dict[str, str]) -> Actor | None:
    return entity_actor(doc, i, lexicon, names) or heuristic_actor(doc, i, lexicon, grammar)


def label_uses(doc: Doc, lexicon: Lexicon, grammar: Grammar) -> list[LabelUse]:
    """Every label noun in ``doc`` that names an actor, in text order."""
    names = entity_names(doc)
    uses = []
    for i, token_keys in enumerate(words_of(doc).stems):
        term = label_of(token_keys, lexicon)
        if term is None:
            continue
        actor = find_actor(doc, i, lexicon, grammar, names)
        if actor is not None:
            uses.append(LabelUse(term, i, actor))
    return uses


def actor_labels(uses: list[LabelUse]) -> list[ActorLabel]:
    """One record an actor, in order of first mention; its labels most used first."""
    names: dict[str, str] = {}
    counts: dict[str, Counter] = {}
    for use in uses:
        names.setdefault(use.actor.key, use.actor.name)
        counts.setdefault(use.actor.key, Counter())[use.term.head] += 1
    return [
        ActorLabel(actor=names[key], labels=[label for label, _ in counts[key].most_common()])
        for key in names
    ]


def normalized_label(term: Term) -> str:
    return normalize_key(term.head)
