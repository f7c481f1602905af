"""The load test of benchmarks/load.py in a reduced size: `marsad serve` on 127.0.0.1 with
concurrent clients on POST /analyze and GET /events answers every request without an
error. Latencies are measured by `make bench` (BENCHMARKS.md), never asserted here."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from helpers import REPO

_spec = importlib.util.spec_from_file_location("marsad_load", REPO / "benchmarks" / "load.py")
load = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load)


@pytest.mark.slow
def test_concurrent_clients_get_no_errors():
    outcome = load.run([str(REPO / "examples")], analyze=16, events=80, clients=4, cap=240)
    results = outcome["results"]
    assert results["setup"]["store_fused_events"] > 0  # /events has something to find
    for endpoint, asked in (("POST /analyze", 16), ("GET /events", 80)):
        summary = results[endpoint]
        assert summary["errors"] == 0, summary["error_samples"]
        assert summary["requests"] == asked
    assert "| `GET /events` | 80 | 0 |" in outcome["markdown"]
