"""The shipped NER model: a linear-chain CRF (CRFsuite) over the features of
:mod:`marsad.ner.features`, and the files it is made of.

A model folder holds ``ner.crfsuite`` (the CRF weights), ``clusters.tsv`` and
``gazetteer.tsv`` (the feature lexicons it was trained with), ``metadata.json`` (feature
groups, data, scores) and ``MODEL_CARD.md``. The package ships one in
``marsad/ner/model``; ``marsad train ner`` rewrites it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pycrfsuite

from marsad.ner import clusters as cluster_files
from marsad.ner.consistency import propagate
from marsad.ner.features import Featurizer
from marsad.ner.lexicon import load_lexicon

WEIGHTS, CLUSTERS, GAZETTEER, METADATA, CARD, ATTRIBUTES = (
    "ner.crfsuite", "clusters.tsv", "gazetteer.tsv", "metadata.json", "MODEL_CARD.md",
    "attributes.txt",
)


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


def load_featurizer(
    folder: Traversable | Path, groups: Sequence[str], known: frozenset[str] | None = None
) -> Featurizer:
    lexicon = load_lexicon(_read_text(folder, GAZETTEER).splitlines())
    table = cluster_files.read(iter(_read_text(folder, CLUSTERS).splitlines()))
    return Featurizer(lexicon, table, groups, known)


def write_attributes(folder: Path) -> None:
    """List the features the CRF in ``folder`` has weights for (read back by
    :func:`known_attributes`); CRFsuite can tell, but reading its whole model takes longer
    than loading everything else."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(folder / WEIGHTS))
    names = sorted({name for name, _ in tagger.info().state_features})
    (folder / ATTRIBUTES).write_text("".join(f"{n}\n" for n in names), encoding="utf-8")


def known_attributes(folder: Traversable | Path) -> frozenset[str] | None:
    """The features listed by :func:`write_attributes`; None (use every feature) for a
    model folder without the list."""
    entry = folder.joinpath(ATTRIBUTES)
    return frozenset(entry.read_text(encoding="utf-8").splitlines()) if entry.is_file() else None


class NerModel:
    """Tags tokenised sentences with BIO tags of the ANERcorp types."""

    def __init__(self, weights: bytes, featurizer: Featurizer, metadata: dict):
        self._weights = weights  # CRFsuite reads the model from this buffer: keep it alive
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open_inmemory(weights)
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
        weights = folder.joinpath(WEIGHTS)
        if not weights.is_file():
            _read_text(folder, WEIGHTS)  # raises ModelMissing with the fix
        featurizer = load_featurizer(folder, groups, known_attributes(folder))
        return cls(weights.read_bytes(), featurizer, metadata or {"features": list(groups)})

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """Tags of one sentence taken alone (use :meth:`tag_all` for a whole text)."""
        return self.tag_all([tokens])[0]

    def tag_all(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tags of consecutive sentences of one text: the CRF's, sentence by sentence, then
        spread to the untagged repeats of each name nearby (:mod:`marsad.ner.consistency`)."""
        sentences = list(sentences)
        return propagate(sentences, self.crf_tags(sentences))

    def crf_tags(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """The CRF's tags alone, each sentence taken by itself."""
        sentence = self.featurizer.sentence
        return [self.tagger.tag(sentence(tokens)) if tokens else [] for tokens in sentences]


@lru_cache(maxsize=1)
def shipped_model() -> NerModel:
    """The model in the package, loaded once per process."""
    return NerModel.load()
