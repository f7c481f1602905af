"""The shipped NER model: the pipeline component on Arabic news sentences, its card, and
an evaluation gate on the ANERcorp dev split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.components  # noqa: F401  (registers the factories)
from marsad.ner.model import CARD, METADATA, shipped_dir, shipped_model
from marsad.pipeline import load

# Micro F1 of the shipped model on the dev split, as `marsad eval ner` prints it.
DEV_MICRO_F1 = 0.7857


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
