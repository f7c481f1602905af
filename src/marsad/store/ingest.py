"""``marsad ingest``: read, analyse and store articles in batches, idempotently.

An article already in the store (same id: its URL, else its normalised text) is skipped
before it is analysed, so a re-run costs only reading. Each batch is one transaction: an
interrupted run (crash, Ctrl-C) loses at most the batch in flight, and the next run picks
up where it stopped without duplicating anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from marsad.analysis import Analysis
from marsad.ingest import Document, InputError
from marsad.record import article_id
from marsad.store import Store


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    skipped: int = 0  # already stored, or repeated in the input
    errors: list[str] = field(default_factory=list)


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


Analyzer = Callable[[list[Document]], Iterable[Analysis]]


def ingest(
    store: Store,
    items: Iterable[Document | InputError],
    batch_size: int = 64,
    on_batch: Callable[[IngestReport], None] | None = None,
    nlp=None,
    analyze: Analyzer | None = None,
) -> IngestReport:
    """Analyse and store the documents that are not stored yet.

    ``analyze`` turns a batch of documents into analyses, in order: by default the
    pipeline in this process; ``marsad.scale.WorkerPool(n).analyze`` uses n processes.
    """
    if analyze is None:
        from marsad.pipeline import analyze_documents

        def analyze(documents: list[Document]) -> Iterable[Analysis]:
            return analyze_documents(documents, nlp=nlp)

    report = IngestReport()
    for documents in unseen_batches(store, items, batch_size, report):
        if documents:
            report.added += len(store.add(list(analyze(documents))))
        if on_batch:
            on_batch(report)
    return report


def unseen_batches(
    store: Store, items: Iterable[Document | InputError], batch_size: int, report: IngestReport
) -> Iterator[list[Document]]:
    """Batches of the documents not stored yet; errors and skips are counted in ``report``."""
    for batch in batches(items, batch_size):
        documents = []
        for item in batch:
            if isinstance(item, InputError):
                report.errors.append(str(item))
            else:
                documents.append(item)
        report.read += len(documents)
        fresh = _unseen(store, documents)
        report.skipped += len(documents) - len(fresh)
        yield fresh


def _unseen(store: Store, documents: list[Document]) -> list[Document]:
    """Documents neither in the store nor earlier in the batch."""
    ids = [article_id(d) for d in documents]
    known = store.known(ids)
    fresh: dict[str, Document] = {}
    for identity, document in zip(ids, documents, strict=True):
        if identity not in known:
            fresh.setdefault(identity, document)
    return list(fresh.values())
