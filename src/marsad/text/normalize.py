"""Normalisation of Arabic text into a *matching key*, with offsets back to the original.

The original text is never changed: every stage keeps its offsets in the original string.
A normalised string is only ever used to compare and look things up, and
:class:`Normalized` maps any span of it back to the original characters.

What the key folds, and why (spelling variation in news copy, not linguistics):

* Unicode compatibility forms (NFKC): presentation forms such as ﻻ, full-width digits.
* Case (casefold), for the Latin words mixed into Arabic copy.
* Diacritics, Quranic annotation marks and tatweel: optional in print, noise for matching.
* Alef with hamza or madda and alef wasla (أ إ آ ٱ) to bare alef: writers drop hamzas freely.
* Alef maqsura ى to ي, and ta marbuta ة to ه: Egyptian and older printing conventions.
* Persian kaf/yeh and Eastern Arabic or Persian digits to their Arabic/ASCII forms.
* Bidi controls and zero-width characters, which copy-paste and CMSs sprinkle through text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Format characters nobody sees and no word needs (the joiners ZWNJ and ZWJ shape Persian
# words, so they are not among them): zero-width spaces, directional marks, bidi
# embeddings, overrides and isolates.
INVISIBLE = (
    ["\u200b", "\u2060", "\ufeff"]  # zero-width spaces
    + ["\u200e", "\u200f", "\u061c"]  # directional marks
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)
_NO_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))

# Characters removed from the key (mapped to None).
_DROPPED = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, madda/hamza above/below
    + [chr(0x0670)]  # superscript (dagger) alef
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation signs
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific signs and small marks
    + ["\u0640"]  # tatweel
    + ["\u200c", "\u200d"]  # zero-width (non-)joiners
    + INVISIBLE
)


_MAPPED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ة": "ه",
}
_MAPPED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Eastern Arabic digits
_MAPPED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_MAPPED.update({"٫": ".", "٬": ",", "٪": "%"})  # Arabic decimal/thousands separators, percent

_TABLE = str.maketrans({**dict.fromkeys(_DROPPED), **_MAPPED})
# The same folding but keeping ta marbuta: morphology needs to tell ة from the pronoun ه.
_TABLE_KEEP_TA = str.maketrans({**dict.fromkeys(_DROPPED), **_MAPPED, "ة": "ة"})


def visible(text: str) -> str:
    """``text`` without its `INVISIBLE` characters, for names and roles shown: a name
    pasted between the marks of right-to-left embedding is shown as its letters."""
    return text.translate(_NO_INVISIBLE)


def _fold(cluster: str, table: dict = _TABLE) -> str:
    """The key of one base character with its combining marks."""
    return _folded(cluster, table is _TABLE_KEEP_TA)


@lru_cache(maxsize=8192)  # a text has few distinct clusters: letters, digits, marks
def _folded(cluster: str, keep_ta: bool) -> str:
    folded = unicodedata.normalize("NFKC", cluster).casefold()
    return unicodedata.normalize("NFKC", folded).translate(_TABLE_KEEP_TA if keep_ta else _TABLE)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching key and, for each of its characters, the original span it came from."""

    text: str
    starts: tuple[int, ...]  # starts[i]: original offset where key character i begins
    ends: tuple[int, ...]  # ends[i]: original offset where key character i ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the key span [start, end) to the original text's span."""
        if start >= end:
            anchor = self.starts[start] if start < len(self.starts) else self._tail()
            return anchor, anchor
        return self.starts[start], self.ends[end - 1]

    def _tail(self) -> int:
        return self.ends[-1] if self.ends else 0


def _clusters(text: str):
    """Yield (start, end) of each base character with the combining marks that follow it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            yield start, i
            start = i


def normalize(text: str) -> Normalized:
    """Return the matching key of ``text`` with offsets into ``text``.

    >>> normalize("إِسطنبولُ").text
    'اسطنبول'
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        folded = _fold(text[start:end])
        out.append(folded)
        starts.extend([start] * len(folded))
        ends.extend([end] * len(folded))
    key = "".join(out)
    # A dropped mark can leave two characters side by side that NFKC composes: fold to a
    # fixed point so the key of a key is itself (idempotence is what makes keys comparable).
    if _fold_whole(key) != key:
        return _refold(key, starts, ends)
    return Normalized(key, tuple(starts), tuple(ends))


def _fold_whole(key: str) -> str:
    return "".join(_fold(key[s:e]) for s, e in _clusters(key))


def _refold(key: str, starts: list[int], ends: list[int]) -> Normalized:
    inner = normalize(key)
    return Normalized(
        inner.text,
        tuple(starts[i] for i in inner.starts),
        tuple(ends[i - 1] for i in inner.ends),
    )


def _fast_key(text: str, table: dict) -> str | None:
    """The key computed with whole-string C calls, or None when the text needs the careful
    per-character path (compatibility characters, or marks that would recompose)."""
    if not unicodedata.is_normalized("NFKC", text):
        return None
    folded = text.casefold()
    if not unicodedata.is_normalized("NFKC", folded):
        return None
    key = folded.translate(table)
    return key if unicodedata.is_normalized("NFKC", key) else None


@lru_cache(maxsize=200_000)
def normalize_key(text: str) -> str:
    """The matching key alone, cached: the form to index lexicons and gazetteers by."""
    key = _fast_key(text, _TABLE)
    return key if key is not None else normalize(text).text


@lru_cache(maxsize=200_000)
def normalize_keep_ta(text: str) -> str:
    """The matching key with ta marbuta kept (ة), for morphological analysis of a word."""
    key = _fast_key(text, _TABLE_KEEP_TA)
    if key is not None:
        return key
    return "".join(_fold(text[s:e], _TABLE_KEEP_TA) for s, e in _clusters(text))
