"""Load test of the REST API: `marsad serve` on 127.0.0.1 over a temporary SQLite store,
with concurrent clients on ``POST /analyze`` and ``GET /events``.

Bounded both ways: a fixed number of requests per endpoint, and a time cap after which the
clients stop. Every request counts: a non-2xx answer or a failed connection is an error.

    .venv/bin/python benchmarks/load.py [--analyze 120 --events 600 --clients 8]

`make bench` runs it as the ``load`` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
MARSAD = Path(sys.executable).parent / "marsad"
HOST = "127.0.0.1"  # the load never leaves this machine

# The requests, cycled: articles to analyse, and /events filters as the UI sends them.
ARTICLES = [
    "قصفت طائرات مسيرة مواقع قرب سرت فجر الاثنين، وقال مصدر عسكري إن القصف استهدف مخازن "
    "للذخيرة.",
    "تظاهر آلاف المحتجين في بيروت احتجاجاً على انهيار الليرة وارتفاع الأسعار.",
    "استقبل الرئيس التركي أمير قطر في أنقرة يوم الثلاثاء لبحث الأوضاع في ليبيا.",
    "أعلن الجيش السوداني السيطرة على مواقع جديدة في الخرطوم بعد معارك عنيفة.",
    "وصل وزير الخارجية المصري إلى طرابلس لبحث وقف إطلاق النار مع حكومة الوفاق.",
    "اعتقلت قوات الأمن خمسة أشخاص في بغداد بتهمة التخطيط لهجمات، بحسب بيان رسمي.",
]
EVENT_QUERIES = [
    {}, {"type": "ASSAULT"}, {"type": "PROTEST"}, {"actor": "تركيا"}, {"place": "سرت"},
    {"date_from": "2020-01-01", "date_to": "2021-12-31"}, {"q": "وأنقرة"},
    {"lat": "31", "lon": "16.5", "km": "500"}, {"limit": "5", "offset": "5"},
]


@dataclass
class Phase:
    """One endpoint under load: what was asked, and what came back."""

    name: str
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            if error:
                self.errors.append(error)
            else:
                self.latencies.append(seconds)

    def summary(self) -> dict:
        ms = sorted(1000 * s for s in self.latencies)
        done = len(ms) + len(self.errors)
        return {
            "requests": done, "errors": len(self.errors), "error_samples": self.errors[:5],
            "p50_ms": _percentile(ms, 50), "p99_ms": _percentile(ms, 99),
            "requests_per_s": done / self.seconds if self.seconds else 0.0,
        }


def _percentile(sorted_values: list[float], p: float) -> float | None:
    if not sorted_values:
        return None
    if len(sorted_values) == 1:
        return sorted_values[0]
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[int(p) - 1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: str, timeout: float = 180.0) -> Iterator[str]:
    """`marsad serve` on a free port of 127.0.0.1, rate limit lifted; yields its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [str(MARSAD), "serve", "--db", db, "--host", HOST, "--port", str(port),
         "--rate-limit", "1000000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"marsad serve exited: {process.stderr.read().decode()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/stats", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("marsad serve did not answer in time")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def hammer(base: str, phase: Phase, requests: list[dict], clients: int, cap: float) -> None:
    """Send ``requests`` from ``clients`` threads, each with its own connection, until they
    are all answered or ``cap`` seconds have passed."""
    work: queue.SimpleQueue = queue.SimpleQueue()
    for request in requests:
        work.put(request)
    deadline = time.monotonic() + cap

    def client() -> None:
        with httpx.Client(base_url=base, timeout=max(cap, 1.0)) as http:
            while time.monotonic() < deadline:
                try:
                    request = work.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    response = http.request(**request)
                    error = None if response.is_success else \
                        f"{request['url']}: HTTP {response.status_code} {response.text[:200]}"
                except httpx.HTTPError as exc:
                    error = f"{request['url']}: {type(exc).__name__}: {exc}"
                phase.record(time.perf_counter() - started, error)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.seconds = time.perf_counter() - started


def seed_store(db: str, inputs: list[str]) -> None:
    """Fill the store with `marsad ingest`, so /events has events to find."""
    subprocess.run([str(MARSAD), "ingest", *inputs, "--db", db, "--quiet", "--workers", "1"],
                   check=True, capture_output=True, timeout=3600)


def run(inputs: list[str], analyze: int = 120, events: int = 600, clients: int = 8,
        cap: float = 120.0) -> dict:
    """Seed a temporary store from ``inputs``, serve it, and load each endpoint in turn.
    Returns {"markdown", "results"}."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "load.db")
        seed_store(db, inputs)
        with serving(db) as base:
            stats = httpx.get(f"{base}/stats", timeout=30).json()
            articles = itertools.cycle(ARTICLES)
            filters = itertools.cycle(EVENT_QUERIES)
            httpx.post(f"{base}/analyze", json={"text": ARTICLES[0]}, timeout=300)  # loads
            phases = [
                (Phase("POST /analyze"), [
                    {"method": "POST", "url": "/analyze",
                     "json": {"text": next(articles) + f" ({i})", "published": "2021-03-08"}}
                    for i in range(analyze)]),
                (Phase("GET /events"), [
                    {"method": "GET", "url": "/events", "params": next(filters)}
                    for _ in range(events)]),
            ]
            for phase, requests in phases:
                hammer(base, phase, requests, clients, cap)
    results = {phase.name: phase.summary() for phase, _ in phases}
    results["setup"] = {"clients": clients, "time_cap_s": cap, "store_articles":
                        stats["articles"], "store_fused_events": stats["fused_events"]}
    return {"markdown": markdown(results, clients, cap), "results": results}


def markdown(results: dict, clients: int, cap: float) -> str:
    setup = results["setup"]

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:,.1f}"

    rows = [f"| `{name}` | {r['requests']} | {r['errors']} | {ms(r['p50_ms'])} | "
            f"{ms(r['p99_ms'])} | {r['requests_per_s']:,.1f} |"
            for name, r in results.items() if name != "setup"]
    return "\n".join([
        f"`marsad serve` on 127.0.0.1 (one uvicorn process) over a SQLite store of "
        f"{setup['store_articles']} articles ({setup['store_fused_events']} fused events); "
        f"{clients} concurrent clients, each endpoint in turn, capped at {cap:.0f} s. "
        "`POST /analyze` runs the pipeline (one at a time: spaCy components are not "
        "thread-safe); `GET /events` varies its filters.",
        "",
        "| endpoint | requests | errors | p50 ms | p99 ms | requests/s |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO / "examples")],
                        help="what to ingest first (default: examples/)")
    parser.add_argument("--analyze", type=int, default=120, help="POST /analyze requests")
    parser.add_argument("--events", type=int, default=600, help="GET /events requests")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds per endpoint")
    options = parser.parse_args()
    outcome = run(options.inputs, options.analyze, options.events, options.clients,
                  options.cap)
    print(outcome["markdown"])


if __name__ == "__main__":
    main()
