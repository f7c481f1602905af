"""Sentence boundaries for Arabic news copy, as a spaCy component.

News copy ends sentences with . ! ؟ ? and also with the Arabic semicolon ؛, which writers
use where English would start a new sentence. Headlines and subtitles have no final
punctuation at all, so a line break always ends a sentence. A quotation stays whole:
«...» is one sentence with its reporting verb, which is what attribution needs.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from marsad.datafiles import read_yaml
from marsad.doc import words_of
from marsad.text.normalize import normalize_key


@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = read_yaml("marsad.text", "data/sentences.yaml")
    rules["terminators"] = frozenset(rules["terminators"])
    rules["closers"] = frozenset(rules["closers"])
    rules["abbreviations"] = frozenset(normalize_key(a) for a in rules["abbreviations"])
    return rules


def quote_pairs() -> dict[str, str]:
    """Opening quote mark -> its closing mark («"»: the same mark closes)."""
    return _rules()["quote_pairs"]


def sentence_starts(doc: Doc) -> list[bool]:
    """For each token, whether it starts a sentence."""
    rules = _rules()
    pairs = quote_pairs()
    terminators, closers = rules["terminators"], rules["closers"]
    texts = words_of(doc).texts  # plain strings: Token objects are costly to make
    spaces = [text.isspace() for text in texts]
    newline = [space and "\n" in text for text, space in zip(texts, spaces, strict=True)]
    starts = [False] * len(texts)
    open_quote: str | None = None  # the closer we wait for, while inside a quotation
    pending = True  # the next token starts a sentence...
    after_terminator = False  # ...unless it closes a quote or bracket after . ! ؟
    for i, text in enumerate(texts):
        if spaces[i]:
            if newline[i]:
                pending, after_terminator, open_quote = True, False, None
            continue
        if pending:
            if after_terminator and text in closers:
                continue  # «... انتهى.» : the closer belongs to the sentence it ends
            starts[i], pending, after_terminator = True, False, False
        if open_quote is not None:
            if text == open_quote:
                open_quote = None
                pending = after_terminator = i > 0 and texts[i - 1] in terminators
        elif text in pairs and _closes_on_line(texts, newline, i, pairs[text]):
            open_quote = pairs[text]
        elif text in terminators and not _is_abbreviation(doc, i, rules):
            pending = after_terminator = True
    return starts


def _closes_on_line(
    texts: list[str], newline: list[bool], i: int, closer: str, horizon: int = 200
) -> bool:
    """Whether the quote opened at token ``i`` closes before the line ends.

    An unbalanced quote mark (common in scraped copy) must not swallow the paragraph.
    """
    for j in range(i + 1, min(len(texts), i + 1 + horizon)):
        if texts[j] == closer:
            return True
        if newline[j]:
            return False
    return False


def _is_abbreviation(doc: Doc, i: int, rules: dict) -> bool:
    words = words_of(doc)
    if words.texts[i] != "." or i == 0 or words.spaces[i - 1]:
        return False
    return words.keys[i - 1] in rules["abbreviations"]


@Language.component(
    "marsad_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
)
def marsad_sentencizer(doc: Doc) -> Doc:
    """Set sentence boundaries (see the module docstring for the rules)."""
    if len(doc):
        # One array write instead of a per-token property (which re-checks the whole doc).
        values = [1 if start else -1 for start in sentence_starts(doc)]
        values[0] = 1
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64"))
    return doc
