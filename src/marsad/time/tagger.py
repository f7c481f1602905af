"""Finding and normalising temporal expressions: ``tag(text, anchor)``.

A text becomes a stream of canonical word forms (:mod:`marsad.time.lexicon`); every
grammar rule (:mod:`marsad.time.grammar`) proposes matches on it; each match gets its
value (:mod:`marsad.time.resolve`); the longest matches win and names that only look
like dates (exclusions) are dropped. Offsets are exact into the text: a proclitic
conjunction or preposition glued to the first word («والأحد», «بالأمس») is left out of
the span, as TIMEX3 leaves out a leading preposition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.analysis import Time
from marsad.text import clitics
from marsad.text.tokenizer import tokenize
from marsad.time.grammar import exclusions, rules, word_classes
from marsad.time.lexicon import ARTICLE, CONJUNCTION, has_conjunction, lexicon
from marsad.time.resolve import BUILDERS, Context, Unanchored, Value

_LINE_BREAK = "¶"  # stands for a line break in the stream: no expression crosses one
_FUTURE_WINDOW = 4  # words before a bare weekday searched for a future cue
_FUTURE_PREFIXES = ("س", "وس", "فس")


class Form(NamedTuple):
    """What the tagger reads in a token text; the same for every occurrence of the text,
    so it is computed once per text (:func:`form_of`)."""

    form: str  # canonical form; "" for a whitespace token that is not a line break
    strip: int  # leading characters that are a proclitic outside any expression
    conjunction: bool  # the proclitics begin with و or ف (see lexicon.CONJUNCTION)
    keys: frozenset[str]  # what the form offers the rules' ``needs`` (see _keys)


@lru_cache(maxsize=200_000)
def form_of(text: str) -> Form:
    """The :class:`Form` of a token text (whitespace included)."""
    if text.isspace():
        return Form(_LINE_BREAK if "\n" in text else "", 0, False, _NOTHING)
    form, strip = lexicon().canonical(text)
    return Form(form, strip, has_conjunction(text, strip), _keys(form) if form else _NOTHING)


@dataclass(frozen=True, slots=True)
class Words:
    """A text's tokens, whitespace included, as the tagger reads them: one form and one
    character span per token (a spaCy token index in a Doc is an index here)."""

    forms: list[Form]
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class Found:
    time: Time
    first: int  # index of the expression's first word (a spaCy token index in a Doc)
    last: int  # index of its last word, inclusive


@dataclass
class Tagging:
    found: list[Found]
    unresolved: int  # expressions left out because they need a publication date


def make_words(tokens: Iterable[tuple[str, int]]) -> Words:
    """Words from (token text, offset) pairs, one per token, whitespace included."""
    forms, starts, ends = [], [], []
    for text, start in tokens:
        forms.append(form_of(text))
        starts.append(start)
        ends.append(start + len(text))
    return Words(forms, starts, ends)


def text_words(text: str) -> Words:
    """The words of ``text``, split by marsad's tokenizer (the tokens a Doc of it has)."""
    pieces, spaces = tokenize(text)
    forms, starts, ends, position = [], [], [], 0
    for piece, space in zip(pieces, spaces, strict=True):
        forms.append(form_of(piece))
        starts.append(position)
        position += len(piece)
        ends.append(position)
        position += space
    return Words(forms, starts, ends)


@dataclass
class _Candidate:
    first: int
    last: int
    order: int  # rule order: the earlier rule wins a tie
    value: Value | None  # None: it needs a publication date there is none of


def find(words: Words, text: str, anchor: dt.date | None) -> Tagging:
    """Every temporal expression in ``text`` (whose words are ``words``), in text order."""
    stream = _Stream.of(words)
    candidates = _candidates(words, stream, anchor)
    blocked = [(stream.at_start[m.start()], stream.at_end[m.end()])
               for m in _exclusions(stream)] if candidates else []
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.first - c.last, c.first, c.order)):
        spans = blocked + [(k.first, k.last) for k in chosen]
        if not any(c.first <= last and first <= c.last for first, last in spans):
            chosen.append(c)
    found = [_found(c, words, text) for c in sorted(chosen, key=lambda c: c.first) if c.value]
    return Tagging(found, sum(c.value is None for c in chosen))


def tag(text: str, anchor: dt.date | None = None) -> list[Time]:
    """The temporal expressions of ``text``, normalised against ``anchor`` (the
    publication date), in text order. Works on any string; no spaCy pipeline needed.

    >>> [t.value for t in tag("وصل اليوم الاثنين بعد لقاء الأحد", dt.date(2020, 7, 6))]
    ['2020-07-06', '2020-07-05']
    """
    return [f.time for f in find(text_words(text), text, anchor).found]


def _exclusions(stream: _Stream) -> Iterable:
    """The exclusion phrases of the stream, searched from the first word one can start
    with (none: nothing to search)."""
    starts = stream.where.get(_EXCLUSION)
    if not starts:
        return ()
    return exclusions().finditer(stream.text, stream.spans[starts[0]][0])


# A rule is only tried on the stretch of text around the words it needs: from this many
# words before such a word to this many after («صباح يوم الأحد»: the weekday is third;
# «الساعة العاشرة والنصف من صباح يوم الأحد المقبل» ends eight words after «الساعة»).
_BEFORE, _AFTER = 8, 12


