"""The BiLSTM half of the NER ensemble, run in NumPy.

The CRF scores a token from sparse features of the word and two neighbours either side;
this network reads the whole sentence, and generalises from dense word vectors rather
than cluster ids. The two err differently: averaging their label probabilities
(:class:`marsad.ner.model.NerModel`) scored 0.7841 micro F1 by 5-fold cross-validation
against 0.7805 for the CRF alone, and 0.7948 against 0.7857 on the dev split, with the
same mending after it (people gaining most; the model card has the current scores).

Per token the network reads (:class:`Vocabulary` maps tokens to these inputs):

* the word's skip-gram vector (``vectors.npz``: the vectors behind the ``skipgram``
  clusters, frozen), else its clitic-stripped stem's, else a vector learned for unknown
  words;
* a character CNN over its matching key: ``CHAR_DIM``-d characters, ``CHAR_FILTERS``
  filters of width 3 over ``MAX_CHARS`` positions, max-pooled;
* the gazetteer kinds of the word, the phrase marks over it and whether its vector was
  its stem's or none (``VECTOR_FROM_STEM``, ``NO_VECTOR``), multi-hot, through a
  ``KINDS_DIM``-unit ReLU layer;

and, when the network was trained with one (``marsad train ner --context-model``, off by
default), the states of a frozen context language model (TagLM, Peters et al. 2017): a
bidirectional LSTM of ``CONTEXT_HIDDEN`` units each way over the same word vectors,
pre-trained on SaudiNewsNet to predict the next and the previous word's skip-gram cluster
(:func:`marsad.ner.bilstm_train.pretrain_context`); then one bidirectional LSTM layer of
``HIDDEN`` units each way and a softmax over the BIO labels. :mod:`marsad.ner.bilstm_train`
trains it with PyTorch (``marsad train ner``) and exports the weights to ``bilstm.npz``;
tagging needs NumPy alone. What depends on a word form alone (vector, character CNN,
kinds) is computed once per form, and its share of each LSTM's input projection once per
form in a batch; the recurrences step through every sentence at once, longest first, as
the CRF's Viterbi does.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.ner.decoder import longest_first
from marsad.ner.lexicon import Lexicon
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

MAX_CHARS = 16  # longer keys are cut: their first 16 letters carry the prefixes
CHAR_DIM, CHAR_FILTERS, KINDS_DIM, HIDDEN = 32, 64, 32, 64
CONTEXT_HIDDEN = 128
PAD, UNKNOWN_CHAR = 0, 1  # character ids; the letters seen in training come after
# Where a word's vector came from when not from the word itself, as one more column of
# the kinds layer: a stem's vector is a guess («بويرون», a name, reads as ب + «ويرون»,
# "and they see"), and the network learns how far to trust it.
VECTOR_FROM_STEM, NO_VECTOR = "vector.stem", "vector.none"

# The exported arrays: the network's parameters under these names, plus its vocabulary.
PARAMETERS = (
    "unknown_word", "char_embedding", "char_conv_weight", "char_conv_bias",
    "kinds_weight", "kinds_bias",
    "forward_input", "forward_hidden", "forward_bias",
    "backward_input", "backward_hidden", "backward_bias",
    "output_weight", "output_bias",
)
SIDES = ("forward", "backward")
# The context language model's, in ``context.npz`` and, copied, in ``bilstm.npz``.
CONTEXT_PARAMETERS = (
    "context_unknown_word",
    *(f"context_{side}_{part}" for side in SIDES for part in ("input", "hidden", "bias")),
)


def write_vectors(words: Sequence[str], vectors: np.ndarray, path: Path) -> None:
    """The word vectors as int8 with one scale per word (a quarter of float32's size;
    the network is trained on the vectors as read back, so it never sees others)."""
    scale = np.abs(vectors).max(axis=1) / 127
    scale[scale == 0] = 1
    codes = np.round(vectors / scale[:, None]).astype(np.int8)
    keys = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(path, keys=keys, codes=codes, scale=scale.astype(np.float32))


@dataclass
class WordVectors:
    """Word vectors kept as int8 codes and a scale per word (12 MB in memory, not 48)."""

    words: dict[str, int]  # matching key -> row
    codes: np.ndarray
    scale: np.ndarray

    def rows(self, rows: np.ndarray, unknown: np.ndarray | None = None) -> np.ndarray:
        """The vectors of ``rows``; row -1 (a word without one) reads ``unknown``."""
        vectors = self.codes[rows].astype(np.float32) * self.scale[rows, None]
        if unknown is not None:
            vectors[rows < 0] = unknown
        return vectors

    def matrix(self) -> np.ndarray:
        """Every vector as float32 (training)."""
        return self.rows(np.arange(len(self.codes)))


def _open(source: Path | bytes):
    """An ``.npz`` archive from a path or from its bytes (a packaged resource)."""
    return np.load(io.BytesIO(source) if isinstance(source, bytes) else source)


def read_vectors(source: Path | bytes) -> WordVectors:
    with _open(source) as saved:
        words = saved["keys"].tobytes().decode("utf-8").split("\n")
        return WordVectors({w: i for i, w in enumerate(words)}, saved["codes"], saved["scale"])


def word_row(words: dict[str, int], token: str) -> int:
    """The token's row of the vectors, else its stem's; -1 (the unknown word) else."""
    row = words.get(normalize_key(token))
    return row if row is not None else words.get(best(token).stem, -1)


@dataclass
class Vocabulary:
    """How tokens become the network's inputs: rows of the word vectors, character ids,
    columns of the kinds layer."""

    words: dict[str, int]
    chars: dict[str, int]
    kinds: dict[str, int]
    lexicon: Lexicon

    @classmethod
    def learn(cls, sentences: Sequence[Sequence[str]], words: dict[str, int],
              lexicon: Lexicon) -> Vocabulary:
        """The characters and kinds seen in the training ``sentences``, in order of first
        appearance."""
        chars: dict[str, int] = {}
        kinds: dict[str, int] = {}
        vocabulary = cls(words, chars, kinds, lexicon)
        for tokens in sentences:
            for token, marks in zip(tokens, lexicon.phrase_marks(tokens), strict=True):
                for char in normalize_key(token):
                    chars.setdefault(char, len(chars) + 2)
                for kind in (*vocabulary.own_kinds(token), *marks):
                    kinds.setdefault(kind, len(kinds))
        return vocabulary

    def word_row(self, token: str) -> int:
        return word_row(self.words, token)

    def char_ids(self, token: str) -> list[int]:
        ids = [self.chars.get(c, UNKNOWN_CHAR) for c in normalize_key(token)[:MAX_CHARS]]
        return ids + [PAD] * (MAX_CHARS - len(ids))

    def own_kinds(self, token: str, row: int | None = None) -> tuple[str, ...]:
        """The token's gazetteer kinds, and where its vector comes from if not from it
        (``row``: its :meth:`word_row`, when already looked up)."""
        kinds = self.lexicon.kinds(token)
        if normalize_key(token) in self.words:
            return kinds
        row = self.word_row(token) if row is None else row
        return (*kinds, VECTOR_FROM_STEM if row >= 0 else NO_VECTOR)

    def word_kinds(self, token: str, row: int | None = None) -> list[int]:
        """The columns of the token's own kinds (a network trained before a kind existed
        has no column for it, and ignores it)."""
        return [self.kinds[k] for k in self.own_kinds(token, row) if k in self.kinds]

    def mark_columns(self, tokens: Sequence[str]) -> list[list[int]]:
        """Per token, the columns of the phrase marks over it."""
        return [[self.kinds[m] for m in marks if m in self.kinds]
                for marks in self.lexicon.phrase_marks(tokens)]

    def kinds_matrix(self, tokens: Sequence[str], rows: Sequence[int]) -> np.ndarray:
        """Per token (``rows``: their :meth:`word_row`), its kinds and marks multi-hot
        (training; tagging caches the kinds)."""
        columns = zip(tokens, rows, self.mark_columns(tokens), strict=True)
        return _multi_hot([self.word_kinds(t, row) + marks for t, row, marks in columns],
                          len(self.kinds))

    def to_arrays(self) -> dict[str, np.ndarray]:
        by_id = sorted(self.chars, key=self.chars.__getitem__)
        return {"chars": np.array(by_id), "kinds": np.array(list(self.kinds))}


class _Recurrence:
    """A bidirectional LSTM layer's weights (PyTorch's, under ``prefix``) arranged for
    :func:`_bilstm`: both directions' input weights side by side, so that one product
    projects a token for both, and their recurrent weights stacked. sigmoid(x) =
    (1 + tanh(x / 2)) / 2: the input, forget and output gates' weights are halved once
    here, so that each step takes one tanh of all gates."""

    def __init__(self, p: dict[str, np.ndarray], prefix: str = ""):
        size = p[f"{prefix}forward_hidden"].shape[1]
        half = np.full(4 * size, 0.5, dtype=np.float32)
        half[2 * size : 3 * size] = 1
        self.input = np.hstack([p[f"{prefix}{side}_input"].T * half for side in SIDES])
        self.bias = np.concatenate([p[f"{prefix}{side}_bias"] * half for side in SIDES])
        self.hidden = np.stack([p[f"{prefix}{side}_hidden"].T * half for side in SIDES])

    def states(self, projected: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Each token's forward and backward states, from its input projections
        (``inputs @ self.input + self.bias``)."""
        return _bilstm(projected, self.hidden, lengths)


