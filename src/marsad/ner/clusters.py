"""Word clusters learned without labels from a news corpus (SaudiNewsNet, 8.8 M words).

Gold NER data is small (125 k tokens), so most names in new text were never seen in
training; a cluster id generalises from the names that were to words used alike. Two
sets of clusters, each deterministic (seeded), complement each other (the model card's
ablation measures each):

``clusters`` (:func:`learn`), a minute on one core with numpy alone, for the 50,000 most
frequent words:

1. count each frequent word's left and right neighbours (the most frequent words);
2. weight the counts by positive PMI (context distribution smoothed, alpha 0.75);
3. reduce to ``DIMENSIONS`` with a seeded randomised SVD;
4. spherical k-means at several granularities, so the CRF can pick coarse or fine
   classes as Brown-cluster bit prefixes would offer.

``skipgram`` (:func:`learn_skipgram`), about seven minutes on one core: skip-gram word2vec
vectors (gensim, one thread so that the seed fixes the result) of every word seen at
least three times (~120,000), clustered the same way. They reach rarer words, where the
count vectors above are too sparse (clustering the 100,000 most frequent words from
counts scored lower than 50,000). In 5-fold cross-validation on ANERcorp they added 0.4
to 1.1 points of micro F1 to the first set, depending on the vectors' and k-means'
randomness (trial runs with other seeds and threads).

Words are matching keys (``normalize_key``); the result is a TSV ``key<TAB>c1,c2,c3``.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from marsad.text.normalize import normalize_key
from marsad.text.tokenizer import _TOKEN

VOCABULARY = 50_000  # words that get clusters
CONTEXTS = 1_500  # neighbour words counted, on each side
DIMENSIONS = 100
GRANULARITIES = (64, 256, 1024)
KMEANS_ROUNDS = 12

# gensim's word2vec settings for the skip-gram set: a narrow window favours the
# syntactic neighbours that tell a name from a common noun.
SKIPGRAM = {
    "vector_size": 100,
    "window": 2,
    "sg": 1,
    "min_count": 3,
    "negative": 10,
    "sample": 1e-4,
    "epochs": 5,
}

_HEADER = """\
# Word clusters for marsad's NER features ({method}): matching key <TAB> cluster ids at
# {granularities} clusters. Learned without labels by marsad/ner/clusters.py
# (`marsad train ner`) from SaudiNewsNet (M. Alhagri, 2015; CC BY-NC-SA 4.0): only cluster
# ids of words are kept here, no text of the corpus.
"""
_GRANULARITIES = ", ".join(map(str, GRANULARITIES))
HEADER = _HEADER.format(method="PPMI-SVD of neighbour counts", granularities=_GRANULARITIES)
SKIPGRAM_HEADER = _HEADER.format(
    method=f"skip-gram word2vec, window {SKIPGRAM['window']}", granularities=_GRANULARITIES
)


class TrainingDependencyMissing(RuntimeError):
    """A library only training needs is not installed; the message says how to get it."""


def corpus_tokens(path: Path, limit: int | None = None) -> Iterator[list[str]]:
    """Each article of a SaudiNewsNet-style JSONL.gz (title, then text) as its tokens."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('content') or ''}"
            yield [m.group() for m in _TOKEN.finditer(text)]


def corpus_keys(path: Path, limit: int | None = None) -> Iterator[list[str]]:
    """Each article as a list of word keys."""
    for tokens in corpus_tokens(path, limit):
        yield [normalize_key(t) for t in tokens]


def learn(path: Path, seed: int = 13, limit: int | None = None) -> dict[str, tuple[int, ...]]:
    """Cluster ids, one per granularity, for the ``VOCABULARY`` most frequent keys."""
    words, articles = _encode(corpus_keys(path, limit))
    counts = _cooccurrences(articles, len(words))
    return cluster(words, svd(ppmi(counts), DIMENSIONS, np.random.default_rng(seed)), seed)


def learn_skipgram(
    path: Path, seed: int = 13, limit: int | None = None
) -> dict[str, tuple[int, ...]]:
    """Cluster ids, one per granularity, of every key seen ``min_count`` times, from
    skip-gram vectors. Needs gensim (``pip install 'marsad[train]'``)."""
    return cluster(*skipgram_vectors(path, seed, limit), seed)


