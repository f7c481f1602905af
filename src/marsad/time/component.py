"""The spaCy component ``marsad_times``, and ``governing_time`` for the events stage.

The component tags the Doc's own tokens (the tagger's tokens are the Doc's: one
tokenizer), anchored at ``doc._.document.published``. It writes ``doc._.times`` (Time
records in text order) and ``doc.spans["times"]``: one span per expression, ``id_`` "t0",
"t1" ..., with the record in ``span._.timex``. A record's offsets are exact and may start
inside the span's first token, after a proclitic («والأحد» -> «الأحد»): spaCy spans are
whole tokens.

Without a publication date, absolute expressions keep their values, weekdays and days
without a year get TIMEX3 X placeholders (XXXX-WXX-1, XXXX-07-04), and the expressions
that only a publication date can resolve («أمس», «قبل أسبوعين», «الشهر الماضي») are left
out, with a document warning that says how many.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.analysis import Time
from marsad.doc import text_of, warn, words_of
from marsad.time.tagger import find, make_words

SPANS_KEY = "times"
# Precedence when choosing the time that dates a clause: a date, then a time of day;
# durations and sets say how long or how often, not when, and come last.
_PRECEDENCE = {"DATE": 0, "TIME": 1, "DURATION": 2, "SET": 3}

if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


@Language.component(
    "marsad_times",
    assigns=["doc._.times", "doc.spans"],
    requires=["doc._.document"],
)
def marsad_times(doc: Doc) -> Doc:
    """Find and normalise the temporal expressions of the Doc (see the module docstring)."""
    document = doc._.document
    anchor = document.published if document is not None else None
    tokens = words_of(doc)  # the Doc's token texts and offsets, no Token objects
    tagging = find(make_words(tokens.texts, tokens.idx), text_of(doc), anchor)
    spans = []
    for number, found in enumerate(tagging.found):
        span = Span(doc, found.first, found.last + 1, label=found.time.type,
                    span_id=f"t{number}")
        span._.timex = found.time
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc._.times = [found.time for found in tagging.found]
    if tagging.unresolved:
        warn(doc, f"{tagging.unresolved} relative time expression(s) left out: no "
                  "publication date to count from (pass --date)")
    return doc


def governing_time(doc: Doc, clause: Span) -> Time | None:
    """The time expression that dates ``clause`` (a token span, e.g. an event's clause):
    the nearest expression of the clause's sentence (one inside the clause is at
    distance 0), any DATE or TIME before any DURATION or SET, and a DATE before a TIME at
    equal distance. None when the sentence has none: the caller then falls back to the
    publication date. Needs sentence boundaries (marsad_sentencizer).
    """
    sentence = doc[clause.start].sent
    candidates = [
        span for span in doc.spans.get(SPANS_KEY, [])
        if sentence.start <= span.start and span.end <= sentence.end
    ]
    if not candidates:
        return None

    def rank(span: Span) -> tuple[bool, int, int, int]:
        gap = max(clause.start - span.end, span.start - clause.end, 0)
        precedence = _PRECEDENCE[span.label_]
        return precedence > 1, gap, precedence, span.start

    return min(candidates, key=rank)._.timex
