"""All cores of one machine: worker processes that load the pipeline once each.

spaCy's own ``n_process`` ships Docs between processes, with their extension values; ours
hold record objects, so the workers send back finished Analysis records as JSON instead,
which is also the cheapest thing to pickle. Order is kept: results come back in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator

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


def _analyze_batch(documents: list[Document]) -> list[str]:
    from marsad.pipeline import analyze_documents

    return [analysis.to_json() for analysis in analyze_documents(documents)]


def _warm_up() -> None:
    from marsad.pipeline import _default_pipeline

    _default_pipeline()


def analyze_parallel(
    documents: Iterable[Document], workers: int | None = None, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse documents on ``workers`` processes (default: every core), in input order."""
    from marsad.pipeline import analyze_documents

    workers = workers or default_workers()
    documents = iter(documents)
    head = list(itertools.islice(documents, MIN_DOCUMENTS_FOR_WORKERS))
    if workers <= 1 or len(head) < MIN_DOCUMENTS_FOR_WORKERS:
        yield from analyze_documents(itertools.chain(head, documents))
        return
    batches = batched(itertools.chain(head, documents), batch_size)
    context = multiprocessing.get_context("fork")  # children inherit the loaded modules
    with context.Pool(workers, initializer=_warm_up) as pool:
        for results in pool.imap(_analyze_batch, batches):
            for payload in results:
                yield Analysis.model_validate_json(payload)
