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
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import add, itemgetter
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
    # The token in the stream: nothing (whitespace, "" form), its form, or «و» and its
    # form, two words, when its proclitics begin with و or ف (see lexicon.CONJUNCTION).
    stream: str
    words: int  # how many words that is: 0, 1 or 2
    width: int  # characters it takes in the stream, with the space after it
    # What each of those words offers the rules' ``needs`` (see _keys); () when nothing,
    # as for most words.
    keys: tuple[frozenset[str], ...]


@lru_cache(maxsize=200_000)
def form_of(text: str) -> Form:
    """The :class:`Form` of a token text (whitespace included)."""
    if text.isspace():
        return _LINE_BREAK_FORM if "\n" in text else _NO_FORM
    form, strip = lexicon().canonical(text)
    if not form:
        return _NO_FORM._replace(strip=strip)
    if strip and has_conjunction(text, strip):
        stream, keys = f"{CONJUNCTION} {form}", (_keys(CONJUNCTION), _keys(form))
        return Form(form, strip, stream, 2, len(stream) + 1, keys if any(keys) else ())
    keys = _keys(form)
    return Form(form, strip, form, 1, len(form) + 1, (keys,) if keys else ())


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


def make_words(pieces: list[str], starts: list[int]) -> Words:
    """Words from the token texts and their offsets, one per token, whitespace included."""
    return Words(list(map(form_of, pieces)), starts, list(map(add, starts, map(len, pieces))))


def text_words(text: str) -> Words:
    """The words of ``text``, split by marsad's tokenizer (the tokens a Doc of it has)."""
    pieces, spaces = tokenize(text)
    # A token starts where the one before ends, plus its trailing space if it has one.
    starts = list(accumulate(map(add, map(len, pieces), spaces), initial=0))
    return make_words(pieces, starts[:-1])


@dataclass
class _Candidate:
    first: int
    last: int
    order: int  # rule order: the earlier rule wins a tie
    value: Value | None  # None: it needs a publication date there is none of


def find(words: Words, text: str, anchor: dt.date | None) -> Tagging:
    """Every temporal expression in ``text`` (whose words are ``words``), in text order."""
    stream = _Stream.of(words)
    excluded = exclusions()  # compiled with the rules, at the first text, needed or not
    candidates = _candidates(words, stream, anchor)
    blocked = _exclusions(stream, excluded) if candidates else []
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


def _exclusions(stream: _Stream, pattern: re.Pattern) -> list[tuple[int, int]]:
    """The (first, last) words of the exclusion phrases in the stream. A phrase can only
    start at a word with the exclusion key, so it is only tried there, left to right and
    never inside the previous phrase (what a search of the whole stream would find)."""
    found: list[tuple[int, int]] = []
    reached = 0
    for n in stream.where.get(_EXCLUSION, ()):
        start = stream.word_start(n) - 1  # a match starts with the space before its word
        match = pattern.match(stream.text, start) if start >= reached else None
        if match:
            reached = match.end()
            tokens = stream.tokens_of(match)
            if tokens is not None:
                found.append(tokens)
    return found


# A rule is only tried on the stretch of text around the words it needs: from this many
# words before such a word to this many after («صباح يوم الأحد»: the weekday is third;
# «الساعة العاشرة والنصف من صباح يوم الأحد المقبل» ends eight words after «الساعة»).
_BEFORE, _AFTER = 8, 12


