"""Finding toponyms in a Doc: gazetteer matches, NER's place spans, facilities.

Matching runs over word tokens. A name's first word is looked up with its clitics
stripped (بسرت، وأنقرة، لليبيا، والجفرة); the following words as written. Inside a
hashtag the tokenizer leaves ``_`` between words (#حفر_الباطن), which is read as a space.
The longest name wins at each position.

The recogniser reads each token many times, so it works on :class:`Tokens`, the Doc's
token texts and keys as plain lists read once (``doc[i]`` builds a Token object on every
access), and only names that begin with a gazetteer word are followed further.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from marsad.doc import words_of
from marsad.geo.gazetteer import Entry, Gazetteer
from marsad.geo.lexicon import Lexicon, word_keys
from marsad.kb.lexicon import OPENING_QUOTES, quoted_name_at
from marsad.ner.model import shipped_lexicon
from marsad.text.clitics import analyses

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
# Entities whose words are not toponyms even when a gazetteer has them: «عمر المختار».
NOT_PLACE_LABELS = frozenset({"PERSON", "NORP"})
NOT_FACILITY_LABELS = NOT_PLACE_LABELS | {"ORG"}
# The population of a place whose name, read off a clitic, counts as a toponym where NER
# saw none («وفدا» is no «و» + Fada of 17,000), and inside another entity's name.
NOTABLE = 100_000
NOTABLE_IN_NAME = 1_000_000
JOINERS = frozenset({"_"})  # between the words of one name (hashtags)
MARKERS = frozenset({"_", "#"})  # between a cue or a facility word and the name


@dataclass
class Mention:
    """A toponym in the text, before disambiguation."""

    start: int  # token offsets, end exclusive
    end: int
    key: str  # matching key of the name (without cue or facility word)
    candidates: tuple[Entry, ...]
    source: str  # "gazetteer", "ner" or "facility"
    cue: str | None = None  # kind of place a cue word announced: city, admin, country, any
    inner: Mention | None = None  # for a facility: the toponym in its name
    ner_label: str | None = None
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=100_000)
def is_word(text: str) -> bool:
    """Whether a token's text holds a letter (whitespace and punctuation do not)."""
    return any(c.isalpha() for c in text)


@dataclass(frozen=True, slots=True)
class Tokens:
    """A Doc's tokens as plain lists: texts, matching keys, trailing whitespace, character
    offsets, whether each is a word, the label of the entity each is in, and the entities."""

    text: list[str]
    norm: list[str]
    space: list[str]  # "" or " "
    idx: list[int]
    word: list[bool]
    labels: list[str | None]
    ents: list[tuple[int, int, str]]  # (start, end, label) of doc.ents

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        words = words_of(doc)
        ents = [(e.start, e.end, e.label_) for e in doc.ents]
        labels: list[str | None] = [None] * len(words)
        for start, end, label in ents:
            labels[start:end] = [label] * (end - start)
        space = [" " if s else "" for s in words.spaces]
        return cls(words.texts, words.keys, space, words.idx, [is_word(t) for t in words.texts],
                   labels, ents)

    def __len__(self) -> int:
        return len(self.text)


def next_word(tokens: Tokens, i: int, skip: frozenset[str] = JOINERS) -> int | None:
    """The word token after token ``i`` in the same phrase, stepping over ``skip``."""
    j = i + 1
    n = len(tokens.text)
    while j < n and tokens.text[j] in skip and tokens.space[j - 1] == "":
        j += 1
    if j < n and tokens.word[j] and tokens.space[j - 1] in ("", " "):
        return j
    return None


def previous_word(tokens: Tokens, i: int) -> int | None:
    j = i - 1
    while j >= 0 and tokens.text[j] in MARKERS:
        j -= 1
    return j if j >= 0 and tokens.word[j] else None


