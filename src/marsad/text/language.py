"""Which language a text is in: Arabic, or what else, by script and function words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from marsad.datafiles import read_yaml
from marsad.doc import text_of, warn

# Letters: word characters less digits and «_» (stdlib re is several times faster than
# regex's \p{L} here; the two differ only on numerals such as «½» and «Ⅻ»).
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_LATIN_WORD = regex.compile(r"\b\p{Latin}+\b")


@lru_cache(maxsize=1)
def _hints() -> dict:
    hints = read_yaml("marsad.text", "data/languages.yaml")
    hints["script_patterns"] = {
        lang: regex.compile(rf"\p{{Script={script}}}") for script, lang in hints["scripts"].items()
    }
    hints["stopword_sets"] = {k: frozenset(v) for k, v in hints["latin_stopwords"].items()}
    # Letters proper to a language written in Arabic script, counted among Arabic letters.
    hints["arabic_marks"] = {
        lang: [c for c in marks if _ARABIC.match(c)]
        for lang, marks in hints["arabic_script"].items()
    }
    return hints


def detect_language(text: str, sample: int = 20_000) -> str:
    """ISO 639-1 code of the dominant language, ``"und"`` when there are no letters.

    Arabic wins when at least half the letters are Arabic script and no more than a trace
    of them are letters proper to Persian or Urdu.
    """
    text = text[:sample]
    letters = "".join(_LETTER.findall(text))  # counted in C, not letter by letter
    if not letters:
        return "und"
    hints = _hints()
    arabic = len(_ARABIC.findall(letters))
    if arabic * 2 >= len(letters):
        for lang, marks in hints["arabic_marks"].items():
            if sum(letters.count(c) for c in marks) > 0.02 * arabic:
                return lang
        return "ar"
    for lang, pattern in hints["script_patterns"].items():
        if len(pattern.findall(text)) * 2 >= len(letters):
            return lang
    words = Counter(w.casefold() for w in _LATIN_WORD.findall(text))
    scores = {
        lang: sum(n for w, n in words.items() if w in stop)
        for lang, stop in hints["stopword_sets"].items()
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else "und"


@Language.component("marsad_language", assigns=["doc._.language"])
def marsad_language(doc: Doc) -> Doc:
    """Set ``doc._.language``; warn when the text is not Arabic."""
    doc._.language = detect_language(text_of(doc))
    if doc._.language != "ar":
        warn(doc, not_arabic_warning(doc._.language))
    return doc


def not_arabic_warning(language: str) -> str:
    return f"text is not Arabic (detected '{language}'); analysis may be empty"
