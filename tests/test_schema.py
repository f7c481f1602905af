"""The published JSON Schema is the one the code produces, and records conform to it."""

import json

import marsad
from helpers import REPO, assert_valid_record
from marsad.analysis import json_schema


def test_published_schema_matches_the_models():
    published = json.loads((REPO / "schemas" / "analysis-1.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "schemas/analysis-1.json is stale: run `make docs`"


def test_record_has_every_contract_field_and_validates():
    record = marsad.analyze("وصل الوفد إلى القاهرة اليوم.", published="2020-07-06").to_dict()
    assert_valid_record(record)
    assert record["schema"] == "marsad.analysis/1"
    assert set(record) >= {"article", "entities", "places", "times", "events",
                           "attributions", "framing"}
    assert set(record["article"]) >= {"id", "title", "published", "published_source", "source",
                                      "url", "language", "text_sha256"}
    assert set(record["framing"]) == {"loaded_terms", "actor_labels", "scores"}


def test_schema_rejects_a_record_with_a_renamed_field():
    record = marsad.analyze("وصل الوفد إلى القاهرة.").to_dict()
    record["article"]["publish_date"] = record["article"].pop("published")
    try:
        assert_valid_record(record)
    except AssertionError:
        return
    raise AssertionError("a record with a renamed field passed validation")


def test_cli_reference_is_generated_from_the_code():
    from marsad.clidocs import reference

    committed = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == reference(), "docs/cli.md is stale: run `make docs`"
