"""A document's words as plain lists, computed once per document for the events stage.

Creating a spaCy Token (``doc[i]``, iterating a Doc or Span) costs more than the look-ups
done with it, and the stage reads every word many times: the trigger, its clause, the
words before a participant. It reads them here instead. The lists are made at the start
of each run of the component (:func:`fresh`) and live as long as the Doc.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

from marsad.text.normalize import normalize_key


@dataclass(frozen=True)
class Words:
    texts: list[str]  # each token's text
    keys: list[str]  # each token's matching key (normalize_key)


_BY_DOC: WeakKeyDictionary[Doc, Words] = WeakKeyDictionary()


def fresh(doc: Doc) -> Words:
    """The words of ``doc``, computed anew (a Doc may have been retokenised since)."""
    texts = [t.text for t in doc]
    found = Words(texts, [normalize_key(text) for text in texts])
    _BY_DOC[doc] = found
    return found


def words(doc: Doc) -> Words:
    """The words of ``doc``, computed once."""
    found = _BY_DOC.get(doc)
    return found if found is not None else fresh(doc)


def texts_of(doc: Doc) -> list[str]:
    return words(doc).texts


def keys_of(doc: Doc) -> list[str]:
    return words(doc).keys
