"""The ``marsad_ner`` pipeline component: the CRF's entities as ``doc.ents``.

marsad's tokenizer splits punctuation off words as ANERcorp does, so the CRF sees the
tokens it was trained on; whitespace tokens are skipped. Labels follow the Analysis
record's types: ANERcorp's PERS becomes PERSON; LOC stays LOC until the places stage
tells political places (GPE) from the others.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.ner.conll import spans
from marsad.ner.model import NerModel, shipped_model

LABELS = {"PERS": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


class EntityRecognizer:
    def __init__(self, model: NerModel):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        entities: list[Span] = []
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            words = [token for token in sentence if not token.is_space]
            tags = self.model.tag([token.text for token in words])
            for kind, start, end in spans(tags):
                first, last = words[start].i, words[end - 1].i
                entities.append(Span(doc, first, last + 1, label=LABELS[kind]))
        doc.set_ents(entities, default="outside")
        return doc


@Language.factory(
    "marsad_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["token.is_sent_start"],
    default_config={"model": None},
)
def create_ner(nlp: Language, name: str, model: str | None) -> EntityRecognizer:
    """``model``: a model folder written by ``marsad train ner``; default the shipped one."""
    return EntityRecognizer(NerModel.load(Path(model)) if model else shipped_model())
