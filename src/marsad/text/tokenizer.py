"""Tokenisation that splits punctuation but never splits a word into its clitics.

Arabic NER corpora (ANERcorp, Wojood) are whitespace-tokenised with punctuation split off,
so a surface token such as «وأنقرة» stays whole; its clitic analysis is exposed as token
attributes instead (see :mod:`marsad.text.clitics`). The tokenizer reproduces the original
text exactly: ``doc.text == text`` and every ``token.idx`` is an offset in the input.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from marsad.text.normalize import INVISIBLE, normalize_key

if TYPE_CHECKING:  # spaCy is imported by the class only: `tokenize` is plain Python
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

TEXT_KEY = "marsad.text"
SPLIT_KEY = "marsad.split"  # (words, spaces) as tokenize() returned them

# Ordered alternatives: the first that matches at a position wins.
_TOKEN = regex.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s«»"“”<>]+[^\s«»"“”<>.,،;؛:!?؟)\]])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbrev>\p{L}(?:\.\p{L})+\.?(?!\p{L}))                      # U.S. أ.ف.ب
  | (?P<number>\p{Nd}+(?:[.,٫٬:/]\p{Nd}+)*)                      # 3.5  1,000  6/7/2020  22:00
  | (?P<word>{invisible}*[\p{L}\p{M}\u0640\u200c\u200d]+(?:['’][\p{L}\p{M}]+)*{invisible}*)
    # letters, marks, tatweel; with the invisible characters around them (normalize.py
    # INVISIBLE: directional marks pasted from social media, zero-width spaces), no words
    # of their own
  | (?P<ellipsis>\.{2,}|…)
  | (?P<punct>[^\s])                                             # any other single character
    """.replace("{invisible}", f"[{''.join(INVISIBLE)}]"),
    regex.VERBOSE,
)


# A ta marbuta ends a word: a letter right after it begins the next one
_GLUED = regex.compile(r"(?<=ة)(?=[\u0621-\u064a])")


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Split ``text`` into spaCy ``words`` and ``spaces`` that reconstruct it exactly.

    A single space after a token is its trailing whitespace; any other whitespace
    (newlines, runs of spaces) becomes a whitespace token, as in spaCy's own tokenizer.
    """
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        if start == position + 1 and text[position] == " " and words:  # the usual gap
            spaces[-1] = True
        elif start > position:
            _add_whitespace(text[position:start], words, spaces)
        word = match.group()
        if match.lastgroup == "word" and "ة" in word[:-1]:
            glued = _GLUED.split(word)  # «الخارجيةعادل»: two words, a space left out
            words += glued
            spaces += [False] * len(glued)
        else:
            words.append(word)
            spaces.append(False)
        position = match.end()
    _add_whitespace(text[position:], words, spaces)
    return words, spaces


def _add_whitespace(gap: str, words: list[str], spaces: list[bool]) -> None:
    if not gap:
        return
    if gap[0] == " " and words and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


class ArabicTokenizer:
    """A spaCy tokenizer: ``nlp.tokenizer = ArabicTokenizer(nlp.vocab)``."""

    def __init__(self, vocab: Vocab):
        from spacy.attrs import NORM

        self.vocab = vocab
        # NORM is spaCy's slot for a normalised form (Matcher patterns can use it). As a
        # lexeme attribute it is computed once per vocabulary entry, not once per token.
        vocab.lex_attr_getters[NORM] = normalize_key

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words, spaces = tokenize(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text  # see marsad.doc.text_of
        doc.user_data[SPLIT_KEY] = (words, spaces)  # see marsad.doc.words_of
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serialises the tokenizer with the pipeline; ours has no state to save.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> ArabicTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> ArabicTokenizer:
        return self
