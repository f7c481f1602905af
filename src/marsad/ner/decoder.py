"""Tagging with the trained CRF in NumPy, without CRFsuite's per-token string look-ups.

CRFsuite scores a token by looking each of its ~60 feature strings up in its attribute
dictionary, and the featurizer first has to build those strings for the token and its
neighbours. Yet most of a token's score depends on word forms alone: its own features,
and what each neighbour's features add at that offset. So the weights of a word form are
summed once into one score per label for itself and one per offset (:class:`WordScores`),
a sentence's emission scores are a few array look-ups plus the few features that depend
on the sentence (edges, class bigrams, phrases), and Viterbi runs over every sentence of a
text at once (:func:`viterbi`).

Same model, same decoding rule as CRFsuite (a linear chain with label-to-label weights
and no start or end weights; the first best label wins a tie). Only the order in which
floating-point sums are taken differs, some fifteen digits below any weight; a test
checks the tags equal CRFsuite's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.ner.features import OFFSETS, Featurizer

HEADER = (
    "# The weights of ner.crfsuite, exported for marsad.ner.decoder by `marsad train ner`\n"
    "# (reading them from CRFsuite at load time takes longer than loading everything\n"
    "# else). Lines: labels, then `state ATTRIBUTE LABEL WEIGHT` and `trans FROM TO WEIGHT`.\n"
)


@dataclass(frozen=True)
class CrfWeights:
    """A linear-chain CRF's weights: per attribute a score per label, and label pairs'."""

    labels: tuple[str, ...]
    states: dict[str, np.ndarray]
    transitions: np.ndarray  # [previous label, label]

    @classmethod
    def from_crfsuite(cls, path: Path) -> CrfWeights:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        return cls.from_rows(
            tagger.labels(),
            ((a, label, w) for (a, label), w in info.state_features.items()),
            ((a, b, w) for (a, b), w in info.transitions.items()),
        )

    @classmethod
    def from_rows(
        cls,
        labels: Sequence[str],
        states: Iterable[tuple[str, str, float]],
        transitions: Iterable[tuple[str, str, float]],
    ) -> CrfWeights:
        index = {label: i for i, label in enumerate(labels)}
        vectors: dict[str, np.ndarray] = {}
        for attribute, label, weight in states:
            if weight == 0:  # L1 leaves some at exactly zero: they add nothing
                continue
            vector = vectors.get(attribute)
            if vector is None:
                vector = vectors[attribute] = np.zeros(len(labels))
            vector[index[label]] = weight
        pairs = np.zeros((len(labels), len(labels)))
        for previous, label, weight in transitions:
            pairs[index[previous], index[label]] = weight
        return cls(tuple(labels), vectors, pairs)

    @classmethod
    def read(cls, text: str) -> CrfWeights:
        labels: list[str] = []
        states: list[tuple[str, str, float]] = []
        transitions: list[tuple[str, str, float]] = []
        rows = {"state": states, "trans": transitions}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            kind, *fields = line.split("\t")
            if kind == "labels":
                labels = fields
            else:
                first, second, weight = fields
                rows[kind].append((first, second, float(weight)))
        return cls.from_rows(labels, states, transitions)

    def write(self, path: Path) -> None:
        lines = [HEADER, "\t".join(("labels", *self.labels)) + "\n"]
        labels = self.labels
        for attribute, vector in sorted(self.states.items()):
            lines += [f"state\t{attribute}\t{labels[i]}\t{float(vector[i])!r}\n"
                      for i in np.flatnonzero(vector)]
        for i, j in zip(*np.nonzero(self.transitions), strict=True):
            weight = float(self.transitions[i, j])
            lines.append(f"trans\t{labels[i]}\t{labels[j]}\t{weight!r}\n")
        path.write_text("".join(lines), encoding="utf-8")

    def score(self, features: Iterable[str]) -> np.ndarray:
        """The summed weights of ``features`` per label (features without weight add 0)."""
        return summed(self.states, features, len(self.labels))


def summed(states: dict[str, np.ndarray], features: Iterable[str], labels: int) -> np.ndarray:
    """The weights of ``features`` in ``states`` added one after the other, as CRFsuite
    adds them (NumPy reduces the rows of a 2-D array in order)."""
    weights = [w for w in map(states.get, features) if w is not None]
    return np.add.reduce(np.array(weights), axis=0) if weights else np.zeros(labels)


class WordScores:
    """Per word form, the scores its features give itself and each neighbour offset.

    Bounded: when ``capacity`` forms are held, the table starts again (between texts, so
    the rows a text uses stay valid while it is tagged); 131,072 forms are about 47 MB,
    and cover all but a few per cent of the tokens of a large news corpus.
    """

    def __init__(self, featurizer: Featurizer, weights: CrfWeights, capacity: int = 1 << 17):
        self.featurizer = featurizer
        self.weights = weights
        self.rows: dict[str, int] = {}
        self.table = np.empty((capacity, 1 + len(OFFSETS), len(weights.labels)))
        # What a neighbour's feature «x» weighs at each offset, stored as «-1:x»: looked
        # up without building the prefixed name for every new word.
        self.seen_at = [
            {a[len(p):]: w for a, w in weights.states.items() if a.startswith(p)}
            for p in (f"{offset}:" for offset in OFFSETS)
        ]

    def reserve(self, count: int) -> None:
        """Make room for ``count`` more forms."""
        if len(self.rows) + count > len(self.table):
            self.rows.clear()
            if count > len(self.table):
                self.table = np.empty((count, *self.table.shape[1:]))

    def row(self, token: str) -> int:
        row = self.rows.get(token)
        return self._add(token) if row is None else row

    def _add(self, token: str) -> int:
        row = self.rows[token] = len(self.rows)
        own, exports = self.featurizer.word_features(token)
        scores = self.table[row]
        labels = len(self.weights.labels)
        scores[0] = summed(self.weights.states, own, labels)
        for k, states in enumerate(self.seen_at, start=1):
            scores[k] = summed(states, exports, labels)
        return row


class Decoder:
    """Tags sentences with a CRF's weights: emission scores, then Viterbi."""

    def __init__(self, featurizer: Featurizer, weights: CrfWeights):
        self.featurizer = featurizer
        self.weights = weights
        self.words = WordScores(featurizer, weights)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        kept = [s for s in sentences if s]
        lengths = np.array([len(s) for s in kept], dtype=np.intp)
        path = viterbi(self.emissions(kept, lengths), lengths, self.weights.transitions)
        tags = np.array(self.weights.labels, dtype=object)[path].tolist()
        result, start = [], 0
        for s in sentences:
            result.append(tags[start : start + len(s)])
            start += len(s)
        return result

    def emissions(self, sentences: Sequence[Sequence[str]], lengths: np.ndarray) -> np.ndarray:
        """The scores of every token of the (non-empty) sentences, one after the other:
        tokens by labels."""
        self.words.reserve(int(lengths.sum()))
        row = self.words.row
        rows = np.array([row(t) for s in sentences for t in s], dtype=np.intp)
        table = self.words.table
        scores = table[rows, 0]
        # each token's position in its sentence, and its sentence's length
        length_of = np.repeat(lengths, lengths)
        position = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        for k, offset in enumerate(OFFSETS, start=1):
            seeing = np.flatnonzero((position + offset >= 0) & (position + offset < length_of))
            scores[seeing] += table[rows[seeing + offset], k]
        self._add_sentence_features(sentences, scores)
        return scores

    def _add_sentence_features(
        self, sentences: Sequence[Sequence[str]], scores: np.ndarray
    ) -> None:
        """The features that depend on a token's place in its sentence, not its words."""
        states = self.weights.states
        at: list[int] = []
        weights: list[np.ndarray] = []
        start = 0
        for tokens in sentences:
            for i, features in enumerate(self.featurizer.sentence_features(tokens), start):
                for feature in features:
                    weight = states.get(feature)
                    if weight is not None:
                        at.append(i)
                        weights.append(weight)
            start += len(tokens)
        if at:
            np.add.at(scores, np.array(at), np.array(weights))


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of every token: ``scores`` holds the sentences' tokens one after
    the other, ``lengths`` their lengths (none empty). All sentences are stepped together,
    longest first, so those still going at step t are the first ones; back-pointers are
    kept per token."""
    path = np.zeros(len(scores), dtype=np.intp)
    if not len(lengths):
        return path
    order = np.argsort(-lengths, kind="stable")
    starts = (np.cumsum(lengths) - lengths)[order]
    lengths = lengths[order]
    going = np.searchsorted(-lengths, -np.arange(int(lengths[0])))  # how many longer than t
    best = scores[starts].copy()
    back = np.zeros((len(scores), transitions.shape[0]), dtype=np.intp)
    for t in range(1, int(lengths[0])):
        k = going[t]
        at = starts[:k] + t
        candidates = best[:k, :, None] + transitions  # [sentence, previous label, label]
        back[at] = candidates.argmax(axis=1)
        best[:k] = candidates.max(axis=1) + scores[at]
    label = best.argmax(axis=1)
    path[starts + lengths - 1] = label
    for t in range(int(lengths[0]) - 1, 0, -1):
        k = going[t]
        at = starts[:k] + t
        label[:k] = back[at, label[:k]]  # the longer sentences step back; the rest wait
        path[at - 1] = label[:k]
    return path
