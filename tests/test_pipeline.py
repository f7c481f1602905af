"""Building the pipeline from its config, whole or in part."""

import pytest

from marsad.pipeline import load


def test_only_keeps_the_named_components_in_pipeline_order():
    nlp = load(only=["marsad_times", "marsad_sentencizer"])
    assert nlp.pipe_names == ["marsad_sentencizer", "marsad_times"]
    doc = nlp("وصل الوفد أمس.")
    assert [s.text for s in doc.sents] == ["وصل الوفد أمس."]


def test_exclude_and_unknown_components():
    assert "marsad_framing" not in load(exclude=["marsad_framing"]).pipe_names
    with pytest.raises(ValueError, match=r"no such components \['marsad_parser'\]"):
        load(only=["marsad_parser"])