class ContextModel:
    """The frozen context language model: each token's states, from word vectors alone."""

    def __init__(self, parameters: dict[str, np.ndarray], vectors: WordVectors):
        self.recurrence = _Recurrence(parameters, "context_")
        self.unknown_word = parameters["context_unknown_word"]
        self.vectors = vectors

    def states(self, rows: np.ndarray, forms: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The states of tokens given as ``forms`` (each token's index in ``rows``, the
        batch's distinct word forms' rows of the vectors, -1 for unknown words)."""
        inputs = self.vectors.rows(rows, unknown=self.unknown_word)
        r = self.recurrence
        return r.states(np.take(inputs @ r.input + r.bias, forms, axis=0), lengths)

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each non-empty sentence's token states (training: the tagger's inputs)."""
        kept = [s for s in sentences if s]
        distinct, forms = _distinct_forms([t for s in kept for t in s])
        rows = np.array([word_row(self.vectors.words, t) for t in distinct], dtype=np.intp)
        lengths = np.array([len(s) for s in kept], dtype=np.intp)
        return np.split(self.states(rows, forms, lengths), np.cumsum(lengths)[:-1])


def read_context(source: Path | bytes) -> tuple[dict[str, np.ndarray], dict]:
    """A context model's parameters and the record of its training (``context.npz``)."""
    with _open(source) as saved:
        record = json.loads(saved["record"].tobytes().decode("utf-8"))
        return {name: saved[name] for name in CONTEXT_PARAMETERS}, record


def write_context(parameters: dict[str, np.ndarray], record: dict, path: Path) -> None:
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    np.savez(path, record=np.frombuffer(text.encode("utf-8"), dtype=np.uint8),
             **{name: parameters[name].astype(np.float32) for name in CONTEXT_PARAMETERS})


class BiLstm:
    """The trained network: label probabilities of tokenised sentences."""

    def __init__(self, parameters: dict[str, np.ndarray], labels: Sequence[str],
                 vocabulary: Vocabulary, vectors: WordVectors, cache_size: int = 50_000):
        has_context = all(name in parameters for name in CONTEXT_PARAMETERS)
        names = PARAMETERS + (CONTEXT_PARAMETERS if has_context else ())
        self.p = {name: parameters[name].astype(np.float32) for name in names}
        self.labels = list(labels)
        self.vocabulary = vocabulary
        self.vectors = vectors
        # char CNN as one product: the three positions' characters side by side
        weight = self.p["char_conv_weight"]  # [filter, char dim, width]
        self._conv = weight.transpose(2, 1, 0).reshape(-1, weight.shape[0])
        self._tagger = _Recurrence(self.p)
        self.context = ContextModel(self.p, vectors) if has_context else None
        # the tagger's input weights by what they read: a word form's vector and
        # characters, then the kinds layer, then the context model's states
        form = vectors.codes.shape[1] + CHAR_FILTERS
        self._form_input, self._kinds_input, self._context_input = np.split(
            self._tagger.input, [form, form + KINDS_DIM])
        # per word form: its vector and character features, its kinds' columns, its row
        self._word_cache: dict[str, tuple[np.ndarray, list[int], int]] = {}
        self._cache_size = cache_size

    @classmethod
    def load(cls, source: Path | bytes, vectors: WordVectors, lexicon: Lexicon) -> BiLstm:
        with _open(source) as saved:
            arrays = {name: saved[name] for name in saved.files}
        chars = {c: i + 2 for i, c in enumerate(arrays["chars"].tolist())}
        kinds = {k: i for i, k in enumerate(arrays["kinds"].tolist())}
        vocabulary = Vocabulary(vectors.words, chars, kinds, lexicon)
        return cls(arrays, arrays["labels"].tolist(), vocabulary, vectors)

    def save(self, path: Path) -> None:
        np.savez(path, labels=np.array(self.labels), **self.vocabulary.to_arrays(), **self.p)

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Every token's label probabilities (``labels`` order), the non-empty
        sentences' tokens one after the other: tokens by labels."""
        kept = [s for s in sentences if s]
        tokens = [t for s in kept for t in s]
        if not tokens:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        lengths = np.array([len(s) for s in kept], dtype=np.intp)
        p = self.p
        forms, features, rows, word_kinds = self._word_inputs(tokens)
        marks = [columns for s in kept for columns in self.vocabulary.mark_columns(s)]
        kinds = _multi_hot([own + more for own, more in zip(word_kinds, marks, strict=True)],
                           len(self.vocabulary.kinds))
        kinds = np.maximum(kinds @ p["kinds_weight"].T + p["kinds_bias"], 0)
        projected = np.take(features @ self._form_input, forms, axis=0)
        projected += kinds @ self._kinds_input + self._tagger.bias
        if self.context is not None:
            projected += self.context.states(rows, forms, lengths) @ self._context_input
        states = self._tagger.states(projected, lengths)
        logits = states @ p["output_weight"].T + p["output_bias"]
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        return logits / logits.sum(axis=1, keepdims=True)

    def _word_inputs(
        self, tokens: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[int]]]:
        """The batch's distinct word forms: each token's form (an index), each form's
        word vector and character features and its row of the vectors (-1: unknown),
        and each token's kinds' columns. Computed once per word form and cached."""
        cache = self._word_cache
        distinct, forms = _distinct_forms(tokens)
        new = [t for t in distinct if t not in cache]
        if new:
            if len(cache) + len(new) > self._cache_size:
                cache.clear()
                new = distinct
            v = self.vocabulary
            rows = [v.word_row(t) for t in new]
            vectors = self.vectors.rows(np.array(rows), unknown=self.p["unknown_word"])
            features = np.hstack([vectors, self._char_cnn(np.array([v.char_ids(t) for t in new]))])
            cache.update(zip(new, zip(features, map(v.word_kinds, new, rows), rows,
                                      strict=True), strict=True))
        entries = [cache[t] for t in distinct]
        return (forms, np.stack([e[0] for e in entries]),
                np.array([e[2] for e in entries], dtype=np.intp),
                [entries[i][1] for i in forms])

    def _char_cnn(self, chars: np.ndarray) -> np.ndarray:
        """Max-pooled width-3 convolution over each word's characters (zero-padded: the
        padding character's embedding is zero, as in training)."""
        embedded = self.p["char_embedding"][chars]  # [word, position, char dim]
        padded = np.pad(embedded, ((0, 0), (1, 1), (0, 0)))
        windows = np.concatenate([padded[:, k : k + MAX_CHARS] for k in range(3)], axis=2)
        features = (windows.reshape(-1, windows.shape[2]) @ self._conv).reshape(
            len(chars), MAX_CHARS, -1)  # one matrix product for all words
        # ReLU after the max: the same (it is monotonic), on fewer numbers
        return np.maximum(features.max(axis=1) + self.p["char_conv_bias"], 0)


