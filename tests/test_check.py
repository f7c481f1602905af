"""`marsad check` reports every component, model and data file."""

from helpers import run_marsad


def test_check_reports_pipeline_models_and_data_files():
    result = run_marsad("check")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("ok   pipeline: marsad_sentencizer → marsad_language → marsad_ner")
    assert any(line.startswith("ok   marsad-ner-crf-bilstm: trained ") and "CC BY-SA 4.0" in line
               for line in lines)
    files = {line.split(":")[0].removeprefix("ok   ") for line in lines}
    assert {"text/data/clitics.yaml", "geo/data/gazetteer.json",
            "kb/data/nationalities.tsv"} <= files
    assert not [line for line in lines if line.startswith("FAIL")]
