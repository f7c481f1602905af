"""Candidate loaded words learned without labels from SaudiNewsNet (``marsad train framing``).

The lexicon's one-word loaded terms are the positives; every other frequent word is
unlabelled. A word is scored by how much it is used like the positives:

1. each frequent stem's neighbours two words either side are counted, weighted by PPMI
   and reduced with a seeded randomised SVD (the recipe and functions of
   :mod:`marsad.ner.clusters`, over stems, so «والمكابرة» counts as «مكابره»);
2. a logistic regression on those vectors separates the lexicon's words from the rest;
   each word is scored by the model of the fold it was held out of (five folds);
3. the best-scored words not yet in the lexicon, folded to their masculine singular
   (هدامة → هدام), are the candidates.

The candidates are reviewed by hand: ``data/learned_terms.tsv`` keeps each one's score
and verdict, and only the accepted ones are loaded (:func:`marsad.framing.lexicon.load`).
Retraining keeps the verdicts of words already reviewed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.framing import lexicon as lexicons
from marsad.ner.clusters import corpus_keys, ppmi, svd
from marsad.text.clitics import stems

VOCABULARY = 40_000  # stems that get a vector
CONTEXTS = 2_000  # neighbour words counted at each of the four positions
OFFSETS = (-2, -1, 1, 2)
DIMENSIONS = 150
FOLDS = 5
CANDIDATES = 700  # words written for review
# Endings folded into the masculine singular when that form is frequent too.
FOLDED_ENDINGS = ("ه", "ات", "ين", "ون", "ان", "ا")
UNREVIEWED = "?"
REJECTED = "-"
# The lexicon categories whose words are the positives (the word-level loaded ones).
SEED_CATEGORIES = frozenset({"emotive", "exaggeration", "charged", "glorifying"})

HEADER = """\
# Loaded-word candidates learned without labels from SaudiNewsNet (M. Alhagri, 2015;
# CC BY-NC-SA 4.0): only words and scores derived from it are kept here, no text of the
# corpus. Made by `marsad train framing` (marsad/framing/learn.py, seed {seed}): PPMI-SVD
# vectors of stems, a logistic regression separating the lexicon's loaded words from
# the other frequent words, the best-scored unlisted words folded to their masculine.
# Reviewed by hand, one by one. Columns: key, score (held-out probability of being
# used like a lexicon word), verdict: category/part-of-speech when accepted (loaded by
# marsad/framing/lexicon.py like a loaded_terms.yaml entry), "-" when rejected (neutral,
# a label, a homograph or not the writer's judgement), "?" not yet reviewed.
"""


@dataclass(frozen=True)
class Candidate:
    key: str
    score: float
    verdict: str = UNREVIEWED


def stem_of(key: str) -> str:
    """The most plausible stem of a word key."""
    return stems(key)[0]


def vectors(articles: Iterable[list[str]], seed: int) -> tuple[list[str], np.ndarray]:
    """The ``VOCABULARY`` most frequent stems and their unit PPMI-SVD vectors."""
    articles = [[stem_of(k) for k in a] for a in articles]
    frequency = Counter(s for a in articles for s in a)
    vocabulary = [s for s, _ in frequency.most_common(VOCABULARY)]
    ids = {s: i for i, s in enumerate(vocabulary)}
    context_ids = {s: i for i, (s, _) in enumerate(frequency.most_common(CONTEXTS))}
    width = len(OFFSETS) * CONTEXTS
    counts = np.zeros((len(vocabulary), width), dtype=np.float32)
    cells: list[np.ndarray] = []
    for n, article in enumerate(articles, 1):
        target = np.array([ids.get(s, -1) for s in article], dtype=np.int64)
        context = np.array([context_ids.get(s, -1) for s in article], dtype=np.int64)
        for slot, offset in enumerate(OFFSETS):
            t, c = _shifted(target, context, offset)
            keep = (t >= 0) & (c >= 0)
            cells.append(t[keep] * width + slot * CONTEXTS + c[keep])
        if n % 2_000 == 0 or n == len(articles):  # add up in batches: bounded memory
            codes, found = np.unique(np.concatenate(cells), return_counts=True)
            counts.reshape(-1)[codes] += found
            cells = []
    found = svd(ppmi(counts), DIMENSIONS, np.random.default_rng(seed))
    return vocabulary, found / (np.linalg.norm(found, axis=1, keepdims=True) + 1e-9)


def _shifted(target: np.ndarray, context: np.ndarray, offset: int):
    """Pairs (word, its neighbour at ``offset``) as two aligned arrays."""
    n = len(target)
    if offset > 0:
        return target[: max(0, n - offset)], context[offset:]
    return target[-offset:], context[: max(0, n + offset)]


def fit(x: np.ndarray, y: np.ndarray, rounds: int = 300, l2: float = 1e-3) -> np.ndarray:
    """Logistic regression by gradient descent, positives weighted up to balance."""
    x = np.hstack([x, np.ones((len(x), 1))])
    weight = np.where(y > 0, (len(y) - y.sum()) / max(y.sum(), 1), 1.0)
    weight /= weight.mean()
    w = np.zeros(x.shape[1])
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= x.T @ ((p - y) * weight) / len(y) + l2 * w
    return w


def held_out_scores(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    """Each word's probability under the model trained without its fold."""
    fold = np.random.default_rng(seed).integers(0, FOLDS, len(y))
    scores = np.zeros(len(y))
    for f in range(FOLDS):
        w = fit(x[fold != f], y[fold != f])
        held = np.hstack([x[fold == f], np.ones(((fold == f).sum(), 1))])
        scores[fold == f] = 1 / (1 + np.exp(-held @ w))
    return scores


