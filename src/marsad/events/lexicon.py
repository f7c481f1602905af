"""The events stage's data files (``events/data/*.yaml``), loaded once and indexed by
matching key, and the look-ups that go through clitics and inflection.

A token is looked up by its candidate stems (:func:`marsad.text.clitics.analyses`), each
reduced to its lexicon form by :mod:`marsad.events.morphology`; the lexicon decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.events.morphology import noun_bases, verb_bases
from marsad.text.clitics import analyses
from marsad.text.forms import MAX_FORMS, FormMemo
from marsad.text.normalize import normalize_key

# Proclitics a verb can carry: conjunctions, the future marker and the ل of purpose or
# command. A word with the article or ب/ك is a noun, whatever its letters.
VERB_PREFIXES = frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})
SHORT_VERB_PREFIXES = ("ول", "فل", "وس", "فس", "و", "ف", "ل", "س")
PREPOSITIONS = frozenset(normalize_key(w) for w in (
    "إلى", "الى", "مع", "ضد", "على", "من", "في", "عن", "لدى", "نحو", "تجاه", "باتجاه", "بين",
    "حول", "عبر", "خلال", "منذ", "بعد", "قبل", "أمام", "داخل", "بحق", "إزاء", "ب", "ل"))


def _load(name: str):
    path = resources.files("marsad.events").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as f:
        return load_yaml(f)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(normalize_key(word) for word in text.split())


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a trigger: a PLOVER type and mode with the words that express it."""

    type: str
    mode: str | None
    pos: str  # "verb" or "noun"
    words: tuple[str, ...]  # matching keys; the first is matched through morphology
    needs: tuple[str, ...] = ()  # word classes of which one must be near
    subject: tuple[str, ...] = ()  # word classes the subject must belong to
    voice: str | None = None  # "host": the subject hosts, the object visits
    specific: bool = False  # the sentence must say who, how many or when
    intransitive: bool = False  # takes no object: targets come with a preposition

    @property
    def imperfect(self) -> bool:
        return self.pos == "verb" and self.words[0].startswith("ي")


@lru_cache(maxsize=MAX_FORMS)
def token_keys(text: str, pos: str | None = None) -> tuple[str, ...]:
    """Lexicon keys a surface token may stand for, most plausible first.

    ``pos`` "verb" keeps only analyses a verb can have and undoes verb inflection, "noun"
    undoes noun inflection, None gives every candidate (for cue words).
    """
    keys: list[str] = []
    if pos != "noun":  # «لشن», «وعم»: clitics leave a stem of two letters whole
        key = normalize_key(text)
        for prefix in SHORT_VERB_PREFIXES:
            if key.startswith(prefix) and len(key) - len(prefix) == 2:
                keys.extend(verb_bases(key[len(prefix):]))
    for analysis in analyses(text):
        if pos == "verb" and (analysis.article or analysis.prefix not in VERB_PREFIXES):
            continue
        if pos != "noun":
            keys.extend(verb_bases(analysis.stem))
        if pos != "verb":
            keys.extend(noun_bases(analysis.stem))
    return tuple(dict.fromkeys(keys))


def prefix_of(text: str, key: str, pos: str) -> str:
    """The proclitics of ``text`` in the analysis that gives lexicon form ``key``."""
    if pos == "verb":
        surface = normalize_key(text)
        for prefix in SHORT_VERB_PREFIXES:  # «لسد»: see token_keys
            rest = surface[len(prefix):]
            if surface.startswith(prefix) and len(rest) == 2 and key in verb_bases(rest):
                return prefix
    for analysis in analyses(text):
        if pos == "verb" and (analysis.article or analysis.prefix not in VERB_PREFIXES):
            continue
        if key in (verb_bases(analysis.stem) if pos == "verb" else noun_bases(analysis.stem)):
            return analysis.prefix
    return ""


def verb_prefix(text: str) -> str:
    """The proclitics of ``text`` read as a verb (ستستعيد -> س)."""
    for analysis in analyses(text):
        if not analysis.article and analysis.prefix in VERB_PREFIXES:
            return analysis.prefix
    return ""


class _SharedStarts:
    """Which phrase sets may start at a word form: learnt once per form for every set of
    the lexicons at once (a bit per set), not once per set."""

    def __init__(self) -> None:
        self.sets_of: dict[str, int] = {}  # first-word key -> bits of the sets it starts
        self.masks: FormMemo[int] = FormMemo(self._mask)
        self.count = 0

    def register(self, firsts: Iterable[str]) -> int:
        bit = 1 << self.count
        self.count += 1
        for key in firsts:
            self.sets_of[key] = self.sets_of.get(key, 0) | bit
        self.masks.answers.clear()  # forms learnt before this set know nothing of it
        return bit

    def _mask(self, text: str) -> int:
        mask = 0
        for key in token_keys(text):
            mask |= self.sets_of.get(key, 0)
        return mask


_STARTS = _SharedStarts()


