"""Tagging with the trained CRF in NumPy, without CRFsuite's per-token string look-ups.

CRFsuite scores a token by looking each of its ~60 feature strings up in its attribute
dictionary, and the featurizer first has to build those strings for the token and its
neighbours. Yet most of a token's score depends on word forms alone: its own features,
and what each neighbour's features add at that offset. So the weights of a word form are
summed once into one score per label for itself and one per offset (:class:`WordScores`),
a sentence's emission scores are a few array look-ups plus the few features that depend
on the sentence (edges, class bigrams, phrases), and Viterbi runs over every sentence of a
text at once (:func:`viterbi`). :func:`forward_backward` steps the same way to give each
token's label probabilities (:meth:`Decoder.marginals`), which the model averages with
the BiLSTM's and decodes as valid BIO (:func:`bio_viterbi`).

Same model, same decoding rule as CRFsuite (a linear chain with label-to-label weights
and no start or end weights; the first best label wins a tie). Only the order in which
floating-point sums are taken differs, some fifteen digits below any weight; a test
checks the tags equal CRFsuite's.
"""

from __future__ import annotations

import itertools
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
    """A linear-chain CRF's weights: per attribute a score per label (a row of ``matrix``;
    row 0 is all zeros, the start of every sum), and the label pairs' (``transitions``)."""

    labels: tuple[str, ...]
    attributes: dict[str, int]  # attribute -> its row in matrix
    matrix: np.ndarray  # [row, label]
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
        states: Iterable[Sequence[str | float]],
        transitions: Iterable[Sequence[str | float]],
    ) -> CrfWeights:
        """From (attribute, label, weight) and (previous label, label, weight) rows; a
        weight may be a number or its text. Built column-wise: reading is on the start-up
        path."""
        column = {label: i for i, label in enumerate(labels)}
        states = list(states)
        weights = np.array([w for *_, w in states], dtype=np.float64)
        kept = weights != 0  # L1 leaves some at exactly zero: they add nothing
        states = list(itertools.compress(states, kept))
        attributes = {a: i for i, a in enumerate(dict.fromkeys(a for a, *_ in states), start=1)}
        matrix = np.zeros((len(attributes) + 1, len(labels)))
        matrix[[attributes[a] for a, *_ in states], [column[label] for _, label, _ in states]] \
            = weights[kept]
        pairs = np.zeros((len(labels), len(labels)))
        for previous, label, weight in transitions:
            pairs[column[previous], column[label]] = float(weight)
        return cls(tuple(labels), attributes, matrix, pairs)

    @classmethod
    def read(cls, text: str) -> CrfWeights:
        """The weights as :meth:`write` wrote them."""
        rows = [line.split("\t") for line in text.splitlines()
                if line and not line.startswith("#")]
        labels = next(r[1:] for r in rows if r[0] == "labels")
        return cls.from_rows(labels, (r[1:] for r in rows if r[0] == "state"),
                             (r[1:] for r in rows if r[0] == "trans"))

    def write(self, path: Path) -> None:
        lines = [HEADER, "\t".join(("labels", *self.labels)) + "\n"]
        labels = self.labels
        for attribute, row in sorted(self.attributes.items()):
            vector = self.matrix[row]
            lines += [f"state\t{attribute}\t{labels[i]}\t{float(vector[i])!r}\n"
                      for i in np.flatnonzero(vector)]
        for i, j in zip(*np.nonzero(self.transitions), strict=True):
            weight = float(self.transitions[i, j])
            lines.append(f"trans\t{labels[i]}\t{labels[j]}\t{weight!r}\n")
        path.write_text("".join(lines), encoding="utf-8")

    def score(self, features: Iterable[str]) -> np.ndarray:
        """The summed weights of ``features`` per label (features without weight add 0)."""
        rows = [0, *(r for r in map(self.attributes.get, features) if r is not None)]
        return np.add.reduce(self.matrix[rows], axis=0)


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
        # Where each word's own features are, and what a neighbour's feature «x» weighs
        # at each offset (stored as «-1:x»): found without building the prefixed names.
        self.lookups = [weights.attributes] + [
            {a[len(p):]: row for a, row in weights.attributes.items() if a.startswith(p)}
            for p in (f"{offset}:" for offset in OFFSETS)
        ]

    def rows_of(self, tokens: Sequence[str]) -> list[int]:
        """The table rows of ``tokens``, the new forms among them scored together."""
        if len(self.rows) + len(tokens) > len(self.table):  # room for them all
            self.rows.clear()
            if len(tokens) > len(self.table):
                self.table = np.empty((len(tokens), *self.table.shape[1:]))
        rows = list(map(self.rows.get, tokens))
        if None in rows:
            self._add([t for t, row in zip(tokens, rows, strict=True) if row is None])
            rows = list(map(self.rows.get, tokens))
        return rows

    def _add(self, tokens: Sequence[str]) -> None:
        """Score new forms in one NumPy call: every sum (a form's own features, its
        exports at each offset) is a segment of weight rows that starts at the zero row."""
        tokens = list(dict.fromkeys(tokens))
        segments: list[int] = []
        weight_rows: list[int] = []
        for token in tokens:
            own, exports = self.featurizer.word_features(token)
            for lookup, features in zip(self.lookups, (own, *[exports] * len(OFFSETS)),
                                        strict=True):
                segments.append(len(weight_rows))
                weight_rows.append(0)
                weight_rows += [r for r in map(lookup.get, features) if r is not None]
        sums = np.add.reduceat(self.weights.matrix[weight_rows], segments, axis=0)
        first = len(self.rows)
        self.table[first : first + len(tokens)] = sums.reshape(len(tokens), *self.table.shape[1:])
        self.rows.update(zip(tokens, range(first, first + len(tokens)), strict=True))


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
        return per_sentence(tags, sentences)

    def marginals(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, each token's probability of each label (``weights.labels``
        order) given the whole sentence: tokens by labels, rows summing to 1."""
        kept = [s for s in sentences if s]
        lengths = np.array([len(s) for s in kept], dtype=np.intp)
        return per_sentence(self.token_marginals(kept, lengths), sentences)

    def token_marginals(self, sentences: Sequence[Sequence[str]],
                        lengths: np.ndarray) -> np.ndarray:
        """:meth:`marginals` of non-empty sentences, their tokens one after the other."""
        return forward_backward(self.emissions(sentences, lengths), lengths,
                                self.weights.transitions)

    def emissions(self, sentences: Sequence[Sequence[str]], lengths: np.ndarray) -> np.ndarray:
        """The scores of every token of the (non-empty) sentences, one after the other:
        tokens by labels."""
        rows = np.array(self.words.rows_of([t for s in sentences for t in s]), dtype=np.intp)
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
        attributes = self.weights.attributes
        at: list[int] = []
        rows: list[int] = []
        start = 0
        for tokens in sentences:
            for i, features in enumerate(self.featurizer.sentence_features(tokens), start):
                for row in map(attributes.get, features):
                    if row is not None:
                        at.append(i)
                        rows.append(row)
            start += len(tokens)
        if at:  # in order, several to a token: as CRFsuite adds them
            np.add.at(scores, np.array(at), self.weights.matrix[rows])


def per_sentence(tokens: Sequence, sentences: Sequence[Sequence[str]]) -> list:
    """``tokens`` (one item per token of the non-empty sentences, in order) cut back into
    one list per sentence, empty sentences included."""
    result, start = [], 0
    for s in sentences:
        result.append(tokens[start : start + len(s)])
        start += len(s)
    return result


def longest_first(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sentences longest first: (the first token of each, their lengths, and at each
    step t how many of them are longer than t), so those still going at step t are the
    first ones."""
    order = np.argsort(-lengths, kind="stable")
    starts = (np.cumsum(lengths) - lengths)[order]
    lengths = lengths[order]
    going = np.searchsorted(-lengths, -np.arange(int(lengths[0])))
    return starts, lengths, going


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return np.squeeze(top, axis=axis) + np.log(np.exp(x - top).sum(axis=axis))


