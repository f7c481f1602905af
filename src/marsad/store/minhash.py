"""Near-duplicate articles (wire copies, republished stories) by MinHash and LSH.

An article's shingles are its overlapping 3-word windows of stems, so that clitics and
spelling variants do not hide a copy. 64 MinHash values, cut into 16 bands of 4 rows,
make two articles candidates when they share a band (likely from Jaccard ≈ 0.5 up); a
candidate joins the story when its estimated Jaccard similarity reaches the threshold.
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.5
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
# Fixed seed: signatures stored in a database must be comparable across runs.
_rng = np.random.default_rng(20150721)
_A = _rng.integers(1, 1 << 31, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, NUM_PERM, dtype=np.uint64)


def shingles(words: list[str]) -> set[str]:
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(words: list[str]) -> np.ndarray:
    """The MinHash signature (uint32 × NUM_PERM) of a text given as its list of stems."""
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles(words)),
                         dtype=np.uint64)
    if hashes.size == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    # (a·x + b) mod p stays below 2^63 with a, b, x < 2^32: no overflow in uint64.
    permuted = (np.outer(hashes, _A) + _B) % _PRIME
    return (permuted.min(axis=0) & _MASK32).astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs: the LSH keys to store and to look candidates up by."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big") >> 1))  # fits a signed BIGINT
    return keys
