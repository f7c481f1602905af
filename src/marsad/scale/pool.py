"""All cores of one machine: worker processes that load the pipeline once each.

spaCy's own ``n_process`` ships Docs between processes, with their extension values; ours
hold record objects, so the workers send back finished Analysis records as JSON instead,
which is also the cheapest thing to pickle. Order is kept: results come back in input order.
A caller that only writes the JSON out (``marsad analyze --format jsonl``) takes it as it
comes (:func:`serialize_parallel`): parsing it again in this process and writing it anew
cost as much CPU here as a tenth of a worker.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.analysis import Analysis
from marsad.ingest.document import Document

# Below this many documents, starting workers costs more than it saves.
MIN_DOCUMENTS_FOR_WORKERS = 64


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` consecutive items (itertools.batched arrived in Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@dataclass(frozen=True, slots=True)
class Serialized:
    """An Analysis record as JSON, with the one field callers check before writing it."""

    json: str
    language: str

    @classmethod
    def of(cls, analysis: Analysis) -> Serialized:
        return cls(analysis.to_json(), analysis.article.language)

    def parse(self) -> Analysis:
        return Analysis.model_validate_json(self.json)


def _analyze_batch(documents: list[Document]) -> list[Serialized]:
    from marsad.pipeline import analyze_documents

    return [Serialized.of(analysis) for analysis in analyze_documents(documents)]


def settle() -> None:
    """Prepare a process that has loaded the pipeline to analyse many documents.

    The models and lexicons are hundreds of thousands of long-lived objects, and the
    per-word caches grow to more; Python's collector walked them all about every 30
    documents (a full collection takes 60 ms and more), a fifth of the analysis time.
    Frozen, they are out of its view (and a forked worker shares their memory pages
    instead of copying them as the collector touches them); a higher first threshold
    makes collections rarer while still reclaiming cycles.

    Each worker's BLAS runs on one thread: the workers already fill the cores, and
    OpenBLAS's threads in every worker (the NER BiLSTM's matrix products) fought them for
    the cores (1,000 articles, 2 workers: 28 articles/s, against 42-46 with one thread).
    """
    from threadpoolctl import threadpool_limits

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    threadpool_limits(limits=1, user_api="blas")


def load_and_settle() -> None:
    from marsad.pipeline import _default_pipeline

    _default_pipeline()
    settle()


class WorkerPool:
    """Processes that each load the pipeline once and analyse batches of documents.

    >>> with WorkerPool(2) as pool:             # doctest: +SKIP
    ...     analyses = list(pool.analyze(documents))
    """

    def __init__(self, workers: int | None = None, batch_size: int = 16):
        self.workers = workers or default_workers()
        self.batch_size = batch_size
        self._pool = None

    def __enter__(self) -> WorkerPool:
        # The pipeline is loaded here, once: forked workers inherit it, sharing its pages.
        load_and_settle()
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(self.workers, initializer=settle)
        return self

    def __exit__(self, *exc) -> None:
        self._pool.terminate() if exc[0] else self._pool.close()
        self._pool.join()

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses of ``documents``, in their order."""
        for item in self.serialized(documents):
            yield item.parse()

    def serialized(self, documents: Iterable[Document]) -> Iterator[Serialized]:
        """The records of ``documents`` as JSON, in their order.

        At most two batches a worker are in flight (``Pool.imap`` would read the whole
        input ahead), so memory stays flat however large the corpus.
        """
        in_flight: deque = deque()
        for batch in batched(documents, self.batch_size):
            in_flight.append(self._pool.apply_async(_analyze_batch, (batch,)))
            if len(in_flight) >= 2 * self.workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def _split(documents: Iterable[Document], workers: int | None) -> tuple[int, Iterator[Document]]:
    """How many worker processes to use for ``documents`` (1: this process; small inputs,
    below MIN_DOCUMENTS_FOR_WORKERS, run here) and the documents, none consumed."""
    workers = workers or default_workers()
    documents = iter(documents)
    head = list(itertools.islice(documents, MIN_DOCUMENTS_FOR_WORKERS))
    if len(head) < MIN_DOCUMENTS_FOR_WORKERS:
        workers = 1
    elif workers == 1:
        load_and_settle()  # a long run in this process
    return workers, itertools.chain(head, documents)


def analyze_parallel(
    documents: Iterable[Document], workers: int | None = None, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse documents on ``workers`` processes (default: every core), in input order.

    Small inputs (fewer than MIN_DOCUMENTS_FOR_WORKERS) run in this process.
    """
    from marsad.pipeline import analyze_documents

    workers, documents = _split(documents, workers)
    if workers == 1:
        yield from analyze_documents(documents)
        return
    with WorkerPool(workers, batch_size) as pool:
        yield from pool.analyze(documents)


def serialize_parallel(
    documents: Iterable[Document], workers: int | None = None, batch_size: int = 16
) -> Iterator[Serialized]:
    """As :func:`analyze_parallel`, the records as JSON (as the workers send them)."""
    from marsad.pipeline import analyze_documents

    workers, documents = _split(documents, workers)
    if workers == 1:
        yield from map(Serialized.of, analyze_documents(documents))
        return
    with WorkerPool(workers, batch_size) as pool:
        yield from pool.serialized(documents)
