"""Beyond one machine: the same pipeline as a Dask job.

The driver reads the inputs and cuts them into partitions of documents; each Dask worker
analyses a partition with a pipeline it loads once (a process-wide cache) and writes the
records as one Parquet file of a partitioned dataset; the driver then loads the dataset
into the store in partition order. Parquet inputs are read by the workers themselves.

    marsad ingest corpus.jsonl --engine dask                       # a LocalCluster here
    marsad ingest corpus.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.analysis import Analysis
from marsad.ingest.document import Document, InputError
from marsad.scale.pool import batched, load_and_settle

# Parquet columns of the partitioned output: the record plus what one filters partitions by.
RECORD_COLUMNS = ("article_id", "published", "source", "url", "record")
# Parquet input columns, as in marsad's JSONL input.
TEXT_COLUMNS = ("text", "content")
DATE_COLUMNS = ("published", "date")


@dataclass(frozen=True)
class Partition:
    """A unit of work: documents read by the driver, or a Parquet file a worker reads."""

    index: int
    documents: tuple[Document, ...] = ()
    parquet: str | None = None


def dask_missing() -> str | None:
    """Why the Dask engine cannot run here, or None when it can."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return "the Dask engine needs Dask: pip install 'marsad[dask]'"
    return None


def plan_partitions(
    items: Iterable[Document | InputError], parquet_inputs: list[Path], size: int
) -> tuple[list[Partition], list[InputError]]:
    """Partitions of at most ``size`` documents, then one per Parquet input file."""
    errors: list[InputError] = []

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    partitions = [Partition(i, tuple(batch)) for i, batch in enumerate(batched(documents(), size))]
    start = len(partitions)
    partitions += [Partition(start + i, parquet=str(p)) for i, p in enumerate(parquet_inputs)]
    return partitions, errors


def documents_from_parquet(path: str) -> list[Document]:
    """Documents from a Parquet file with marsad's JSONL input columns."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    columns = set(table.column_names)
    text_column = next((c for c in TEXT_COLUMNS if c in columns), None)
    if text_column is None:
        raise InputError(path, "no 'text' or 'content' column")
    date_column = next((c for c in DATE_COLUMNS if c in columns), None)
    documents = []
    for number, row in enumerate(table.to_pylist()):
        published = row.get(date_column) if date_column else None
        if isinstance(published, str):
            published = dt.date.fromisoformat(published[:10])
        elif isinstance(published, dt.datetime):
            published = published.date()
        title = row.get("title") or None
        text = row[text_column] or ""
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        documents.append(Document(
            text=text, origin=f"{path}:{number}", title=title, published=published,
            published_source="metadata" if published else None,
            url=row.get("url"), source=row.get("source"),
        ))
    return documents


@lru_cache(maxsize=1)
def _settled() -> None:
    """Load the pipeline and settle the collector once per worker process (see
    :func:`marsad.scale.pool.settle`)."""
    load_and_settle()


def analyze_partition(partition: Partition, output_dir: str) -> tuple[int, str, int]:
    """Worker side: analyse one partition and write it as one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from marsad.pipeline import analyze_documents

    _settled()
    documents = (partition.documents if partition.parquet is None
                 else documents_from_parquet(partition.parquet))
    rows: dict[str, list] = {name: [] for name in RECORD_COLUMNS}
    for analysis in analyze_documents(documents):  # the pipeline is loaded once per worker
        article = analysis.article
        rows["article_id"].append(article.id)
        rows["published"].append(article.published)
        rows["source"].append(article.source)
        rows["url"].append(article.url)
        rows["record"].append(analysis.to_json())
    path = Path(output_dir) / f"part-{partition.index:05d}.parquet"
    pq.write_table(pa.table(rows), path)
    return partition.index, str(path), len(rows["record"])


def run_partitions(
    partitions: list[Partition],
    output_dir: Path,
    scheduler: str | None = None,
    workers: int = 2,
) -> list[str]:
    """Run every partition on a Dask cluster; the Parquet files, in partition order."""
    from distributed import Client, LocalCluster, as_completed

    output_dir.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
    with Client(scheduler or cluster) as client:
        futures = client.map(analyze_partition, partitions,
                             output_dir=str(output_dir), pure=False)
        done = {}
        for future in as_completed(futures):
            index, path, _count = future.result()
            done[index] = path
    if cluster is not None:
        cluster.close()
    return [done[i] for i in sorted(done)]


def read_records(paths: Iterable[str]) -> Iterator[Analysis]:
    """The records of a partitioned Parquet dataset, in partition and row order."""
    import pyarrow.parquet as pq

    for path in paths:
        for payload in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield Analysis.model_validate(json.loads(payload))
