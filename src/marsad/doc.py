"""marsad's attributes on spaCy's Doc and Token: one document model for every stage.

Each stage writes its results as ``doc._.<field>``, named after the field of the Analysis
record it fills (``doc._.times`` -> ``"times"``), as record objects
(:mod:`marsad.analysis`); :func:`marsad.record.to_analysis` collects them. A stage that is
not in the pipeline leaves its field ``None``, which the record shows as empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from marsad.text import clitics
from marsad.text.normalize import normalize_key
from marsad.text.tokenizer import SPLIT_KEY, TEXT_KEY

WORDS_KEY = "marsad.words"

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


@dataclass(frozen=True, slots=True)
class Words:
    """A Doc's tokens as plain lists, one entry a token (whitespace tokens included).

    Every stage reads every token several times; making a spaCy Token object (iterating
    a Doc, ``doc[i]``) costs more than the look-up done with it, so the stages read these
    lists instead (:func:`words_of`)."""

    texts: list[str]
    keys: list[str]  # matching keys (normalize_key), as token.norm_
    spaces: list[bool]  # whether a space follows the token (token.whitespace_)
    idx: list[int]  # character offset of each token in the text

    def __len__(self) -> int:
        return len(self.texts)

    def end_char(self, end: int) -> int:
        """The character offset after token ``end - 1``."""
        return self.idx[end - 1] + len(self.texts[end - 1])


def words_of(doc: Doc) -> Words:
    """The words of ``doc``, made once per Doc: from the split our tokenizer kept, so no
    Token object is made (any other Doc is read token by token)."""
    words = doc.user_data.get(WORDS_KEY)
    if words is not None and len(words.texts) == len(doc):
        return words
    split = doc.user_data.get(SPLIT_KEY)
    if split is not None and len(split[0]) == len(doc):
        texts, spaces = split
    else:
        texts, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    idx, position = [], 0
    for text, space in zip(texts, spaces, strict=True):
        idx.append(position)
        position += len(text) + space
    words = Words(texts, [normalize_key(t) for t in texts], spaces, idx)
    doc.user_data[WORDS_KEY] = words
    return words


def warn(doc: Doc, message: str) -> None:
    """Attach a warning for the reader of this document's analysis."""
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(message)


register_extensions()
