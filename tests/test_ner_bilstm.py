"""The NER ensemble's BiLSTM in NumPy (marsad.ner.bilstm) and the BIO decoding of
averaged probabilities (marsad.ner.decoder.bio_viterbi)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.bilstm import (
    CHAR_DIM,
    CHAR_FILTERS,
    CONTEXT_HIDDEN,
    CONTEXT_PARAMETERS,
    HIDDEN,
    KINDS_DIM,
    NO_VECTOR,
    PARAMETERS,
    VECTOR_FROM_STEM,
    BiLstm,
    ContextModel,
    Vocabulary,
    WordVectors,
    read_context,
    read_vectors,
    write_context,
    write_vectors,
)
from marsad.ner.decoder import bio_viterbi
from marsad.ner.model import shipped_model

SENTENCES = [text.split(" ") if text else [] for text in (
    "وقال وزير الخارجية المصري سامح شكري في القاهرة",
    "",
    "الرياض",
    "ونقلت وكالة الأنباء السعودية عن مصدر مسؤول في الرياض قوله إن المملكة ترحب",
    "التقى بوتين وأردوغان في أنقرة",
)]
LABELS = ["B-LOC", "B-PERS", "I-LOC", "I-PERS", "O"]


def _lstm_shapes(prefix: str, size: int, width: int) -> dict[str, tuple[int, ...]]:
    return {f"{prefix}{side}_{part}": shape for side in ("forward", "backward")
            for part, shape in (("input", (4 * size, width)), ("hidden", (4 * size, size)),
                                ("bias", (4 * size,)))}


def _random_network(seed: int = 7, context: bool = False) -> BiLstm:
    """A network of random weights (with a random context model when ``context``)."""
    rng = np.random.default_rng(seed)
    lexicon = shipped_model().featurizer.lexicon
    words = {w: i for i, w in enumerate(["قال", "وزير", "الخارجية", "القاهره", "الرياض", "في"])}
    codes = rng.integers(-127, 128, size=(len(words), 10), dtype=np.int8)
    vectors = WordVectors(words, codes, rng.uniform(0.001, 0.01, len(words)).astype(np.float32))
    vocabulary = Vocabulary.learn(SENTENCES[:2], words, lexicon)  # some letters unseen
    assert vocabulary.kinds  # the gazetteer knows وزير and القاهرة
    n_chars, n_kinds = len(vocabulary.chars) + 2, len(vocabulary.kinds)
    width = codes.shape[1] + CHAR_FILTERS + KINDS_DIM + (2 * CONTEXT_HIDDEN if context else 0)
    shapes = {
        "unknown_word": (10,), "char_embedding": (n_chars, CHAR_DIM),
        "char_conv_weight": (CHAR_FILTERS, CHAR_DIM, 3), "char_conv_bias": (CHAR_FILTERS,),
        "kinds_weight": (KINDS_DIM, n_kinds), "kinds_bias": (KINDS_DIM,),
        "output_weight": (len(LABELS), 2 * HIDDEN), "output_bias": (len(LABELS),),
        **_lstm_shapes("", HIDDEN, width),
    }
    assert set(shapes) == set(PARAMETERS)
    if context:
        shapes |= {"context_unknown_word": (10,), **_lstm_shapes("context_", CONTEXT_HIDDEN, 10)}
        assert set(shapes) == set(PARAMETERS + CONTEXT_PARAMETERS)
    parameters = {name: rng.normal(scale=0.3, size=shape) for name, shape in shapes.items()}
    parameters["char_embedding"][0] = 0  # the padding character, as PyTorch keeps it
    return BiLstm(parameters, LABELS, vocabulary, vectors)


def _lstm_reference(p: dict, prefix: str, inputs: list[np.ndarray]) -> list[np.ndarray]:
    """A bidirectional LSTM written out step by step: each token's two states joined."""
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    states = {}
    for side, order in (("forward", inputs), ("backward", inputs[::-1])):
        size = p[f"{prefix}{side}_hidden"].shape[1]
        h, c, out = np.zeros(size), np.zeros(size), []
        for x in order:
            z = (p[f"{prefix}{side}_input"] @ x + p[f"{prefix}{side}_hidden"] @ h
                 + p[f"{prefix}{side}_bias"])
            i, f, g, o = np.split(z, 4)
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
            h = sigmoid(o) * np.tanh(c)
            out.append(h)
        states[side] = out if side == "forward" else out[::-1]
    return [np.concatenate(pair) for pair in zip(states["forward"], states["backward"],
                                                 strict=True)]


