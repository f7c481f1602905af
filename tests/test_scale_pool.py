"""Several worker processes give exactly the records one process gives, in input order."""

import gzip
import itertools
import json

import pytest

from marsad.ingest import ReadOptions
from marsad.ingest.readers import read_jsonl
from marsad.pipeline import analyze_documents
from marsad.scale.pool import MIN_DOCUMENTS_FOR_WORKERS, analyze_parallel, serialize_parallel


@pytest.mark.shared
def test_workers_match_a_single_process(shared):
    path = shared / "data" / "corpus" / "saudinewsnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, MIN_DOCUMENTS_FOR_WORKERS + 16))
    text = "".join(json.dumps({"text": json.loads(line)["content"][:1500]}) + "\n"
                   for line in lines)
    documents = list(read_jsonl(text, "corpus", ReadOptions()))
    single = [a.to_json() for a in analyze_documents(documents)]
    parallel = [a.to_json() for a in analyze_parallel(documents, workers=2, batch_size=8)]
    assert parallel == single
    serialized = list(serialize_parallel(documents, workers=2, batch_size=8))
    assert [s.json for s in serialized] == single
    assert [s.language for s in serialized] == [s.parse().article.language for s in serialized]
