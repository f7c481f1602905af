"""Loaded terms: lexicon matches in a Doc, grown into the phrases a reader would quote.

1. Longest match, left to right, of the lexicon's terms over the tokens' candidate stems
   (:func:`marsad.text.clitics.stems`), so «لميليشيات» matches «ميليشيات».
2. Spans grow to what makes them readable and checkable:
   * a pejorative or glorifying label takes the actor it names: «ميليشيات الوفاق»;
   * an emotive adjective takes the noun it follows when both agree in definiteness:
     «تصريحات استفزازية»;
   * «ما يسمى» takes the quoted name right after it: «ما يُسمّى "تأمين سرت"»;
   * a single loaded or label word in quotation marks becomes a scare quote;
   * neighbouring terms of one category joined by nothing or by و merge: «الغرور والمكابرة».
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from marsad.analysis import LoadedTerm
from marsad.framing.labels import find_actor, is_word, words_of
from marsad.framing.lexicon import Grammar, Lexicon, Term

SCARE_QUOTE = "distancing-quote"
MAX_QUOTED = 12  # tokens of a quoted name after «ما يسمى»


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indices, end exclusive
    end: int
    term: Term
    category: str


def match_terms(doc: Doc, lexicon: Lexicon) -> list[Match]:
    """Longest lexicon matches, left to right, without overlaps; neutral labels skipped."""
    matches: list[Match] = []
    stems = words_of(doc).stems
    firsts = lexicon.by_first.keys()
    i = 0
    while i < len(stems):
        term = None if firsts.isdisjoint(stems[i]) else _longest(stems, i, lexicon)
        if term is None or term.category is None:
            i += 1
            continue
        matches.append(Match(i, i + len(term.words), term, term.category))
        i += len(term.words)
    return matches


def _longest(stems: list[tuple[str, ...]], i: int, lexicon: Lexicon) -> Term | None:
    """The longest term starting at token ``i`` (``stems``: each token's stems)."""
    best: Term | None = None
    for stem in stems[i]:
        for term in lexicon.starting_with(stem):
            n = len(term.words)
            if best is not None and n <= len(best.words):
                break  # terms are sorted longest first
            if i + n <= len(stems) and all(
                word in stems[i + k] for k, word in enumerate(term.words[1:], 1)
            ):
                best = term
                break
    return best


def grow(doc: Doc, match: Match, lexicon: Lexicon, grammar: Grammar,
         names: dict[str, str]) -> Match:
    """The match widened to the phrase around it (see the module docstring)."""
    if match.term.label:
        actor = find_actor(doc, match.start, lexicon, grammar, names)
        return replace(match, end=max(match.end, actor.end)) if actor else match
    if match.term.pos == "adjectives" and _has_head(doc, match.start, grammar):
        return replace(match, start=match.start - 1)
    if match.category == SCARE_QUOTE:
        return replace(match, end=_quoted_end(doc, match.end, grammar))
    return match


def _has_head(doc: Doc, i: int, grammar: Grammar) -> bool:
    if i == 0:
        return False
    head, adjective = doc[i - 1], doc[i]
    return (
        is_word(head)
        and head.norm_ not in grammar.function_words
        and head._.clitics.article == adjective._.clitics.article
    )


def _quoted_end(doc: Doc, j: int, grammar: Grammar) -> int:
    """After «ما يسمى», the end of a quoted name that opens at token ``j``, else ``j``."""
    if j >= len(doc) or doc[j].text not in grammar.quotes:
        return j
    for k in range(j + 1, min(len(doc), j + MAX_QUOTED)):
        if doc[k].text in grammar.quotes:
            return k + 1
    return j


def scare_quotes(doc: Doc, matches: list[Match], grammar: Grammar) -> list[Match]:
    """A lone loaded or label word between quotation marks: «"الثوار"»."""
    out = []
    for m in matches:
        inside = m.end - m.start == 1 and m.start > 0 and m.end < len(doc)
        if inside and doc[m.start - 1].text in grammar.quotes and doc[m.end].text in grammar.quotes:
            out.append(Match(m.start - 1, m.end + 1, m.term, SCARE_QUOTE))
        else:
            out.append(m)
    return out


def merge(doc: Doc, matches: list[Match]) -> list[Match]:
    """Join overlapping spans, and neighbours of one category («الغرور والمكابرة»)."""
    merged: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        last = merged[-1] if merged else None
        if last and (m.start < last.end or _joined(doc, last, m)):
            merged[-1] = replace(last, end=max(last.end, m.end))
        else:
            merged.append(m)
    return merged


def _joined(doc: Doc, a: Match, b: Match) -> bool:
    return a.category == b.category and b.start == a.end and doc[b.start]._.clitics.prefix in (
        "و", "وال",
    )


def loaded_terms(doc: Doc, lexicon: Lexicon, grammar: Grammar,
                 names: dict[str, str] | None = None) -> list[Match]:
    names = names or {}
    found = [grow(doc, m, lexicon, grammar, names) for m in match_terms(doc, lexicon)]
    return merge(doc, scare_quotes(doc, found, grammar))


def to_record(doc: Doc, match: Match) -> LoadedTerm:
    span = doc[match.start : match.end]
    return LoadedTerm(start=span.start_char, end=span.end_char, text=span.text,
                      category=match.category, neutral=match.term.neutral)
