"""``marsad ingest`` / ``marsad query``: idempotent, resumable ingest of real articles."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from marsad.cli import cli
from marsad.ingest import Document, InputError, ReadOptions, read_inputs
from marsad.store import Store
from marsad.store.ingest import ingest
from marsad.store.models import ArticleRow, EventRow, LshBucketRow

CORPUS_ARTICLES = 300  # "a few hundred": the full pipeline runs on each (under a minute)


@pytest.fixture(scope="module")
def corpus_file(shared, tmp_path_factory):
    """The first SaudiNewsNet articles, as the JSONL file a user would ingest."""
    path = tmp_path_factory.mktemp("corpus") / "saudinewsnet-head.jsonl"
    with gzip.open(shared / "data/corpus/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        path.write_text("".join(islice(f, CORPUS_ARTICLES)), encoding="utf-8")
    return path


def _documents(path) -> list[Document]:
    return list(read_inputs([str(path)], ReadOptions(max_chars=10**9)))


@pytest.mark.shared
@pytest.mark.slow
def test_saudinewsnet_ingested_twice_is_stored_once(corpus_file, tmp_path, nlp):
    store = Store.open(str(tmp_path / "snn.db"))
    documents = _documents(corpus_file)
    distinct_urls = {d.url for d in documents}
    first = ingest(store, documents, batch_size=40, nlp=nlp)
    assert first.added == len(distinct_urls) and not first.errors
    before = store.stats()
    second = ingest(store, _documents(corpus_file), batch_size=40, nlp=nlp)
    assert (second.added, second.skipped) == (0, len(documents))
    assert store.stats() == before
    with store.session() as session:
        urls = session.execute(select(ArticleRow.url, func.count()).group_by(ArticleRow.url)
                               .having(func.count() > 1)).all()
        assert urls == []
        assert session.scalar(select(func.count()).select_from(LshBucketRow)) == 16 * len(
            distinct_urls)
        indexed = session.scalar(text("SELECT count(*) FROM article_fts"))
        assert indexed == len(distinct_urls)
        reports = session.scalar(select(func.count()).select_from(EventRow))
        assert reports == before["events"]
    assert before["sources"] == len({d.source for d in documents})


ARTICLES = [
    "أعلنت وزارة الصحة تسجيل إصابات جديدة في العاصمة.",
    "افتتح وزير النقل طريقاً سريعاً يربط المدينتين.",
    "وقعت الحكومة اتفاقية لتطوير ميناء العقبة.",
    "استقبل الرئيس وفداً برلمانياً من الأردن.",
    "ارتفعت أسعار النفط في ختام تعاملات الأسبوع.",
    "أعلن الاتحاد موعد انطلاق الدوري الجديد.",
]


def _docs() -> list[Document]:
    return [Document(text=t, origin=f"<{i}>", published=None) for i, t in enumerate(ARTICLES)]


def test_an_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path, nlp):
    store = Store.open(str(tmp_path / "resume.db"))

    def interrupted():
        yield from _docs()[:4]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(store, interrupted(), batch_size=2, nlp=nlp)
    assert store.stats()["articles"] == 4  # two whole batches, committed
    report = ingest(store, _docs(), batch_size=2, nlp=nlp)
    assert (report.added, report.skipped) == (2, 4)
    assert store.stats()["articles"] == len(ARTICLES)


def test_repeats_within_one_batch_are_stored_once(tmp_path, nlp):
    store = Store.open(str(tmp_path / "repeat.db"))
    report = ingest(store, _docs() + _docs(), batch_size=100, nlp=nlp)
    assert (report.added, report.skipped) == (len(ARTICLES), len(ARTICLES))


def test_input_errors_are_reported_and_the_rest_stored(tmp_path, nlp):
    store = Store.open(str(tmp_path / "errors.db"))
    items = [*_docs()[:2], InputError("bad.jsonl:3", "invalid JSON")]
    report = ingest(store, items, nlp=nlp)
    assert report.added == 2 and report.errors == ["bad.jsonl:3: invalid JSON"]


def test_cli_ingest_query_and_rerun(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    feed = [{"title": f"خبر {i}", "text": t, "url": f"https://x.example/{i}",
             "source": "مثال", "published": "2021-03-0" + str(i + 1)}
            for i, t in enumerate(ARTICLES[:3])]
    (folder / "feed.jsonl").write_text(
        "\n".join(json.dumps(f, ensure_ascii=False) for f in feed), encoding="utf-8")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.output
    assert "ingested 3 new articles, skipped 0" in first.stderr
    again = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert "ingested 0 new articles, skipped 3" in again.stderr
    found = runner.invoke(cli, ["query", "articles", "--db", db, "--q", "والحكومة",
                                "--format", "json"])
    assert found.exit_code == 0
    assert [a["url"] for a in json.loads(found.stdout)["items"]] == ["https://x.example/2"]
    stats = json.loads(runner.invoke(cli, ["query", "stats", "--db", db]).stdout)
    assert (stats["articles"], stats["sources"]) == (3, 1)


def test_cli_errors_are_one_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["query", "--db", str(tmp_path / "no" / "x.db")])
    assert missing.exit_code == 2
    assert missing.stderr.strip().count("\n") == 0 and "does not exist" in missing.stderr
    bad = runner.invoke(cli, ["query", "--db", str(tmp_path / "x.db"), "--lat", "200"])
    assert bad.exit_code == 2 and "--lat" in bad.stderr
    server = runner.invoke(cli, ["query", "--db", "postgresql://nobody@127.0.0.1:9/none"])
    assert server.exit_code == 2 and "check --db" in server.stderr
