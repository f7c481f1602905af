"""``marsad export``: every format loads back with the events and counts of the store."""

from __future__ import annotations

import csv
import json
from xml.etree import ElementTree as ET

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.analysis import Analysis
from marsad.cli import cli
from marsad.store import Store
from test_store_support import sirte_reports

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store.db"
    Store.open(str(path)).add(sirte_reports())
    return str(path)


def export(db: str, tmp_path, fmt: str, *filters: str):
    output = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", fmt, "-o",
                                      str(output), *filters])
    assert result.exit_code == 0, result.output
    return output


def test_jsonl_holds_the_analysis_records(db, tmp_path):
    lines = export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    records = [Analysis.model_validate(json.loads(line)) for line in lines]
    assert {r.article.id for r in records} == {a.article.id for a in sirte_reports()}
    only = export(db, tmp_path, "jsonl", "--type", "CONSULT").read_text(encoding="utf-8")
    assert [json.loads(line)["article"]["url"] for line in only.splitlines()] == [
        "https://other.example/d4"]


def test_csv_has_one_row_per_fused_event(db, tmp_path):
    with export(db, tmp_path, "csv").open(encoding="utf-8") as f:
        rows = {row["type"]: row for row in csv.DictReader(f)}
    assert set(rows) == {"ASSAULT", "CONSULT"}
    strike = rows["ASSAULT"]
    assert (strike["n_reports"], strike["n_articles"], strike["n_outlets"],
            strike["n_stories"]) == ("3", "3", "3", "2")
    assert strike["outlets"] == "copycat | other | wire"
    assert strike["place"] == "سرت" and strike["country"] == "LBY"


def test_parquet_matches_csv(db, tmp_path):
    table = pq.read_table(export(db, tmp_path, "parquet")).to_pylist()
    strike = next(row for row in table if row["type"] == "ASSAULT")
    assert strike["n_articles"] == 3 and strike["lat"] == pytest.approx(31.2)
    assert strike["actors"] == "تركيا" and strike["recipients"] == "قوات حفتر"


def test_plover_records(db, tmp_path):
    lines = export(db, tmp_path, "plover", "--type", "ASSAULT").read_text(encoding="utf-8")
    (record,) = [json.loads(line) for line in lines.splitlines()]
    assert record["event"] == ["ASSAULT"] and record["mode"] == ["aerial"]
    assert (record["date"], record["enddate"]) == ("2020-07-06", "2020-07-07")
    assert record["actor"] == [{"name": "تركيا"}]
    assert record["event_loc"]["placename"] == "سرت"
    assert {s["outlet"] for s in record["sources"]} == {"wire", "copycat", "other"}
    assert record["event_scale"] == -9.0 and record["has_event"] is True


def test_geojson_points(db, tmp_path):
    collection = json.loads(export(db, tmp_path, "geojson").read_text(encoding="utf-8"))
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert kinds.count("event") == 2 and kinds.count("place") == 2
    sirte = next(f for f in collection["features"] if f["properties"].get("name") == "سرت")
    lon, lat = sirte["geometry"]["coordinates"]
    assert 16 < lon < 17 and 31 < lat < 32  # GeoJSON order: longitude first


def test_graphml_actor_network(db, tmp_path):
    root = ET.parse(export(db, tmp_path, "graphml")).getroot()
    graph = root.find(f"{GRAPHML}graph")
    nodes = {n.get("id") for n in graph.iter(f"{GRAPHML}node")}
    edges = {(e.get("source"), e.get("target")) for e in graph.iter(f"{GRAPHML}edge")}
    assert nodes == {"kb:Q43", "kb:Q_LNA", "kb:Q846"}
    assert edges == {("kb:Q43", "kb:Q_LNA"), ("kb:Q43", "kb:Q846")}
    weights = [d.text for d in graph.iter(f"{GRAPHML}data") if d.get("key") == "e_weight"]
    assert weights == ["1", "1"]


def test_parquet_needs_a_file(db):
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.stderr
