"""The shipped NER model, and the files it is made of: a linear-chain CRF (CRFsuite) over
the features of :mod:`marsad.ner.features` and a BiLSTM (:mod:`marsad.ner.bilstm`), whose
label probabilities are averaged, decoded as valid BIO, then made consistent across a
text (:mod:`marsad.ner.consistency`).

A model folder holds ``ner.crfsuite`` (the CRF), ``weights.tsv`` (its weights as text, what
tagging reads: :mod:`marsad.ner.decoder`), the feature lexicons it was trained with
(``gazetteer.tsv`` and the word-cluster tables ``clusters.tsv`` and ``skipgram.tsv``), the
word vectors behind ``skipgram.tsv`` (``vectors.npz``), the BiLSTM (``bilstm.npz``;
without it the CRF tags alone), when the BiLSTM was trained with one the context
language model it reads (``context.npz``, kept for retraining: ``bilstm.npz`` carries a
copy), ``metadata.json`` (feature groups, data, scores) and ``MODEL_CARD.md``. The
package ships one in ``marsad/ner/model``; ``marsad train ner`` rewrites it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from marsad.ner import clusters as cluster_files
from marsad.ner.bilstm import BiLstm, read_vectors
from marsad.ner.consistency import MAX_UNTAGGED, MAX_UNTAGGED_CRF, propagate
from marsad.ner.coordination import split_coordinated
from marsad.ner.decoder import CrfWeights, Decoder, bio_viterbi, per_sentence
from marsad.ner.features import CLUSTER_SETS, Featurizer
from marsad.ner.lexicon import Lexicon, load_lexicon
from marsad.ner.titles import tag_quoted_titles

WEIGHTS, GAZETTEER, METADATA, CARD, EXPORTED_WEIGHTS = (
    "ner.crfsuite", "gazetteer.tsv", "metadata.json", "MODEL_CARD.md", "weights.tsv",
)
VECTORS, BILSTM = "vectors.npz", "bilstm.npz"
# The BiLSTM's context language model, kept for retraining (`bilstm.npz` has a copy).
CONTEXT = "context.npz"
# The CRF's share of the averaged probabilities (5-fold CV of the ensemble in the first
# experiment, 128 LSTM units: 0.4 scored 0.7886, 0.5 0.7891, 0.6 0.7863).
CRF_SHARE = 0.5
# Sentences are tagged in batches of about this many tokens: the BiLSTM keeps ~2 KB per
# token of a batch, so a whole corpus file at once would need gigabytes.
BATCH_TOKENS = 20_000
# The word-cluster table of each cluster feature group (clusters.tsv, skipgram.tsv).
CLUSTER_FILES = {name: f"{name}.tsv" for name in CLUSTER_SETS}


class ModelMissing(RuntimeError):
    """The model folder lacks a file; the message says how to get it back."""


def shipped_dir() -> Traversable:
    return resources.files("marsad.ner").joinpath("model")


def _entry(folder: Traversable | Path, name: str) -> Traversable | Path:
    entry = folder.joinpath(name)
    if not entry.is_file():
        raise ModelMissing(
            f"NER model file {name} is missing from {folder}: run `marsad train ner` "
            "(needs ../shared) or reinstall marsad"
        )
    return entry


def _read_text(folder: Traversable | Path, name: str) -> str:
    return _entry(folder, name).read_text(encoding="utf-8")


def load_bilstm(folder: Traversable | Path, featurizer: Featurizer) -> BiLstm | None:
    """The folder's BiLSTM, None when it has none (a CRF-only model)."""
    if not folder.joinpath(BILSTM).is_file():
        return None
    vectors = read_vectors(_entry(folder, VECTORS).read_bytes())
    return BiLstm.load(folder.joinpath(BILSTM).read_bytes(), vectors, featurizer.lexicon)


def load_featurizer(folder: Traversable | Path, groups: Sequence[str]) -> Featurizer:
    lexicon = load_lexicon(_read_text(folder, GAZETTEER).splitlines())
    tables = {
        name: cluster_files.read(_read_text(folder, file))
        for name, file in CLUSTER_FILES.items()
        if name in groups
    }
    return Featurizer(lexicon, tables, groups)


def export_weights(folder: Path) -> None:
    """Write ``weights.tsv`` from ``ner.crfsuite`` (``marsad train ner`` does)."""
    CrfWeights.from_crfsuite(folder / WEIGHTS).write(folder / EXPORTED_WEIGHTS)


def load_weights(folder: Traversable | Path) -> CrfWeights:
    """The exported weights; read from CRFsuite's file (slower) when a folder lacks them."""
    crfsuite = folder.joinpath(WEIGHTS)
    if not folder.joinpath(EXPORTED_WEIGHTS).is_file() and crfsuite.is_file():
        return CrfWeights.from_crfsuite(Path(str(crfsuite)))
    return CrfWeights.read(_read_text(folder, EXPORTED_WEIGHTS))


