"""Import every stage's spaCy factories so ``pipeline.cfg`` can name them.

One line a stage; importing a module registers its ``@Language.factory`` components.
"""

import spacy

import marsad.events.component
import marsad.framing.component
import marsad.geo.component
import marsad.kb.component
import marsad.ner.component
import marsad.text.language
import marsad.text.sentences
import marsad.time.component  # noqa: F401
from marsad.text.tokenizer import ArabicTokenizer


@spacy.registry.tokenizers("marsad.ArabicTokenizer.v1")
def create_tokenizer():
    return lambda nlp: ArabicTokenizer(nlp.vocab)
