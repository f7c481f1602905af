"""Training the BiLSTM half of the NER ensemble with PyTorch (``marsad train ner``).

The network is :mod:`marsad.ner.bilstm`'s, built from the same vocabulary; after
training its weights are exported to ``bilstm.npz`` and NumPy's probabilities are
checked against PyTorch's on the training sentences. Only training needs PyTorch
(``pip install 'marsad[train]'``, best in an environment of its own: thinc imports torch
whenever it is installed, which slows every marsad start).

Settings (``SETTINGS``) were chosen on the dev split and checked by 5-fold
cross-validation of the ensemble: the Adam rate, batch size and dropout are common
BiLSTM-CRF choices; a fixed number of epochs rather than early stopping on the dev split,
which would then no longer be held out. One thread, so the seed fixes the result (the
context model below trains on two: seeded, it gave the same weights run after run here,
but another BLAS may sum in another order).

The optional context language model (:func:`pretrain_context`, ``CONTEXT_SETTINGS``;
``marsad train ner --context-model``) is trained first, once, on SaudiNewsNet (the corpus
the word vectors come from, with no labels): its states join the tagger's inputs frozen,
with a dropout of their own (``context_dropout``). It is off by default: it did not lift
cross-validated F1 (the model card has the numbers).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from marsad.ner.bilstm import (
    CHAR_DIM,
    CHAR_FILTERS,
    CONTEXT_HIDDEN,
    HIDDEN,
    KINDS_DIM,
    MAX_CHARS,
    SIDES,
    UNKNOWN_CHAR,
    BiLstm,
    ContextModel,
    Vocabulary,
    WordVectors,
    word_row,
)
from marsad.ner.clusters import TrainingDependencyMissing, corpus_tokens
from marsad.ner.conll import Sentence
from marsad.ner.lexicon import Lexicon

SETTINGS = {
    "epochs": 20,
    "batch_sentences": 32,
    "learning_rate": 2e-3,
    "dropout": 0.5,
    "gradient_clip": 5.0,
    "seed": 13,
    "context_dropout": 0.1,
}
# The context language model: the corpus cut into pieces of ``piece_words`` words (one
# stream, articles one after the other), each direction predicting the neighbour word's
# finest skip-gram cluster (a softmax over 1,024 classes rather than 120,000 words).
# Two threads: it is the longest step of training, and runs alone.
CONTEXT_SETTINGS = {
    "hidden": CONTEXT_HIDDEN,
    "piece_words": 36,
    "batch_pieces": 64,
    "epochs": 2,
    "learning_rate": 2e-3,
    "gradient_clip": 5.0,
    "seed": 13,
    "threads": 2,
}
# NumPy's probabilities may differ from PyTorch's by float32 rounding, no more.
AGREEMENT = 1e-4


def require_torch():
    """PyTorch, or an error that says how to get it (checked before training starts)."""
    try:
        import torch
    except ImportError as missing:
        raise TrainingDependencyMissing(
            "training the NER model's BiLSTM needs PyTorch: pip install 'marsad[train]' in "
            "an environment of its own (`make train-ner` makes one), or train the CRF alone "
            "with `marsad train ner --no-bilstm`"
        ) from missing
    return torch


def fit_bilstm(
    sentences: Sequence[Sentence],
    word_vectors: WordVectors,
    lexicon: Lexicon,
    log: Callable[[str], None] = print,
    context: dict[str, np.ndarray] | None = None,
) -> tuple[BiLstm, dict]:
    """Train the network on ``sentences`` (reading the frozen ``context`` model's states
    when given); the NumPy tagger and a record of the run."""
    torch = require_torch()
    nn = torch.nn
    started = time.perf_counter()
    torch.set_num_threads(1)
    torch.manual_seed(SETTINGS["seed"])
    shuffle = random.Random(SETTINGS["seed"]).shuffle
    vocabulary = Vocabulary.learn([s.tokens for s in sentences], word_vectors.words, lexicon)
    vectors = word_vectors.matrix()
    labels = sorted({tag for s in sentences for tag in s.tags})
    label_ids = {label: i for i, label in enumerate(labels)}
    unknown_row = len(vectors)
    order = [s for s in sentences if s.tokens]
    # The context model is frozen: its states are computed once, by the NumPy code that
    # tagging runs, so the network trains on exactly what it will read.
    context_width = 2 * context["context_forward_hidden"].shape[1] if context is not None else 0
    context_states = {}
    if context is not None:
        model = ContextModel(context, word_vectors)
        for i in range(0, len(order), 500):
            part = order[i : i + 500]
            states = model.sentence_states([s.tokens for s in part])
            context_states.update(zip(map(id, part), states, strict=True))

    class Network(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = _word_layer(torch, vectors)
            self.char = nn.Embedding(len(vocabulary.chars) + 2, CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
            self.kinds = nn.Linear(len(vocabulary.kinds), KINDS_DIM)
            self.drop = nn.Dropout(SETTINGS["dropout"])
            self.context_drop = nn.Dropout(SETTINGS["context_dropout"])
            width = vectors.shape[1] + CHAR_FILTERS + KINDS_DIM + context_width
            self.lstm = nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * HIDDEN, len(labels))

        def forward(self, words, chars, kinds, context, lengths):
            w = self.word(words)
            b, n, m = chars.shape
            c = self.char(chars.view(b * n, m)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(dim=2).values.view(b, n, -1)
            x = self.drop(torch.cat([w, c, torch.relu(self.kinds(kinds))], -1))
            x = torch.cat([x, self.context_drop(context)], -1)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=n)
            return self.out(self.drop(h))

    def batch(group: Sequence[Sentence]):
        n = max(len(s.tokens) for s in group)
        words = torch.full((len(group), n), unknown_row, dtype=torch.long)
        chars = torch.zeros((len(group), n, MAX_CHARS), dtype=torch.long)
        kinds = torch.zeros((len(group), n, len(vocabulary.kinds)))
        states = torch.zeros((len(group), n, context_width))
        gold = torch.full((len(group), n), -100, dtype=torch.long)
        for i, s in enumerate(group):
            k = len(s.tokens)
            rows = [vocabulary.word_row(t) for t in s.tokens]
            words[i, :k] = torch.tensor([r if r >= 0 else unknown_row for r in rows])
            chars[i, :k] = torch.tensor([vocabulary.char_ids(t) for t in s.tokens])
            kinds[i, :k] = torch.from_numpy(vocabulary.kinds_matrix(s.tokens, rows))
            if context_width:
                states[i, :k] = torch.from_numpy(context_states[id(s)])
            gold[i, :k] = torch.tensor([label_ids[t] for t in s.tags])
        return words, chars, kinds, states, gold, torch.tensor([len(s.tokens) for s in group])

    network = Network()
    optimiser = torch.optim.Adam([p for p in network.parameters() if p.requires_grad],
                                 lr=SETTINGS["learning_rate"])
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    size = SETTINGS["batch_sentences"]
    for epoch in range(SETTINGS["epochs"]):
        began, total = time.perf_counter(), 0.0
        network.train()
        shuffle(order)
        for i in range(0, len(order), size):
            words_, chars, kinds, states, gold, lengths = batch(order[i : i + size])
            optimiser.zero_grad()
            logits = network(words_, chars, kinds, states, lengths)
            loss = loss_of(logits.reshape(-1, len(labels)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), SETTINGS["gradient_clip"])
            optimiser.step()
            total += loss.item()
        log(f"BiLSTM epoch {epoch + 1}/{SETTINGS['epochs']}: loss {total:.1f} "
            f"({time.perf_counter() - began:.0f} s)")
    network.eval()
    tagger = BiLstm(_export(network) | (context or {}), labels, vocabulary, word_vectors)
    gap = _disagreement(network, tagger, order[:300], batch)
    if gap > AGREEMENT:
        raise RuntimeError(f"the exported BiLSTM's probabilities differ from PyTorch's by {gap}")
    settings = SETTINGS if context is not None else {
        k: v for k, v in SETTINGS.items() if k != "context_dropout"}
    record = {**settings, "hidden": HIDDEN, "labels": labels,
              "context_model": context is not None,
              "numpy_vs_torch_max_difference": float(f"{gap:.1e}"),
              "seconds": round(time.perf_counter() - started, 1)}
    return tagger, record


def pretrain_context(
    corpus: Path,
    word_vectors: WordVectors,
    finest_cluster: dict[str, int],
    log: Callable[[str], None] = print,
) -> tuple[dict[str, np.ndarray], dict]:
    """Train the context language model on the ``corpus`` (SaudiNewsNet's JSONL.gz) over
    the frozen ``word_vectors``: the forward LSTM predicts each next word's
    ``finest_cluster`` (the cluster of the vector row it reads, its stem's included), the
    backward one each previous word's. Tokens are looked up as tagging looks them up
    (:func:`marsad.ner.bilstm.word_row` of the raw token). Its parameters
    (:data:`marsad.ner.bilstm.CONTEXT_PARAMETERS`) and a record of the run."""
    torch = require_torch()
    nn = torch.nn
    settings = CONTEXT_SETTINGS
    started = time.perf_counter()
    torch.set_num_threads(settings["threads"])
    torch.manual_seed(settings["seed"])
    words = word_vectors.words
    row_of: dict[str, int] = {}  # per token, its row of the vectors (-1: unknown)
    stream = np.fromiter(
        (row_of[t] if t in row_of else row_of.setdefault(t, word_row(words, t))
         for tokens in corpus_tokens(corpus) for t in tokens),
        dtype=np.int64,
    )
    classes = 1 + max(finest_cluster.values())
    cluster_of_row = np.full(len(word_vectors.codes) + 1, -100, dtype=np.int64)  # [-1]: unknown
    for word, row in words.items():
        cluster_of_row[row] = finest_cluster.get(word, -100)
    length = settings["piece_words"]
    log(f"context model: {len(stream) // length} pieces of {length} words, "
        f"{(stream < 0).mean():.1%} of tokens without a vector")
    pieces = torch.from_numpy(stream[: len(stream) // length * length].reshape(-1, length))
    targets = torch.from_numpy(cluster_of_row)[pieces]  # a copy: before the unknown row
    unknown_row = len(word_vectors.codes)
    pieces[pieces < 0] = unknown_row
    vectors = word_vectors.matrix()
    size = settings["hidden"]

    class LanguageModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = _word_layer(torch, vectors)
            self.lstm = nn.LSTM(vectors.shape[1], size, batch_first=True, bidirectional=True)
            self.next_word = nn.Linear(size, classes)
            self.previous_word = nn.Linear(size, classes)

        def forward(self, words):
            h, _ = self.lstm(self.word(words))
            return self.next_word(h[:, :-1, :size]), self.previous_word(h[:, 1:, size:])

    model = LanguageModel()
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad],
                                 lr=settings["learning_rate"])
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    generator = torch.Generator().manual_seed(settings["seed"])
    batch = settings["batch_pieces"]
    losses = []
    for epoch in range(settings["epochs"]):
        began, total, steps = time.perf_counter(), 0.0, 0
        for chosen in torch.randperm(len(pieces), generator=generator).split(batch):
            following, preceding = model(pieces[chosen])
            gold = targets[chosen]
            loss = (loss_of(following.reshape(-1, classes), gold[:, 1:].reshape(-1))
                    + loss_of(preceding.reshape(-1, classes), gold[:, :-1].reshape(-1)))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), settings["gradient_clip"])
            optimiser.step()
            total, steps = total + loss.item(), steps + 1
        losses.append(round(total / steps / 2, 4))
        log(f"context model epoch {epoch + 1}/{settings['epochs']}: cross-entropy "
            f"{losses[-1]:.3f} per prediction ({time.perf_counter() - began:.0f} s)")
    parameters = {"context_unknown_word": _array(model.word.unknown)}
    parameters |= {f"context_{k}": v for k, v in _lstm_arrays(model.lstm).items()}
    # NumPy's states (what the tagger reads) against PyTorch's, on the first pieces
    sample = pieces[:100]
    with torch.no_grad():
        theirs = model.lstm(model.word(sample))[0].reshape(-1, 2 * size).numpy()
    rows = sample.reshape(-1).numpy().copy()
    rows[rows == unknown_row] = -1
    ours = ContextModel(parameters, word_vectors).states(
        rows, np.arange(len(rows)), np.full(len(sample), length, dtype=np.intp))
    gap = float(np.abs(ours - theirs).max())
    if gap > AGREEMENT:
        raise RuntimeError(f"the context model's NumPy states differ from PyTorch's by {gap}")
    record = {**settings, "classes": classes, "pieces": len(pieces),
              "tokens": int(pieces.numel()), "cross_entropy_per_epoch": losses,
              "numpy_vs_torch_max_difference": float(f"{gap:.1e}"),
              "seconds": round(time.perf_counter() - started, 1)}
    return parameters, record


def _word_layer(torch, vectors: np.ndarray):
    """The frozen word vectors as a layer, with one vector learned for unknown words
    (row ``len(vectors)``)."""
    nn = torch.nn

    class Words(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = torch.zeros((len(vectors) + 1, vectors.shape[1]))
            table[: len(vectors)] = torch.from_numpy(vectors)
            self.table = nn.Embedding.from_pretrained(table, freeze=True)
            self.unknown = nn.Parameter(torch.zeros(vectors.shape[1]))

        def forward(self, words):
            unknown = (words == len(vectors)).unsqueeze(-1)
            return self.table(words) + unknown * self.unknown

    return Words()


def _array(tensor) -> np.ndarray:
    return tensor.detach().numpy().astype(np.float32)


def _lstm_arrays(lstm) -> dict[str, np.ndarray]:
    """A bidirectional one-layer LSTM's weights, by direction (PyTorch's two biases
    summed)."""
    arrays = {}
    for side, suffix in zip(SIDES, ("", "_reverse"), strict=True):
        arrays[f"{side}_input"] = _array(getattr(lstm, f"weight_ih_l0{suffix}"))
        arrays[f"{side}_hidden"] = _array(getattr(lstm, f"weight_hh_l0{suffix}"))
        arrays[f"{side}_bias"] = _array(getattr(lstm, f"bias_ih_l0{suffix}")
                                        + getattr(lstm, f"bias_hh_l0{suffix}"))
    return arrays


def _export(network) -> dict[str, np.ndarray]:
    """The parameters under :data:`marsad.ner.bilstm.PARAMETERS`' names."""
    return {
        "unknown_word": _array(network.word.unknown),
        # the unknown character's row never trains (every training letter has its own);
        # zero, it reads as padding rather than as noise
        "char_embedding": _array(network.char.weight) * (np.arange(len(network.char.weight))
                                                         != UNKNOWN_CHAR)[:, None],
        "char_conv_weight": _array(network.conv.weight),
        "char_conv_bias": _array(network.conv.bias),
        "kinds_weight": _array(network.kinds.weight),
        "kinds_bias": _array(network.kinds.bias),
        "output_weight": _array(network.out.weight),
        "output_bias": _array(network.out.bias),
        **_lstm_arrays(network.lstm),
    }


def _disagreement(network, tagger: BiLstm, sentences: Sequence[Sentence], batch) -> float:
    """The largest difference between PyTorch's and NumPy's probability of a label."""
    import torch

    with torch.no_grad():
        words, chars, kinds, context, _, lengths = batch(sentences)
        probabilities = torch.softmax(network(words, chars, kinds, context, lengths), -1).numpy()
    theirs = np.vstack([p[:n] for p, n in zip(probabilities, lengths.tolist(), strict=True)])
    return float(np.abs(theirs - tagger.probabilities([s.tokens for s in sentences])).max())
