"""The Arabic text layer: normalisation with offsets, tokens with clitics, sentences."""

from marsad.text.clitics import Clitics, analyses
from marsad.text.normalize import Normalized, normalize, normalize_key
from marsad.text.tokenizer import ArabicTokenizer, tokenize

__all__ = [
    "ArabicTokenizer",
    "Clitics",
    "Normalized",
    "analyses",
    "normalize",
    "normalize_key",
    "tokenize",
]
