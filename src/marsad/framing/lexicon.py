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
# An elative is reported as a superlative (exaggeration), an intensifier's as an
# intensifier (أكبر، أعمق).
ELATIVE_CATEGORY = {"emotive": "exaggeration"}
# Letters that make a root weak (alef, waw, ya, hamza): their elatives are irregular.
WEAK_LETTERS = frozenset("اويءئؤ")


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # matching keys, one a word
    category: str | None  # loaded-term category; None for a neutral label or set phrase
    neutral: str | None  # the neutral wording, where one exists
    head: str  # the entry's first form as written: what reports show
    pos: str  # "adjectives", "nouns", "verbs" (loaded_terms.yaml) or "label" (labels.yaml)
    bare: bool = False  # a generated indefinite accusative (تهديداً): takes no pronoun suffix

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


def parse_entry(entry: str) -> tuple[list[str], str | None, list[str]]:
    """``"a|b ; c|d => neutral"`` -> (["a", "b"], "neutral", ["c", "d"]): the forms that
    inflect, the neutral wording, and irregular forms (broken plurals) listed after «;»,
    matched as written (and in the indefinite accusative)."""
    forms, _, neutral = (part.strip() for part in entry.partition("=>"))
    regular, _, listed = forms.partition(";")
    return _split(regular), neutral or None, _split(listed)


def _split(forms: str) -> list[str]:
    return [f.strip() for f in forms.split("|") if f.strip()]


def adjective_forms(form: str) -> list[str]:
    """استفزازي -> استفزازي، استفزازيه، استفزازيون … (the first word inflects). A final
    hamza sits on ya before an ending: دنيء → دنيئة، مسيء → مسيئون."""
    first, _, rest = normalize_key(form).partition(" ")
    seated = first[:-1] + "ئ" if first.endswith("ء") else first
    return [" ".join(filter(None, ((seated if ending else first) + ending, rest)))
            for ending in ADJECTIVE_ENDINGS]


def noun_forms(form: str) -> list[str]:
    """تهديد -> تهديد، تهديدا (the indefinite accusative: «تهديداً»); a final hamza also
    seated as before a pronoun (دماء → دمائهم، دماؤهم: stems دمائ، دماؤ); phrases as
    written."""
    key = normalize_key(form)
    if " " in key:
        return [key]
    seated = [key[:-1] + seat for seat in "ئؤ"] if key.endswith("ء") else []
    return [key, *seated, *filter(None, [accusative(key)])]


def accusative(key: str) -> str | None:
    """The indefinite accusative of a one-word noun key (تهديد → تهديدا), where it takes
    an alef."""
    return None if " " in key or key.endswith(NO_TANWIN_ALEF) else key + "ا"


def elative(adjective: str) -> str | None:
    """The elative (أفعل التفضيل) of an adjective of a sound, non-doubled triliteral root
    on فعيل or فعل: خطير → أخطر، فظيع → أفظع، بشع → أبشع (keys: اخطر …). Participles
    (فاعل، مفعل: their أفعل is mostly a verb, أسفر from سافر), weak and doubled roots
    (أقسى، أشد، أجل) are irregular or ambiguous and are listed by hand where wanted."""
    key = normalize_key(adjective)
    if len(key) == 4 and key[2] == "ي" and key[0] != "م":
        root = key[:2] + key[3]  # فعيل; مفعل participles (مريب) begin with م
    elif len(key) == 3 and key[0] != "م":
        root = key  # فعل (بشع، شرس); مهم is a participle
    else:
        return None
    if not WEAK_LETTERS.isdisjoint(root) or root[1] == root[2]:
        return None
    return "ا" + root


