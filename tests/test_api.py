"""The REST API, through FastAPI's TestClient, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.analysis import SCHEMA_ID, Analysis
from marsad.api import create_app
from marsad.store import Store
from test_store_support import BACKENDS, database, sirte_reports

TOKEN = "s3cret-token"


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("api")) as url:
        Store.open(url).add(sirte_reports())
        with TestClient(create_app(url, token=TOKEN)) as test_client:
            yield test_client


def test_stats_contract(client):
    stats = client.get("/stats").json()
    assert {k: stats[k] for k in ("articles", "events", "fused_events", "entities", "sources")} \
        == {"articles": 4, "events": 4, "fused_events": 2, "entities": 3, "sources": 3}


def test_list_endpoints_page_with_limit_and_offset(client):
    for path in ("/articles", "/events", "/actors", "/places", "/search?q=سرت"):
        sep = "&" if "?" in path else "?"
        everything = client.get(path).json()
        first = client.get(f"{path}{sep}limit=1").json()
        second = client.get(f"{path}{sep}limit=1&offset=1").json()
        assert first["total"] == everything["total"] >= 2, path
        assert first["items"] == everything["items"][:1], path
        assert second["items"] == everything["items"][1:2], path
    assert client.get("/events?limit=-1").status_code == 422
    assert client.get("/events?limit=100000").status_code == 422


def test_event_filters_match_the_store(client):
    assert [e["type"] for e in client.get("/events?actor=وقطر").json()["items"]] == ["CONSULT"]
    near = client.get("/events?lat=31&lon=16.5&km=50").json()["items"]
    assert [e["type"] for e in near] == ["ASSAULT"]
    assert near[0]["n_articles"] == 3 and len(near[0]["reports"]) == 3
    window = client.get("/events?date_from=2020-07-08&date_to=2020-07-31").json()
    assert [e["type"] for e in window["items"]] == ["CONSULT"]
    assert client.get("/events?date_from=July").status_code == 422


def test_article_is_the_stored_record(client):
    wire = sirte_reports()[0]
    record = client.get(f"/articles/{wire.article.id}").json()
    assert record == wire.to_dict()
    assert client.get("/articles/nope").status_code == 404


def test_event_actor_and_search_details(client):
    strike = client.get("/events?type=ASSAULT").json()["items"][0]
    assert client.get(f"/events/{strike['id']}").json()["n_outlets"] == 3
    assert client.get("/events/99999").status_code == 404
    turkey = client.get("/actors/kb:Q43").json()
    assert turkey["n_events"] == 2 and {e["type"] for e in turkey["events"]} == {
        "ASSAULT", "CONSULT"}
    assert client.get("/actors/Q43").json()["id"] == "kb:Q43"
    assert client.get("/actors/nobody").status_code == 404
    hits = client.get("/search", params={"q": "وأنقرة"}).json()["items"]
    assert len(hits) == 3 and all(h["snippet"]["match"] for h in hits)
    assert client.get("/search").status_code == 422
    network = client.get("/network").json()
    assert len(network["edges"]) == 2
    assert client.get("/timeline?type=CONSULT").json()["items"] == [
        {"date": "2020-07-20", "type": "CONSULT", "events": 1}]


def test_analyze_text_and_html(client):
    text = "أنقرة - استقبل الرئيس التركي أمير قطر في أنقرة يوم الثلاثاء لبحث الأوضاع في ليبيا."
    response = client.post("/analyze", json={"text": text, "published": "2020-11-24",
                                             "title": "زيارة", "url": "https://x.example/1"})
    assert response.status_code == 200
    record = Analysis.model_validate(response.json())
    assert record.schema_ == SCHEMA_ID and record.article.text == text
    assert record.article.published == "2020-11-24" and record.article.url == "https://x.example/1"
    html = ("<html><head><title>زيارة</title></head><body><article><h1>زيارة</h1>"
            f"<p>{text}</p></article></body></html>")
    from_html = client.post("/analyze", json={"html": html, "published": "2020-11-24"}).json()
    assert "استقبل الرئيس التركي" in from_html["article"]["text"]
    assert client.get("/stats").json()["articles"] == 4  # /analyze does not store


@pytest.mark.parametrize("body", [{}, {"text": "نص", "html": "<p>نص</p>"},
                                  {"text": "نص", "published": "24/11/2020"}])
def test_analyze_rejects_bad_requests(client, body):
    assert client.post("/analyze", json=body).status_code == 422


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_needs_the_token(backend, tmp_path):
    with database(backend, tmp_path) as url, TestClient(create_app(url, token=TOKEN)) as client:
        _ingest_with_token(client)


def _ingest_with_token(client):
    article = {"text": "وقّع البلدان اتفاقية للتعاون في مجال الطاقة في الرياض.",
               "url": "https://y.example/energy", "source": "مثال", "published": "2020-08-01"}
    body = {"articles": [article]}
    assert client.post("/ingest", json=body).status_code == 401
    wrong = client.post("/ingest", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    good = client.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 200 and good.json()["added"] == 1
    again = client.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json() == {"added": 0, "skipped": 1, "ids": []}
    assert client.get("/stats").json()["articles"] == 1


def test_security_headers_and_ui(client):
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert client.get("/stats").headers["x-content-type-options"] == "nosniff"
    world = client.get("/world-110m.json").json()
    assert world["type"] == "Topology" and "countries" in world["objects"]
    assert "/analyze" in client.get("/openapi.json").json()["paths"]


def test_writes_are_off_without_a_token(tmp_path):
    with TestClient(create_app(str(tmp_path / "ro.db"))) as client:
        response = client.post("/ingest", json={"articles": [{"text": "نص"}]},
                               headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403 and "--token" in response.json()["detail"]


def test_request_size_and_rate_limits(tmp_path):
    app = create_app(str(tmp_path / "limits.db"), max_body=1000, rate_per_minute=2)
    with TestClient(app) as client:
        big = client.post("/analyze", json={"text": "ن" * 2000})
        assert big.status_code == 413
        assert big.headers["content-security-policy"]
        statuses = [client.post("/analyze", json={}).status_code for _ in range(3)]
        assert statuses == [422, 422, 429]
        assert client.get("/stats").status_code == 200  # reads are not rate limited
