"""The Dask engine (a LocalCluster with 2 workers) gives exactly the single-process records."""

import gzip
import itertools
import json

import pytest

pytest.importorskip("distributed", reason="the Dask engine needs `pip install marsad[dask]`")

from marsad.ingest import ReadOptions
from marsad.ingest.readers import read_jsonl
from marsad.pipeline import analyze_documents
from marsad.scale import dask_engine

ARTICLES = 500


@pytest.mark.shared
@pytest.mark.slow
def test_dask_local_cluster_matches_single_process(shared, tmp_path):
    path = shared / "data" / "corpus" / "saudinewsnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw = [json.loads(line) for line in itertools.islice(f, ARTICLES)]
    # Articles cut to their opening paragraph keep the test to a minute on 2 cores.
    text = "".join(json.dumps({"title": r["title"], "text": r["content"][:400], "url": r["url"],
                               "source": r["source"], "published": r["date_extracted"][:10]},
                              ensure_ascii=False) + "\n" for r in raw)
    documents = list(read_jsonl(text, "corpus", ReadOptions()))
    assert len(documents) == ARTICLES
    single = [a.to_dict() for a in analyze_documents(documents)]

    partitions, errors = dask_engine.plan_partitions(iter(documents), [], size=50)
    assert not errors and len(partitions) == 10
    paths = dask_engine.run_partitions(partitions, tmp_path / "parquet", workers=2)
    assert len(paths) == 10
    distributed = [a.to_dict() for a in dask_engine.read_records(paths)]
    assert distributed == single
