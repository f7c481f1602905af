"""The shipped NER model: the pipeline component on Arabic news sentences, its card, and
an evaluation gate on the ANERcorp dev split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.components  # noqa: F401  (registers the factories)
from marsad.ner.model import CARD, CRF_SHARE, METADATA, shipped_dir, shipped_model
from marsad.pipeline import load

# Micro F1 of the shipped model on the dev split, as `marsad eval ner` prints it.
DEV_MICRO_F1 = 0.8160


@pytest.fixture(scope="module")
def ner_nlp():
    return load(only=["marsad_sentencizer", "marsad_ner"])


def _entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_person_after_title_and_nationality(ner_nlp):
    found = _entities(ner_nlp, "وقال وزير الدفاع التركي خلوصي أكار إن بلاده لن تنسحب.")
    assert ("خلوصي أكار", "PERSON") in found
    assert not any("وزير" in text for text, _ in found)


def test_organisation_with_nisba(ner_nlp):
    found = _entities(ner_nlp, "أعلنت وزارة الدفاع التركية أمس إرسال سفن حربية جديدة.")
    assert ("وزارة الدفاع التركية", "ORG") in found


def test_place_with_clitics_keeps_its_surface(ner_nlp):
    doc = ner_nlp("وصل الوفد إلى طرابلس وأنقرة بعد محادثات في القاهرة.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert {("وأنقرة", "LOC"), ("طرابلس", "LOC"), ("القاهرة", "LOC")} <= found


def test_foreign_surnames_are_found_through_the_name_lists(ner_nlp):
    # the model trained before the hand-written name lists missed «لافروف» and «نتنياهو»
    found = _entities(ner_nlp, "والتقى شتاينماير بنظيره لافروف في موسكو.")
    assert {("شتاينماير", "PERSON"), ("لافروف", "PERSON"), ("موسكو", "LOC")} <= found
    found = _entities(ner_nlp, "وقالت صحيفة معاريف إن نتنياهو سيزور واشنطن.")
    assert {("معاريف", "ORG"), ("نتنياهو", "PERSON")} <= found


def test_entities_stay_inside_sentences(ner_nlp):
    doc = ner_nlp("التقى أردوغان بالسراج.\nوقال السيسي إن مصر لن تقف مكتوفة الأيدي.")
    assert doc.ents
    for ent in doc.ents:
        assert ent.sent == ent[0].sent == ent[-1].sent
        assert not any(token.is_space for token in ent)


def test_a_name_found_once_is_tagged_at_its_repeats_in_the_story(ner_nlp):
    # «كاتربيلر» (Caterpillar) is in no name list: only «شركة» tells the CRF what it is
    doc = ner_nlp("أعلنت شركة كاتربيلر عن أرباحها.\nوارتفعت أسهم كاتربيلر أمس.")
    assert [e.label_ for e in doc.ents if e.text == "كاتربيلر"] == ["ORG", "ORG"]
    alone = ner_nlp("وارتفعت أسهم كاتربيلر أمس.")  # the CRF alone misses it
    assert "كاتربيلر" not in {e.text for e in alone.ents}


def test_component_is_in_the_pipeline_after_language(nlp):
    names = nlp.pipe_names
    assert names.index("marsad_ner") == names.index("marsad_language") + 1
    doc = nlp("استقبل الرئيس عبد الفتاح السيسي في القاهرة وفدا ليبيا.")
    assert any(e.label_ == "PERSON" and "السيسي" in e.text for e in doc.ents)


def test_model_card_names_licence_data_and_scores():
    card = shipped_dir().joinpath(CARD).read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in card
    assert "ANERcorp" in card and "SaudiNewsNet" in card and "CC BY-NC-SA" in card
    metadata = json.loads(shipped_dir().joinpath(METADATA).read_text(encoding="utf-8"))
    assert metadata["licence"] == "CC BY-SA 4.0"
    assert metadata["dev"]["micro"]["f1"] == pytest.approx(DEV_MICRO_F1, abs=1e-4)
    assert f"{DEV_MICRO_F1:.4f}" in card


@pytest.mark.shared
@pytest.mark.slow
def test_eval_gate_on_the_dev_split(shared: Path):
    from marsad.ner.train import anercorp_splits, evaluate

    dev = anercorp_splits(shared)[1]
    scores = evaluate(shipped_model(), dev)
    assert scores["micro"].f1 >= DEV_MICRO_F1 - 0.005, scores["micro"].to_dict()
    crf = evaluate(shipped_model().crf_only(), dev)  # the BiLSTM earns its place
    assert scores["micro"].f1 >= crf["micro"].f1 + 0.005, (scores["micro"], crf["micro"])


def test_shipped_model_averages_a_bilstm_checked_against_pytorch():
    model = shipped_model()
    assert model.bilstm is not None
    metadata = json.loads(shipped_dir().joinpath(METADATA).read_text(encoding="utf-8"))
    assert metadata["bilstm"]["numpy_vs_torch_max_difference"] <= 1e-4
    assert sorted(model.bilstm.labels) == sorted(model.decoder.weights.labels)


def test_ensemble_tags_are_valid_bio_and_differ_from_the_crf_alone_only_by_averaging():
    """Each sentence's tags are the best valid BIO path under the averaged probabilities;
    a model folder without its BiLSTM tags with the CRF alone."""
    import numpy as np

    from marsad.ner.conll import spans
    from marsad.ner.decoder import bio_viterbi, forward_backward

    model = shipped_model()
    sentences = [_tokens(text) for text in (
        "وقال وزير الخارجية المصري سامح شكري في القاهرة إن الاتفاق سيوقع الأسبوع المقبل .",
        "أكد الأمين العام لجامعة الدول العربية أحمد أبو الغيط خلال لقائه في جنيف المبعوث "
        "الأممي إلى ليبيا غسان سلامة دعم الجامعة لجهود الأمم المتحدة .",
        "الرياض",
    )]
    tags = model.sentence_tags(sentences)
    for sentence_tags in tags:
        rebuilt = ["O"] * len(sentence_tags)
        for kind, start, end in spans(sentence_tags):
            rebuilt[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        assert rebuilt == sentence_tags  # no I- without its B-
    lengths = np.array([len(s) for s in sentences])
    weights = model.decoder.weights
    crf = forward_backward(model.decoder.emissions(sentences, lengths), lengths,
                           weights.transitions)
    network = model.bilstm.probabilities(sentences)
    network = network[:, [model.bilstm.labels.index(label) for label in weights.labels]]
    path = bio_viterbi(CRF_SHARE * crf + (1 - CRF_SHARE) * network, lengths, weights.labels)
    assert [t for s in tags for t in s] == [weights.labels[i] for i in path]
    assert "B-PERS" in tags[0] and "B-LOC" in tags[0]
    assert model.crf_only().sentence_tags(sentences) == model.crf_tags(sentences)


def test_a_model_folder_without_its_bilstm_tags_with_the_crf_alone(tmp_path: Path):
    import shutil

    from marsad.ner.model import BILSTM, NerModel

    shutil.copytree(Path(str(shipped_dir())), tmp_path / "model")
    (tmp_path / "model" / BILSTM).unlink()
    crf_only = NerModel.load(tmp_path / "model")
    assert crf_only.bilstm is None
    sentence = _tokens("التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سوتشي .")
    assert crf_only.sentence_tags([sentence]) == shipped_model().crf_tags([sentence])


def test_numpy_decoder_tags_as_crfsuite_does():
    """Tagging sums each word form's weights once and runs Viterbi in NumPy; the tags
    must be CRFsuite's own, sentence for sentence, whatever the sentence lengths."""
    import pycrfsuite

    model = shipped_model()
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(shipped_dir() / "ner.crfsuite"))
    texts = [
        "وقال وزير الخارجية المصري سامح شكري في القاهرة إن الاتفاق سيوقع الأسبوع المقبل .",
        "ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله إن المملكة ترحب بالمبادرة .",
        "الرياض",
        "",
        "أكد الأمين العام لجامعة الدول العربية أحمد أبو الغيط خلال لقائه في جنيف المبعوث "
        "الأممي إلى ليبيا غسان سلامة دعم الجامعة لجهود الأمم المتحدة ومجلس الأمن الدولي "
        "في طرابلس وبنغازي ومصراتة وسرت والجفرة من أجل وقف إطلاق النار .",
        "ترامب : بوتين وأردوغان وماكرون !",
    ]
    sentences = [text.split(" ") if text else [] for text in texts]
    expected = [crfsuite.tag(model.featurizer.sentence(s)) if s else [] for s in sentences]
    assert model.crf_tags(sentences) == expected
    assert any(tag != "O" for tags in expected for tag in tags)
    for tokens, tags in zip(sentences, expected, strict=True):  # and one sentence at a time
        assert model.crf_tags([tokens]) == [tags]