@dataclass
class _Stream:
    """The canonical stream: a space, then the tokens' stream words separated by spaces.
    Everything about it is kept per token, computed in whole-list passes: most tokens are
    one word that offers nothing, and a text is many tokens."""

    text: str
    forms: list[Form]
    at: list[int]  # stream offset of each token, then one past the end of the stream
    first_word: list[int]  # index of each token's first stream word, then the word count
    where: dict[str, list[int]]  # look-up key -> positions of the stream words with it

    @classmethod
    def of(cls, words: Words) -> _Stream:
        forms = words.forms
        at = list(accumulate(map(_WIDTH, forms), initial=1))
        first_word = list(accumulate(map(_WORDS, forms), initial=0))
        where: dict[str, list[int]] = {}
        for i in compress(range(len(forms)), map(_KEYS, forms)):  # the few tokens with keys
            for n, keys in enumerate(forms[i].keys, start=first_word[i]):
                for key in keys:
                    where.setdefault(key, []).append(n)
        text = " " + " ".join(filter(None, map(_STREAM, forms)))
        return cls(text, forms, at, first_word, where)

    def tokens_of(self, match: re.Match) -> tuple[int, int] | None:
        """The first and last token of a match (which starts with the space before its
        first word); None when it starts or ends with a conjunction taken off a word,
        a word of its own where no expression starts or ends («واحد» -> «و احد»)."""
        start, end = match.start() + 1, match.end()
        first = bisect_right(self.at, start) - 1
        last = bisect_right(self.at, end - 1) - 1
        if self._conjunction(first, start) or self._conjunction(last, end - 1):
            return None
        return first, last

    def _conjunction(self, token: int, offset: int) -> bool:
        """Whether the stream character at ``offset`` is a conjunction of ``token``."""
        return self.forms[token].words == 2 and offset == self.at[token]

    def word_start(self, n: int) -> int:
        """Stream offset of word ``n``."""
        token = bisect_right(self.first_word, n) - 1
        second = n > self.first_word[token]  # the form after a conjunction
        return self.at[token] + (len(CONJUNCTION) + 1 if second else 0)

    def word_end(self, n: int) -> int:
        """Stream offset just past word ``n``."""
        token = bisect_right(self.first_word, n) - 1
        if self.forms[token].words == 2 and n == self.first_word[token]:
            return self.at[token] + len(CONJUNCTION)
        return self.at[token + 1] - 1

    def windows(self, needs: frozenset[str]) -> list[tuple[int, int]]:
        """Character stretches around the words that meet ``needs``, merged; each from
        the space before its first word to the end of its last."""
        found = [self.where[need] for need in needs if need in self.where]
        hits = found[0] if len(found) == 1 else sorted({n for ns in found for n in ns})
        stretches: list[list[int]] = []
        for n in hits:  # in text order
            if stretches and n - _BEFORE <= stretches[-1][1] + 1:
                stretches[-1][1] = n + _AFTER
            else:
                stretches.append([n - _BEFORE, n + _AFTER])
        last_word = self.first_word[-1] - 1
        return [(self.word_start(max(a, 0)) - 1, self.word_end(min(b, last_word)))
                for a, b in stretches]


# Field getters for whole-list passes (a Form is a tuple: by index is the quickest).
_STREAM, _WORDS, _WIDTH, _KEYS = (itemgetter(Form._fields.index(name))
                                  for name in ("stream", "words", "width", "keys"))


def _keys(form: str) -> frozenset[str]:
    """What a form offers the rules' ``needs``: itself, the lexicon classes it starts
    phrases of, and "digits" if it has one (only what some rule needs, mostly nothing);
    and :data:`_EXCLUSION` if an exclusion phrase starts with it. (Read once per token
    text, by form_of.)"""
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
_NO_FORM = Form("", 0, "", 0, 0, ())  # whitespace, or a token that keys to nothing
_LINE_BREAK_FORM = Form(_LINE_BREAK, 0, _LINE_BREAK, 1, len(_LINE_BREAK) + 1, ())
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
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}  # rules share their needs
    for order, rule in enumerate(rules()):
        if rule.needs.isdisjoint(stream.where):
            continue  # most rules: the text has none of the words they need
        if rule.needs not in windows:
            windows[rule.needs] = stream.windows(rule.needs)
        for pos, endpos in windows[rule.needs]:
            for match in rule.pattern.finditer(stream.text, pos, endpos):
                tokens = stream.tokens_of(match)
                if tokens is None:
                    continue
                first, last = tokens
                future = rule.build in ("day", "clock") and _future_before(words, first)
                context = Context(rule.groups(match), anchor, lex, future)
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

