"""The ``marsad_framing`` spaCy component: ``doc._.framing``.

It runs in any subset of the pipeline: the entities stage only sharpens actor names, and
without the events stage the source scores are ``None`` with a warning saying why.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from marsad.analysis import Framing
from marsad.doc import warn
from marsad.framing import lexicon as lexicons
from marsad.framing.labels import actor_labels, entity_names, label_uses
from marsad.framing.scores import lexical_scores, source_scores
from marsad.framing.terms import loaded_terms, to_record

NO_ATTRIBUTIONS = (
    "framing: source scores (claims, named_source_share, anonymous_source_share, "
    "distancing_claims) are null: add marsad_events to the pipeline to compute them"
)


def analyse_framing(doc: Doc) -> Framing:
    lexicon, grammar = lexicons.load(), lexicons.grammar()
    terms = loaded_terms(doc, lexicon, grammar, entity_names(doc))
    uses = label_uses(doc, lexicon, grammar)
    actors = actor_labels(uses)
    if doc._.attributions is None:
        warn(doc, NO_ATTRIBUTIONS)
    scores = {**lexical_scores(doc, terms, uses, actors), **source_scores(doc._.attributions)}
    return Framing(loaded_terms=[to_record(doc, m) for m in terms], actor_labels=actors,
                   scores=scores)


@Language.component(
    "marsad_framing",
    assigns=["doc._.framing"],
    requires=["doc._.entities", "doc._.attributions"],
)
def marsad_framing(doc: Doc) -> Doc:
    """Set ``doc._.framing``: loaded terms, actor labels and sourcing scores."""
    doc._.framing = analyse_framing(doc)
    return doc
