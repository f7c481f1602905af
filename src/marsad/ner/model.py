"""The shipped NER model: a linear-chain CRF (CRFsuite) over the features of
:mod:`marsad.ner.features`, and the files it is made of.

A model folder holds ``ner.crfsuite`` (the CRF), ``weights.tsv`` (its weights as text, what
tagging reads: :mod:`marsad.ner.decoder`), the feature lexicons it was trained with
(``gazetteer.tsv`` and the word-cluster tables ``clusters.tsv`` and ``skipgram.tsv``),
``metadata.json`` (feature groups, data, scores) and ``MODEL_CARD.md``. The package ships
one in ``marsad/ner/model``; ``marsad train ner`` rewrites it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from marsad.ner import clusters as cluster_files
from marsad.ner.consistency import propagate
from marsad.ner.decoder import CrfWeights, Decoder
from marsad.ner.features import CLUSTER_SETS, Featurizer
from marsad.ner.lexicon import load_lexicon

WEIGHTS, GAZETTEER, METADATA, CARD, EXPORTED_WEIGHTS = (
    "ner.crfsuite", "gazetteer.tsv", "metadata.json", "MODEL_CARD.md", "weights.tsv",
)
# The word-cluster table of each cluster feature group (clusters.tsv, skipgram.tsv).
CLUSTER_FILES = {name: f"{name}.tsv" for name in CLUSTER_SETS}


class ModelMissing(RuntimeError):
    """The model folder lacks a file; the message says how to get it back."""


def shipped_dir() -> Traversable:
    return resources.files("marsad.ner").joinpath("model")


def _read_text(folder: Traversable | Path, name: str) -> str:
    entry = folder.joinpath(name)
    if not entry.is_file():
        raise ModelMissing(
            f"NER model file {name} is missing from {folder}: run `marsad train ner` "
            "(needs ../shared) or reinstall marsad"
        )
    return entry.read_text(encoding="utf-8")


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

    def __init__(self, weights: CrfWeights, featurizer: Featurizer, metadata: dict):
        self.decoder = Decoder(featurizer, weights)
        self.featurizer = featurizer
        self.metadata = metadata

    @classmethod
    def load(cls, folder: Traversable | Path | None = None) -> NerModel:
        """The model in ``folder`` (default: the one shipped in the package)."""
        folder = folder if folder is not None else shipped_dir()
        metadata = json.loads(_read_text(folder, METADATA))
        return cls.load_with(folder, metadata["features"], metadata)

    @classmethod
    def load_with(
        cls, folder: Traversable | Path, groups: Sequence[str], metadata: dict | None = None
    ) -> NerModel:
        """The weights and lexicons in ``folder``, read with the given feature groups."""
        featurizer = load_featurizer(folder, groups)
        return cls(load_weights(folder), featurizer, metadata or {"features": list(groups)})

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """Tags of one sentence taken alone (use :meth:`tag_all` for a whole text)."""
        return self.tag_all([tokens])[0]

    def tag_all(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tags of consecutive sentences of one text: the CRF's, sentence by sentence, then
        made consistent with each name's other mentions nearby (:mod:`marsad.ner.consistency`)."""
        return self.tag_texts([list(sentences)])[0]

    def tag_texts(self, texts: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """:meth:`tag_all` of several texts, decoded together (Viterbi steps once for all
        their sentences)."""
        tags = iter(self.crf_tags([s for text in texts for s in text]))
        return [propagate(text, [next(tags) for _ in text]) for text in texts]

    def crf_tags(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """The CRF's tags alone, each sentence taken by itself."""
        return self.decoder.tag(list(sentences))


@lru_cache(maxsize=1)
def shipped_model() -> NerModel:
    """The model in the package, loaded once per process."""
    return NerModel.load()
