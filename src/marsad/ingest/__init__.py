"""Ingest: turn files, URLs and streams into :class:`Document` objects.

Readers yield a :class:`Document` per article, or an :class:`InputError` for an input that
cannot be read, so that one bad file in a batch is reported and the rest go on.
"""

from marsad.ingest.document import Document, InputError, ReadOptions

__all__ = ["Document", "InputError", "ReadOptions", "read_inputs"]


def __getattr__(name: str):
    # The readers (trafilatura, lxml) are imported on first use: the pipeline needs only
    # Document, and loading it should not pay for HTML extraction.
    if name == "read_inputs":
        from marsad.ingest.readers import read_inputs

        return read_inputs
    raise AttributeError(f"module 'marsad.ingest' has no attribute {name!r}")