@lru_cache(maxsize=100_000)
def _first_keys(text: str, norm: str) -> tuple[str, ...]:
    """Keys to try for a name's first word: as written, then with proclitics stripped,
    names with the article first (والجفرة, للقاهرة -> الجفره, القاهره). The article stays
    with the name: «المالي» (financial) is not «مالي» (Mali). Names take no pronoun
    suffix: «جربتها» is not Djerba."""
    stems = [a.definite_stem for a in analyses(text) if not a.suffix]
    stems = [k for k in dict.fromkeys(stems) if k != norm]
    return (norm, *[k for k in stems if k.startswith("ال")],
            *[k for k in stems if not k.startswith("ال")])


@lru_cache(maxsize=100_000)
def _name_starts(gazetteer: Gazetteer, text: str, norm: str) -> tuple[str, ...]:
    """The first keys of a word that some gazetteer name begins with (mostly none)."""
    return tuple(k for k in _first_keys(text, norm) if gazetteer.begins(k))


def match_at(tokens: Tokens, i: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """The longest gazetteer name starting at word ``i``: (end token, key). Between
    names of equal length, the first key of :func:`_first_keys` wins."""
    firsts = _name_starts(gazetteer, tokens.text[i], tokens.norm[i])
    if not firsts:
        return None
    words = [i]  # the name's words, found as far as some name needs them
    ended = False
    best_length, best_key = 0, None
    for first in firsts:
        key, length = first, 1
        while True:
            if length > best_length and key in gazetteer:
                best_length, best_key = length, key
            if length == len(words):
                j = None if ended or length == gazetteer.max_words \
                    else next_word(tokens, words[-1])
                if j is None:
                    ended = True
                    break
                words.append(j)
            key = f"{key} {tokens.norm[words[length]]}"
            length += 1
            if not gazetteer.begins(key):
                break
    return None if best_key is None else (words[best_length - 1] + 1, best_key)


def cue_before(tokens: Tokens, i: int, lexicon: Lexicon) -> str | None:
    """The kind of place a cue word right before word ``i`` announces. The cue keeps its
    own article or lack of one: «مدينة سرت» and «العاصمة أنقرة» are cues, «المنطقة
    الغربية» (the western region) is not."""
    j = previous_word(tokens, i)
    if j is None:
        return None
    for analysis in analyses(tokens.text[j]):
        key = analysis.definite_stem
        if key in lexicon.cues and not analysis.suffix:
            return lexicon.cues[key]
    return None


def _inside_person(tokens: Tokens, start: int, end: int,
                   candidates: tuple[Entry, ...]) -> bool:
    """Whether [start, end) lies inside a PERSON or NORP entity: «عمر المختار» is a person
    (and a Libyan village). A one-word entity that is exactly a place name («لسرت») is
    more likely NER's mistake, and stays a place, unless its word is a listed person's
    name («كيري», «هولاند»: towns in Italy and the US, and the surnames of the news) and
    names no capital, province or city of a million («هراري» is Harare)."""
    for ent_start, ent_end, label in tokens.ents:
        if label in NOT_PLACE_LABELS and ent_start <= start and end <= ent_end:
            return (ent_end - ent_start) > 1 or (
                shipped_lexicon().names_a_person(tokens.norm[start])
                and not _notable(candidates, NOTABLE_IN_NAME))
    return False


def _listed_after(tokens: Tokens, i: int, found: list[Mention],
                  candidates: tuple[Entry, ...]) -> bool:
    """Whether word ``i`` may be a place of the country of one found right before it:
    the next of a list joined by «و» («عفرين ومنبج وجرابلس»; not «البصرة وفدا», Basra and
    a delegation, which would be Fada in Chad)."""
    j = previous_word(tokens, i)
    if not found or j is None or found[-1].end != j + 1:
        return False
    countries = {e.country for e in found[-1].candidates}
    return any(e.country in countries for e in candidates)


def _list_reading(tokens: Tokens, i: int, found: list[Mention], gazetteer: Gazetteer,
                  key: str) -> str | None:
    """A one-word name read as written that, with «و» read off, is a place of the country
    of the list it continues, as written it is not: «الرياض وجدة والدمام» is Jeddah, not
    Oujda. The key read off, or None."""
    if key != tokens.norm[i] or _listed_after(tokens, i, found, gazetteer.lookup(key)):
        return None
    return next((k for k in _first_keys(tokens.text[i], tokens.norm[i])[1:]
                 if (entries := gazetteer.lookup(k)) and _listed_after(tokens, i, found, entries)),
                None)


def _as_like(word: str, key: str) -> bool:
    """Whether the clitics read off ``word`` to find ``key`` include «ك» ("like")."""
    return word.endswith(key) and "ك" in word[:len(word) - len(key)]


def _notable(entries: tuple[Entry, ...], population: int) -> bool:
    """A country, a capital, a province or a place of ``population``: named often enough
    to be meant when a clitic has to be read off its name («بجازان», «وأنقرة»)."""
    return any(e.feature in ("country", "admin1") or e.capital_of or e.population >= population
               for e in entries)


def gazetteer_mentions(tokens: Tokens, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Mention]:
    labels, word = tokens.labels, tokens.word
    found: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        if not word[i]:
            i += 1
            continue
        quoted = _quoted_name_end(tokens, i, lexicon)
        if quoted is not None:
            i = quoted  # «قال لـ«الشرق الأوسط»»: the paper, not the region
            continue
        match = match_at(tokens, i, gazetteer)
        if match is None:
            i += 1
            continue
        end, key = match
        if end == i + 1:
            key = _list_reading(tokens, i, found, gazetteer, key) or key
        if end == i + 1 and _reads_as_word(tokens.text[i], lexicon):
            i += 1  # «للحج»: for the Hajj, not «ل» + Lahij
            continue
        cue = cue_before(tokens, i, lexicon)
        in_place_entity = labels[i] in PLACE_LABELS
        # Words first: a stop word needs a cue; a common word a cue or NER's word for it.
        stop = key in lexicon.stop or key in lexicon.cues or key in lexicon.poi_heads
        word_like = stop or key in gazetteer.common
        if (stop and cue is None) or (word_like and cue is None and not in_place_entity):
            i += 1
            continue
        candidates = gazetteer.lookup(key)
        if _inside_person(tokens, i, end, candidates) or (
                word_like and labels[i] in NOT_PLACE_LABELS):
            i = end
            continue
        read_off = end == i + 1 and key != tokens.norm[i] and not key.startswith("ال")
        if read_off and cue is None and not in_place_entity and \
                not _listed_after(tokens, i, found, candidates) and \
                not _notable(candidates, NOTABLE_IN_NAME if labels[i]
                             or _as_like(tokens.norm[i], key) else NOTABLE):
            # one word read as a clitic and a lesser place where NER saw none: «وفدا» is
            # «a delegation», not «و» + Fada (Chad); inside a name, or after «ك» ("like"),
            # only a big place: «بلاتر» is Blatter, not «ب» + Latur (India), «فرانس برس» no
            # «ف» + Reims, «كبيرا» («big») no «ك» + Beira
            i += 1
            continue
        default = gazetteer.default_reading(key)  # «المملكة» with nothing to tell
        found.append(Mention(i, end, key, candidates, "gazetteer", cue=cue,
                             extra={"default": default} if default is not None else {}))
        i = end
    return found


def _reads_as_word(text: str, lexicon: Lexicon) -> bool:
    """Whether a word reads as a proclitic and the article on a common word of
    ``read_as_words`` («للحج»: «ل» + «الحج»)."""
    return any(a.article and a.definite_stem in lexicon.read_as_words for a in analyses(text))


def _quoted_name_end(tokens: Tokens, i: int, lexicon: Lexicon) -> int | None:
    """Where a medium's name in quotation marks that begins at ``tokens[i]`` ends (the KB's
    `quoted` names: «الشرق الأوسط» is the paper there, «الرياض» the Riyadh daily); not
    after a word for a place («زوار العاصمة "الرياض"»: the city)."""
    if i == 0 or tokens.text[i - 1] not in OPENING_QUOTES or \
            (i > 1 and tokens.norm[i - 2] in lexicon.cues):
        return None
    quoted = quoted_name_at(tokens.text, i - 1)
    return quoted[1] if quoted else None


def facility_mentions(
    tokens: Tokens, toponyms: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """«مرفأ بيروت» (placed at Beirut), «معهد الأورام» (placed by context)."""
    starts = {m.start: m for m in toponyms}
    covered = {k for m in toponyms for k in range(m.start, m.end)}
    labels, norm = tokens.labels, tokens.norm
    found: list[Mention] = []
    for i, text in enumerate(tokens.text):
        if i in covered or not tokens.word[i] or labels[i] in NOT_FACILITY_LABELS:
            continue
        keys = word_keys(text)
        if lexicon.poi_heads.isdisjoint(keys):
            continue
        j = next_word(tokens, i, MARKERS)
        if j is None:
            continue
        if j in starts:
            inner = starts[j]
            found.append(Mention(i, inner.end, inner.key, inner.candidates, "facility",
                                 inner=inner))
        elif not lexicon.facility_heads.isdisjoint(keys) and norm[j].startswith("ال") \
                and norm[j] not in lexicon.stop and labels[j] not in NOT_PLACE_LABELS:
            end = j + 1
            while (k := next_word(tokens, end - 1)) is not None and k not in covered \
                    and norm[k] in lexicon.poi_continuations:
                end = k + 1
            found.append(Mention(i, end, _joined(tokens, i, end), (), "facility"))
    return found


def _joined(tokens: Tokens, start: int, end: int) -> str:
    """The text of tokens [start, end), as ``doc[start:end].text`` gives it."""
    last = end - 1
    return "".join(t + s for t, s in zip(tokens.text[start:last], tokens.space[start:last],
                                         strict=True)) + tokens.text[last]


def ner_mentions(tokens: Tokens, taken: list[Mention], gazetteer: Gazetteer,
                 lexicon: Lexicon) -> list[Mention]:
    """NER's LOC/GPE/FAC spans that no gazetteer match covers, looked up by their words
    (a leading cue word dropped; a common word is a name here). Spans the gazetteer
    lacks stay NER's entities but are no places: nothing says where they are."""
    covered = {k for m in taken for k in range(m.start, m.end)}
    found: list[Mention] = []
    for ent_start, ent_end, label in tokens.ents:
        if label not in PLACE_LABELS or not covered.isdisjoint(range(ent_start, ent_end)) \
                or _quoted_name_end(tokens, ent_start, lexicon) is not None:
            continue
        words = [k for k in range(ent_start, ent_end) if tokens.word[k]]
        if not words:
            continue
        start = words[0]
        cue = None
        first_keys = word_keys(tokens.text[words[0]])
        if len(words) > 1 and not lexicon.cues.keys().isdisjoint(first_keys):
            cue = next(lexicon.cues[k] for k in first_keys if k in lexicon.cues)
            start = words[1]
        match = match_at(tokens, start, gazetteer)
        if match and match[0] <= ent_end:
            found.append(Mention(ent_start, ent_end, match[1], gazetteer.lookup(match[1]),
                                 "ner", cue=cue, ner_label=label))
    return found


def find_mentions(tokens: Tokens, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Mention]:
    """Every toponym mention of the Doc, in text order (facilities may contain one)."""
    toponyms = gazetteer_mentions(tokens, gazetteer, lexicon)
    toponyms += ner_mentions(tokens, toponyms, gazetteer, lexicon)
    facilities = facility_mentions(tokens, toponyms, lexicon)
    return sorted(toponyms + facilities, key=lambda m: (m.start, -m.end))
