"""``marsad export``: the store in the formats other tools read.

* jsonl: the Analysis records (marsad.analysis/1), one a line;
* csv, parquet: one row per fused event, with its honest counts;
* plover: PLOVER-style JSON lines (the manual's field names: id, date, enddate, actor,
  recipient, event, mode, event_loc, event_text, event_scale), with marsad's extras;
* geojson: fused events and places as points (QGIS, kepler.gl);
* graphml: the actor network, weighted by fused events and mean intensity (Gephi).
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO
from xml.etree import ElementTree as ET

from marsad.store import EventFilter, Store

PAGE = 500

ROW_FIELDS = [
    "id", "type", "mode", "polarity", "date_first", "date_last", "place", "place_key",
    "country", "lat", "lon", "actors", "recipients", "actor_keys", "recipient_keys",
    "n_reports", "n_articles", "n_outlets", "n_stories", "intensity", "outlets",
    "article_ids", "sentences",
]


def fused_events(store: Store, flt: EventFilter) -> Iterator[dict]:
    offset = 0
    while True:
        page = store.events(flt, limit=PAGE, offset=offset)
        yield from page["items"]
        offset += PAGE
        if offset >= page["total"]:
            return


def event_row(item: dict) -> dict:
    """A fused event as one flat row (lists joined with ' | ')."""
    place = item["place"] or {}
    reports = item["reports"]
    return {
        "id": item["id"], "type": item["type"], "mode": item["mode"],
        "polarity": item["polarity"], "date_first": item["date_first"],
        "date_last": item["date_last"], "place": place.get("name"),
        "place_key": place.get("key"), "country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"),
        "actors": " | ".join(item["actors"]), "recipients": " | ".join(item["recipients"]),
        "actor_keys": " | ".join(item["actor_keys"]),
        "recipient_keys": " | ".join(item["recipient_keys"]),
        "n_reports": item["n_reports"], "n_articles": item["n_articles"],
        "n_outlets": item["n_outlets"], "n_stories": item["n_stories"],
        "intensity": item["intensity"],
        "outlets": " | ".join(sorted({r["source"] for r in reports if r["source"]})),
        "article_ids": " | ".join(dict.fromkeys(r["article_id"] for r in reports)),
        "sentences": " | ".join(dict.fromkeys(r["sentence"] for r in reports)),
    }


def plover_record(item: dict) -> dict:
    place = item["place"]
    reports = item["reports"]
    return {
        "id": f"marsad-{item['id']}",
        "date": item["date_first"],
        "enddate": item["date_last"],
        "actor": [{"name": n} for n in item["actors"]],
        "recipient": [{"name": n} for n in item["recipients"]],
        "event": [item["type"]],
        "mode": [item["mode"]] if item["mode"] else [],
        "event_loc": place and {"placename": place["name"], "lat": place["lat"],
                                "lon": place["lon"], "country": place["country"],
                                "feature": place["feature"]},
        "event_text": list(dict.fromkeys(r["sentence"] for r in reports)),
        "event_scale": item["intensity"],
        "has_event": item["polarity"] == "asserted",
        "comment": None if item["polarity"] == "asserted" else item["polarity"],
        # marsad's extras: the reports behind the event, and honest counts of them
        "sources": [{"article": r["article_id"], "event": r["event_id"], "outlet": r["source"],
                     "url": r["url"], "published": r["published"], "stance": r["stance"],
                     "attributed_to": r["attributed_to"]} for r in reports],
        "n_articles": item["n_articles"], "n_outlets": item["n_outlets"],
        "n_stories": item["n_stories"],
    }


def geojson(store: Store, flt: EventFilter) -> dict:
    features = []
    for item in fused_events(store, flt):
        place = item["place"]
        if not place or place["lat"] is None:
            continue
        row = event_row(item)
        features.append(_point(place["lon"], place["lat"], {"kind": "event", **row}))
    offset = 0
    while True:
        page = store.places(limit=PAGE, offset=offset)
        features += [_point(p["lon"], p["lat"], {"kind": "place", **p})
                     for p in page["items"] if p["lat"] is not None]
        offset += PAGE
        if offset >= page["total"]:
            break
    return {"type": "FeatureCollection", "features": features}


def _point(lon: float, lat: float, properties: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = [("name", "string"), ("country", "string"), ("sector", "string"),
              ("n_events", "int")]
_EDGE_KEYS = [("weight", "double"), ("intensity", "double")]


def graphml(network: dict) -> bytes:
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {
                "id": f"{scope[0]}_{name}", "for": scope, "attr.name": name,
                "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"edgedefault": "directed"})
    for node in network["nodes"]:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node["id"]})
        _data(element, "n", _NODE_KEYS, node)
    for number, edge in enumerate(network["edges"]):
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", {
            "id": f"e{number}", "source": edge["source"], "target": edge["target"]})
        _data(element, "e", _EDGE_KEYS, edge)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _data(element: ET.Element, scope: str, keys: list[tuple[str, str]], values: dict) -> None:
    for name, _kind in keys:
        if values.get(name) is not None:
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data",
                          {"key": f"{scope}_{name}"}).text = str(values[name])


def _records(store: Store, flt: EventFilter) -> Iterator[dict]:
    """Analysis records: all of them, or those reporting the events that match."""
    if flt == EventFilter():
        yield from store.records()
        return
    wanted = dict.fromkeys(r["article_id"] for item in fused_events(store, flt)
                           for r in item["reports"])
    for article_id in wanted:
        yield store.analysis(article_id)


def write_export(store: Store, fmt: str, output: Path | None, flt: EventFilter) -> int:
    """Write the export; returns how many records (rows, features, nodes) it holds."""
    if fmt == "parquet":
        return _write_parquet(store, flt, output)
    if fmt == "graphml":
        network = store.network(flt)
        data = graphml(network)
        if output:
            output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return len(network["nodes"])
    with _text_output(output) as stream:
        return _WRITERS[fmt](store, flt, stream)


@contextlib.contextmanager
def _text_output(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as stream:
        yield stream


def _write_jsonl(store: Store, flt: EventFilter, stream: TextIO) -> int:
    count = 0
    for record in _records(store, flt):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(store: Store, flt: EventFilter, stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=ROW_FIELDS)
    writer.writeheader()
    count = 0
    for item in fused_events(store, flt):
        writer.writerow(event_row(item))
        count += 1
    return count


def _write_plover(store: Store, flt: EventFilter, stream: TextIO) -> int:
    count = 0
    for item in fused_events(store, flt):
        stream.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_geojson(store: Store, flt: EventFilter, stream: TextIO) -> int:
    collection = geojson(store, flt)
    json.dump(collection, stream, ensure_ascii=False)
    stream.write("\n")
    return len(collection["features"])


def _write_parquet(store: Store, flt: EventFilter, output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [event_row(item) for item in fused_events(store, flt)]
    schema = pa.schema([
        (name, pa.int64() if name.startswith("n_") or name == "id"
         else pa.float64() if name in {"lat", "lon", "intensity"} else pa.string())
        for name in ROW_FIELDS
    ])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, output)
    return len(rows)


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "plover": _write_plover,
            "geojson": _write_geojson}
