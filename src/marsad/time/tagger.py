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

from marsad.analysis import Time
from marsad.text import clitics
from marsad.text.tokenizer import tokenize
from marsad.time.grammar import exclusions, rules, word_classes
from marsad.time.lexicon import ARTICLE, CONJUNCTION, has_conjunction, lexicon
from marsad.time.resolve import BUILDERS, Context, Unanchored, Value

_LINE_BREAK = "¶"  # stands for a line break in the stream: no expression crosses one
_FUTURE_WINDOW = 4  # words before a bare weekday searched for a future cue
_FUTURE_PREFIXES = ("س", "وس", "فس")


@dataclass(frozen=True, slots=True)
class Word:
    form: str  # canonical form; "" for a whitespace token that is not a line break
    start: int
    end: int
    strip: int  # leading characters that are a proclitic outside any expression
    conjunction: bool = False  # the proclitics begin with و or ف (see lexicon.CONJUNCTION)


@dataclass(frozen=True, slots=True)
class Found:
    time: Time
    first: int  # index of the expression's first word (a spaCy token index in a Doc)
    last: int  # index of its last word, inclusive


@dataclass
class Tagging:
    found: list[Found]
    unresolved: int  # expressions left out because they need a publication date


def make_words(tokens: Iterable[tuple[str, int]]) -> list[Word]:
    """Words from (token text, offset) pairs, one per token, whitespace included."""
    lex = lexicon()
    words = []
    for text, start in tokens:
        if text.isspace():
            form, strip = (_LINE_BREAK if "\n" in text else ""), 0
        else:
            form, strip = lex.canonical(text)
        words.append(Word(form, start, start + len(text), strip, has_conjunction(text, strip)))
    return words


def text_tokens(text: str) -> list[tuple[str, int]]:
    """marsad's tokens of ``text`` with their offsets (the tokens a Doc of it has)."""
    pieces, spaces = tokenize(text)
    tokens, position = [], 0
    for piece, space in zip(pieces, spaces, strict=True):
        tokens.append((piece, position))
        position += len(piece) + space
    return tokens


@dataclass
class _Candidate:
    first: int
    last: int
    order: int  # rule order: the earlier rule wins a tie
    value: Value | None  # None: it needs a publication date there is none of


def find(words: list[Word], text: str, anchor: dt.date | None) -> Tagging:
    """Every temporal expression in ``text`` (whose words are ``words``), in text order."""
    stream = _Stream.of(words)
    candidates = _candidates(words, stream, anchor)
    blocked = [(stream.at_start[m.start()], stream.at_end[m.end()])
               for m in exclusions().finditer(stream.text)] if candidates else []
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
    return [f.time for f in find(make_words(text_tokens(text)), text, anchor).found]


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
    def of(cls, words: list[Word]) -> _Stream:
        forms = [
            (i, form, marker)
            for i, w in enumerate(words) if w.form
            for form, marker in ([(CONJUNCTION, True)] * w.conjunction + [(w.form, False)])
        ]
        at_start, at_end, spans, position = {}, {}, [], 0
        where: dict[str, list[int]] = {}
        for n, (i, form, marker) in enumerate(forms):
            if not marker:  # no expression starts or ends at a conjunction taken off
                at_start[position] = i
                at_end[position + len(form)] = i
            spans.append((position, position + len(form)))
            position += len(form) + 1
            for key in _keys(form):
                where.setdefault(key, []).append(n)
        return cls(" ".join(f for _, f, _ in forms), at_start, at_end, spans, where)

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
    phrases of, and "digits" if it has one (only what some rule needs, mostly nothing)."""
    classes = word_classes()
    found = {form, *classes.get(form, ()), *classes.get(form.removeprefix(ARTICLE), ())}
    if any(c.isdigit() for c in form):
        found.add("digits")
    return frozenset(found & _needed())


@lru_cache(maxsize=1)
def _needed() -> frozenset[str]:
    return frozenset().union(*(rule.needs for rule in rules()))


def _candidates(words: list[Word], stream: _Stream, anchor) -> list[_Candidate]:
    lex = lexicon()
    found = []
    for order, rule in enumerate(rules()):
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


def _future_before(words: list[Word], first: int) -> bool:
    """Whether a future cue («سوف», «المقرر», a verb with the future prefix س) stands
    among the few words before ``first`` on its line."""
    lex = lexicon()
    seen = 0
    for word in reversed(words[:first]):
        if word.form == _LINE_BREAK or seen == _FUTURE_WINDOW:
            return False
        if not word.form:
            continue
        seen += 1
        if lex.value("future_cues", word.form) or _future_verb(word.form, lex):
            return True
    return False


def _future_verb(form: str, lex) -> bool:
    if lex.value("not_future", form):
        return False
    best = clitics.best(form)
    return best.prefix in _FUTURE_PREFIXES and len(best.stem) >= 3


def _found(c: _Candidate, words: list[Word], text: str) -> Found:
    start = words[c.first].start + words[c.first].strip
    end = words[c.last].end
    value = c.value
    time = Time(text=text[start:end], start=start, end=end, type=value.type,
                value=value.value, approximate=value.approximate)
    return Found(time, c.first, c.last)