def _reference(network: BiLstm, tokens: list[str]) -> np.ndarray:
    """The same network written out token by token, character by character."""
    p, v, vectors = network.p, network.vocabulary, network.vectors

    def vector(row: int, unknown: np.ndarray) -> np.ndarray:
        return vectors.codes[row] * vectors.scale[row] if row >= 0 else unknown

    inputs = []
    for token, marks in zip(tokens, v.mark_columns(tokens), strict=True):
        columns = v.word_kinds(token) + marks
        word = vector(v.word_row(token), p["unknown_word"])
        chars = [p["char_embedding"][i] for i in v.char_ids(token)]
        padded = [np.zeros(CHAR_DIM), *chars, np.zeros(CHAR_DIM)]
        conv = [
            sum(p["char_conv_weight"][:, :, k] @ padded[position + k] for k in range(3))
            + p["char_conv_bias"]
            for position in range(len(chars))
        ]
        char_features = np.maximum(np.max(conv, axis=0), 0)
        kinds = np.zeros(len(v.kinds))
        kinds[columns] = 1
        gazetteer = np.maximum(p["kinds_weight"] @ kinds + p["kinds_bias"], 0)
        inputs.append(np.concatenate([word, char_features, gazetteer]))
    if network.context is not None:
        words = [vector(v.word_row(t), p["context_unknown_word"]) for t in tokens]
        inputs = [np.concatenate(pair) for pair in zip(
            inputs, _lstm_reference(p, "context_", words), strict=True)]
    logits = np.array([p["output_weight"] @ h + p["output_bias"]
                       for h in _lstm_reference(p, "", inputs)])
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("context", [False, True], ids=["alone", "with-context-model"])
def test_batched_network_matches_a_token_by_token_reference(context: bool):
    """All sentences in one batch, longest first, backward direction from each one's own
    end: the same probabilities as running each sentence alone, step by step (with the
    context model's states computed the same way, the unknown word its own vector)."""
    network = _random_network(context=context)
    assert (network.context is not None) == context
    batched = network.probabilities(SENTENCES)
    expected = np.vstack([_reference(network, s) for s in SENTENCES if s])
    assert batched.shape == (sum(map(len, SENTENCES)), len(LABELS))
    assert np.abs(batched - expected).max() < 1e-5
    again = network.probabilities(SENTENCES[::-1])  # word caches filled; other order
    flipped = np.vstack([_reference(network, s) for s in SENTENCES[::-1] if s])
    assert np.abs(again - flipped).max() < 1e-5
    assert network.probabilities([[], []]).shape == (0, len(LABELS))


def test_unknown_words_fall_back_to_the_stem_then_the_unknown_vector():
    vocabulary = _random_network().vocabulary
    assert vocabulary.word_row("لوزير") == vocabulary.words["وزير"]  # clitics off
    assert vocabulary.word_row("القاهرة") == vocabulary.words["القاهره"]  # matching key
    assert vocabulary.word_row("شكري") == -1
    assert vocabulary.char_ids("ب" * 30)[-1] != 0  # cut at MAX_CHARS, not padded
    # the network is told when a vector is a stem's guess or missing
    assert NO_VECTOR in vocabulary.own_kinds("شكري")
    assert VECTOR_FROM_STEM in vocabulary.own_kinds("لوزير")
    assert not {NO_VECTOR, VECTOR_FROM_STEM} & set(vocabulary.own_kinds("وزير"))
    assert {NO_VECTOR, VECTOR_FROM_STEM} <= set(vocabulary.kinds)  # learned: SENTENCES[0]
    for token in ("شكري", "لوزير", "وزير"):  # a row already looked up: not looked up again
        row = vocabulary.word_row(token)
        assert vocabulary.own_kinds(token, row) == vocabulary.own_kinds(token)
    assert VECTOR_FROM_STEM in vocabulary.own_kinds("شكري", row=0)
    older = Vocabulary(vocabulary.words, vocabulary.chars,
                       {k: i for i, k in enumerate(k for k in vocabulary.kinds
                                                   if not k.startswith("vector."))},
                       vocabulary.lexicon)
    # a network trained without the columns reads the gazetteer's kinds alone
    assert older.word_kinds("شكري") == [older.kinds[k] for k in older.lexicon.kinds("شكري")]
    assert len(vocabulary.word_kinds("شكري")) == len(older.word_kinds("شكري")) + 1


def test_vectors_round_trip_within_a_quantisation_step(tmp_path: Path):
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4, 100)).astype(np.float32)
    vectors[2] = 0
    write_vectors(["القدس", "غزة", "صفر", "Gaza"], vectors, tmp_path / "v.npz")
    read = read_vectors(tmp_path / "v.npz")
    assert read.words == {"القدس": 0, "غزة": 1, "صفر": 2, "Gaza": 3}
    back = read.matrix()
    assert np.array_equal(read.rows(np.array([3, 1])), back[[3, 1]])
    step = np.abs(vectors).max(axis=1, keepdims=True) / 127
    assert (np.abs(back - vectors) <= step / 2 + 1e-7).all()
    assert not back[2].any()