def skipgram_vectors(
    path: Path, seed: int = 13, limit: int | None = None
) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors of every key seen ``min_count`` times, most frequent first."""
    try:
        from gensim.models import Word2Vec
    except ImportError as missing:
        raise TrainingDependencyMissing(
            "learning the skip-gram word clusters needs gensim: pip install 'marsad[train]' "
            "(or keep the shipped clusters: marsad train ner --reuse-clusters)"
        ) from missing
    # Interned: the corpus is held in memory once (10 M keys), not re-read each epoch.
    articles = [[sys.intern(k) for k in keys] for keys in corpus_keys(path, limit)]
    model = Word2Vec(articles, **SKIPGRAM, seed=seed, workers=1)
    return list(model.wv.index_to_key), model.wv.vectors.astype(np.float32)


def cluster(words: list[str], vectors: np.ndarray, seed: int) -> dict[str, tuple[int, ...]]:
    """Each word's cluster at every granularity, by spherical k-means of its vector."""
    vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    labels = [_kmeans(vectors, k, np.random.default_rng(seed + k)) for k in GRANULARITIES]
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(words)}


def _encode(articles: Iterator[list[str]]) -> tuple[list[str], list[np.ndarray]]:
    """The ``VOCABULARY`` most frequent keys (ties by first occurrence) and each article
    as an array of their ranks, -1 for the other words."""
    ids: dict[str, int] = {}
    encoded = [np.array([ids.setdefault(k, len(ids)) for k in a], dtype=np.int64) for a in articles]
    frequency = np.bincount(np.concatenate(encoded), minlength=len(ids))
    ranked = np.argsort(-frequency, kind="stable")[:VOCABULARY]
    rank = np.full(len(ids), -1, dtype=np.int64)
    rank[ranked] = np.arange(len(ranked))
    keys = list(ids)
    return [keys[i] for i in ranked], [rank[a] for a in encoded]


def _cooccurrences(articles: list[np.ndarray], size: int) -> np.ndarray:
    """Counts of (word, left neighbour) and (word, right neighbour) for frequent words."""
    cells: list[np.ndarray] = []
    for ids in articles:
        word, right = ids[:-1], ids[1:]
        for target, context, side in ((word, right, CONTEXTS), (right, word, 0)):
            keep = (target >= 0) & (context >= 0) & (context < CONTEXTS)
            cells.append(target[keep] * 2 * CONTEXTS + side + context[keep])
    codes, n = np.unique(np.concatenate(cells), return_counts=True)
    counts = np.zeros((size, 2 * CONTEXTS), dtype=np.float32)
    counts.reshape(-1)[codes] = n
    return counts


def ppmi(counts: np.ndarray, alpha: float = 0.75) -> np.ndarray:
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True) + 1e-9
    columns = counts.sum(axis=0, keepdims=True) ** alpha
    columns /= columns.sum()
    seen = counts > 0
    pmi = np.zeros_like(counts)
    expected = (rows / total) @ columns  # P(w) * P_alpha(c)
    np.log(counts / total / expected, out=pmi, where=seen)
    return np.maximum(pmi, 0, out=pmi)


def svd(matrix: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Rank-``k`` left singular vectors scaled by the root of the singular values."""
    probe = matrix @ rng.standard_normal((matrix.shape[1], k + 20), dtype=np.float32)
    for _ in range(2):  # power iterations sharpen the subspace
        probe = matrix @ (matrix.T @ np.linalg.qr(probe)[0])
    basis = np.linalg.qr(probe)[0]
    u, s, _ = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    return (basis @ u[:, :k]) * np.sqrt(s[:k])


def _kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means (cosine), seeded; returns each row's cluster."""
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)]
    for _ in range(KMEANS_ROUNDS):
        labels = np.argmax(vectors @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / np.maximum(norms, 1e-9), centres)
    return np.argmax(vectors @ centres.T, axis=1)


def write(clusters: dict[str, tuple[int, ...]], path: Path, header: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        for word, ids in clusters.items():
            f.write(f"{word}\t{','.join(map(str, ids))}\n")


def read(text: str) -> dict[str, str]:
    """The TSV back: each key's cluster ids as written, comma-separated. They are split
    when a word is featurized (once per word form): splitting 120,000 rows at load
    doubled the model's start-up."""
    while text.startswith("#"):  # the header
        text = text.partition("\n")[2]
    fields = text.rstrip("\n").replace("\t", "\n").split("\n") if text.strip() else []
    return dict(zip(fields[0::2], fields[1::2], strict=True))  # in C: a tenth of a loop's time
