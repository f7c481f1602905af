"""Word clusters learned without labels from a news corpus (SaudiNewsNet, 8.8 M words).

Gold NER data is small (125 k tokens), so most names in new text were never seen in
training; a cluster id generalises from the names that were to words used alike. The
recipe is cheap and deterministic, a few minutes on one core with numpy alone:

1. count each frequent word's left and right neighbours (the most frequent words);
2. weight the counts by positive PMI (context distribution smoothed, alpha 0.75);
3. reduce to ``DIMENSIONS`` with a seeded randomised SVD;
4. spherical k-means at several granularities, so the CRF can pick coarse or fine
   classes as Brown-cluster bit prefixes would offer.

Words are matching keys (``normalize_key``); the result is a TSV ``key<TAB>c1,c2,c3``.
"""

from __future__ import annotations

import gzip
import json
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

HEADER = f"""\
# Word clusters for marsad's NER features: matching key <TAB> cluster ids at
# {", ".join(map(str, GRANULARITIES))} clusters. Learned without labels by marsad/ner/clusters.py
# (`marsad train ner`) from SaudiNewsNet (M. Alhagri, 2015; CC BY-NC-SA 4.0): only cluster
# ids of frequent words are kept here, no text of the corpus.
"""


def corpus_keys(path: Path, limit: int | None = None) -> Iterator[list[str]]:
    """Each article of a SaudiNewsNet-style JSONL.gz as a list of word keys."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('content') or ''}"
            yield [normalize_key(m.group()) for m in _TOKEN.finditer(text)]


def learn(path: Path, seed: int = 13, limit: int | None = None) -> dict[str, tuple[int, ...]]:
    """Cluster ids, one per granularity, for the ``VOCABULARY`` most frequent keys."""
    words, articles = _encode(corpus_keys(path, limit))
    counts = _cooccurrences(articles, len(words))
    vectors = svd(ppmi(counts), DIMENSIONS, np.random.default_rng(seed))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
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


def read(lines: Iterator[str]) -> dict[str, tuple[str, ...]]:
    """The TSV back, ids as strings (they become feature values)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        word, _, ids = line.rstrip("\n").partition("\t")
        table[word] = tuple(ids.split(","))
    return table
