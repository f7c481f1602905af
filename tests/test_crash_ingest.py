"""`marsad ingest` killed with SIGKILL at random points, then resumed: no article lost,
none stored twice, no fused event counted twice, and a database that passes its checks.

The CI size is small (MARSAD_CRASH_ARTICLES, default 240, three kills); the issue's full
run is ``MARSAD_CRASH_ARTICLES=2000 pytest tests/test_crash_ingest.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, distinct, func, select, text

from helpers import MARSAD
from marsad.ingest import ReadOptions, read_inputs
from marsad.record import article_id
from marsad.store import Store, database_url
from marsad.store.ingest import ingest
from marsad.store.models import (
    ArticleRow,
    EntityRow,
    EventRow,
    FusedEventRow,
    LshBucketRow,
    PlaceRow,
)
from test_store_support import BACKENDS, database

ARTICLES = int(os.environ.get("MARSAD_CRASH_ARTICLES", "240"))
KILLS = int(os.environ.get("MARSAD_CRASH_KILLS", "3"))
BATCH = 16

# Short reports of a few events, as outlets word them: the same event is reported by several
# outlets (fused), some reports are wire copies (one story), some URLs come twice.
CITIES = ["سرت", "بنغازي", "طرابلس", "صنعاء", "عدن", "الحديدة", "بيروت", "دمشق", "حلب",
          "الخرطوم", "بغداد", "الموصل"]
ACTORS = ["الجيش السوداني", "قوات حفتر", "جماعة الحوثي", "التحالف بقيادة السعودية",
          "الجيش التركي", "قوات الدعم السريع"]
OUTLETS = ["وكالة الأنباء", "صحيفة الشرق", "قناة الخبر", "موقع المرصد", "إذاعة الوطن"]
TEMPLATES = [
    "قصفت طائرات {actor} مواقع قرب {city} فجر اليوم، وقال مصدر عسكري إن القصف استهدف "
    "مخازن للذخيرة.",
    "تظاهر آلاف المحتجين في {city} احتجاجاً على غلاء الأسعار وانقطاع الكهرباء.",
    "اعتقلت قوات الأمن {n} أشخاص في {city} بتهمة التخطيط لهجمات، بحسب بيان رسمي.",
    "استقبل وزير الخارجية في {city} وفداً من {actor} لبحث وقف إطلاق النار.",
    "أعلن {actor} السيطرة على مواقع جديدة في محيط {city} بعد معارك عنيفة.",
]


def news_corpus(count: int, seed: int = 7) -> list[dict]:
    """``count`` JSONL records of short Arabic reports (fixed seed)."""
    rng = random.Random(seed)
    records: list[dict] = []
    while len(records) < count:
        day = dt.date(2021, 3, 1) + dt.timedelta(days=rng.randrange(30))
        body = rng.choice(TEMPLATES).format(city=rng.choice(CITIES), actor=rng.choice(ACTORS),
                                            n=rng.randrange(2, 40))
        outlet = rng.choice(OUTLETS)
        number = len(records)
        record = {"title": f"خبر رقم {number}", "text": f"{body} ({number})",
                  "url": f"https://news{OUTLETS.index(outlet)}.example/{number}",
                  "source": outlet, "published": day.isoformat()}
        records.append(record)
        if rng.random() < 0.1:  # a wire copy: the same text at another outlet
            copy = dict(record, url=record["url"].replace("news", "copy"), source="ناقل")
            records.append(copy)
        if rng.random() < 0.05:  # the same URL twice in the feed
            records.append(dict(record))
    return records[:count]


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "feed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                            for r in news_corpus(ARTICLES)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(feed, tmp_path_factory, nlp) -> dict:
    """What an ingest that nobody interrupts stores: its ids, stats and fused events."""
    store = Store.open(str(tmp_path_factory.mktemp("reference") / "reference.db"))
    documents = list(read_inputs([str(feed)], ReadOptions()))
    report = ingest(store, documents, batch_size=BATCH, nlp=nlp)
    assert not report.errors
    return {"ids": {article_id(d) for d in documents}, **snapshot(store)}


def snapshot(store: Store) -> dict:
    """The stored corpus, in terms that do not depend on row ids or batch boundaries."""
    with store.session() as session:
        fused = session.execute(
            select(FusedEventRow.type, FusedEventRow.polarity, FusedEventRow.place_key,
                   FusedEventRow.day_first, FusedEventRow.n_reports, FusedEventRow.n_articles,
                   FusedEventRow.n_outlets, FusedEventRow.n_stories)).all()
        stories = session.execute(select(ArticleRow.id, ArticleRow.story_id)).all()
    return {"stats": store.stats(), "fused": sorted(fused, key=repr), "stories": set(stories)}


def _stored_count(url: str) -> int:
    """Articles committed so far, read from outside the ingest (0 before the schema exists)."""
    try:
        engine = create_engine(database_url(url))
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM articles")).scalar()
    except Exception:  # no database or no table yet: nothing committed
        return 0
    finally:
        engine.dispose()


def _ingest_command(feed: Path, url: str) -> list[str]:
    return [str(MARSAD), "ingest", str(feed), "--db", url, "--workers", "1",
            "--batch-size", str(BATCH), "--quiet"]


def _kill_after(command: list[str], url: str, target: int, pause: float) -> int | None:
    """Start the ingest; SIGKILL it ``pause`` seconds after ``target`` articles are
    committed. Returns its exit status when it finished before that."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while process.poll() is None and _stored_count(url) < target:
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.05)
    time.sleep(pause)
    if process.poll() is not None:
        return process.returncode
    process.send_signal(signal.SIGKILL)
    process.wait()
    return None


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_at_random_points_then_resume(backend, feed, expected, tmp_path):
    rng = random.Random(int(os.environ.get("MARSAD_CRASH_SEED", "2021")))
    distinct_count = len(expected["ids"])
    # Kills land at least four batches before the end, a random fraction of a batch's time
    # after the target count is seen: far enough from the end that the ingest, fast on
    # these short reports, is still running, and anywhere within a batch's transaction.
    targets = sorted(rng.sample(range(distinct_count - 4 * BATCH), KILLS))
    with database(backend, tmp_path) as url:
        command = _ingest_command(feed, url)
        survived = []
        for target in targets:  # 0 kills during start-up (imports, migrations)
            finished = _kill_after(command, url, target, pause=rng.uniform(0, 0.25))
            assert finished is None, f"the ingest ended (status {finished}) before its kill"
            survived.append(_stored_count(url))
        print(f"{backend}: killed with {survived} of {distinct_count} articles stored")
        assert survived == sorted(survived) and survived[-1] < distinct_count, survived
        resumed = subprocess.run(command, capture_output=True, timeout=600)
        assert resumed.returncode == 0, resumed.stderr.decode()[-2000:]
        assert f"the store holds {distinct_count} articles" in resumed.stderr.decode()
        store = Store.open(url)
        try:
            check_integrity(store)
            with store.session() as session:
                assert set(session.scalars(select(ArticleRow.id))) == expected["ids"]
            assert snapshot(store) == {k: expected[k] for k in ("stats", "fused", "stories")}
        finally:
            store.close()