def test_exported_weights_read_back_exactly(tmp_path: Path):
    from marsad.ner.decoder import CrfWeights
    from marsad.ner.model import EXPORTED_WEIGHTS, WEIGHTS

    exported = CrfWeights.read((shipped_dir() / EXPORTED_WEIGHTS).read_text(encoding="utf-8"))
    direct = CrfWeights.from_crfsuite(shipped_dir() / WEIGHTS)
    assert exported.labels == direct.labels
    assert exported.attributes.keys() == direct.attributes.keys()
    assert all((exported.matrix[exported.attributes[a]] == direct.matrix[row]).all()
               for a, row in direct.attributes.items())
    assert (exported.transitions == direct.transitions).all()


def _tokens(text: str) -> list[str]:
    return text.split(" ")


def test_marginals_sum_over_every_tag_sequence():
    """Each token's label probabilities are the CRF's sums over all tag sequences: exactly
    those of enumerating every sequence of a short sentence, CRFsuite's own (to its
    rounding) on long ones, and rows of probabilities even for one-word sentences."""
    import itertools

    import numpy as np
    import pycrfsuite

    model = shipped_model()
    decoder = model.decoder
    short = _tokens("قال سامح شكري")
    scores = decoder.emissions([short], np.array([len(short)]))
    transitions = decoder.weights.transitions
    n_labels = len(decoder.weights.labels)
    paths = list(itertools.product(range(n_labels), repeat=len(short)))
    weights = np.array([sum(scores[t, label] for t, label in enumerate(path))
                        + sum(transitions[a, b] for a, b in itertools.pairwise(path))
                        for path in paths])
    weights = np.exp(weights - weights.max())
    expected = np.zeros((len(short), n_labels))
    for path, weight in zip(paths, weights, strict=True):
        expected[range(len(short)), path] += weight
    expected /= weights.sum()
    long = _tokens("أكد الأمين العام لجامعة الدول العربية أحمد أبو الغيط خلال لقائه في جنيف "
                   "المبعوث الأممي إلى ليبيا غسان سلامة دعم الجامعة لجهود الأمم المتحدة .")
    marginals = decoder.marginals([short, [], long, ["الرياض"]])  # not longest first
    assert np.abs(marginals[0] - expected).max() < 1e-12
    assert marginals[1].shape == (0, n_labels)
    assert np.allclose(marginals[3].sum(axis=1), 1)
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(shipped_dir() / "ner.crfsuite"))
    crfsuite.set(model.featurizer.sentence(long))
    theirs = np.array([[crfsuite.marginal(label, t) for label in decoder.weights.labels]
                       for t in range(len(long))])
    assert np.abs(marginals[2] - theirs).max() < 1e-6
    best = [decoder.weights.labels[i] for i in marginals[2].argmax(axis=1)]
    assert "B-PERS" in best and "B-LOC" in best


