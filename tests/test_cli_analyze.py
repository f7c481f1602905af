"""`marsad analyze`: the command contract, every input kind, and every bad-input error."""

import json

import pytest

from helpers import REPO, assert_valid_record, run_marsad

SEED_DATE = "2020-07-06"


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]


def stderr(result) -> str:
    return result.stderr.decode()


@pytest.mark.shared
def test_seed_article_json_record_with_exact_offsets(seed_path):
    result = run_marsad("analyze", seed_path, "--date", SEED_DATE, "--format", "json")
    assert result.returncode == 0, stderr(result)
    record = json.loads(result.stdout)
    assert_valid_record(record)
    article = record["article"]
    text = article["text"]
    assert text == seed_path.read_text(encoding="utf-8")
    assert article["published"] == SEED_DATE and article["published_source"] == "option"
    assert article["title"] == "وزير داخلية الوفاق في أنقرة لاستلام المخطط التركي القطري لسرت"
    assert article["language"] == "ar"
    for sentence in record["sentences"]:
        tokens = sentence["tokens"]
        assert sentence["start"] == tokens[0]["start"] and sentence["end"] == tokens[-1]["end"]
        for token in tokens:
            assert text[token["start"] : token["end"]] == token["text"]
    # spot checks that offsets land on the words a reader sees
    flat = [t for s in record["sentences"] for t in s["tokens"]]
    ankara = next(t for t in flat if t["text"] == "وأنقرة" or t["text"] == "أنقرة")
    assert text[ankara["start"] : ankara["end"]] in {"أنقرة", "وأنقرة"}
    misrata = next(t for t in flat if t["text"] == "مصراتة")
    assert (misrata["norm"], misrata["stem"]) == ("مصراته", "مصراته")
    jufra = next(t for t in flat if t["text"] == "والجفرة")
    assert (jufra["prefix"], jufra["stem"]) == ("وال", "جفره")
    assert len(record["sentences"]) == 30