def check_integrity(store: Store) -> None:
    """The database's own checks, and every count the store keeps recomputed from its rows."""
    with store.session() as session:
        if store.engine.dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
            indexed = session.scalar(text("SELECT count(*) FROM article_fts"))
            assert indexed == session.scalar(select(func.count()).select_from(ArticleRow))
        articles = session.scalar(select(func.count()).select_from(ArticleRow))
        assert session.scalar(select(func.count()).select_from(LshBucketRow)) == 16 * articles
        for row in (EventRow, EntityRow, PlaceRow, LshBucketRow):  # no orphans
            orphans = select(func.count()).select_from(row).where(
                row.article_id.not_in(select(ArticleRow.id)))
            assert session.scalar(orphans) == 0, row.__tablename__
        # every fused event's counts, recounted from its reports (as the writer does)
        recounted = {fused_id: tuple(counts) for fused_id, *counts in session.execute(
            select(EventRow.fused_id, func.count(), func.count(distinct(EventRow.article_id)),
                   func.count(distinct(ArticleRow.source)),
                   func.count(distinct(ArticleRow.story_id)))
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .group_by(EventRow.fused_id))}
        stored = {row.id: (row.n_reports, row.n_articles, row.n_outlets, row.n_stories)
                  for row in session.scalars(select(FusedEventRow))}
        assert stored == recounted  # and no fused event without a report
        events = session.scalar(select(func.count()).select_from(EventRow))
        assert sum(counts[0] for counts in stored.values()) == events
