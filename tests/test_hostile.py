"""The hostile corpus (tests/data/hostile/generate.py) through the readers, `marsad analyze`,
`marsad ingest` and `POST /analyze`: each input is refused with its one-line error or
analysed correctly, never a traceback, and the other inputs of a batch go on."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
import tracemalloc
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from helpers import REPO, assert_valid_record, run_marsad
from marsad.api import create_app
from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.record import article_id

_spec = importlib.util.spec_from_file_location(
    "hostile_generate", REPO / "tests" / "data" / "hostile" / "generate.py")
hostile = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)
CASES = {case.name: case for case in hostile.CASES}
IN_ORDER = sorted(CASES)  # the order in which a directory is read


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    hostile.write_corpus(folder)
    return folder


def _read(path):
    items = list(read_inputs([str(path)], ReadOptions()))
    return ([i.problem for i in items if isinstance(i, InputError)],
            [i for i in items if not isinstance(i, InputError)])


@pytest.mark.parametrize("name", IN_ORDER)
def test_each_input_is_read_or_refused_as_specified(corpus, name):
    case = CASES[name]
    problems, documents = _read(corpus / name)
    assert tuple(problems) == case.errors
    assert len(documents) == case.records
    if case.text is not None:
        assert documents[-1].text == case.text


def test_the_50mb_inputs_are_refused_without_being_held_in_memory(corpus):
    tracemalloc.start()
    try:
        for name in ("huge-50mb.txt", "huge-line-50mb.jsonl"):
            problems, _ = _read(corpus / name)
            assert problems and "over the limit" in problems[0]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 25 * 2**20  # reads of at most the 8 MB line limit, never the 50 MB


def _errors_by_problem(stderr: str, folder) -> Counter:
    """The problems of the error lines; each line is `marsad: error: PATH[:LINE]: PROBLEM`."""
    found = Counter()
    for line in stderr.splitlines():
        if line.startswith("marsad: error: "):
            where, problem = line.removeprefix(f"marsad: error: {folder}/").split(": ", 1)
            assert where.split(":")[0] in CASES, line
            found[problem] += 1
    return found


def _walk_offsets(record: dict) -> int:
    """Check that every {start, end, text} in the record is the slice of the article text
    it claims to be; returns how many were checked."""
    text = record["article"]["text"]
    checked = 0
    stack = [v for k, v in record.items() if k != "article"]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if {"start", "end", "text"} <= item.keys() and isinstance(item["start"], int):
                assert text[item["start"] : item["end"]] == item["text"], item
                checked += 1
            stack.extend(item.values())
    return checked


@pytest.mark.slow
def test_the_cli_refuses_each_bad_input_in_one_line_and_analyses_the_rest(corpus):
    result = run_marsad("analyze", corpus, "--format", "jsonl")
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr[-2000:]
    assert "Traceback" not in stderr
    assert all(line.startswith(("marsad: error: ", "marsad: warning: "))
               for line in stderr.splitlines()), stderr
    expected = Counter(problem for name in IN_ORDER for problem in CASES[name].errors)
    assert _errors_by_problem(stderr, corpus) == expected
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    cases = [CASES[name] for name in IN_ORDER for _ in range(CASES[name].records)]
    assert len(records) == len(cases)
    for case, record in zip(cases, records, strict=True):
        assert_valid_record(record)
        _walk_offsets(record)
        if case.text is not None and case.records == 1:
            assert record["article"]["text"] == case.text, case.name
        if case.language:
            assert record["article"]["language"] == case.language, case.name
    by_name = dict(zip([c.name for c in cases], records, strict=False))
    crowded = by_name["crowded.txt"]
    assert len(crowded["places"]) >= 9 and len(crowded["entities"]) >= 5
    page = by_name["hostile.html"]["article"]
    assert hostile.PAYLOADS[0] in page["text"] and hostile.PAYLOADS[0] in page["title"]


@pytest.mark.slow
def test_ingest_stores_every_readable_article_once_and_reports_the_rest(corpus, tmp_path):
    db = tmp_path / "hostile.db"
    result = run_marsad("ingest", corpus, "--db", db, "--workers", "1", "--quiet")
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr, stderr[-2000:]
    expected = Counter(problem for name in IN_ORDER for problem in CASES[name].errors)
    assert _errors_by_problem(stderr, corpus) == expected
    ids = {article_id(d) for name in IN_ORDER for d in _read(corpus / name)[1]}
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("SELECT id FROM articles")}
    assert stored == ids


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    app = create_app(str(tmp_path_factory.mktemp("api") / "api.db"), rate_per_minute=100_000)
    with TestClient(app) as client:
        yield client


@pytest.mark.slow
@pytest.mark.parametrize("name", IN_ORDER)
def test_post_analyze_answers_every_hostile_input_without_a_500(api, corpus, name):
    """Each file as the API receives it: decoded text (or HTML), or refused."""
    case = CASES[name]
    data = (corpus / name).read_bytes()
    if len(data) > 4 * 2**20 or name.endswith((".jsonl", ".gz")):
        body = {"text": data[: 3 * 2**20].decode("utf-8", "replace")}  # over 2 MB: 413
    else:
        try:
            text = data.decode("utf-16" if "utf16" in name else "utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", "replace")
        body = {"html": text} if name.endswith(".html") else {"text": text}
    response = api.post("/analyze", json=body)
    assert response.status_code in (200, 413, 422), response.text[:500]
    if response.status_code == 200:
        record = response.json()
        assert_valid_record(record)
        _walk_offsets(record)
    else:
        assert isinstance(response.json()["detail"], str | list)
    if case.records and case.text and name.endswith(".txt"):
        assert response.status_code == 200


@pytest.mark.parametrize(("body", "status"), [
    (b'{"text": "\\ud800 \xd9\x88"}', 422),  # an unpaired surrogate
    (b'{"text": "\\u0000"}', 422),  # NUL
    (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 400),  # nested too deeply
    (b'{"text": ' + b"9" * 5000 + b"}", 400),  # a number too long to read
    (b"[1, 2]", 422), (b"null", 422), (b"{not json", 422), (b"", 422),
    (b'{"text": "   \\n "}', 422),  # nothing to analyse
    (b'{"html": "<div><div></div></div>"}', 422),  # no article text
    (b'{"html": "' + b"<div>" * 5000 + b'</div>"}', 422),  # nested too deeply to read
    (b'{"text": "\xd9\x88", "published": "2020-13-45"}', 422),
])
def test_post_analyze_refuses_malformed_bodies_cleanly(api, body, status):
    response = api.post("/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text[:300]
