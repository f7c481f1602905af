"""From an analysed spaCy Doc to the Analysis record (``marsad.analysis/1``)."""

from __future__ import annotations

import hashlib

from pydantic import TypeAdapter
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM, SENT_START
from spacy.tokens import Doc

from marsad.analysis import Analysis, Article, Framing, Sentence
from marsad.doc import STAGE_FIELDS, text_of
from marsad.ingest.document import Document
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key


def article_id(document: Document) -> str:
    """Identity of an article: its URL when it has one, else its normalised text."""
    basis = f"url:{document.url}" if document.url else f"text:{normalize_key(document.text)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def to_analysis(doc: Doc) -> Analysis:
    document: Document = doc._.document
    text = text_of(doc)
    article = Article(
        id=article_id(document),
        title=document.title,
        published=document.published.isoformat() if document.published else None,
        published_source=document.published_source,
        source=document.source,
        url=document.url,
        language=doc._.language or "und",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        metadata=document.metadata,
    )
    stages = {name: getattr(doc._, name) for name in STAGE_FIELDS}
    return Analysis(
        article=article,
        sentences=_sentences(doc),
        **{name: value or [] for name, value in stages.items() if name != "framing"},
        framing=stages["framing"] or Framing(),
        warnings=list(doc._.warnings or []),
    )


_SENTENCES = TypeAdapter(list[Sentence])


def _sentences(doc: Doc) -> list[Sentence]:
    """Sentences with their tokens, read from arrays and validated in one call: a Python
    object per token is the cost that matters here (Token objects, model constructors)."""
    rows = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START, NORM]).tolist()
    strings, text = doc.vocab.strings, text_of(doc)
    sentences: list[dict] = []
    tokens: list[dict] = []
    for i, (start, length, is_space, sent_start, norm) in enumerate(rows):
        if (i == 0 or sent_start == 1) and tokens:
            sentences.append(_sentence(tokens))
            tokens = []
        if is_space:
            continue
        word = text[start : start + length]
        clitics = best(word)
        tokens.append({"start": start, "end": start + length, "text": word,
                       "norm": strings[norm], "prefix": clitics.prefix,
                       "stem": clitics.stem, "suffix": clitics.suffix})
    if tokens:
        sentences.append(_sentence(tokens))
    return _SENTENCES.validate_python(sentences)


def _sentence(tokens: list[dict]) -> dict:
    return {"start": tokens[0]["start"], "end": tokens[-1]["end"], "tokens": tokens}
