"""Building the pipeline and running it: ``marsad.load()`` and ``marsad.analyze()``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from thinc.api import Config

import marsad.components  # noqa: F401  (registers the factories the config names)
from marsad.analysis import Analysis
from marsad.doc import register_extensions
from marsad.ingest.document import Document
from marsad.record import to_analysis


def load_config() -> Config:
    text = resources.files("marsad").joinpath("pipeline.cfg").read_text(encoding="utf-8")
    return Config().from_str(text)


def load(only: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> Language:
    """A fresh marsad pipeline: ``spacy.blank("ar")`` with marsad's tokenizer and stages.

    ``only`` keeps just the named components (in pipeline order), ``exclude`` drops some:
    ``load(only=["marsad_sentencizer", "marsad_times"])`` runs sentences and dates alone.
    """
    register_extensions()
    config = load_config()
    names = config["nlp"]["pipeline"]
    unknown = sorted({*(only or ()), *exclude} - set(names))
    if unknown:
        raise ValueError(f"no such components {unknown}; the pipeline has {names}")
    dropped = [n for n in names if (only is not None and n not in only) or n in exclude]
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True,
                                             exclude=dropped)


@lru_cache(maxsize=1)
def _default_pipeline() -> Language:
    return load()


def analyze(
    text: str,
    published: str | dt.date | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article; ``published`` (YYYY-MM-DD) anchors its relative dates."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    document = Document(
        text=text,
        origin="<api>",
        title=title,
        published=published,
        published_source="option" if published else None,
        url=url,
        source=source,
    )
    return next(analyze_documents([document], nlp=nlp))


def analyze_documents(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyse documents in order, batching them through the pipeline."""
    nlp = nlp or _default_pipeline()
    docs = (_make_doc(nlp, document) for document in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_analysis(doc)


def _make_doc(nlp: Language, document: Document):
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc._.warnings = []
    if document.published is None:
        doc._.warnings.append(
            "no publication date (none in the input; pass --date): relative dates are unresolved"
        )
    return doc
