"""Multi-word look-up over tokens, with clitics: «للجيش الوطني الليبي» finds «الجيش الوطني الليبي».

A phrase is stored as the key of each of its words with the article taken off (and only
the article: lexicon entries are written without other clitics, and stripping more would
turn «سانا» into «س + انا»). A text token matches a phrase word when any of its
candidate stems (:func:`marsad.text.clitics.noun_stems`) is that key, so the article and the
attached conjunctions and prepositions never need listing; the words after the first take
the article only (:func:`inner_stems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from marsad.text.clitics import analyses, noun_stems, writes_article
from marsad.text.forms import FormMemo
from marsad.text.normalize import normalize_key

T = TypeVar("T")
INNER_PREFIXES = ("", "ال", "ل", "لل")  # what a word inside a phrase may begin with


@lru_cache(maxsize=200_000)
def inner_stems(token: str) -> tuple[str, ...]:
    """The keys a word inside a phrase may have: with or without the article or «ل»
    («وزير للدفاع»), never a conjunction or another preposition, which only a phrase's
    first word takes («شركة وابل» is no «شركة أبل», «سعود وفيصل» no «سعود الفيصل»)."""
    return tuple(dict.fromkeys(a.stem for a in analyses(token) if a.prefix in INNER_PREFIXES))


@lru_cache(maxsize=200_000)  # called on every token by several steps
def head_stem(word: str) -> str:
    """The key of a lexicon word without its article: «الأناضول» → «اناضول», «الله» stays.
    Only an article written as such is taken off: «ألماني» keeps its «أل» (the key folds
    «أ» into «ا», so it would read as «ال» + «ماني» and «الألماني» would miss it)."""
    if writes_article(word):
        for analysis in analyses(word):
            if analysis.prefix == "ال":
                return analysis.stem
    return normalize_key(word)


def phrase_words(text: str) -> list[str]:
    """The words of a phrase as the tokenizer makes them: a hyphen inside a word parts it,
    a hyphen between words is a word of its own («التحالف العربي - الدولي»)."""
    return [part for word in text.split()
            for part in ([word] if word == "-" else word.split("-")) if part]


def phrase_key(text: str) -> tuple[str, ...]:
    """The key of a phrase as stored: the head stem of each word."""
    return tuple(head_stem(word) for word in phrase_words(text))


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # index of the first token
    end: int  # index after the last token
    values: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """Phrases (word sequences) to values; finds the longest phrase at a token position."""

    def __init__(self, stems: Callable[[str], tuple[str, ...]] = noun_stems) -> None:
        self._stems = stems  # a token's candidate keys (names take no pronoun suffix)
        self._root: dict = {}
        self._firsts: frozenset[str] | None = None  # first words of the phrases
        self._starts = FormMemo(self._may_start)
        self.size = 0

    def add(self, phrase: str, value: T) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._root
        self._firsts = None
        self._starts = FormMemo(self._may_start)
        for word in key:
            node = node.setdefault(word, {})
        values = node.setdefault(None, [])
        if value not in values:
            values.append(value)
            self.size += 1

    def add_all(self, items: Iterable[tuple[str, T]]) -> PhraseIndex[T]:
        for phrase, value in items:
            self.add(phrase, value)
        return self

    def get(self, phrase: str) -> tuple[T, ...]:
        node = self._root
        for word in phrase_key(phrase):
            node = node.get(word)
            if node is None:
                return ()
        return tuple(node.get(None, ()))

    def lookup(self, text: str) -> tuple[T, ...]:
        """Values of the phrase that is exactly ``text``, its words found through clitics
        («بحكومة الوفاق» finds «حكومة الوفاق»)."""
        frontier = [self._root]
        for i, word in enumerate(phrase_words(text)):
            keys = inner_stems(word) if i else self._stems(word)
            frontier = [n[s] for n in frontier for s in keys if s in n]
        return tuple(dict.fromkeys(v for n in frontier for v in n.get(None, ())))

    def match_at(self, tokens: Sequence[str], start: int) -> Match[T] | None:
        """The longest phrase that begins at ``tokens[start]`` (token texts), if any."""
        return next(self.matches_at(tokens, start), None)

    def matches_at(self, tokens: Sequence[str], start: int) -> Iterator[Match[T]]:
        """Every phrase that begins at ``tokens[start]``, longest first."""
        found: list[Match[T]] = []
        frontier = [self._root]
        for i in range(start, len(tokens)):
            keys = self._stems(tokens[i]) if i == start else inner_stems(tokens[i])
            frontier = [n[s] for n in frontier for s in keys if s in n]
            if not frontier:  # mostly at once: few words begin a phrase
                break
            values = tuple(v for n in frontier for v in n.get(None, ()))
            if values:
                found.append(Match(start, i + 1, tuple(dict.fromkeys(values))))
        return reversed(found)

    def starts(self, tokens: Sequence[str]) -> list[bool]:
        """Whether a phrase may begin at each token: its first word is some phrase's.
        Callers skip the other positions, most of a text, without a look-up."""
        return self._starts.all(tokens)

    def _may_start(self, token: str) -> bool:
        if self._firsts is None:
            self._firsts = frozenset(self._root)
        return not self._firsts.isdisjoint(self._stems(token))

    def find_all(self, tokens: Sequence[str]) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        found: list[Match[T]] = []
        starts = self.starts(tokens)
        i = 0
        while i < len(tokens):
            match = self.match_at(tokens, i) if starts[i] else None
            if match:
                found.append(match)
                i = match.end
            else:
                i += 1
        return found
