"""marsad's attributes on spaCy's Doc and Token: one document model for every stage.

Each stage writes its results as ``doc._.<field>``, named after the field of the Analysis
record it fills (``doc._.times`` -> ``"times"``), as record objects
(:mod:`marsad.analysis`); :func:`marsad.record.to_analysis` collects them. A stage that is
not in the pipeline leaves its field ``None``, which the record shows as empty.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from marsad.text import clitics
from marsad.text.tokenizer import TEXT_KEY

# Record fields filled by pipeline stages.
STAGE_FIELDS = ("entities", "places", "times", "events", "attributions", "framing")


def register_extensions() -> None:
    """Declare the extensions (idempotent: spaCy extensions are process-global)."""
    for name in ("document", "language", "warnings", *STAGE_FIELDS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    token_getters = {
        "clitics": lambda t: clitics.best(t.text),
        "prefix": lambda t: clitics.best(t.text).prefix,
        "stem": lambda t: clitics.best(t.text).stem,
        "suffix": lambda t: clitics.best(t.text).suffix,
        "stems": lambda t: clitics.stems(t.text),
    }
    for name, getter in token_getters.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=getter)


def text_of(doc: Doc) -> str:
    """The document's text. spaCy's ``doc.text`` rebuilds the string from every token at
    each access; our tokenizer keeps the original, which is the same string."""
    return doc.user_data.get(TEXT_KEY) or doc.text


def warn(doc: Doc, message: str) -> None:
    """Attach a warning for the reader of this document's analysis."""
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(message)


register_extensions()
