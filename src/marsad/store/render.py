"""Terminal tables for ``marsad query`` and ``marsad search``."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table


def _events(result: dict) -> Table:
    table = Table("id", "dates", "type", "actor → recipient", "place", "reports",
                  "articles", "outlets", "stories")
    for e in result["items"]:
        dates = e["date_first"] or "—"
        if e["date_last"] and e["date_last"] != e["date_first"]:
            dates += f" … {e['date_last']}"
        who = f"{'، '.join(e['actors']) or '—'} → {'، '.join(e['recipients']) or '—'}"
        place = (e["place"] or {}).get("name") or "—"
        kind = e["type"] + (f"/{e['mode']}" if e["mode"] else "")
        if e["polarity"] != "asserted":
            kind += f" ({e['polarity']})"
        table.add_row(str(e["id"]), dates, kind, who, place, str(e["n_reports"]),
                      str(e["n_articles"]), str(e["n_outlets"]), str(e["n_stories"]))
    return table


def _articles(result: dict) -> Table:
    scored = any("score" in a for a in result["items"])  # semantic search
    table = Table("id", "published", "source", "title", "story", "events",
                  *(["score"] if scored else []))
    for a in result["items"]:
        title = a["title"] or (a.get("snippet") or {}).get("text", "")[:60]
        table.add_row(a["id"], a["published"] or "—", a["source"] or "—", title,
                      str(a["story_size"]), str(a["n_events"]),
                      *([f"{a['score']:.3f}"] if scored else []))
    return table


def _actors(result: dict) -> Table:
    table = Table("id", "name", "country", "sector", "events", "articles")
    for a in result["items"]:
        table.add_row(a["id"], a["name"], a["country"] or "—", a["sector"] or "—",
                      str(a["n_events"]), str(a["n_articles"]))
    return table


def _places(result: dict) -> Table:
    table = Table("id", "name", "country", "lat", "lon", "events", "articles")
    for p in result["items"]:
        coords = [f"{v:.3f}" if v is not None else "—" for v in (p["lat"], p["lon"])]
        table.add_row(p["id"], p["name"], p["country"] or "—", *coords, str(p["n_events"]),
                      str(p["n_articles"]))
    return table


_TABLES = {"events": _events, "articles": _articles, "actors": _actors, "places": _places}


def render_result(what: str, result: dict, seconds: float) -> None:
    console = Console()
    if what not in _TABLES:
        console.print_json(json.dumps(result, ensure_ascii=False))
        return
    console.print(_TABLES[what](result))
    console.print(f"{len(result['items'])} of {result['total']} ({seconds * 1000:.0f} ms)",
                  style="dim")