def verb_forms(past: str, imperfect: str) -> list[str]:
    """زعم|يزعم -> زعم، زعمت، زعموا، زعما، يزعم، تزعم، أزعم، نزعم، يزعمون، يزعموا،
    يزعمان … (keys)."""
    past, imperfect = normalize_key(past), normalize_key(imperfect)
    base = past[:-1] if past.endswith("ي") else past  # ادعى: ادعت، ادعوا
    stem = imperfect[:-1] if imperfect.endswith("ي") else imperfect  # يدعي: يدعون
    persons = [p + imperfect[1:] for p in "ياتن"]  # يزعم، أزعم (keyed ا)، تزعم، نزعم
    # A final hamza sits on ya before an ending: يسيء → يسيئون.
    stem = stem[:-1] + "ئ" if stem.endswith("ء") else stem
    plurals = [p + stem[1:] + ending for p in "يت" for ending in ("ون", "وا")]
    duals = [past + "ا", base + "تا", *(p + stem[1:] + "ان" for p in "يت")]
    # A past in ي keeps it before -ت where the ي is a root letter (حظي: حظيت; ادعى: ادعيت)
    kept = [past + "ت"] if base != past else []
    # Before an object pronoun the feminine -ت is read like a ta marbuta (هددتها and
    # هاجمتهم have the stems هدده، هاجمه): key that reading too (not for a past in ي).
    with_object = [past + "ه"] if base == past else []
    return [past, base + "ت", base + "وا", *kept, *with_object, *duals, *persons, *plurals]


def verbal_noun(past: str) -> str | None:
    """The verbal noun (masdar) of a derived verb, where its pattern is regular:
    أشعل → إشعال (IV), اقتحم → اقتحام (VII, VIII), استنزف → استنزاف (X), هاجم → مهاجمة
    (III); of a hollow one: أطاح → إطاحة، اجتاح → اجتياح، استباح → استباحة; a defective
    one: اعتدى → اعتداء، ازدرى → ازدراء; a doubled one: ابتز → ابتزاز، استخف → استخفاف.
    Form I and II verbs (زعم، دمّر) are left to the nouns list: without vowels and shadda
    their pattern does not show; forms V and VI (تورط، تخاذل) are their own verbal noun."""
    key = normalize_key(past)
    for pattern in DERIVED_MASDARS:
        masdar = pattern(key)
        if masdar:
            return masdar
    return None


def _sound(key: str) -> str | None:
    if len(key) == 4 and key[1] == "ا" and key[0] != "ت":
        return "م" + key + "ه"  # III (not VI: تخاذل is its own verbal noun)
    if not key.startswith("ا") or "ا" in key[1:] or key.endswith("ي") or _doubled(key):
        return None
    if len(key) in (4, 5) or (len(key) == 6 and key.startswith("است")):
        return key[:-1] + "ا" + key[-1]  # IV أشعل, VII/VIII اقتحم, X استنزف
    return None


def _hollow(key: str) -> str | None:
    if not key.startswith("ا") or key.endswith("ي"):
        return None
    tenth = len(key) == 6 and key.startswith("است") and key[4] == "ا"
    if (len(key) == 4 and key[2] == "ا") or tenth:
        return key + "ه"  # IV أطاح → إطاحة, X استباح → استباحة
    if len(key) == 5 and key[3] == "ا" and not key.startswith("است"):
        return key[:3] + "ي" + key[3:]  # VII انهار → انهيار, VIII اجتاح → اجتياح
    return None


def _defective(key: str) -> str | None:
    """VII, VIII and X with a final weak root letter: اعتدى → اعتداء، استجدى → استجداء."""
    if key.startswith("ا") and key.endswith("ي") and len(key) >= 5:
        return key[:-1] + "اء"
    return None


def _doubled(key: str) -> str | None:
    """VIII (افتلّ: احتلّ، ابتزّ) and X (استفلّ: استبدّ) of a doubled root: the last root
    letter, written once in the past, twice in the verbal noun: ابتزاز، استبداد."""
    if not key.startswith("ا") or "ا" in key[1:]:
        return None
    eighth = len(key) == 4 and key[2] == "ت"
    tenth = len(key) == 5 and key.startswith("است")
    return key + "ا" + key[-1] if eighth or tenth else None


# Tried in order; each returns None for a verb not of its pattern.
DERIVED_MASDARS = (_sound, _hollow, _defective, _doubled)


