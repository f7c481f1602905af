"""Training the BiLSTM half of the NER ensemble with PyTorch (``marsad train ner``).

The network is :mod:`marsad.ner.bilstm`'s, built from the same vocabulary; after
training its weights are exported to ``bilstm.npz`` and NumPy's probabilities are
checked against PyTorch's on the training sentences. Only training needs PyTorch
(``pip install 'marsad[train]'``, best in an environment of its own: thinc imports torch
whenever it is installed, which slows every marsad start).

Settings (``SETTINGS``) were chosen on the dev split and checked by 5-fold
cross-validation of the ensemble: the Adam rate, batch size and dropout are common
BiLSTM-CRF choices; a fixed number of epochs rather than early stopping on the dev split,
which would then no longer be held out. One thread, so the seed fixes the result.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

import numpy as np

from marsad.ner.bilstm import (
    CHAR_DIM,
    CHAR_FILTERS,
    HIDDEN,
    KINDS_DIM,
    MAX_CHARS,
    UNKNOWN_CHAR,
    BiLstm,
    Vocabulary,
    WordVectors,
)
from marsad.ner.clusters import TrainingDependencyMissing
from marsad.ner.conll import Sentence
from marsad.ner.lexicon import Lexicon

SETTINGS = {
    "epochs": 20,
    "batch_sentences": 32,
    "learning_rate": 2e-3,
    "dropout": 0.5,
    "gradient_clip": 5.0,
    "seed": 13,
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
) -> tuple[BiLstm, dict]:
    """Train the network on ``sentences``; the NumPy tagger and a record of the run."""
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

    class Network(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = torch.zeros((len(vectors) + 1, vectors.shape[1]))
            table[: len(vectors)] = torch.from_numpy(vectors)
            self.word = nn.Embedding.from_pretrained(table, freeze=True)
            self.unknown_word = nn.Parameter(torch.zeros(vectors.shape[1]))
            self.char = nn.Embedding(len(vocabulary.chars) + 2, CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
            self.kinds = nn.Linear(len(vocabulary.kinds), KINDS_DIM)
            self.drop = nn.Dropout(SETTINGS["dropout"])
            self.lstm = nn.LSTM(vectors.shape[1] + CHAR_FILTERS + KINDS_DIM, HIDDEN,
                                batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * HIDDEN, len(labels))

        def forward(self, words, chars, kinds, lengths):
            w = self.word(words) + (words == unknown_row).unsqueeze(-1) * self.unknown_word
            b, n, m = chars.shape
            c = self.char(chars.view(b * n, m)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(dim=2).values.view(b, n, -1)
            x = self.drop(torch.cat([w, c, torch.relu(self.kinds(kinds))], -1))
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
        gold = torch.full((len(group), n), -100, dtype=torch.long)
        for i, s in enumerate(group):
            k = len(s.tokens)
            rows = [vocabulary.word_row(t) for t in s.tokens]
            words[i, :k] = torch.tensor([r if r >= 0 else unknown_row for r in rows])
            chars[i, :k] = torch.tensor([vocabulary.char_ids(t) for t in s.tokens])
            kinds[i, :k] = torch.from_numpy(vocabulary.kinds_matrix(s.tokens))
            gold[i, :k] = torch.tensor([label_ids[t] for t in s.tags])
        return words, chars, kinds, gold, torch.tensor([len(s.tokens) for s in group])

    network = Network()
    optimiser = torch.optim.Adam([p for p in network.parameters() if p.requires_grad],
                                 lr=SETTINGS["learning_rate"])
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    order = [s for s in sentences if s.tokens]
    size = SETTINGS["batch_sentences"]
    for epoch in range(SETTINGS["epochs"]):
        began, total = time.perf_counter(), 0.0
        network.train()
        shuffle(order)
        for i in range(0, len(order), size):
            words_, chars, kinds, gold, lengths = batch(order[i : i + size])
            optimiser.zero_grad()
            logits = network(words_, chars, kinds, lengths)
            loss = loss_of(logits.reshape(-1, len(labels)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), SETTINGS["gradient_clip"])
            optimiser.step()
            total += loss.item()
        log(f"BiLSTM epoch {epoch + 1}/{SETTINGS['epochs']}: loss {total:.1f} "
            f"({time.perf_counter() - began:.0f} s)")
    network.eval()
    tagger = BiLstm(_export(network), labels, vocabulary, word_vectors)
    gap = _disagreement(network, tagger, order[:300], batch)
    if gap > AGREEMENT:
        raise RuntimeError(f"the exported BiLSTM's probabilities differ from PyTorch's by {gap}")
    record = {**SETTINGS, "hidden": HIDDEN, "labels": labels,
              "numpy_vs_torch_max_difference": float(f"{gap:.1e}"),
              "seconds": round(time.perf_counter() - started, 1)}
    return tagger, record


def _export(network) -> dict[str, np.ndarray]:
    """The parameters under :data:`marsad.ner.bilstm.PARAMETERS`' names."""
    def array(tensor) -> np.ndarray:
        return tensor.detach().numpy().astype(np.float32)

    lstm = network.lstm
    exported = {
        "unknown_word": array(network.unknown_word),
        # the unknown character's row never trains (every training letter has its own);
        # zero, it reads as padding rather than as noise
        "char_embedding": array(network.char.weight) * (np.arange(len(network.char.weight))
                                                        != UNKNOWN_CHAR)[:, None],
        "char_conv_weight": array(network.conv.weight),
        "char_conv_bias": array(network.conv.bias),
        "kinds_weight": array(network.kinds.weight),
        "kinds_bias": array(network.kinds.bias),
        "output_weight": array(network.out.weight),
        "output_bias": array(network.out.bias),
    }
    for side, suffix in (("forward", ""), ("backward", "_reverse")):
        exported[f"{side}_input"] = array(getattr(lstm, f"weight_ih_l0{suffix}"))
        exported[f"{side}_hidden"] = array(getattr(lstm, f"weight_hh_l0{suffix}"))
        exported[f"{side}_bias"] = array(getattr(lstm, f"bias_ih_l0{suffix}")
                                         + getattr(lstm, f"bias_hh_l0{suffix}"))
    return exported


def _disagreement(network, tagger: BiLstm, sentences: Sequence[Sentence], batch) -> float:
    """The largest difference between PyTorch's and NumPy's probability of a label."""
    import torch

    with torch.no_grad():
        words, chars, kinds, _, lengths = batch(sentences)
        probabilities = torch.softmax(network(words, chars, kinds, lengths), -1).numpy()
    theirs = np.vstack([p[:n] for p, n in zip(probabilities, lengths.tolist(), strict=True)])
    return float(np.abs(theirs - tagger.probabilities([s.tokens for s in sentences])).max())