def seed_keys(lexicon: lexicons.Lexicon) -> tuple[set[str], set[str]]:
    """(one-word keys of the seed categories, every one-word key of the lexicon)."""
    one_word = [t for t in lexicon.terms() if len(t.words) == 1]
    return ({t.words[0] for t in one_word if t.category in SEED_CATEGORIES},
            {t.words[0] for t in one_word})


def candidates(vocabulary: list[str], scores: np.ndarray, listed: set[str],
               count: int = CANDIDATES) -> list[Candidate]:
    """The best-scored words not in the lexicon, folded to their masculine singular."""
    known = set(vocabulary)
    best: dict[str, float] = {}
    for i in np.argsort(-scores, kind="stable"):
        lemma = _folded(vocabulary[i], known)
        if lemma not in listed and lemma not in best:
            best[lemma] = round(float(scores[i]), 3)
            if len(best) == count:
                break
    return [Candidate(key, score) for key, score in best.items()]


def _folded(key: str, known: set[str]) -> str:
    for ending in FOLDED_ENDINGS:
        base = key.removesuffix(ending)
        if base != key and len(base) >= 3 and base in known:
            return base
    return key


def learn(corpus: Path, seed: int = 13, limit: int | None = None) -> list[Candidate]:
    vocabulary, x = vectors(corpus_keys(corpus, limit), seed)
    positives, listed = seed_keys(lexicons.load(learned=False))
    y = np.array([float(w in positives) for w in vocabulary])
    return candidates(vocabulary, held_out_scores(x, y, seed), listed)


def read(lines: Iterable[str]) -> list[Candidate]:
    rows = (line.rstrip("\n").split("\t") for line in lines
            if line.strip() and not line.startswith("#"))
    return [Candidate(key, float(score), verdict) for key, score, verdict in rows]


def write(found: list[Candidate], reviewed: list[Candidate], path: Path, seed: int) -> None:
    """The candidates with the verdicts already given; reviewed words that dropped out
    of the candidates stay, so a retrain never loses a review."""
    verdicts = {c.key: c.verdict for c in reviewed if c.verdict != UNREVIEWED}
    rows = [Candidate(c.key, c.score, verdicts.get(c.key, UNREVIEWED)) for c in found]
    keys = {c.key for c in found}
    rows += [c for c in reviewed if c.key not in keys and c.verdict != UNREVIEWED]
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(seed=seed))
        for c in rows:
            f.write(f"{c.key}\t{c.score:.3f}\t{c.verdict}\n")
