"""A document's words as plain lists, for the events stage (see :class:`marsad.doc.Words`).

The stage reads every word many times (the trigger, its clause, the words before a
participant), so it reads the lists the Doc keeps rather than making Token objects.
"""

from __future__ import annotations

from spacy.tokens import Doc

from marsad.doc import words_of


def texts_of(doc: Doc) -> list[str]:
    return words_of(doc).texts


def keys_of(doc: Doc) -> list[str]:
    return words_of(doc).keys
