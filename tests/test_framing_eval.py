"""``marsad eval framing``: the span metric, and the ArMPro gate (needs ../shared)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from marsad.framing.evaluate import ARMPRO_DEV, Score, evaluate, read_armpro, tokenizer_only

# Measured on ArMPro_span_dev_V2 (see docs/framing.md), just below the figures reached.
GATE_ALL_F1 = 0.53  # measured 0.533
GATE_CHECK_F1 = 0.45  # measured 0.453 on the half never used for error analysis


def test_overlap_and_partial_credit():
    score = Score()
    # gold [0,10) and [20,24); predictions [5,15) (hits the first) and [30,34) (misses)
    score.add([(0, 10), (20, 24)], [(5, 15, "emotive"), (30, 34, "emotive")])
    assert score.overlap() == pytest.approx((0.5, 0.5, 0.5))
    p, r, _ = score.partial()
    assert p == pytest.approx((5 / 10) / 2)
    assert r == pytest.approx((5 / 10) / 2)
    assert score.categories_correct["emotive"] == 1


def test_a_gold_span_found_twice_counts_once():
    score = Score()
    score.add([(0, 20)], [(0, 5, "emotive"), (10, 15, "charged")])
    assert (score.correct, score.found) == (2, 1)


@pytest.fixture(scope="module")
def armpro_scores(shared):
    return evaluate(tokenizer_only(), read_armpro(shared / ARMPRO_DEV))


def test_armpro_loaded_language_gate(armpro_scores):
    assert armpro_scores["all"].gold == 710
    assert armpro_scores["all"].overlap()[2] >= GATE_ALL_F1
    assert armpro_scores["check"].overlap()[2] >= GATE_CHECK_F1


def test_eval_command_reports_and_fails_cleanly(shared, tmp_path):
    from marsad.cli import cli

    result = CliRunner().invoke(cli, ["eval", "framing", "--data", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "pass --data PATH" in result.output
    assert "Traceback" not in result.output