def forward_backward(
    scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray
) -> np.ndarray:
    """Every token's label probabilities under the CRF (the sum over every tag sequence
    of the sentence through that label), laid out as ``scores``: forward and backward
    sums in log space, all sentences stepped together as in :func:`viterbi`."""
    if not len(lengths):
        return np.zeros_like(scores)
    starts, ordered, going = longest_first(lengths)
    forward = scores.copy()  # [token, label]: log-sum of the paths that end there
    for t in range(1, int(ordered[0])):
        at = starts[: going[t]] + t
        forward[at] += _logsumexp(forward[at - 1][:, :, None] + transitions, axis=1)
    backward = np.zeros_like(scores)  # log-sum of the paths on from there, itself excluded
    for t in range(int(ordered[0]) - 2, -1, -1):
        at = starts[: going[t + 1]] + t  # the sentences with a token after t
        ahead = scores[at + 1] + backward[at + 1]
        backward[at] = _logsumexp(transitions + ahead[:, None, :], axis=2)
    ends = np.cumsum(lengths) - 1  # each sentence's last token, in text order
    total = np.repeat(_logsumexp(forward[ends], axis=1), lengths)
    return np.exp(forward + backward - total[:, None])


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of every token: ``scores`` holds the sentences' tokens one after
    the other, ``lengths`` their lengths (none empty). All sentences are stepped together,
    longest first, so those still going at step t are the first ones; back-pointers are
    kept per token."""
    path = np.zeros(len(scores), dtype=np.intp)
    if not len(lengths):
        return path
    starts, lengths, going = longest_first(lengths)
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


# A transition score that no path takes while another exists.
_FORBIDDEN = -1e9


def bio_viterbi(
    probabilities: np.ndarray, lengths: np.ndarray, labels: Sequence[str]
) -> np.ndarray:
    """The most probable tags that make valid BIO (an ``I-`` tag only after a tag of its
    type, never first in a sentence) under per-token label probabilities laid out as
    :func:`viterbi`'s scores: the decoding of an ensemble, which has no transition
    weights of its own."""
    inside = np.array([label.startswith("I-") for label in labels])
    kind = np.array([label[2:] for label in labels])  # "" for O
    allowed = ~inside[None, :] | (kind[:, None] == kind[None, :])
    scores = np.log(probabilities + 1e-9)
    firsts = np.cumsum(lengths) - lengths
    scores[np.ix_(firsts, inside)] = _FORBIDDEN
    return viterbi(scores, lengths, np.where(allowed, 0.0, _FORBIDDEN))
