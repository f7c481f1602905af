"""The ``marsad_ner`` pipeline component: the NER model's entities as ``doc.ents``.

marsad's tokenizer splits punctuation off words as ANERcorp does, so the model sees the
tokens it was trained on; whitespace tokens are skipped. The doc's sentences are tagged
together, so a name found in one is also tagged at its repeats (``consistency.py``).
Labels follow the Analysis record's types: ANERcorp's PERS becomes PERSON; LOC stays LOC
until the places stage tells political places (GPE) from the others. Ministries and
governments, which ANERcorp leaves untagged, are added from ``data/org_patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from marsad.datafiles import load_yaml
from marsad.doc import words_of
from marsad.ner.conll import spans
from marsad.ner.model import NerModel, shipped_model
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

LABELS = {"PERS": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


@lru_cache(maxsize=1)
def _org_patterns() -> tuple[frozenset[str], int]:
    path = resources.files("marsad.ner").joinpath("data/org_patterns.yaml")
    with path.open(encoding="utf-8") as f:
        data = load_yaml(f)
    return frozenset(normalize_key(h) for h in data["heads"]), data["max_modifiers"]


def pattern_organisations(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) indexes into ``texts`` of «head + definite modifiers» organisations."""
    heads, most = _org_patterns()
    found = []
    for i, text in enumerate(texts):
        head = best(text)
        if head.article or head.stem not in heads:
            continue
        end = i + 1
        while end < len(texts) and end - i <= most and best(texts[end]).prefix == "ال":
            end += 1
        if end > i + 1:
            found.append((i, end))
    return found


class EntityRecognizer:
    def __init__(self, model: NerModel):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Tag a batch of docs at once: the model decodes all their sentences together."""
        for batch in minibatch(docs, batch_size):
            sentences = [_sentence_words(doc) for doc in batch]
            texts = [_texts(words_of(doc).texts, doc_sentences)
                     for doc, doc_sentences in zip(batch, sentences, strict=True)]
            all_tags = self.model.tag_texts(texts)
            for doc, *tagged in zip(batch, sentences, texts, all_tags, strict=True):
                _set_entities(doc, *tagged)
                yield doc


def _sentence_words(doc: Doc) -> list[list[int]]:
    """Each sentence's word tokens (whitespace tokens skipped), by index into the Doc."""
    texts = words_of(doc).texts
    bounds = ([(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START")
              else [(0, len(doc))])
    return [[i for i in range(start, end) if not texts[i].isspace()] for start, end in bounds]


def _texts(texts: list[str], sentences: list[list[int]]) -> list[list[str]]:
    return [[texts[i] for i in words] for words in sentences]


def _set_entities(
    doc: Doc, sentences: list[list[int]], texts: list[list[str]], all_tags: list[list[str]]
) -> None:
    """The model's entities and the pattern organisations it missed, as ``doc.ents``."""
    entities: list[Span] = []
    for words, words_text, tags in zip(sentences, texts, all_tags, strict=True):
        found = [(LABELS[kind], start, end) for kind, start, end in spans(tags)]
        taken = {i for _, start, end in found for i in range(start, end)}
        for start, end in pattern_organisations(words_text):
            if taken.isdisjoint(range(start, end)):
                found.append(("ORG", start, end))
                taken.update(range(start, end))
        for label, start, end in sorted(found, key=lambda f: f[1]):
            entities.append(Span(doc, words[start], words[end - 1] + 1, label=label))
    doc.set_ents(entities, default="outside")


@Language.factory(
    "marsad_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["token.is_sent_start"],
    default_config={"model": None, "bilstm": True},
)
def create_ner(nlp: Language, name: str, model: str | None, bilstm: bool) -> EntityRecognizer:
    """``model``: a model folder written by ``marsad train ner``; default the shipped one.
    ``bilstm``: false to tag with the CRF alone (faster, less accurate)."""
    if not bilstm:  # never read the vectors and network
        return EntityRecognizer(NerModel.load(Path(model) if model else None, bilstm=False))
    return EntityRecognizer(NerModel.load(Path(model)) if model else shipped_model())
