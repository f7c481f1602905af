"""The framing scores of one article; ``docs/framing.md`` defines each one.

Word-based scores need only tokens. Source scores need the attributions of the events
stage: without it they are ``None`` and the caller adds a warning saying why.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from marsad.analysis import ActorLabel, Attribution
from marsad.framing.labels import LabelUse, has_letter, words_of
from marsad.framing.terms import Match

NAMED_SOURCES = frozenset({"person", "organisation", "media", "official-body"})
UNNAMED_SOURCES = frozenset({"anonymous", "unnamed-group"})
SOURCE_SCORES = ("claims", "named_source_share", "anonymous_source_share", "distancing_claims")


def word_count(doc: Doc) -> int:
    return sum(map(has_letter, words_of(doc).texts))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def lexical_scores(doc: Doc, terms: Sequence[Match], uses: Sequence[LabelUse],
                   actors: Sequence[ActorLabel]) -> dict[str, float | int | None]:
    words = word_count(doc)
    by_category = [m.category for m in terms]
    pejorative = {u.actor.key for u in uses if u.term.category == "pejorative-label"}
    return {
        "words": words,
        "loaded_terms": len(terms),
        "loaded_per_100_words": round(100 * len(terms) / words, 2) if words else None,
        "distancing_verbs": by_category.count("distancing-verb"),
        "distancing_quotes": by_category.count("distancing-quote"),
        "actors_named": len(actors),
        "actors_labelled_pejoratively": len(pejorative),
    }


def source_scores(attributions: Sequence[Attribution] | None) -> dict[str, float | int | None]:
    if attributions is None:
        return dict.fromkeys(SOURCE_SCORES)
    claims = len(attributions)
    kinds = [a.source_type for a in attributions]
    return {
        "claims": claims,
        "named_source_share": _share(sum(k in NAMED_SOURCES for k in kinds), claims),
        "anonymous_source_share": _share(sum(k in UNNAMED_SOURCES for k in kinds), claims),
        "distancing_claims": sum(a.stance == "distancing" for a in attributions),
    }
