"""Loaded terms: lexicon matches in a Doc, grown into the phrases a reader would quote.

1. Longest match, left to right, of the lexicon's terms over the tokens' candidate stems
   (:func:`marsad.text.clitics.stems`), so «لميليشيات» matches «ميليشيات». A one-word
   term matches only the analyses its part of speech allows (:class:`Readings`).
2. Spans grow to what makes them readable and checkable:
   * a pejorative or glorifying label takes the actor it names: «ميليشيات الوفاق»;
   * an emotive adjective takes the noun it follows when both agree in definiteness:
     «تصريحات استفزازية»;
   * «ما يسمى» takes the quoted name right after it: «ما يُسمّى "تأمين سرت"»;
   * a single actor label in quotation marks becomes a scare quote («"الثوار"»);
   * terms of one category joined by و merge («الغرور والمكابرة»), and touching
     word-level loaded terms form one phrase («الخروقات المستمرة والمتعمدة»).
3. «أكثر/أشد» + a specifying noun, the analytic superlative, is an exaggeration of its
   own («الأكثر تضرراً»; :func:`comparatives`).

Set phrases and neutral labels (category None) are matched but not reported, an
intensifier adjective after a noun of measure («كميات كبيرة») is dropped (:func:`literal`),
and so is a word that is part of a name («عبد المجيد»; :func:`in_name`). A pejorative label
word that is the adjective of an act («الهجوم الإرهابي») is emotive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from marsad.analysis import LoadedTerm
from marsad.framing.labels import Words, find_actor, is_word, words_of
from marsad.framing.lexicon import Grammar, Lexicon, Term
from marsad.text.clitics import analyses

SCARE_QUOTE = "distancing-quote"
PEJORATIVE = "pejorative-label"
EMOTIVE = "emotive"
INTENSIFIER = "intensifier"
MAX_QUOTED = 12  # tokens of a quoted name after «ما يسمى»


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indices, end exclusive
    end: int
    term: Term
    category: str


@dataclass(frozen=True, slots=True)
class Readings:
    """A token's candidate stems by what may bear them. Nouns and adjectives never follow
    the future marker «س» (ساهم is not س + أهم); adjectives take no pronoun suffix
    (اليمني is not أليم + ني) and nouns not the verb's object «ني»."""

    verbal: frozenset[str]  # every candidate stem
    nominal: frozenset[str]
    adjectival: frozenset[str]


# The readings a one-word term of each part of speech may match (see lexicon.Term.pos).
READING_OF_POS = {"adjectives": "adjectival", "nouns": "nominal", "label": "nominal",
                  "verbs": "verbal"}


@lru_cache(maxsize=200_000)
def readings(text: str) -> Readings:
    found = analyses(text)
    nominal = [c for c in found if "س" not in c.prefix and c.suffix != "ني"]
    return Readings(frozenset(c.stem for c in found), frozenset(c.stem for c in nominal),
                    frozenset(c.stem for c in nominal if not c.suffix))


def _fits(term: Term, text: str) -> bool:
    """Whether a one-word term may be read in token ``text`` (phrases always may)."""
    if len(term.words) > 1:
        return True
    reading = "adjectival" if term.bare else READING_OF_POS[term.pos]
    return term.words[0] in getattr(readings(text), reading)


def match_terms(doc: Doc, lexicon: Lexicon) -> list[Match]:
    """Longest lexicon matches, left to right, without overlaps; neutral labels and set
    phrases (category None) are matched, so they hide their words, but not returned."""
    matches: list[Match] = []
    words = words_of(doc)
    stems = words.stems
    firsts = lexicon.by_first.keys()
    i = 0
    while i < len(stems):
        term = None if firsts.isdisjoint(stems[i]) else _longest(words.texts, stems, i, lexicon)
        if term is None or term.category is None:
            i += len(term.words) if term else 1
            continue
        matches.append(Match(i, i + len(term.words), term, term.category))
        i += len(term.words)
    return matches


def _longest(texts: list[str], stems: list[tuple[str, ...]], i: int,
             lexicon: Lexicon) -> Term | None:
    """The longest term starting at token ``i`` (``stems``: each token's stems)."""
    best: Term | None = None
    for stem in stems[i]:
        for term in lexicon.starting_with(stem):
            n = len(term.words)
            if best is not None and n <= len(best.words):
                break  # terms are sorted longest first
            if i + n <= len(stems) and _fits(term, texts[i]) and all(
                word in stems[i + k] for k, word in enumerate(term.words[1:], 1)
            ):
                best = term
                break
    return best


def literal(words: Words, match: Match, grammar: Grammar) -> bool:
    """An intensifier adjective measuring a quantity or an extent is not the writer's
    weighting: «كميات كبيرة», «أمطار قوية», «على مساحة واسعة»."""
    i = match.start
    return (match.category == INTENSIFIER and match.term.pos == "adjectives" and i > 0
            and not grammar.measure_nouns.isdisjoint(words.stems[i - 1]))


def in_name(words: Words, match: Match, grammar: Grammar) -> bool:
    """A word after «عبد», «أبو», «بن» is part of a person's name, not a verdict:
    «عبد المجيد», «عبد الحكيم», «أبو غريب»."""
    i = match.start
    return i > 0 and not grammar.name_starts.isdisjoint(words.stems[i - 1])


