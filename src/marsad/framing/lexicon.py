"""The framing lexicons (``framing/data/*.yaml``), read into look-up tables.

A *term* is a sequence of matching keys (one a word) with its category and neutral
wording. Terms are indexed by their first word, so matching a token costs one dict
look-up per candidate stem (see :mod:`marsad.framing.terms`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.text.normalize import normalize_key

# Endings generated for an adjective's masculine singular key (ة is keyed as ه): the
# feminine, the sound plurals, the duals and the indefinite accusative (كبيراً → كبيرا:
# the tanwin is dropped by the key, its alef stays).
ADJECTIVE_ENDINGS = ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين", "ا")
# Word endings that take no alef with the accusative tanwin (جريمةً، عداءً، فوضى).
NO_TANWIN_ALEF = ("ه", "ا", "ء", "ي", "ات")
# Label tones and the loaded-term category each is reported under (neutral: none).
TONE_CATEGORY = {"pejorative": "pejorative-label", "glorifying": "glorifying", "neutral": None}
# The loaded_terms.yaml section of set phrases whose loaded word is not loaded there
# («على نطاق واسع», «على شرف»): matched like any term, so they hide the word, and reported
# as nothing.
SET_PHRASES = "set-phrases"


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # matching keys, one a word
    category: str | None  # loaded-term category; None for a neutral label or set phrase
    neutral: str | None  # the neutral wording, where one exists
    head: str  # the entry's first form as written: what reports show
    pos: str  # "adjectives", "nouns", "verbs" (loaded_terms.yaml) or "label" (labels.yaml)

    @property
    def label(self) -> bool:
        return self.pos == "label"


@dataclass(frozen=True)
class Lexicon:
    by_first: dict[str, tuple[Term, ...]]  # first word key -> terms, longest first

    def starting_with(self, key: str) -> tuple[Term, ...]:
        return self.by_first.get(key, ())

    @cached_property
    def one_word_labels(self) -> dict[str, Term]:
        """First word key -> the first of its terms that is a one-word actor label."""
        return {first: next(t for t in terms if t.label and len(t.words) == 1)
                for first, terms in self.by_first.items()
                if any(t.label and len(t.words) == 1 for t in terms)}

    def terms(self) -> Iterator[Term]:
        seen: set[int] = set()
        for terms in self.by_first.values():
            for term in terms:
                if id(term) not in seen:
                    seen.add(id(term))
                    yield term


def parse_entry(entry: str) -> tuple[list[str], str | None]:
    """``"a|b => neutral"`` -> (["a", "b"], "neutral")."""
    forms, _, neutral = (part.strip() for part in entry.partition("=>"))
    return [f.strip() for f in forms.split("|") if f.strip()], neutral or None


def adjective_forms(form: str) -> list[str]:
    """استفزازي -> استفزازي، استفزازيه، استفزازيون … (the first word inflects)."""
    first, _, rest = normalize_key(form).partition(" ")
    return [" ".join(filter(None, (first + ending, rest))) for ending in ADJECTIVE_ENDINGS]


def noun_forms(form: str) -> list[str]:
    """تهديد -> تهديد، تهديدا (the indefinite accusative: «تهديداً»); phrases as written."""
    key = normalize_key(form)
    if " " in key or key.endswith(NO_TANWIN_ALEF):
        return [key]
    return [key, key + "ا"]


def verb_forms(past: str, imperfect: str) -> list[str]:
    """زعم|يزعم -> زعم، زعمت، زعموا، يزعم، تزعم، أزعم، نزعم، يزعمون، يزعموا … (keys)."""
    past, imperfect = normalize_key(past), normalize_key(imperfect)
    base = past[:-1] if past.endswith("ي") else past  # ادعى: ادعت، ادعوا
    stem = imperfect[:-1] if imperfect.endswith("ي") else imperfect  # يدعي: يدعون
    persons = [p + imperfect[1:] for p in "ياتن"]  # يزعم، أزعم (keyed ا)، تزعم، نزعم
    plurals = [p + stem[1:] + ending for p in "يت" for ending in ("ون", "وا")]
    return [past, base + "ت", base + "وا", *persons, *plurals]


def verbal_noun(past: str) -> str | None:
    """The verbal noun (masdar) of a sound derived verb, where its pattern is regular:
    أشعل → إشعال (IV), اقتحم → اقتحام (VII, VIII), استنزف → استنزاف (X), هاجم → مهاجمة (III).
    Form I and II verbs (زعم، دمّر) are left to the nouns list: without vowels and
    shadda their pattern does not show. Hollow and defective verbs (أطاح، اعتدى) too."""
    key = normalize_key(past)
    if key.endswith("ي"):
        return None
    if len(key) == 4 and key[1] == "ا" and key[0] != "ت":
        return "م" + key + "ه"  # III (not VI: تخاذل is its own verbal noun)
    if key.startswith("ا") and "ا" not in key[1:] and (len(key) in (4, 5)
                                                      or key.startswith("است")):
        return key[:-1] + "ا" + key[-1]  # IV, VII, VIII, X
    return None


def _forms(part_of_speech: str, forms: list[str]) -> list[str]:
    if part_of_speech == "adjectives":
        return [f for form in forms for f in adjective_forms(form)]
    if part_of_speech == "verbs":
        return verb_forms(*forms)
    return [f for form in forms for f in noun_forms(form)]


def _read(name: str) -> dict:
    path = resources.files("marsad.framing").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as f:
        return load_yaml(f)


def _loaded_terms() -> Iterator[Term]:
    for category, parts in _read("loaded_terms.yaml").items():
        for part_of_speech, entries in parts.items():
            for entry in entries:
                forms, neutral = parse_entry(entry)
                tone = None if category == SET_PHRASES else category
                for form in _forms(part_of_speech, forms):
                    yield Term(tuple(form.split()), tone, neutral, forms[0], part_of_speech)
                masdar = verbal_noun(forms[0]) if part_of_speech == "verbs" else None
                for form in noun_forms(masdar) if masdar else ():
                    yield Term((form,), tone, None, masdar, "nouns")


def _label_terms() -> Iterator[Term]:
    for tone, entries in _read("labels.yaml").items():
        for entry in entries:
            forms, neutral = parse_entry(entry)
            for form in forms:
                yield Term(tuple(normalize_key(form).split()), TONE_CATEGORY[tone], neutral,
                           forms[0], "label")


@dataclass(frozen=True)
class Grammar:
    function_words: frozenset[str]
    not_actors: frozenset[str]
    homographs: frozenset[str]
    measure_nouns: frozenset[str]
    quotes: frozenset[str]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = _read("grammar.yaml")
    keys = {name: frozenset(normalize_key(w) for w in data[name])
            for name in ("function_words", "not_actors", "homographs", "measure_nouns")}
    return Grammar(**keys, quotes=frozenset(data["quotes"]))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Every term, labels first: a form listed as both a label and a loaded term is a label."""
    homographs = grammar().homographs
    index: dict[str, dict[tuple[str, ...], Term]] = {}
    loaded = (t for t in _loaded_terms() if t.words[0] not in homographs or len(t.words) > 1)
    for term in [*_label_terms(), *loaded]:
        index.setdefault(term.words[0], {}).setdefault(term.words, term)
    return Lexicon({
        first: tuple(sorted(terms.values(), key=lambda t: -len(t.words)))
        for first, terms in index.items()
    })