@dataclass(frozen=True)
class StartTest:
    """Whether a phrase of one set may start at a word form (``test(form)``), or at each
    of a text's (``test.all(forms)``)."""

    bit: int

    def __call__(self, form: str) -> bool:
        return bool(_STARTS.masks(form) & self.bit)

    def all(self, forms: Sequence[str]) -> list[bool]:
        bit = self.bit
        return [bool(mask & bit) for mask in _STARTS.masks.all(forms)]


class Phrases:
    """A set of words and multi-word phrases, matched token by token through clitics."""

    def __init__(self, phrases: Sequence[str]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = _phrase(phrase)
            self.by_first.setdefault(words[0], []).append(words)
        for candidates in self.by_first.values():
            candidates.sort(key=len, reverse=True)
        self.firsts = frozenset(self.by_first)
        # Most words are asked about at every token of every text, and most start none.
        self.may_start = StartTest(_STARTS.register(self.firsts))

    def match(self, texts: Sequence[str], i: int) -> int:
        """How many tokens of ``texts`` from ``i`` on form a phrase of the set (0: none)."""
        text = texts[i]
        if not self.may_start(text):
            return 0
        for key in token_keys(text):
            for words in self.by_first.get(key, ()):
                if _rest_matches(texts, i + 1, words[1:]):
                    return len(words)
        return 0

    def occurs(self, texts: Sequence[str], start: int, end: int) -> bool:
        """Whether a phrase of the set begins at some token of ``texts[start:end]``."""
        starts = self.may_start.all(texts[start:end])
        return any(self.match(texts, i) for i, may in enumerate(starts, start) if may)


def _rest_matches(texts: Sequence[str], start: int, words: tuple[str, ...]) -> bool:
    if start + len(words) > len(texts):
        return False
    return all(w in token_keys(texts[start + k]) for k, w in enumerate(words))


@dataclass(frozen=True)
class Lexicon:
    readings: dict[tuple[str, str], list[Reading]]  # (pos, first word key) -> readings
    classes: dict[str, Phrases]
    class_window: int
    negation: Phrases
    foiled: Phrases
    conditional: Phrases
    hypothetical: Phrases
    complement_verbs: Phrases
    light_verbs: Phrases
    passive_light_verbs: frozenset[str]
    victim_verbs: Phrases
    noun_introducers: frozenset[str]
    genitive_patient: frozenset[str]
    specific: Phrases
    background: frozenset[str]
    anaphoric: frozenset[str]
    motive: frozenset[str]
    light_verbs_after: Phrases
    beneficiary: frozenset[str]
    clause_boundaries: Phrases
    clause_punctuation: frozenset[str]
    figurative: dict[str, Phrases]
    figurative_retype: dict[str, tuple[str, str | None]]
    relative_offsets: dict[str, int]
    intensities: dict[str, dict[str, float]]

    def __post_init__(self) -> None:
        # Most words start no reading: answer that once per word form, not once per token.
        object.__setattr__(self, "may_start", FormMemo(self._may_start))

    def _may_start(self, text: str) -> bool:
        return any(self.readings.get((pos, key))
                   for pos in ("verb", "noun") for key in token_keys(text, pos))

    def readings_at(self, texts: Sequence[str], i: int) -> list[tuple[Reading, int]]:
        """Every reading whose words start at token ``i``, with its length in tokens, in
        lexicon order (multi-word readings match with up to one word in between). Where
        the context wants a noun (:func:`nominal_context`) a verb-looking word is its
        verbal noun."""
        found: list[tuple[Reading, int]] = []
        if not self.may_start(texts[i]):
            return found
        verbs = any(self.readings.get(("verb", key)) for key in token_keys(texts[i], "verb"))
        nominal = verbs and self.nominal_context(texts, i)
        for pos in ("noun",) if nominal else ("verb", "noun"):
            for key in token_keys(texts[i], pos):
                for reading in self.readings.get((pos, key), ()):
                    length = _phrase_length(texts, i, reading.words)
                    if length and (reading, length) not in found:
                        found.append((reading, length))
        return found

    def nominal_context(self, texts: Sequence[str], i: int) -> bool:
        """Whether the word at ``i`` stands where a verb cannot: after a preposition,
        «دون/عدم», a noun it completes («نطاق دعمها») or a light verb («شهد تدفق»); after
        a reporting verb, whose subject or «أن» comes next («وأكد دعم الأردن»). (A noun
        in ة before it is no sign: «أنقرة أرسلت» is a subject and its verb.)"""
        if i == 0:
            return False
        before = texts[i - 1]
        if normalize_key(before) in self.noun_introducers or self.light_verbs.match(texts, i - 1):
            return True
        return reporting().verb_at(before) is not None

    def intensity(self, type_: str, mode: str | None) -> float | None:
        scores = self.intensities.get(type_)
        if not scores:
            return None
        return scores.get(mode, scores["base"]) if mode else scores["base"]


def _phrase_length(texts: Sequence[str], i: int, words: tuple[str, ...]) -> int:
    """Tokens covered by a reading at ``i``: its later words may follow after one gap."""
    end = i + 1
    for word in words[1:]:
        forms = noun_bases(word)  # «شن هجوما» also matches «لشن هجوم»
        for gap in (0, 1):
            if end + gap < len(texts) and set(forms) & set(token_keys(texts[end + gap])):
                end += gap + 1
                break
        else:
            return 0
    return end - i


def _readings(entries: list[dict]) -> dict[tuple[str, str], list[Reading]]:
    index: dict[tuple[str, str], list[Reading]] = {}
    for entry in entries:
        for pos in ("verb", "noun"):
            for form in entry.get(pos, ()):
                reading = Reading(
                    type=entry["type"],
                    mode=entry.get("mode"),
                    pos=pos,
                    words=_phrase(form),
                    needs=tuple(entry.get("with", ())),
                    subject=tuple(entry.get("subject", ())),
                    voice=entry.get("voice"),
                    specific=bool(entry.get("specific", False)),
                    intransitive=bool(entry.get("intransitive", False)),
                )
                index.setdefault((pos, reading.words[0]), []).append(reading)
    return index


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = _load("cues.yaml")
    return Lexicon(
        readings=_readings(_load("triggers.yaml")),
        classes={name: Phrases(words) for name, words in cues["classes"].items()},
        class_window=cues["class_window"],
        negation=Phrases(cues["negation"]),
        foiled=Phrases(cues["foiled"]),
        conditional=Phrases(cues["conditional"]),
        hypothetical=Phrases(cues["hypothetical"]),
        complement_verbs=Phrases(cues["complement_verbs"]),
        light_verbs=Phrases(cues["light_verbs"]),
        passive_light_verbs=frozenset(normalize_key(w) for w in cues["passive_light_verbs"]),
        victim_verbs=Phrases(cues["victim_verbs"]),
        noun_introducers=frozenset(normalize_key(w) for w in cues["noun_introducers"]),
        genitive_patient=frozenset(cues["genitive_patient"]),
        specific=Phrases(cues["specific"]),
        background=frozenset(normalize_key(w) for w in cues["background"]),
        anaphoric=frozenset(normalize_key(w) for w in cues["anaphoric"]),
        motive=frozenset(normalize_key(w) for w in cues["motive"]),
        light_verbs_after=Phrases(cues["light_verbs_after"]),
        beneficiary=frozenset(normalize_key(w) for w in cues["beneficiary"]),
        clause_boundaries=Phrases(cues["clause_boundaries"]),
        clause_punctuation=frozenset(cues["clause_punctuation"]),
        figurative={name: Phrases(words) for name, words in cues["figurative"].items()},
        figurative_retype={k: (v[0], v[1]) for k, v in cues["figurative_retype"].items()},
        relative_offsets={normalize_key(k): v for k, v in cues["relative_offsets"].items()},
        intensities=_load("plover.yaml"),
    )


@dataclass(frozen=True)
class Reporting:
    verbs: dict[str, str]  # key of the 3ms form -> stance
    verb_forms: dict[str, str]  # key -> the verb as written in the data (for the record)
    participles: dict[str, tuple[str, str]]  # key -> (verb, stance)
    prepositions: Phrases
    preposition_names: dict[tuple[str, ...], str]
    relay: str
    continuation: frozenset[str]
    complementizers: frozenset[str]
    source_types: dict[str, Phrases]
    generic_actors: dict[tuple[str, ...], tuple[str | None, str]]  # words -> (country, sector)
    generic: Phrases
    official_sectors: frozenset[str]
    media_sectors: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "may_start", FormMemo(self._may_start))

    def _may_start(self, text: str) -> bool:
        """Whether an attribution can start at a token (a participle, the first word of a
        «according to» phrase, or a reporting verb): most tokens are none of these."""
        return (normalize_key(text).removeprefix("و") in self.participles
                or not self.prepositions.firsts.isdisjoint(token_keys(text))
                or self.verb_at(text) is not None)

    def verb_at(self, text: str) -> str | None:
        """The key of the reporting verb ``text`` inflects, if it is one."""
        for key in token_keys(text, "verb"):
            if key in self.verbs:
                return key
        return None


@lru_cache(maxsize=1)
def reporting() -> Reporting:
    data = _load("reporting.yaml")
    actors = _load("actors.yaml")
    generic: dict[tuple[str, ...], tuple[str | None, str]] = {}
    for head, code in actors["generic"].items():
        parts = code.split()
        generic[_phrase(head)] = (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])
    return Reporting(
        verbs={normalize_key(v): stance for v, stance in data["verbs"].items()},
        verb_forms={normalize_key(v): v for v in data["verbs"]},
        participles={normalize_key(p): (v, s) for p, (v, s) in data["participles"].items()},
        prepositions=Phrases(list(data["prepositions"])),
        preposition_names={_phrase(k): v for k, v in data["prepositions"].items()},
        relay=normalize_key(data["relay_preposition"]),
        continuation=frozenset(normalize_key(v) for v in data["continuation"]),
        complementizers=frozenset(normalize_key(w) for w in data["complementizers"]),
        source_types={t: Phrases(words) for t, words in actors["source_types"].items()},
        generic_actors=generic,
        generic=Phrases([" ".join(words) for words in generic]),
        official_sectors=frozenset(actors["official_sectors"]),
        media_sectors=frozenset(actors["media_sectors"]),
    )