@pytest.mark.parametrize("context", [False, True], ids=["alone", "with-context-model"])
def test_saved_network_loads_back_the_same(tmp_path: Path, context: bool):
    network = _random_network(context=context)
    network.save(tmp_path / "bilstm.npz")
    vocabulary = network.vocabulary
    loaded = BiLstm.load(tmp_path / "bilstm.npz", network.vectors, vocabulary.lexicon)
    assert loaded.labels == LABELS and loaded.vocabulary.chars == vocabulary.chars
    assert set(loaded.p) == set(network.p)
    assert np.array_equal(loaded.probabilities(SENTENCES), network.probabilities(SENTENCES))


def test_context_model_round_trips_with_its_record(tmp_path: Path):
    network = _random_network(context=True)
    record = {"epochs": 2, "corpus": "السعودية"}
    write_context(network.p, record, tmp_path / "context.npz")
    parameters, back = read_context(tmp_path / "context.npz")
    assert back == record and set(parameters) == set(CONTEXT_PARAMETERS)
    model = ContextModel(parameters, network.vectors)
    states = model.sentence_states(SENTENCES)
    assert [len(s) for s in states] == [len(s) for s in SENTENCES if s]
    assert states[0].shape[1] == 2 * CONTEXT_HIDDEN
    # a sentence's states do not depend on the others in its batch
    alone = model.sentence_states([SENTENCES[3]])[0]
    assert np.abs(alone - states[2]).max() < 1e-6


def test_bio_viterbi_makes_valid_bio_from_any_probabilities():
    labels = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]
    # per token: I-PERS first, then I-LOC after it, then a clear B-LOC I-LOC
    probabilities = np.array([
        [0.30, 0.25, 0.45, 0.00, 0.00],
        [0.10, 0.00, 0.40, 0.00, 0.50],
        [0.10, 0.00, 0.00, 0.80, 0.10],
        [0.10, 0.00, 0.00, 0.10, 0.80],
        [0.20, 0.00, 0.00, 0.00, 0.80],  # a one-token sentence: never I- first
    ])
    path = bio_viterbi(probabilities, np.array([4, 1]), labels)
    tags = [labels[i] for i in path]
    assert tags == ["B-PERS", "I-PERS", "B-LOC", "I-LOC", "O"]
    valid = np.array([[0.9, 0.05, 0.05, 0, 0], [0.1, 0.8, 0.1, 0, 0], [0.1, 0.1, 0.8, 0, 0]])
    assert bio_viterbi(valid, np.array([3]), labels).tolist() == [0, 1, 2]  # = argmax


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="PyTorch installed")
def test_training_the_bilstm_without_pytorch_says_how_to_get_it():
    from marsad.ner.bilstm_train import fit_bilstm
    from marsad.ner.clusters import TrainingDependencyMissing

    with pytest.raises(TrainingDependencyMissing, match=r"marsad\[train\].*--no-bilstm"):
        fit_bilstm([], WordVectors({}, np.zeros((0, 100), np.int8), np.zeros(0, np.float32)),
                   shipped_model().featurizer.lexicon)


@pytest.mark.parametrize("context", [False, True], ids=["alone", "with-context-model"])
def test_word_cache_eviction_keeps_tagging(context: bool):
    """A full cache is emptied and the whole batch's words computed again (their rows of
    the vectors too, which the context model reads)."""
    network = _random_network(context=context)
    expected = network.probabilities(SENTENCES)
    small = BiLstm(network.p, LABELS, network.vocabulary, network.vectors, cache_size=10)
    for _ in range(3):  # overlapping batches overflow it again and again
        assert np.abs(small.probabilities(SENTENCES) - expected).max() < 1e-6
        assert len(small._word_cache) <= sum(map(len, SENTENCES))


def _gold() -> list:
    from marsad.ner.conll import Sentence

    rows = [
        ("قال وزير الخارجية سامح شكري في القاهرة", "O O O B-PERS I-PERS O B-LOC"),
        ("وصل بوتين إلى أنقرة", "O B-PERS O B-LOC"),
        ("أعلنت وكالة الأنباء السعودية", "O B-ORG I-ORG I-ORG"),
        ("وفاز الهلال بكأس آسيا", "O B-ORG O B-MISC"),
    ] * 5
    return [Sentence(tuple(t.split(" ")), tuple(g.split(" "))) for t, g in rows]


