"""Time: Arabic temporal expressions normalised against the publication date.

``tag(text, anchor)`` finds and normalises the expressions of any string (TIMEX3 values,
see :mod:`marsad.time.tagger`); the spaCy component ``marsad_times`` does the same on a
Doc (:mod:`marsad.time.component`), where ``governing_time`` gives the events stage the
time expression that dates a clause.
"""

from marsad.time.tagger import tag

__all__ = ["tag"]
