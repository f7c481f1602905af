"""Ingest: turn files, URLs and streams into :class:`Document` objects.

Readers yield a :class:`Document` per article, or an :class:`InputError` for an input that
cannot be read, so that one bad file in a batch is reported and the rest go on.
"""

from marsad.ingest.document import Document, InputError, ReadOptions
from marsad.ingest.readers import read_inputs

__all__ = ["Document", "InputError", "ReadOptions", "read_inputs"]