def test_the_pipeline_component_can_run_the_crf_alone():
    import spacy

    nlp = spacy.blank("ar")
    crf_only = nlp.add_pipe("marsad_ner", config={"bilstm": False})
    assert crf_only.model.bilstm is None
    assert nlp.add_pipe("marsad_ner", name="ensemble").model.bilstm is not None


def test_train_ner_says_which_taggers_wojood_may_train(tmp_path: Path):
    from click.testing import CliRunner

    from marsad.cli import cli
    from marsad.ner.train import train

    result = CliRunner().invoke(cli, ["train", "ner", "--wojood", "crf-only"])
    assert result.exit_code == 2 and "'bilstm', 'all', 'none'" in result.output
    with pytest.raises(ValueError, match="wojood must be one of"):
        train(tmp_path, tmp_path / "model", wojood="yes", bilstm=False)
    assert not (tmp_path / "model").exists()  # refused before anything was written


def test_context_model_is_reused_only_with_the_vectors_it_was_trained_on(
    tmp_path: Path, monkeypatch
):
    """`--reuse-clusters` keeps context.npz when its record names the folder's word vectors
    (by hash) and the current settings; else it is trained again, which needs PyTorch."""
    import hashlib

    import numpy as np

    from marsad.ner import bilstm_train
    from marsad.ner.bilstm import CONTEXT_PARAMETERS, read_context, write_context, write_vectors
    from marsad.ner.bilstm_train import CONTEXT_SETTINGS
    from marsad.ner.clusters import TrainingDependencyMissing
    from marsad.ner.model import CONTEXT, VECTORS
    from marsad.ner.train import prepare_context, train

    reuse, folder = tmp_path / "reuse", tmp_path / "model"
    reuse.mkdir()
    folder.mkdir()
    write_vectors(["غزة"], np.ones((1, 4), dtype=np.float32), folder / VECTORS)
    vectors = (folder / VECTORS).read_bytes()
    parameters = {name: np.ones(3, dtype=np.float32) for name in CONTEXT_PARAMETERS}
    record = {**CONTEXT_SETTINGS, "seconds": 1.0,
              "vectors_sha256": hashlib.sha256(vectors).hexdigest()}
    write_context(parameters, record, reuse / CONTEXT)
    messages: list[str] = []
    assert prepare_context(tmp_path, folder, reuse, messages.append) == (record, True)
    assert read_context(folder / CONTEXT)[1] == record and "reusing" in messages[0]
    # pre-training itself is tested in test_ner_bilstm.py; here, whether it is called
    monkeypatch.setattr(bilstm_train, "pretrain_context",
                        lambda *args: (parameters, {"seconds": 2.0}))
    (folder / "skipgram.tsv").write_text("غزة\t1,2,3\n", encoding="utf-8")

    def retrained() -> bool:
        try:
            return not prepare_context(tmp_path, folder, reuse, messages.append)[1]
        except TrainingDependencyMissing:  # no PyTorch here: it set out to pre-train
            return True

    write_vectors(["غزة"], np.zeros((1, 4), dtype=np.float32), folder / VECTORS)
    assert retrained() and "other word vectors" in messages[1]
    (folder / VECTORS).write_bytes(vectors)
    assert not retrained()
    write_context(parameters, {**record, "epochs": 99}, reuse / CONTEXT)
    assert retrained()
    with pytest.raises(ValueError, match="feeds the BiLSTM"):
        train(tmp_path, tmp_path / "other", bilstm=False, context=True)


