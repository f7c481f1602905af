"""Bytes to text, with the checks that give users a precise, one-line error."""

from __future__ import annotations

import codecs

from marsad.ingest.document import InputError, ReadOptions

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, origin: str, options: ReadOptions) -> str:
    """Decode ``data`` as UTF-8 (or UTF-16/32 with a BOM); refuse empty and binary data.

    The size limit is the reader's to check: it applies to each document, not to a file.
    """
    if not data.strip():
        raise InputError(origin, "empty input: nothing to analyse")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and _looks_binary(data):
        raise InputError(origin, "binary file, not text (expected UTF-8 text, HTML or JSONL)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if options.errors != "replace":
            raise InputError(
                origin,
                f"invalid {encoding.upper()} at byte {error.start}; "
                "re-encode the file as UTF-8 or pass --errors replace",
            ) from None
        text = data.decode(encoding, errors="replace")
    if (nul := text.find("\x00")) >= 0:  # past the sample _looks_binary reads
        raise InputError(origin, f"NUL character at offset {nul:,}: not text (expected UTF-8 "
                                 "text, HTML or JSONL)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, origin: str, options: ReadOptions) -> None:
    if not text.strip():
        raise InputError(origin, "empty input: nothing to analyse")
    if len(text) > options.max_chars:
        raise InputError(
            origin,
            f"too large: {len(text):,} characters over the limit of {options.max_chars:,} "
            "(raise it with --max-chars)",
        )


def _looks_binary(data: bytes, sample: int = 8192) -> bool:
    """NUL bytes or many control characters: an image, an archive, a PDF..."""
    head = data[:sample]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in b"\t\n\r\f\v\x1b" for b in head)
    return controls > 0.05 * len(head)