def plural(masdar: str) -> str:
    """A verbal noun's sound plural: اتهام → اتهامات، مهاجمة → مهاجمات (keys)."""
    return masdar.removesuffix("ه") + "ات"


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
    """Every entry's forms, then what is derived from them (elatives, verbal nouns): a
    form listed in its own right keeps its own category (انهيار is charged, though the
    verbal noun of the emotive انهار)."""
    derived: list[Term] = []
    for category, parts in _read("loaded_terms.yaml").items():
        for part_of_speech, entries in parts.items():
            for entry in entries:
                yield from _entry_terms(category, part_of_speech, entry, derived)
    yield from derived


def _entry_terms(category: str, part_of_speech: str, entry: str,
                 derived: list[Term]) -> Iterator[Term]:
    """The terms of one loaded_terms.yaml entry: its inflected forms and the irregular
    forms listed after «;»; its elative (an adjective) or verbal noun (a verb) go to
    ``derived``."""
    forms, neutral, listed = parse_entry(entry)
    tone = None if category == SET_PHRASES else category
    accusatives = {accusative(normalize_key(f)) for f in [*forms, *listed]}
    generated = [*_forms(part_of_speech, forms), *(f for w in listed for f in noun_forms(w))]
    for form in generated:
        yield Term(tuple(form.split()), tone, neutral, forms[0], part_of_speech,
                   bare=part_of_speech == "nouns" and form in accusatives)
    superlative = elative(forms[0]) if part_of_speech == "adjectives" else None
    if superlative and tone:
        derived.append(Term((superlative,), ELATIVE_CATEGORY.get(tone, tone), None,
                            superlative, "nouns"))
    masdar = verbal_noun(forms[0]) if part_of_speech == "verbs" else None
    for form in [*noun_forms(masdar), plural(masdar)] if masdar else ():
        derived.append(Term((form,), tone, None, masdar, "nouns",
                            bare=form == accusative(masdar)))


def _label_terms() -> Iterator[Term]:
    for tone, entries in _read("labels.yaml").items():
        for entry in entries:
            forms, neutral, _ = parse_entry(entry)
            for form in forms:
                yield Term(tuple(normalize_key(form).split()), TONE_CATEGORY[tone], neutral,
                           forms[0], "label")


@dataclass(frozen=True)
class Grammar:
    function_words: frozenset[str]
    not_actors: frozenset[str]
    homographs: frozenset[str]
    measure_nouns: frozenset[str]
    comparatives: frozenset[str]
    name_starts: frozenset[str]
    quotes: frozenset[str]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = _read("grammar.yaml")
    keys = {name: frozenset(normalize_key(w) for w in data[name])
            for name in ("function_words", "not_actors", "homographs", "comparatives",
                         "name_starts")}
    # A measure noun in the indefinite accusative measures too: «عدداً كبيراً».
    measures = frozenset(f for w in data["measure_nouns"] for f in noun_forms(w))
    return Grammar(**keys, measure_nouns=measures, quotes=frozenset(data["quotes"]))


def _learned_terms() -> Iterator[Term]:
    """The accepted rows of learned_terms.tsv (see marsad/framing/learn.py), inflected
    like loaded_terms.yaml entries of their part of speech."""
    path = resources.files("marsad.framing").joinpath("data/learned_terms.tsv")
    with path.open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    for key, _, verdict in rows:
        category, _, part_of_speech = verdict.partition("/")
        for form in _forms(part_of_speech, [key]) if part_of_speech else ():
            yield Term(tuple(form.split()), category, None, key, part_of_speech)


@lru_cache(maxsize=2)
def load(learned: bool = True) -> Lexicon:
    """Every term, labels first: a form listed as both a label and a loaded term is a label.
    The reviewed learned words come last (``learned=False``: the hand-written lists only)."""
    homographs = grammar().homographs
    index: dict[str, dict[tuple[str, ...], Term]] = {}
    loaded = (t for t in [*_loaded_terms(), *(_learned_terms() if learned else ())]
              if t.words[0] not in homographs or len(t.words) > 1)
    for term in [*_label_terms(), *loaded]:
        index.setdefault(term.words[0], {}).setdefault(term.words, term)
    return Lexicon({
        first: tuple(sorted(terms.values(), key=lambda t: -len(t.words)))
        for first, terms in index.items()
    })