def test_rescore_refuses_training_options_and_a_folder_without_a_model(tmp_path: Path):
    from click.testing import CliRunner

    from marsad.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["train", "ner", "--rescore", "--cv", "5", "--no-bilstm",
                                 "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "drop --no-bilstm, --cv, or --rescore" in result.output
    result = runner.invoke(cli, ["train", "ner", "--rescore", "--output", str(tmp_path)])
    assert result.exit_code == 2 and "no trained model in" in result.output


@pytest.mark.shared
def test_rescore_measures_the_model_again_without_retraining(shared: Path, tmp_path: Path,
                                                             monkeypatch):
    """After a change around the taggers, `marsad train ner --rescore` rewrites the dev
    scores in the metadata and card; the weights are untouched."""
    import shutil

    from click.testing import CliRunner

    from marsad.cli import cli
    from marsad.ner.model import WEIGHTS

    folder = tmp_path / "model"
    shutil.copytree(Path(str(shipped_dir())), folder)
    metadata = json.loads((folder / METADATA).read_text(encoding="utf-8"))
    metadata["dev"]["micro"]["f1"] = 0.5  # as if measured before a change
    metadata.pop("consistency")
    metadata.pop("ablation_reference")  # as written by training before it was recorded
    metadata["dev_crf_consistent"]["micro"]["f1"] = 0.6
    (folder / METADATA).write_text(json.dumps(metadata), encoding="utf-8")
    weights = (folder / WEIGHTS).read_bytes()
    monkeypatch.setenv("MARSAD_SHARED", str(shared.resolve()))
    result = CliRunner().invoke(cli, ["train", "ner", "--rescore", "--output", str(folder)])
    assert result.exit_code == 0, result.output
    assert f"dev micro F1 {DEV_MICRO_F1:.4f}" in result.output
    rescored = json.loads((folder / METADATA).read_text(encoding="utf-8"))
    assert rescored["dev"]["micro"]["f1"] == pytest.approx(DEV_MICRO_F1, abs=1e-4)
    assert rescored["rescored"] and rescored["consistency"]["window"] > 0
    assert rescored["cross_validation"] == metadata["cross_validation"]
    # the ablation keeps the CRF score its rows were measured beside
    assert rescored["ablation"] == metadata["ablation"]
    assert rescored["ablation_reference"] == 0.6
    assert rescored["dev_crf_consistent"]["micro"]["f1"] > 0.6
    assert (folder / WEIGHTS).read_bytes() == weights
    card = (folder / CARD).read_text(encoding="utf-8")
    assert "without retraining (`marsad train ner --rescore`)" in card
    micro = next(line for line in card.splitlines() if line.startswith("| **micro**"))
    assert f"| {DEV_MICRO_F1:.4f} |" in micro
    assert "| all feature groups (the shipped CRF) | 0.6000 |" in card
    # a second rescore keeps the reference: the rows have not been measured again
    result = CliRunner().invoke(cli, ["train", "ner", "--rescore", "--output", str(folder)])
    assert result.exit_code == 0, result.output
    assert json.loads((folder / METADATA).read_text(encoding="utf-8"))["ablation_reference"] == 0.6