def grow(doc: Doc, match: Match, lexicon: Lexicon, grammar: Grammar,
         names: dict[str, str]) -> Match:
    """The match widened to the phrase around it (see the module docstring)."""
    if match.term.label:
        if _qualifies_a_thing(doc, match, lexicon, grammar):
            return replace(match, start=match.start - 1, category=EMOTIVE)
        actor = find_actor(doc, match.start, lexicon, grammar, names)
        return replace(match, end=max(match.end, actor.end)) if actor else match
    if match.term.pos == "adjectives" and _has_head(doc, match.start, grammar):
        return replace(match, start=match.start - 1)
    if match.category == SCARE_QUOTE:
        return replace(match, end=_quoted_end(doc, match.end, grammar))
    return match


def _qualifies_a_thing(doc: Doc, match: Match, lexicon: Lexicon, grammar: Grammar) -> bool:
    """A pejorative label word used as the adjective of an act or a thing judges it
    rather than naming anyone: «الهجوم الإرهابي», «العمل الانقلابي» (the head is no label;
    «المسلحين الإرهابيين» names people)."""
    i = match.start
    return (match.category == PEJORATIVE and match.end - i == 1
            and _has_head(doc, i, grammar) and doc[i]._.clitics.article
            and not any(s in lexicon.one_word_labels for s in words_of(doc).stems[i - 1]))


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
    """A lone actor label between quotation marks: «"الثوار"». A quoted emotive word
    («"سخيف"») is the source's own word, reported as it is: it keeps its category."""
    out = []
    for m in matches:
        inside = m.term.label and m.end - m.start == 1 and m.start > 0 and m.end < len(doc)
        if inside and doc[m.start - 1].text in grammar.quotes and doc[m.end].text in grammar.quotes:
            out.append(Match(m.start - 1, m.end + 1, m.term, SCARE_QUOTE))
        else:
            out.append(m)
    return out


def merge(doc: Doc, matches: list[Match]) -> list[Match]:
    """Join overlapping spans, neighbours of one category joined by و («الغرور والمكابرة»)
    and touching loaded words, which read as one phrase («الخروقات المستمرة والمتعمدة»);
    a phrase takes the strongest category in it."""
    merged: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        last = merged[-1] if merged else None
        if last and (m.start < last.end or _joined(doc, last, m)):
            merged[-1] = replace(last, end=max(last.end, m.end),
                                 category=min(last.category, m.category, key=_strength))
        else:
            merged.append(m)
    return merged


# Word-level categories, strongest first: touching words of these form one phrase.
PHRASE_CATEGORIES = ("emotive", "exaggeration", "charged", "intensifier")


def _strength(category: str) -> int:
    return PHRASE_CATEGORIES.index(category) if category in PHRASE_CATEGORIES else -1


def _joined(doc: Doc, a: Match, b: Match) -> bool:
    if b.start != a.end:
        return False
    if a.category in PHRASE_CATEGORIES and b.category in PHRASE_CATEGORIES:
        return True
    return a.category == b.category and doc[b.start]._.clitics.prefix in ("و", "وال")


# «أكثر/أشد» + a specifying noun (tamyiz) is the analytic superlative of any quality:
# «الأكثر تضرراً», «أشد خطورة». Reported as exaggeration, like the one-word elatives.
COMPARATIVE = Term(("اكثر",), "exaggeration", None, "أكثر", "nouns")
# The tamyiz is an indefinite accusative (تضرراً → key تضررا) or a verbal noun in ة
# (خطورة → خطوره); «أكثر من» (more than), «أكثر الدول» and «أكثر يدعونا» take neither.
TAMYIZ_ENDINGS = ("ا", "ه")
NOT_TAMYIZ_STARTS = ("ال", "ي")


def comparatives(words: Words, grammar: Grammar) -> list[Match]:
    out = []
    for i in range(len(words.stems) - 1):
        if grammar.comparatives.isdisjoint(words.stems[i]) or grammar.comparatives.isdisjoint(
                readings(words.texts[i]).adjectival):
            continue  # the stems first: a set test, where readings() is a cache look-up
        key = words.stems[i + 1][-1]  # the bare reading: a tamyiz takes no clitic
        if (len(key) > 2 and key.isalpha() and key.endswith(TAMYIZ_ENDINGS)
                and not key.startswith(NOT_TAMYIZ_STARTS)
                and key not in grammar.function_words):
            out.append(Match(i, i + 2, COMPARATIVE, COMPARATIVE.category))
    return out


def loaded_terms(doc: Doc, lexicon: Lexicon, grammar: Grammar,
                 names: dict[str, str] | None = None) -> list[Match]:
    names = names or {}
    words = words_of(doc)
    found = [grow(doc, m, lexicon, grammar, names) for m in match_terms(doc, lexicon)
             if not literal(words, m, grammar) and not in_name(words, m, grammar)]
    return merge(doc, scare_quotes(doc, found + comparatives(words, grammar), grammar))


def to_record(doc: Doc, match: Match) -> LoadedTerm:
    span = doc[match.start : match.end]
    return LoadedTerm(start=span.start_char, end=span.end_char, text=span.text,
                      category=match.category, neutral=match.term.neutral)
