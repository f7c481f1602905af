"""Sentence boundaries for Arabic news copy, as a spaCy component.

News copy ends sentences with . ! ؟ ? and also with the Arabic semicolon ؛, which writers
use where English would start a new sentence. Headlines and subtitles have no final
punctuation at all, so a line break always ends a sentence. A quotation stays whole:
«...» is one sentence with its reporting verb, which is what attribution needs.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from marsad.text.normalize import normalize_key


@lru_cache(maxsize=1)
def _rules() -> dict:
    path = resources.files("marsad.text").joinpath("data/sentences.yaml")
    with path.open(encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    rules["terminators"] = frozenset(rules["terminators"])
    rules["closers"] = frozenset(rules["closers"])
    rules["abbreviations"] = frozenset(normalize_key(a) for a in rules["abbreviations"])
    return rules


def sentence_starts(doc: Doc) -> list[bool]:
    """For each token, whether it starts a sentence."""
    rules = _rules()
    pairs: dict[str, str] = rules["quote_pairs"]
    starts = [False] * len(doc)
    open_quote: str | None = None  # the closer we wait for, while inside a quotation
    pending = True  # the next token starts a sentence...
    after_terminator = False  # ...unless it closes a quote or bracket after . ! ؟
    for i, token in enumerate(doc):
        text = token.text
        if token.is_space:
            if "\n" in text:
                pending, after_terminator, open_quote = True, False, None
            continue
        if pending:
            if after_terminator and text in rules["closers"]:
                continue  # «... انتهى.» : the closer belongs to the sentence it ends
            starts[i], pending, after_terminator = True, False, False
        if open_quote is not None:
            if text == open_quote:
                open_quote = None
                pending = after_terminator = _ends_after_closer(doc, i, rules)
        elif text in pairs and _closes_on_line(doc, i, pairs[text]):
            open_quote = pairs[text]
        elif text in rules["terminators"] and not _is_abbreviation(doc, i, rules):
            pending = after_terminator = True
    return starts


def _closes_on_line(doc: Doc, i: int, closer: str, horizon: int = 200) -> bool:
    """Whether the quote opened at token ``i`` closes before the line ends.

    An unbalanced quote mark (common in scraped copy) must not swallow the paragraph.
    """
    for token in doc[i + 1 : i + 1 + horizon]:
        if token.text == closer:
            return True
        if token.is_space and "\n" in token.text:
            return False
    return False


def _ends_after_closer(doc: Doc, i: int, rules: dict) -> bool:
    """A closing quote ends the sentence when a terminator stands just inside it."""
    return i > 0 and doc[i - 1].text in rules["terminators"]


def _is_abbreviation(doc: Doc, i: int, rules: dict) -> bool:
    if doc[i].text != "." or i == 0 or doc[i - 1].whitespace_:
        return False
    return doc[i - 1].norm_ in rules["abbreviations"]


@Language.component(
    "marsad_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
)
def marsad_sentencizer(doc: Doc) -> Doc:
    """Set sentence boundaries (see the module docstring for the rules)."""
    for token, start in zip(doc, sentence_starts(doc), strict=True):
        token.is_sent_start = start if token.i else True
    return doc