def test_pytorch_training_is_seeded_and_exports_what_it_trained():
    """(Runs where PyTorch is installed: `make train-ner`'s environment.) Two fits give
    the same weights, and NumPy's probabilities are PyTorch's."""
    pytest.importorskip("torch")
    from marsad.ner import bilstm_train
    from marsad.ner.model import VECTORS, shipped_dir

    vectors = read_vectors(shipped_dir().joinpath(VECTORS).read_bytes())
    lexicon = shipped_model().featurizer.lexicon
    settings = dict(bilstm_train.SETTINGS)
    bilstm_train.SETTINGS["epochs"] = 2
    try:
        first, record = bilstm_train.fit_bilstm(_gold(), vectors, lexicon, log=lambda m: None)
        second, _ = bilstm_train.fit_bilstm(_gold(), vectors, lexicon, log=lambda m: None)
    finally:
        bilstm_train.SETTINGS.update(settings)
    assert record["numpy_vs_torch_max_difference"] <= bilstm_train.AGREEMENT
    assert all(np.array_equal(first.p[name], second.p[name]) for name in PARAMETERS)
    assert not first.p["char_embedding"][1].any()  # the unknown character: zero


def _tiny_corpus(path: Path) -> Path:
    """A SaudiNewsNet-style JSONL.gz of a few short articles."""
    import gzip
    import json

    articles = [
        ("وزير الخارجية يصل إلى القاهرة", "وقال وزير الخارجية في الرياض إن المملكة ترحب"),
        ("أمطار في الرياض", "هطلت أمطار غزيرة على الرياض وقال الدفاع المدني إن الطرق سالكة"),
        ("", "وصل بوتين إلى القاهرة في زيارة رسمية والتقى وزير الخارجية"),
    ] * 8
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for title, content in articles:
            f.write(json.dumps({"title": title, "content": content}, ensure_ascii=False) + "\n")
    return path


def test_context_model_pretraining_is_seeded_and_feeds_the_tagger(tmp_path: Path):
    """(Runs where PyTorch is installed.) The context language model trains the same
    twice, NumPy reads its states as PyTorch computes them, and a BiLSTM trained on them
    carries it in ``bilstm.npz``."""
    pytest.importorskip("torch")
    from marsad.ner import bilstm_train
    from marsad.ner.model import VECTORS, shipped_dir

    vectors = read_vectors(shipped_dir().joinpath(VECTORS).read_bytes())
    corpus = _tiny_corpus(tmp_path / "corpus.jsonl.gz")
    finest = {word: i % 16 for i, word in enumerate(vectors.words)}
    runs = [bilstm_train.pretrain_context(corpus, vectors, finest, log=lambda m: None)
            for _ in range(2)]
    (first, record), (second, _) = runs
    assert set(first) == set(CONTEXT_PARAMETERS)
    assert all(np.array_equal(first[name], second[name]) for name in CONTEXT_PARAMETERS)
    assert record["classes"] == 16 and record["pieces"] * record["piece_words"] == record["tokens"]
    assert record["numpy_vs_torch_max_difference"] <= bilstm_train.AGREEMENT
    settings = dict(bilstm_train.SETTINGS)
    bilstm_train.SETTINGS["epochs"] = 1
    try:
        tagger, network_record = bilstm_train.fit_bilstm(
            _gold(), vectors, shipped_model().featurizer.lexicon, lambda m: None, first)
    finally:
        bilstm_train.SETTINGS.update(settings)
    assert network_record["context_model"] and network_record["context_dropout"] == 0.1
    assert network_record["numpy_vs_torch_max_difference"] <= bilstm_train.AGREEMENT
    assert tagger.context is not None
    assert all(np.array_equal(tagger.p[name], first[name]) for name in CONTEXT_PARAMETERS)


def test_long_inputs_are_tagged_in_batches_with_the_same_tags(monkeypatch):
    """A whole file is tagged a few thousand tokens at a time (the BiLSTM's memory grows
    with the batch); batches change nothing in the tags."""
    import marsad.ner.model as model_module

    sentences = SENTENCES * 3
    whole = shipped_model().sentence_tags(sentences)
    seen = []
    ensemble_tags = model_module.NerModel._ensemble_tags
    monkeypatch.setattr(model_module, "BATCH_TOKENS", 12)
    monkeypatch.setattr(model_module.NerModel, "_ensemble_tags",
                        lambda self, batch: seen.append(len(batch)) or ensemble_tags(self, batch))
    assert shipped_model().sentence_tags(sentences) == whole
    assert len(seen) > 3 and sum(seen) == len(sentences)
    assert any(tag != "O" for tags in whole for tag in tags)
