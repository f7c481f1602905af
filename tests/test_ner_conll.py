"""The NER data formats, scoring, and the `marsad ner --conll` command contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.ner.conll import (
    TYPES,
    read_gold,
    read_token_blocks,
    read_wojood,
    repair_bio,
    spans,
    split_sentences,
)
from marsad.ner.evaluate import score

VALID_TAGS = {"O"} | {f"{p}-{t}" for p in "BI" for t in TYPES}


def test_spans_follow_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-ORG", "B-ORG", "I-MISC"]
    assert spans(tags) == [
        ("PERS", 0, 2), ("LOC", 3, 4), ("ORG", 4, 6), ("ORG", 6, 7), ("MISC", 7, 8),
    ]


def test_repair_bio_opens_dangling_inside_tags():
    assert repair_bio(["O", "I-LOC", "I-LOC", "I-ORG"]) == ["O", "B-LOC", "I-LOC", "B-ORG"]


def test_anercorp_lines_split_into_sentences_and_repaired():
    lines = ["ذهب O", "أكار B-PERS", "إلى O", " O", "طرابلس B-LOC", ". Oالتقى O",
             "باشاغا B-PERS", "؟ O", "ثم O"]
    sentences = split_sentences(lines)
    assert [s.tokens for s in sentences] == [
        ("ذهب", "أكار", "إلى", "طرابلس", "."), ("التقى", "باشاغا", "؟"), ("ثم",),
    ]
    assert sentences[1].tags == ("O", "B-PERS", "O")


def test_wojood_nested_tags_map_to_anercorp_types(tmp_path: Path):
    (tmp_path / "w.txt").write_text(
        "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\n"
        "نابلس I-OCC B-GPE\nالفلسطينيين B-NORP\n\nمجلس B-ORG\nالأمن I-ORG\n",
        encoding="utf-8",
    )
    first, second = read_wojood(tmp_path / "w.txt")
    assert first.tags == ("O", "B-ORG", "I-ORG", "O", "B-LOC", "O")
    assert second.tags == ("B-ORG", "I-ORG")


def test_gold_with_blank_lines_uses_last_column():
    lines = ["أردوغان NNP B-PERS", "في IN O", "أنقرة NNP B-LOC", "", "قطر NNP B-LOC", ""]
    sentences = read_gold(lines)
    assert [s.tags for s in sentences] == [("B-PERS", "O", "B-LOC"), ("B-LOC",)]


def test_token_blocks_take_the_first_column_and_tolerate_a_missing_final_blank():
    blocks = read_token_blocks(["وصل x y", "أكار z", "", "", "إلى", "سرت"])
    assert blocks == [["وصل", "أكار"], ["إلى", "سرت"]]


def test_score_counts_exact_spans_only():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    scores = score(gold, predicted)
    assert (scores["PERS"].correct, scores["PERS"].predicted, scores["PERS"].gold) == (0, 1, 1)
    assert scores["LOC"].f1 == 1.0
    assert scores["micro"].precision == pytest.approx(2 / 3)
    assert scores["micro"].recall == pytest.approx(2 / 3)


def _run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _parse_output(text: str) -> list[list[tuple[str, str]]]:
    assert text.endswith("\n\n"), "every sentence, the last included, ends with a blank line"
    blocks = text[:-1].split("\n\n")
    return [[tuple(line.split("\t")) for line in block.splitlines()] for block in blocks]


def test_conll_command_keeps_tokens_and_sentences(tmp_path: Path):
    sentences = [
        ["وقال", "وزير", "الدفاع", "التركي", "خلوصي", "أكار", "إن", "أنقرة", "تدعم",
         "حكومة", "الوفاق", "في", "طرابلس", "."],
        ["واستقبل", "الرئيس", "عبد", "الفتاح", "السيسي", "وفدا", "من", "قطر", "."],
    ]
    path = tmp_path / "in.conll"
    path.write_text("\n\n".join("\n".join(s) for s in sentences) + "\n\n", encoding="utf-8")
    result = _run(["ner", "--conll", str(path)])
    assert result.exit_code == 0
    output = _parse_output(result.stdout)
    assert [[token for token, _ in block] for block in output] == sentences
    tags = {token: tag for block in output for token, tag in block}
    assert set(tags.values()) <= VALID_TAGS
    assert (tags["خلوصي"], tags["أكار"]) == ("B-PERS", "I-PERS")
    assert tags["طرابلس"] == "B-LOC"
    assert tags["وزير"] == "O"


def test_conll_command_ignores_extra_columns_and_missing_final_blank(tmp_path: Path):
    path = tmp_path / "in.conll"
    path.write_text(
        "زار NN O\nأردوغان NNP B-PERS\nالدوحة NNP B-LOC\n\n\nوعاد VB O\nإلى IN O\nأنقرة NNP B-LOC",
        encoding="utf-8",
    )
    result = _run(["ner", "--conll", str(path)])
    assert result.exit_code == 0
    output = _parse_output(result.stdout)
    assert [[token for token, _ in block] for block in output] == [
        ["زار", "أردوغان", "الدوحة"], ["وعاد", "إلى", "أنقرة"],
    ]
    assert all(len(line) == 2 and line[1] in VALID_TAGS for block in output for line in block)


def test_conll_command_reports_an_unreadable_file_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(cli, ["ner", "--conll", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "marsad: error: cannot read" in result.stderr


def test_eval_command_scores_a_gold_file(tmp_path: Path):
    import json

    gold = tmp_path / "gold.txt"
    gold.write_text(
        "زار O\nأردوغان B-PERS\nالقاهرة B-LOC\n.\tO\n\nوالتقى O\nوزير O\nخارجية O\n"
        "مصر B-LOC\nسامح B-PERS\nشكري I-PERS\n. O\n",
        encoding="utf-8",
    )
    result = _run(["eval", "ner", "--gold", str(gold), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["micro"]["support"] == 4
    assert (scores["PERS"]["support"], scores["LOC"]["support"]) == (2, 2)
    assert 0.0 <= scores["micro"]["f1"] <= 1.0
