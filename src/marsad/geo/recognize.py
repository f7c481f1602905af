"""Finding toponyms in a Doc: gazetteer matches, NER's place spans, facilities.

Matching runs over word tokens. A name's first word is looked up with its clitics
stripped (بسرت، وأنقرة، لليبيا، والجفرة); the following words as written. Inside a
hashtag the tokenizer leaves ``_`` between words (#حفر_الباطن), which is read as a space.
The longest name wins at each position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from marsad.geo.gazetteer import Entry, Gazetteer
from marsad.geo.lexicon import Lexicon, word_keys
from marsad.text.clitics import analyses

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
# Entities whose words are not toponyms even when a gazetteer has them: «عمر المختار».
NOT_PLACE_LABELS = frozenset({"PERSON", "NORP"})
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


def is_word(token: Token) -> bool:
    return not token.is_space and any(c.isalpha() for c in token.text)


def next_word(doc: Doc, i: int, skip: frozenset[str] = JOINERS) -> int | None:
    """The word token after token ``i`` in the same phrase, stepping over ``skip``."""
    j = i + 1
    while j < len(doc) and doc[j].text in skip and doc[j - 1].whitespace_ == "":
        j += 1
    if j < len(doc) and is_word(doc[j]) and (doc[j - 1].whitespace_ in ("", " ")):
        return j
    return None


def previous_word(doc: Doc, i: int) -> int | None:
    j = i - 1
    while j >= 0 and doc[j].text in MARKERS:
        j -= 1
    return j if j >= 0 and is_word(doc[j]) else None


def _first_keys(token: Token) -> list[str]:
    """Keys to try for a name's first word: as written, then with proclitics stripped,
    names with the article first (والجفرة, للقاهرة -> الجفره, القاهره). The article stays
    with the name: «المالي» (financial) is not «مالي» (Mali). Names take no pronoun
    suffix: «جربتها» is not Djerba."""
    stems = [("ال" + a.stem) if a.article else a.stem
             for a in analyses(token.text) if not a.suffix]
    stems = [k for k in dict.fromkeys(stems) if k != token.norm_]
    return [token.norm_, *[k for k in stems if k.startswith("ال")],
            *[k for k in stems if not k.startswith("ال")]]


def match_at(doc: Doc, i: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """The longest gazetteer name starting at word ``i``: (end token, key)."""
    words = [i]
    while len(words) < gazetteer.max_words:
        j = next_word(doc, words[-1])
        if j is None:
            break
        words.append(j)
    firsts = _first_keys(doc[i])
    for n in range(len(words), 0, -1):
        rest = [doc[w].norm_ for w in words[1:n]]
        for first in firsts:
            key = " ".join([first, *rest])
            if key in gazetteer:
                return words[n - 1] + 1, key
    return None


def cue_before(doc: Doc, i: int, lexicon: Lexicon) -> str | None:
    """The kind of place a cue word right before word ``i`` announces. The cue keeps its
    own article or lack of one: «مدينة سرت» and «العاصمة أنقرة» are cues, «المنطقة
    الغربية» (the western region) is not."""
    j = previous_word(doc, i)
    if j is None:
        return None
    for analysis in analyses(doc[j].text):
        key = ("ال" + analysis.stem) if analysis.article else analysis.stem
        if key in lexicon.cues and not analysis.suffix:
            return lexicon.cues[key]
    return None


def _entity_labels(doc: Doc) -> list[str | None]:
    labels: list[str | None] = [None] * len(doc)
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            labels[k] = ent.label_
    return labels


def _people(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of PERSON and NORP entities, taken once: ``doc.ents`` builds new Spans on
    every call, which made a text naming thousands of places quadratic."""
    return [(ent.start, ent.end) for ent in doc.ents if ent.label_ in NOT_PLACE_LABELS]


