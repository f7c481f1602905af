"""CRF features of a token in its sentence, in named groups so each can be measured.

Features are strings (value 1). Everything that depends on the word alone is computed
once per word string and cached, so tagging costs a few dictionary hits per token; a
neighbour's features are its own ``exports``, prefixed with the offset («-1:c1=52»).

Groups (``GROUPS``; the model card's ablation drops one at a time):

* ``word``: the matching key itself;
* ``shape``: script, digits, punctuation, length;
* ``affix``: the first and last one to three letters;
* ``ngram``: character trigrams of the clitic-stripped stem;
* ``clitic``: the best clitic analysis (stem, proclitics, enclitic, article);
* ``context``: the keys and stems of the words around, two either side;
* ``gazetteer``: places, organisations, nationalities, titles and cue words the token
  (through its stems) or a phrase over it matches, here and around;
* ``clusters``: the unsupervised word clusters (three granularities) here and around.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import regex

from marsad.ner.groups import GROUPS
from marsad.ner.lexicon import Lexicon
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

OFFSETS = (-2, -1, 1, 2)

_ARABIC = regex.compile(r"^[\p{Arabic}]+$")
_LATIN = regex.compile(r"^[\p{Latin}]+$")
_DIGITS = regex.compile(r"\d")
_PUNCT = regex.compile(r"^[\p{P}\p{S}]+$")

# One group's features of a word: (its own, what its neighbours see of it).
Extractor = Callable[["Featurizer", str], tuple[list[str], list[str]]]


def _word(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    return [f"w={normalize_key(token)}"], []


def _shape(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    if _ARABIC.match(token):
        shape = "ar"
    elif _LATIN.match(token):
        shape = "Aa" if token[:1].isupper() else "a"
    elif _PUNCT.match(token):
        shape = "p"
    elif _DIGITS.search(token):
        shape = "d"
    else:
        shape = "x"
    length = str(min(len(token), 8))
    return [f"sh={shape}", f"len={length}"], [f"sh={shape}"]


def _affix(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    key = normalize_key(token)
    return [f"p{n}={key[:n]}" for n in (1, 2, 3)] + [f"s{n}={key[-n:]}" for n in (1, 2, 3)], []


def _ngram(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    stem = f"<{best(token).stem}>"
    return [f"g={stem[i : i + 3]}" for i in range(len(stem) - 2)], []


def _clitic(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    c = best(token)
    return [f"st={c.stem}", f"pre={c.prefix}", f"suf={c.suffix}", f"art={c.article}"], []


def _context(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    stem = best(token).stem
    return [], [f"w={normalize_key(token)}", f"st={stem}"]


def _gazetteer(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    kinds = [f"gz={k}" for k in f.lexicon.kinds(token)]
    return kinds, kinds


def _clusters(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
    ids = f.cluster_ids(token)
    if ids is None:
        return ["c=none"], ["c=none"]
    return [f"c{n}={i}" for n, i in enumerate(ids)], [f"c{n}={i}" for n, i in enumerate(ids[:2])]


EXTRACTORS: dict[str, Extractor] = {
    "word": _word,
    "shape": _shape,
    "affix": _affix,
    "ngram": _ngram,
    "clitic": _clitic,
    "context": _context,
    "gazetteer": _gazetteer,
    "clusters": _clusters,
}


class Featurizer:
    """Turns a sentence (a list of token strings) into CRF items (lists of features)."""

    def __init__(
        self,
        lexicon: Lexicon,
        clusters: dict[str, tuple[str, ...]],
        groups: Sequence[str] = GROUPS,
        known: frozenset[str] | None = None,
    ):
        unknown = set(groups) - set(EXTRACTORS)
        if unknown:
            raise ValueError(f"unknown feature groups: {sorted(unknown)}")
        self.lexicon = lexicon
        self.clusters = clusters
        self.groups = tuple(g for g in GROUPS if g in groups)
        self._extractors = [EXTRACTORS[g] for g in self.groups]
        # The features the trained CRF has weights for (None while training: all). L1
        # leaves a quarter of the features a token has without weight; dropping them
        # before the tagger sees them saves it a quarter of its look-ups, same tags.
        self.known = known
        # Bounded: an entry holds some 40 strings (2-3 kB); the 50,000 most recent word
        # forms cover all but a few per cent of the tokens of a large corpus, and an
        # unbounded cache grew a worker by hundreds of megabytes over 10,000 articles.
        self._word = lru_cache(maxsize=50_000)(self._word_features)
        self._shifted = lru_cache(maxsize=4 * 25_000)(self._shifted_features)
        self._class = lru_cache(maxsize=50_000)(self._word_class)

    def _word_features(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        own: list[str] = ["bias"]
        exports: list[str] = []
        for extract in self._extractors:
            mine, theirs = extract(self, token)
            own += mine
            exports += theirs
        return self._kept(own), tuple(exports)

    def _kept(self, features: Iterable[str]) -> tuple[str, ...]:
        known = self.known
        return tuple(features) if known is None else tuple(f for f in features if f in known)

    def cluster_ids(self, token: str) -> tuple[str, ...] | None:
        """The word's clusters, else its clitic-stripped stem's, else None."""
        return self.clusters.get(normalize_key(token)) or self.clusters.get(best(token).stem)

    def _word_class(self, token: str) -> str:
        """The middle-granularity cluster of a word, ``-`` when it has none."""
        ids = self.cluster_ids(token)
        return ids[1] if ids else "-"

    def _shifted_features(self, token: str, offset: int) -> tuple[str, ...]:
        return self._kept(f"{offset}:{x}" for x in self._word(token)[1])

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        items = [list(self._word(t)[0]) for t in tokens]
        n = len(tokens)
        shifted = self._shifted
        for offset in OFFSETS:  # offset by offset: the same features, in the same order
            # (item i, token i + offset) for every i that has that neighbour
            seeing, seen = (items[-offset:], tokens) if offset < 0 else (items, tokens[offset:])
            pairs = zip(seeing, seen, strict=False)  # the longer list's tail has no pair
            for item, token in pairs:
                item.extend(shifted(token, offset))
            edge = -1 - offset if offset < 0 else n - offset  # the item just past an end
            if 0 <= edge < n:
                items[edge].extend(self._kept((f"{offset}:edge",)))
        if "clusters" in self.groups:  # the class bigram: «title-like word, name-like word»
            classes = [self._class(t) for t in tokens]
            for i in range(1, n):
                items[i].extend(self._kept((f"cc={classes[i - 1]}|{classes[i]}",)))
        if "gazetteer" in self.groups:
            for item, marks in zip(items, self.lexicon.phrase_marks(list(tokens)), strict=True):
                item.extend(self._kept(f"ph={m}" for m in marks))
        return items
