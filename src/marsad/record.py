"""From an analysed spaCy Doc to the Analysis record (``marsad.analysis/1``)."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from marsad.analysis import Analysis, Article, Framing, Sentence, Token
from marsad.doc import STAGE_FIELDS
from marsad.ingest.document import Document
from marsad.text.normalize import normalize_key


def article_id(document: Document) -> str:
    """Identity of an article: its URL when it has one, else its normalised text."""
    basis = f"url:{document.url}" if document.url else f"text:{normalize_key(document.text)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def to_analysis(doc: Doc) -> Analysis:
    document: Document = doc._.document
    article = Article(
        id=article_id(document),
        title=document.title,
        published=document.published.isoformat() if document.published else None,
        published_source=document.published_source,
        source=document.source,
        url=document.url,
        language=doc._.language or "und",
        text_sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        text=doc.text,
        metadata=document.metadata,
    )
    stages = {name: getattr(doc._, name) for name in STAGE_FIELDS}
    return Analysis(
        article=article,
        sentences=[_sentence(sent) for sent in doc.sents if not _blank(sent)],
        **{name: value or [] for name, value in stages.items() if name != "framing"},
        framing=stages["framing"] or Framing(),
        warnings=list(doc._.warnings or []),
    )


def _blank(span: Span) -> bool:
    return all(token.is_space for token in span)


def _sentence(sent: Span) -> Sentence:
    tokens = [
        Token(
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            norm=t.norm_,
            prefix=t._.clitics.prefix,
            stem=t._.clitics.stem,
            suffix=t._.clitics.suffix,
        )
        for t in sent
        if not t.is_space
    ]
    return Sentence(start=tokens[0].start, end=tokens[-1].end, tokens=tokens)
