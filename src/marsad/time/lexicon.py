"""The temporal lexicon (data/lexicon.yaml, the month tables, data/exclusions.yaml) and the
*canonical form* of a word that the grammar matches.

A word's canonical form is its matching key with its proclitics taken off when what is
left is a lexicon word: «وبالأمس» -> «الامس», «لمدة» -> «مده», «بيومين» -> «يومين». The
definite article stays (it tells «الأحد» Sunday from «أحد» one). Words outside the lexicon
keep their whole key. The grammar is written over these forms, so it never lists a
prefixed spelling, and lexicon phrases are canonicalised the same way as the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.text import clitics
from marsad.text.normalize import _TABLE, normalize, normalize_key
from marsad.text.tokenizer import tokenize
from marsad.time.alternation import alternation
from marsad.time.months import hijri_month_names, month_names

ARTICLE = "ال"
# A conjunction taken off a word stays in the stream as a word: «أمس والأحد» is two days,
# not «أمس الأحد», and patterns can still ask for it («الحادي والعشرين»).
CONJUNCTION = "و"
# Proclitics that fuse with the article («للعام» = ل + العام) cannot be cut off without
# changing the word, so such a word keeps its preposition in the span.
_FUSED = "لل"


def _load(name: str):
    with resources.files("marsad.time").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return load_yaml(f)


@dataclass
class Lexicon:
    """Word classes by canonical phrase, and the vocabulary canonical forms are drawn from."""

    words: frozenset[str]
    classes: dict[str, dict[str, object]] = field(default_factory=dict)
    exclusions: list[str] = field(default_factory=list)

    def canonical(self, word: str) -> tuple[str, int]:
        """(canonical form, number of leading characters of ``word`` that are proclitics
        outside the expression). The tagger keeps the result per token text
        (:func:`marsad.time.tagger.form_of`)."""
        if _PLAIN.fullmatch(word):
            key = word.translate(_PLAIN_TABLE)
            if not self._proclitic_keys.fullmatch(key):
                return key, 0  # the common case, decided without a clitic analysis
        else:
            key = normalize_key(word)
            if not self._lexical_keys.fullmatch(key):
                return key, 0
        for analysis in clitics.analyses(word):
            if analysis.suffix:
                continue  # a time word never carries a pronoun
            form = ARTICLE + analysis.stem if analysis.article else analysis.stem
            if form in self.words or (analysis.article and analysis.stem in self.words):
                return form, _strip_length(word, analysis)
        return normalize_key(word), 0

    @cached_property
    def _lexical_keys(self) -> re.Pattern:
        """The keys that are, or after a few proclitic letters come off are, a
        lexicon word, bare or with the article: a cheap test that spares most words the
        analyser. At most four letters come off (وبال), and they leave two or more."""
        return re.compile(f"(?:{_PROCLITICS})?{alternation(_stems(self.words))}", re.DOTALL)

    @cached_property
    def _proclitic_keys(self) -> re.Pattern:
        """The keys where proclitics other than the bare article may come off and leave
        a lexicon word. Only these can give a plain word (whose key is its bare stem) a
        canonical form other than its key: a bare article stays on the form, «الأحد» ->
        «الاحد», so no analysis is needed for it."""
        return re.compile(f"{_PROCLITICS}(?<!^{ARTICLE}){alternation(_stems(self.words))}",
                          re.DOTALL)

    def phrase(self, text: str) -> str:
        """The canonical form of a phrase: its words' forms joined by single spaces, a
        conjunction taken off a word kept as a word of its own («والعشرين» -> «و العشرين»)."""
        forms: list[str] = []
        for word in tokenize(text)[0]:
            if not word.isspace():
                form, strip = self.canonical(word)
                forms.extend([CONJUNCTION, form] if has_conjunction(word, strip) else [form])
        return " ".join(forms)

    def value(self, name: str, form: str | None):
        """The value of ``form`` in class ``name``; a form with the article also matches
        its entry without it («العامين» is the dual «عامين»)."""
        table = self.classes[name]
        if form is None:
            return None
        if form in table:
            return table[form]
        return table.get(form.removeprefix(ARTICLE))


_MAX_PROCLITICS = 4  # وبال: the longest proclitic sequence, in key characters
_PROCLITIC_LETTERS = frozenset("وفبكلسال")
# Proclitic letters that may come off a key, leaving two letters or more.
_PROCLITICS = f"[{''.join(sorted(_PROCLITIC_LETTERS))}]{{1,{_MAX_PROCLITICS}}}(?=..)"
# A word of plain Arabic letters and digits (no marks, tatweel or presentation forms)
# needs none of NFKC, casefolding or mark clusters: its matching key is the character
# table of marsad.text.normalize alone. Most words are plain, and keying them this way
# is what keeps the tagger fast on text it has not seen.
_PLAIN = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0660-\u06690-9]+")
# That table as a list indexed by code point, up to the last plain character:
# str.translate reads a list faster than a dict that lacks most characters.
_PLAIN_TABLE = [chr(code).translate(_TABLE) for code in range(0x066A)]


def _stems(words: frozenset[str]) -> frozenset[str]:
    """The lexicon words, and those with the article also without it: ``w`` is here when
    ``w`` or ``ال`` + ``w`` is a lexicon word."""
    return words | {w.removeprefix(ARTICLE) for w in words if w.startswith(ARTICLE)}


def has_conjunction(word: str, strip: int) -> bool:
    """Whether the proclitics taken off ``word`` begin with a conjunction (و or ف)."""
    return strip > 0 and word[0] in "وف"


def _strip_length(word: str, analysis: clitics.Clitics) -> int:
    prefix = analysis.prefix.removesuffix(ARTICLE) if analysis.article else analysis.prefix
    if not prefix or analysis.prefix.endswith(_FUSED):
        return 0
    if _PLAIN.fullmatch(word):  # one key character per character: no mapping back
        return len(prefix)
    return normalize(word).to_original(0, len(prefix))[1]


def _entries(raw) -> dict[str, object]:
    """A class written as a mapping (phrase: value) or a list (phrase, valued True)."""
    if isinstance(raw, dict):
        return {str(k): v for k, v in raw.items()}
    return dict.fromkeys((str(p) for p in raw), True)


def _vocabulary(tables: list[dict[str, object]], exclusions: list[str]) -> frozenset[str]:
    phrases = [p for table in tables for p in table] + exclusions
    return frozenset(normalize_key(w) for p in phrases for w in tokenize(p)[0] if not w.isspace())


def _units(raw: dict) -> dict[str, dict[str, tuple[str, int | None]]]:
    """unit_singular / unit_dual / unit_plural: form -> (TIMEX3 unit, count or None)."""
    counts = {"singular": 1, "dual": 2, "plural": None}
    return {
        f"unit_{number}": {form: (code, counts[number]) for code, forms in raw.items()
                           for form in forms[number]}
        for number in counts
    }


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = _load("lexicon.yaml")
    unit_tables = _units(raw.pop("unit"))
    tables = {name: _entries(value) for name, value in raw.items()}
    tables.update(unit_tables)
    tables["month"] = _month_table(month_names)
    tables["hijri_month"] = _month_table(hijri_month_names)
    exclusions = [str(p) for p in _load("exclusions.yaml")]
    lex = Lexicon(_vocabulary(list(tables.values()), exclusions))
    lex.classes = {name: {lex.phrase(p): v for p, v in t.items()} for name, t in tables.items()}
    _derive(lex)
    lex.exclusions = [lex.phrase(p) for p in exclusions]
    return lex


def _month_table(names) -> dict[str, int]:
    """The month tables are keyed by matching key; the key is also a fine phrase."""
    return dict(names())


def _derive(lex: Lexicon) -> None:
    """Classes computed from others: months safe to read alone, weekdays without the
    article («كل جمعة»)."""
    classes = lex.classes
    ambiguous = {lex.phrase(m) for m in classes["ambiguous_months"]}
    classes["month_alone"] = {k: v for k, v in classes["month"].items() if k not in ambiguous}
    classes["weekday_bare"] = {
        k.removeprefix(ARTICLE): v for k, v in classes["weekday"].items()
    }