@dataclass
class _Stream:
    """The canonical stream: the words' forms joined by spaces, where each word starts
    and ends, and which words have which look-up keys (form, classes, "digits")."""

    text: str
    at_start: dict[int, int]  # stream offset of a word start -> word index
    at_end: dict[int, int]  # stream offset of a word end -> word index
    spans: list[tuple[int, int]]
    where: dict[str, list[int]]  # look-up key -> positions of the stream words with it

    @classmethod
    def of(cls, words: Words) -> _Stream:
        parts: list[str] = []
        at_start, at_end, spans, position = {}, {}, [], 0
        where: dict[str, list[int]] = {}
        conjunction_keys = _keys(CONJUNCTION)
        for i, word in enumerate(words.forms):
            form = word.form
            if not form:
                continue
            if word.conjunction:  # a word of its own, where no expression starts or ends
                for key in conjunction_keys:
                    where.setdefault(key, []).append(len(spans))
                spans.append((position, position + len(CONJUNCTION)))
                parts.append(CONJUNCTION)
                position += len(CONJUNCTION) + 1
            end = position + len(form)
            at_start[position] = i
            at_end[end] = i
            for key in word.keys:
                where.setdefault(key, []).append(len(spans))
            spans.append((position, end))
            parts.append(form)
            position = end + 1
        return cls(" ".join(parts), at_start, at_end, spans, where)

    def windows(self, needs: frozenset[str]) -> list[tuple[int, int]]:
        """Character stretches around the words that meet ``needs``, merged."""
        hits = sorted({n for need in needs for n in self.where.get(need, ())})
        stretches: list[tuple[int, int]] = []
        for n in hits:
            first, last = max(n - _BEFORE, 0), min(n + _AFTER, len(self.spans) - 1)
            if stretches and first <= stretches[-1][1] + 1:
                stretches[-1] = (stretches[-1][0], last)
            else:
                stretches.append((first, last))
        return [(self.spans[a][0], self.spans[b][1]) for a, b in stretches]


@lru_cache(maxsize=200_000)
def _keys(form: str) -> frozenset[str]:
    """What a form offers the rules' ``needs``: itself, the lexicon classes it starts
    phrases of, and "digits" if it has one (only what some rule needs, mostly nothing);
    and :data:`_EXCLUSION` if an exclusion phrase starts with it."""
    if form not in _offering() and (form.isalpha() or not any(c.isdigit() for c in form)):
        return _NOTHING  # most words, decided with one look-up
    classes = word_classes()
    found = {form, *classes.get(form, ()), *classes.get(form.removeprefix(ARTICLE), ())}
    if any(c.isdigit() for c in form):
        found.add("digits")
    found &= _needed()
    if form in _exclusion_starts():
        found.add(_EXCLUSION)
    return frozenset(found)


@lru_cache(maxsize=1)
def _needed() -> frozenset[str]:
    return frozenset().union(*(rule.needs for rule in rules()))


_NOTHING: frozenset[str] = frozenset()
# The key of the words exclusion phrases start with: without one, no exclusion can match.
_EXCLUSION = "(exclusion)"


@lru_cache(maxsize=1)
def _exclusion_starts() -> frozenset[str]:
    return frozenset(phrase.split(" ")[0] for phrase in lexicon().exclusions)


@lru_cache(maxsize=1)
def _offering() -> frozenset[str]:
    """The forms that offer something without a digit: the needed words, the words that
    start a phrase of a needed class (with or without the article) or an exclusion."""
    needed = _needed()
    starters = {w for w, names in word_classes().items() if not names.isdisjoint(needed)}
    return frozenset(needed | starters | {ARTICLE + w for w in starters} | _exclusion_starts())


def _candidates(words: Words, stream: _Stream, anchor) -> list[_Candidate]:
    lex = lexicon()
    found = []
    for order, rule in enumerate(rules()):
        if rule.needs.isdisjoint(stream.where):
            continue  # most rules: the text has none of the words they need
        for pos, endpos in stream.windows(rule.needs):
            for match in rule.pattern.finditer(stream.text, pos, endpos):
                first, last = stream.at_start[match.start()], stream.at_end[match.end()]
                future = rule.build in ("day", "clock") and _future_before(words, first)
                context = Context(match.groupdict(), anchor, lex, future)
                try:
                    value = BUILDERS[rule.build](context)
                except Unanchored:
                    value = None
                else:
                    if value is None:
                        continue
                found.append(_Candidate(first, last, order, value))
    return found


def _future_before(words: Words, first: int) -> bool:
    """Whether a future cue («سوف», «المقرر», a verb with the future prefix س) stands
    among the few words before ``first`` on its line."""
    lex = lexicon()
    seen = 0
    for i in range(first - 1, -1, -1):
        form = words.forms[i].form
        if form == _LINE_BREAK or seen == _FUTURE_WINDOW:
            return False
        if not form:
            continue
        seen += 1
        if lex.value("future_cues", form) or _future_verb(form, lex):
            return True
    return False


def _future_verb(form: str, lex) -> bool:
    if lex.value("not_future", form) or not form.startswith(_FUTURE_PREFIXES):
        return False  # the analysis below can only find the prefix the form starts with
    best = clitics.best(form)
    return best.prefix in _FUTURE_PREFIXES and len(best.stem) >= 3


def _found(c: _Candidate, words: Words, text: str) -> Found:
    start = words.starts[c.first] + words.forms[c.first].strip
    end = words.ends[c.last]
    value = c.value
    time = Time(text=text[start:end], start=start, end=end, type=value.type,
                value=value.value, approximate=value.approximate)
    return Found(time, c.first, c.last)

