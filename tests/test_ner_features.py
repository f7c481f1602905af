"""CRF features of the NER model: the word-cluster sets and the files they are read from."""

from __future__ import annotations

import sys

import pytest

from marsad.ner import clusters as cluster_files
from marsad.ner.evaluate import Score
from marsad.ner.features import Featurizer
from marsad.ner.groups import GROUPS
from marsad.ner.lexicon import load_lexicon
from marsad.ner.model import shipped_model
from marsad.text.normalize import normalize_key

ANKARA, BENFICA = normalize_key("أنقرة"), normalize_key("بنفيكا")  # tables hold matching keys
TABLES = {
    "clusters": {ANKARA: "3,17,250"},
    "skipgram": {ANKARA: "5,90,811", BENFICA: "12,40,77"},
}


def _featurizer(groups=("clusters", "skipgram"), tables=TABLES) -> Featurizer:
    return Featurizer(load_lexicon([]), tables, groups)


def test_each_cluster_set_gives_its_own_features_through_clitics():
    own, exports = _featurizer().word_features("وأنقرة")  # looked up by its stem
    assert {"c0=3", "c1=17", "c2=250", "k0=5", "k1=90", "k2=811"} <= set(own)
    assert {"c0=3", "c1=17", "k0=5", "k1=90"} == set(exports)  # the two coarser only


def test_a_word_in_one_set_only_is_none_in_the_other():
    own, _ = _featurizer().word_features("بنفيكا")
    assert "c=none" in own and "k0=12" in own


def test_a_cluster_group_without_its_table_is_refused():
    with pytest.raises(ValueError, match="skipgram"):
        _featurizer(tables={"clusters": TABLES["clusters"]})
    _featurizer(groups=("clusters",), tables={"clusters": TABLES["clusters"]})  # fine


def test_cluster_files_round_trip(tmp_path):
    path = tmp_path / "clusters.tsv"
    cluster_files.write({"انقره": (3, 17, 250), "بنفيكا": (3, 18, 251)}, path, "# header\n#\n")
    table = cluster_files.read(path.read_text(encoding="utf-8"))
    assert table == {"انقره": "3,17,250", "بنفيكا": "3,18,251"}
    featurizer = Featurizer(load_lexicon([]), {"clusters": table}, ("clusters",))
    assert featurizer.cluster_ids("بنفيكا") == ("3", "18", "251")


def test_the_shipped_model_uses_both_cluster_sets():
    featurizer = shipped_model().featurizer
    assert {"clusters", "skipgram"} <= set(featurizer.groups) == set(GROUPS)
    # a footballer's name, too rare for the first set, is in the skip-gram set's vocabulary
    assert featurizer.cluster_ids("فابريغاس", "clusters") is None
    assert featurizer.cluster_ids("فابريغاس", "skipgram") is not None
    assert len(featurizer.clusters["skipgram"]) > 2 * len(featurizer.clusters["clusters"])


def test_scores_of_folds_add_up():
    total = Score(8, 10, 12) + Score(1, 2, 3)
    assert (total.correct, total.predicted, total.gold) == (9, 12, 15)


def test_learning_skipgram_clusters_without_gensim_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "gensim.models", None)  # as if not installed
    with pytest.raises(cluster_files.TrainingDependencyMissing, match=r"marsad\[train\]"):
        cluster_files.learn_skipgram(tmp_path / "corpus.jsonl.gz")