def _distinct_forms(tokens: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct word forms of ``tokens`` in order of first appearance, and each
    token's index among them."""
    index: dict[str, int] = {}
    forms = np.array([index.setdefault(t, len(index)) for t in tokens], dtype=np.intp)
    return list(index), forms


def _multi_hot(columns: Sequence[Sequence[int]], width: int) -> np.ndarray:
    matrix = np.zeros((len(columns), width), dtype=np.float32)
    rows = np.repeat(np.arange(len(columns)), [len(c) for c in columns])
    matrix[rows, np.array([c for row in columns for c in row], dtype=np.intp)] = 1
    return matrix


def _bilstm(projected: np.ndarray, hidden: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Both LSTM directions over every sentence: each token's forward and backward states
    side by side. ``projected`` holds each token's input projections plus biases (the
    forward direction's four gates, then the backward one's; PyTorch's gate order: input,
    forget, cell, output; see :class:`_Recurrence` for the halved weights), ``hidden`` the
    two directions' recurrent weights. At step t the same sentences go on in both
    directions, the forward one at their t-th token and the backward one at their t-th
    from the end: the two are stepped together."""
    size = hidden.shape[1]
    starts, ordered, going = longest_first(lengths)
    steps = range(int(ordered[0]))
    # each direction's tokens of step t side by side, so that a step reads one slice
    forward = np.concatenate([starts[: going[t]] + t for t in steps])
    backward = np.concatenate([starts[: going[t]] + ordered[: going[t]] - 1 - t for t in steps])
    gates_in = np.stack([projected[forward, : 4 * size], projected[backward, 4 * size :]])
    out = np.empty((2, len(forward), size), dtype=np.float32)
    h = np.zeros((2, len(starts), size), dtype=np.float32)
    c = np.zeros_like(h)
    first = 0
    for t in steps:
        k = going[t]
        gates = gates_in[:, first : first + k]
        gates += np.matmul(h[:, :k], hidden)
        np.tanh(gates, out=gates)
        i, f, g, o = (gates[..., n * size : (n + 1) * size] for n in range(4))
        cell, state = c[:, :k], h[:, :k]
        cell *= 1 + f
        cell += (1 + i) * g
        cell *= 0.5
        np.tanh(cell, out=state)
        state *= 1 + o
        state *= 0.5
        out[:, first : first + k] = state
        first += k
    result = np.empty((len(projected), 2 * size), dtype=np.float32)
    result[forward, :size] = out[0]
    result[backward, size:] = out[1]
    return result
