"""The Arabic text layer: normalisation with offsets, tokens with clitics, sentences.

``normalize``, ``clitics`` and ``language`` are plain Python; ``tokenizer`` and
``sentences`` are the spaCy parts, imported on first use so that the light parts stay light.
"""

_EXPORTS = {
    "ArabicTokenizer": "marsad.text.tokenizer",
    "tokenize": "marsad.text.tokenizer",
    "Clitics": "marsad.text.clitics",
    "analyses": "marsad.text.clitics",
    "Normalized": "marsad.text.normalize",
    "normalize": "marsad.text.normalize",
    "normalize_key": "marsad.text.normalize",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'marsad.text' has no attribute {name!r}")