def test_examples_as_jsonl_in_input_order(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_marsad("analyze", "examples", "--format", "jsonl", "--output", out)
    assert result.returncode == 0, stderr(result)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in lines:
        assert_valid_record(record)
    titles = [r["article"]["title"] for r in lines]
    assert titles == [
        "وزير الخارجية المصري يزور طرابلس لبحث وقف إطلاق النار",
        "غارات جوية على صنعاء وجماعة الحوثي تتوعد بالرد",
        "محتجون يغلقون طرقا في بيروت احتجاجا على انهيار الليرة",
        "أردوغان يستقبل أمير قطر في أنقرة",
        "الجيش السوداني يعلن السيطرة على مواقع في الخرطوم",
    ]
    by_title = {r["article"]["title"]: r["article"] for r in lines}
    tripoli = by_title[titles[0]]
    assert (tripoli["published"], tripoli["published_source"]) == ("2021-03-14", "dateline")
    assert by_title[titles[1]]["published"] == "2020-02-06"  # numeric dateline, day first
    beirut = by_title[titles[2]]  # HTML: metadata date, never the copyright footer's 2024
    assert (beirut["published"], beirut["published_source"]) == ("2021-03-08", "metadata")
    assert beirut["source"] == "مرصد الأخبار"
    wire = by_title[titles[3]]
    assert wire["url"] == "https://example.org/news/2020/11/24/erdogan-tamim"
    assert wire["metadata"] == {"section": "سياسة"}
    assert by_title[titles[4]]["published"] == "2023-05-13"  # "date" field, "content" text


def test_table_format_is_readable():
    result = run_marsad("analyze", "examples/02_sanaa_strike.txt", "--format", "table")
    assert result.returncode == 0, stderr(result)
    out = result.stdout.decode()
    assert "غارات جوية على صنعاء" in out and "published 2020-02-06 (dateline)" in out


def test_standard_input_and_lines():
    text = "وصل الوزير إلى أنقرة.\n\nغادر الوفد القاهرة.\n".encode()
    result = run_marsad("analyze", "-", "--lines", "--date", SEED_DATE, stdin=text)
    assert result.returncode == 0, stderr(result)
    got = records(result)
    assert [r["article"]["text"] for r in got] == ["وصل الوزير إلى أنقرة.", "غادر الوفد القاهرة."]
    assert all(r["article"]["published"] == SEED_DATE for r in got)


def test_html_without_metadata_takes_no_date_from_the_footer(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>خبر</title></head><body><article><h1>خبر</h1>"
        "<p>وصل وزير الخارجية إلى بغداد في زيارة رسمية تستمر يومين لبحث العلاقات الثنائية "
        "والتعاون الاقتصادي بين البلدين، وفق ما أعلنت الوزارة في بيان.</p>"
        "<p>والتقى الوزير نظيره العراقي وبحثا ملفات المياه والطاقة والحدود المشتركة.</p>"
        "</article><footer>© 2019 جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    result = run_marsad("analyze", page)
    assert result.returncode == 0, stderr(result)
    (record,) = records(result)
    assert record["article"]["published"] is None
    assert any("no publication date" in w for w in record["warnings"])


# Bad input: one line on stderr naming the file and the problem, never a traceback.
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: empty input: nothing to analyse"),
        ("blank.txt", b"  \n\t\n", "blank.txt: empty input: nothing to analyse"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
         "image.txt: binary file, not text (expected UTF-8 text, HTML or JSONL)"),
        ("latin1.txt", "وصل الوزير".encode() + b" caf\xe9",
         "latin1.txt: invalid UTF-8 at byte 23; re-encode the file as UTF-8 or pass "
         "--errors replace"),
        ("cut.txt", "وصل الوزير".encode()[:-1],
         "cut.txt: invalid UTF-8 at byte 17; re-encode the file as UTF-8 or pass --errors replace"),
    ],
)
def test_unreadable_input_is_one_line_with_exit_2(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    result = run_marsad("analyze", name, cwd=tmp_path)
    assert result.returncode == 2
    assert stderr(result) == f"marsad: error: {message}\n"
    assert result.stdout == b""


def test_errors_replace_goes_on(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("وصل الوزير إلى بغداد".encode() + b" caf\xe9")
    result = run_marsad("analyze", "latin1.txt", "--errors", "replace", cwd=tmp_path)
    assert result.returncode == 0, stderr(result)
    assert records(result)[0]["article"]["text"].endswith("caf\ufffd")


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u16.txt").write_bytes("وصل الوزير إلى بغداد.".encode("utf-16"))
    result = run_marsad("analyze", "u16.txt", cwd=tmp_path)
    assert result.returncode == 0, stderr(result)
    assert records(result)[0]["article"]["text"] == "وصل الوزير إلى بغداد."


def test_non_arabic_text_is_analysed_with_a_warning(tmp_path):
    (tmp_path / "en.txt").write_text("The minister arrived in Ankara on Monday.", encoding="utf-8")
    result = run_marsad("analyze", "en.txt", "--date", SEED_DATE, cwd=tmp_path)
    assert result.returncode == 0
    assert records(result)[0]["article"]["language"] == "en"
    assert stderr(result) == (
        "marsad: warning: en.txt: text is not Arabic (detected 'en'); analysis may be empty\n"
    )


def test_size_limit(tmp_path):
    (tmp_path / "long.txt").write_text("كلمة " * 100, encoding="utf-8")
    result = run_marsad("analyze", "long.txt", "--max-chars", "300", cwd=tmp_path)
    assert result.returncode == 2
    assert stderr(result) == (
        "marsad: error: long.txt: too large: 500 characters over the limit of 300 "
        "(raise it with --max-chars)\n"
    )
    # far over the limit: refused from its size, without reading it
    result = run_marsad("analyze", "long.txt", "--max-chars", "50", cwd=tmp_path)
    assert stderr(result) == (
        "marsad: error: long.txt: too large: 900 bytes, over the limit of 50 characters "
        "(raise it with --max-chars)\n"
    )


def test_missing_file_and_bad_option():
    missing = run_marsad("analyze", "no/such.txt")
    assert (missing.returncode, stderr(missing)) == (
        2, "marsad: error: no/such.txt: no such file or directory\n")
    bad_date = run_marsad("analyze", "examples", "--date", "6/7/2020")
    assert bad_date.returncode == 2
    assert "'6/7/2020' is not a date in YYYY-MM-DD form" in stderr(bad_date)
    assert "Traceback" not in stderr(bad_date)


def test_a_bad_document_in_a_batch_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("وصل الوزير إلى بغداد.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text(
        '{"text": "غادر الوفد القاهرة.", "published": "2020-07-06"}\n'
        "{not json}\n"
        '{"title": "بلا نص"}\n'
        '{"text": 42}\n'
        '{"text": "وصل الوفد.", "published": "أمس"}\n'
        '{"content": "اجتمع المجلس.", "date": "2020-07-05T10:00:00Z", "url": "https://x.test/1"}\n',
        encoding="utf-8",
    )
    result = run_marsad("analyze", tmp_path)
    assert result.returncode == 2
    got = records(result)
    assert [r["article"]["text"] for r in got] == [
        "وصل الوزير إلى بغداد.", "غادر الوفد القاهرة.", "اجتمع المجلس."]
    assert got[2]["article"]["published"] == "2020-07-05"
    d = str(tmp_path)
    assert stderr(result).splitlines() == [
        f"marsad: error: {d}/b.txt: empty input: nothing to analyse",
        f"marsad: error: {d}/c.jsonl:2: invalid JSON (Expecting property name enclosed in "
        "double quotes at column 2)",
        f"marsad: error: {d}/c.jsonl:3: no 'text' or 'content' field",
        f"marsad: error: {d}/c.jsonl:4: field 'text' must be a string, not a number",
        f"marsad: error: {d}/c.jsonl:5: date 'أمس' is not YYYY-MM-DD (ISO 8601)",
    ]


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    result = run_marsad("analyze", tmp_path)
    assert result.returncode == 2
    assert stderr(result) == (
        f"marsad: error: {tmp_path}: directory holds no .txt, .html or .jsonl files\n")


def test_url_on_loopback_is_refused():
    result = run_marsad("analyze", "http://127.0.0.1:9/article")
    assert result.returncode == 2
    assert stderr(result) == (
        "marsad: error: http://127.0.0.1:9/article: refusing to fetch from non-public address "
        "127.0.0.1 (pass --allow-private to fetch from your own network)\n"
    )


def test_repo_examples_exist():
    assert sorted(p.name for p in (REPO / "examples").iterdir() if p.suffix != ".md") == [
        "01_tripoli_talks.txt", "02_sanaa_strike.txt", "03_beirut_protest.html", "04_wire.jsonl"]
