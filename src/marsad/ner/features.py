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
* ``clusters``: the word clusters of neighbour counts (three granularities) here and around;
* ``skipgram``: the word clusters of skip-gram vectors, likewise (see :mod:`marsad.ner.clusters`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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


def _cluster_set(name: str, prefix: str) -> Extractor:
    """The features of one set of word clusters: every granularity for the word, the two
    coarser for its neighbours (all three there scored lower)."""

    def extract(f: Featurizer, token: str) -> tuple[list[str], list[str]]:
        ids = f.cluster_ids(token, name)
        if ids is None:
            return [f"{prefix}=none"], [f"{prefix}=none"]
        own = [f"{prefix}{n}={i}" for n, i in enumerate(ids)]
        return own, own[:2]

    return extract


EXTRACTORS: dict[str, Extractor] = {
    "word": _word,
    "shape": _shape,
    "affix": _affix,
    "ngram": _ngram,
    "clitic": _clitic,
    "context": _context,
    "gazetteer": _gazetteer,
}
# The groups backed by a table of word clusters (feature prefix of each); the model folder
# holds one file per table (``marsad.ner.model.CLUSTER_FILES``).
CLUSTER_SETS = {"clusters": "c", "skipgram": "k"}
EXTRACTORS |= {name: _cluster_set(name, prefix) for name, prefix in CLUSTER_SETS.items()}

# {group: {matching key: "id,id,id"}}, as marsad.ner.clusters.read gives them.
ClusterTables = Mapping[str, Mapping[str, str]]


class Featurizer:
    """Turns a sentence (a list of token strings) into CRF items (lists of features)."""

    def __init__(
        self,
        lexicon: Lexicon,
        clusters: ClusterTables,
        groups: Sequence[str] = GROUPS,
    ):
        unknown = set(groups) - set(EXTRACTORS)
        if unknown:
            raise ValueError(f"unknown feature groups: {sorted(unknown)}")
        tableless = [g for g in groups if g in CLUSTER_SETS and g not in clusters]
        if tableless:
            raise ValueError(f"feature groups {tableless} need their word-cluster tables")
        self.lexicon = lexicon
        self.clusters = clusters
        self.groups = tuple(g for g in GROUPS if g in groups)
        self._extractors = [EXTRACTORS[g] for g in self.groups]
        # Bounded: an entry holds some 40 strings (2-3 kB), and an unbounded cache grew a
        # process by hundreds of megabytes over 10,000 articles.
        self._word = lru_cache(maxsize=50_000)(self.word_features)
        self._class = lru_cache(maxsize=50_000)(self._word_class)

    def word_features(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What depends on the word alone: (its own features, what its neighbours see)."""
        own: list[str] = ["bias"]
        exports: list[str] = []
        for extract in self._extractors:
            mine, theirs = extract(self, token)
            own += mine
            exports += theirs
        return tuple(own), tuple(exports)

    def cluster_ids(self, token: str, name: str = "clusters") -> tuple[str, ...] | None:
        """The word's clusters in the set ``name``, else its clitic-stripped stem's, else None."""
        table = self.clusters[name]
        ids = table.get(normalize_key(token)) or table.get(best(token).stem)
        return tuple(ids.split(",")) if ids else None

    def _word_class(self, token: str) -> str:
        """The middle-granularity cluster (neighbour counts) of a word, ``-`` when none."""
        ids = self.cluster_ids(token)
        return ids[1] if ids else "-"

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Every feature of every token: the CRF's items (training; tagging sums the same
        weights per word form, see :mod:`marsad.ner.decoder`)."""
        words = [self._word(t) for t in tokens]
        items = [list(own) for own, _ in words]
        for offset in OFFSETS:
            # (item i, word i + offset) for every i that has that neighbour
            seeing, seen = (items[-offset:], words) if offset < 0 else (items, words[offset:])
            for item, (_, exports) in zip(seeing, seen, strict=False):  # the longer's tail: none
                item.extend(f"{offset}:{x}" for x in exports)
        for item, extra in zip(items, self.sentence_features(tokens), strict=True):
            item.extend(extra)
        return items

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """Per token, the features that depend on its place in the sentence rather than
        on word forms: the sentence's edges, the class bigram, the phrases over it."""
        n = len(tokens)
        features: list[list[str]] = [[] for _ in tokens]
        for offset in OFFSETS:
            edge = -1 - offset if offset < 0 else n - offset  # the item just past an end
            if 0 <= edge < n:
                features[edge].append(f"{offset}:edge")
        if "clusters" in self.groups:  # the class bigram: «title-like word, name-like word»
            classes = [self._class(t) for t in tokens]
            for i in range(1, n):
                features[i].append(f"cc={classes[i - 1]}|{classes[i]}")
        if "gazetteer" in self.groups:
            for extra, marks in zip(features, self.lexicon.phrase_marks(tokens), strict=True):
                extra.extend(f"ph={m}" for m in marks)
        return features