def _inside_person(people: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside a PERSON or NORP entity: «عمر المختار» is a person
    (and a Libyan village). A one-word entity that is exactly a place name («لسرت») is
    more likely NER's mistake, and stays a place."""
    for first, last in people:
        if first <= start and end <= last:
            return (last - first) > 1
    return False


def gazetteer_mentions(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Mention]:
    labels = _entity_labels(doc)
    people = _people(doc)
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        if not is_word(doc[i]):
            i += 1
            continue
        match = match_at(doc, i, gazetteer)
        if match is None:
            i += 1
            continue
        end, key = match
        cue = cue_before(doc, i, lexicon)
        in_place_entity = labels[i] in PLACE_LABELS
        # Words first: a stop word needs a cue; a common word a cue or NER's word for it.
        stop = key in lexicon.stop or key in lexicon.cues or key in lexicon.poi_heads
        word_like = stop or key in gazetteer.common
        if (stop and cue is None) or (word_like and cue is None and not in_place_entity):
            i += 1
            continue
        if _inside_person(people, i, end) or (word_like and labels[i] in NOT_PLACE_LABELS):
            i = end
            continue
        found.append(Mention(i, end, key, gazetteer.lookup(key), "gazetteer", cue=cue))
        i = end
    return found


def facility_mentions(
    doc: Doc, toponyms: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """«مرفأ بيروت» (placed at Beirut), «معهد الأورام» (placed by context)."""
    starts = {m.start: m for m in toponyms}
    covered = {k for m in toponyms for k in range(m.start, m.end)}
    labels = _entity_labels(doc)
    found: list[Mention] = []
    for i, token in enumerate(doc):
        if i in covered or not is_word(token) or labels[i] in NOT_PLACE_LABELS | {"ORG"}:
            continue
        keys = set(word_keys(token.text))
        if not keys & lexicon.poi_heads:
            continue
        j = next_word(doc, i, MARKERS)
        if j is None:
            continue
        if j in starts:
            inner = starts[j]
            found.append(Mention(i, inner.end, inner.key, inner.candidates, "facility",
                                 inner=inner))
        elif keys & lexicon.facility_heads and doc[j].norm_.startswith("ال") \
                and doc[j].norm_ not in lexicon.stop and labels[j] not in NOT_PLACE_LABELS:
            end = j + 1
            while (k := next_word(doc, end - 1)) is not None and k not in covered \
                    and doc[k].norm_ in lexicon.poi_continuations:
                end = k + 1
            found.append(Mention(i, end, doc[i:end].text, (), "facility"))
    return found


def ner_mentions(doc: Doc, taken: list[Mention], gazetteer: Gazetteer,
                 lexicon: Lexicon) -> list[Mention]:
    """NER's LOC/GPE/FAC spans that no gazetteer match covers, looked up by their words
    (a leading cue word dropped; a common word is a name here). Spans the gazetteer
    lacks stay NER's entities but are no places: nothing says where they are."""
    covered = {k for m in taken for k in range(m.start, m.end)}
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or covered & set(range(ent.start, ent.end)):
            continue
        words = [t for t in ent if is_word(t)]
        if not words:
            continue
        start = words[0].i
        cue = None
        if len(words) > 1 and set(word_keys(words[0].text)) & set(lexicon.cues):
            cue = next(lexicon.cues[k] for k in word_keys(words[0].text) if k in lexicon.cues)
            start = words[1].i
        match = match_at(doc, start, gazetteer)
        if match and match[0] <= ent.end:
            found.append(Mention(ent.start, ent.end, match[1], gazetteer.lookup(match[1]),
                                 "ner", cue=cue, ner_label=ent.label_))
    return found


def find_mentions(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Mention]:
    """Every toponym mention of ``doc``, in text order (facilities may contain one)."""
    toponyms = gazetteer_mentions(doc, gazetteer, lexicon)
    toponyms += ner_mentions(doc, toponyms, gazetteer, lexicon)
    facilities = facility_mentions(doc, toponyms, lexicon)
    return sorted(toponyms + facilities, key=lambda m: (m.start, -m.end))