class NerModel:
    """Tags tokenised sentences with BIO tags of the ANERcorp types."""

    def __init__(self, weights: CrfWeights, featurizer: Featurizer, metadata: dict,
                 bilstm: BiLstm | None = None):
        self.decoder = Decoder(featurizer, weights)
        self.featurizer = featurizer
        self.metadata = metadata
        self.bilstm = bilstm
        if bilstm is not None:  # its labels in the CRF's order
            if sorted(bilstm.labels) != sorted(weights.labels):
                raise ModelMissing(
                    f"the NER model's BiLSTM tags {bilstm.labels} but its CRF "
                    f"{weights.labels}: retrain both with `marsad train ner`"
                )
            self._bilstm_columns = [bilstm.labels.index(label) for label in weights.labels]

    @classmethod
    def load(cls, folder: Traversable | Path | None = None, bilstm: bool = True) -> NerModel:
        """The model in ``folder`` (default: the one shipped in the package); without its
        BiLSTM if ``bilstm`` is false."""
        folder = folder if folder is not None else shipped_dir()
        metadata = json.loads(_read_text(folder, METADATA))
        return cls.load_with(folder, metadata["features"], metadata, bilstm)

    @classmethod
    def load_with(
        cls, folder: Traversable | Path, groups: Sequence[str], metadata: dict | None = None,
        bilstm: bool = True,
    ) -> NerModel:
        """The weights and lexicons in ``folder``, read with the given feature groups."""
        featurizer = load_featurizer(folder, groups)
        return cls(load_weights(folder), featurizer, metadata or {"features": list(groups)},
                   load_bilstm(folder, featurizer) if bilstm else None)

    def crf_only(self) -> NerModel:
        """This model without its BiLSTM (sharing its CRF and caches): the CRF's Viterbi
        tags, made consistent."""
        crf = copy.copy(self)
        crf.bilstm = None
        return crf

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """Tags of one sentence taken alone (use :meth:`tag_all` for a whole text)."""
        return self.tag_all([tokens])[0]

    def tag_all(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tags of consecutive sentences of one text: the ensemble's, sentence by sentence,
        then made consistent with each name's other mentions nearby
        (:mod:`marsad.ner.consistency`)."""
        return self.tag_texts([list(sentences)])[0]

    def tag_texts(self, texts: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """:meth:`tag_all` of several texts, decoded together (the networks and Viterbi
        step once for all their sentences); names joined by «و» are cut in two
        (:mod:`marsad.ner.coordination`) before the consistency step, and quoted titles
        of works tagged MISC after it (:mod:`marsad.ner.titles`)."""
        sentences = [s for text in texts for s in text]
        lexicon = self.featurizer.lexicon
        tags = iter([split_coordinated(s, t, lexicon)
                     for s, t in zip(sentences, self.sentence_tags(sentences), strict=True)])
        ratio = MAX_UNTAGGED_CRF if self.bilstm is None else MAX_UNTAGGED
        consistent = [propagate(text, [next(tags) for _ in text], max_untagged=ratio)
                      for text in texts]
        return [[tag_quoted_titles(s, t) for s, t in zip(text, text_tags, strict=True)]
                for text, text_tags in zip(texts, consistent, strict=True)]

    def sentence_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Each sentence's tags taken by itself: the most probable valid BIO tags under the
        average of the CRF's and the BiLSTM's label probabilities (the CRF's Viterbi tags
        when the model has no BiLSTM)."""
        sentences = list(sentences)
        if self.bilstm is None:
            return self.crf_tags(sentences)
        return [tags for batch in _batches(sentences, BATCH_TOKENS)
                for tags in self._ensemble_tags(batch)]

    def _ensemble_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        kept = [s for s in sentences if s]
        lengths = np.array([len(s) for s in kept], dtype=np.intp)
        weights = self.decoder.weights
        crf = self.decoder.token_marginals(kept, lengths)
        network = self.bilstm.probabilities(kept)[:, self._bilstm_columns]
        mixed = CRF_SHARE * crf + (1 - CRF_SHARE) * network
        path = bio_viterbi(mixed, lengths, weights.labels)
        return per_sentence(np.array(weights.labels, dtype=object)[path].tolist(), sentences)

    def crf_tags(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """The CRF's tags alone, each sentence taken by itself."""
        return self.decoder.tag(list(sentences))


def _batches(sentences: Sequence[Sequence[str]], tokens: int) -> Iterable[Sequence[Sequence[str]]]:
    """Consecutive runs of ``sentences`` of about ``tokens`` tokens (at least one each)."""
    start, size = 0, 0
    for end, sentence in enumerate(sentences, 1):
        size += len(sentence)
        if size >= tokens:
            yield sentences[start:end]
            start, size = end, 0
    if start < len(sentences):
        yield sentences[start:]


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The shipped model's cues and gazetteer alone, without loading its taggers."""
    return load_lexicon(_read_text(shipped_dir(), GAZETTEER).splitlines())


@lru_cache(maxsize=1)
def shipped_model() -> NerModel:
    """The model in the package, loaded once per process."""
    return NerModel.load()
