"""Finding event triggers in a Doc, with their clause and the flags their context sets.

A trigger is a verb or verbal noun of the lexicon (``triggers.yaml``) whose reading's
conditions hold: a class word near it (أرسل + صواريخ), a subject of the right class
(المتظاهرون + أحرقوا). A verbal noun reports an event when a light verb governs it
(«عقد اجتماعا», «اندلعت مظاهرات»); otherwise it is only a mention, kept when it has
arguments (see component.py).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from marsad.events.lexicon import (
    PREPOSITIONS,
    Lexicon,
    Reading,
    lexicon,
    prefix_of,
    token_keys,
    verb_prefix,
)
from marsad.events.words import keys_of, texts_of
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

# Numerals and quantity words that may stand between a verb and its plural subject
# («تظاهر آلاف الطلاب», «رشق مئات المتظاهرين»).
QUANTITY = frozenset({"الاف", "الف", "مئات", "عشرات", "نحو", "حوالي", "قرابه", "اكثر", "من",
                      "مئه", "مائه", "الالاف", "المئات", "عدد", "ملايين", "مليون"})
# Classes of things a numeral may count (cues.yaml): a crowd of them is no crowd.
THINGS = ("vehicles", "weapons")
# Between a negation and its verb («لم يكن قد», «لن يتم»).
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})
LIGHT_WINDOW = 3  # words between a light verb and its noun («عقد الوزير الاثنين اجتماعا»)
LIGHT_WINDOW_FAR = 7  # ... when the noun is its prepositional complement («خرج ... في مظاهرة»)
# Right before an imperfect verb: «قد» (may) and the subjunctive «أن» («أن يشارك»; the
# factual «أنّ», spelt alike, is followed by its subject, never by a verb).
SUBJUNCTIVE = frozenset({"قد", "ان"})
NEGATION_GAP = frozenset({"قد", "يتم", "تتم", "يكن", "تكن", "يعد", "تعد"})


@dataclass
class Mention:
    """One trigger occurrence: a reading on tokens [start, end) of ``sent``."""

    reading: Reading
    start: int
    end: int
    sent: Span
    clause: tuple[int, int]  # token range of its clause
    light: int | None = None  # token of the light verb governing a noun trigger
    victim: bool = False  # governed by «تعرض ل»: the subject is the recipient
    passive: bool = False  # governed by «تم»: a passive, the genitive is the patient
    type: str = ""
    mode: str | None = None
    prefix: str = ""  # proclitics of the trigger word (or of its light verb)

    def __post_init__(self) -> None:
        if not self.type:  # the reading's type and mode, unless retyped (figurative)
            self.type, self.mode = self.reading.type, self.reading.mode

    @property
    def verbal(self) -> bool:
        return self.reading.pos == "verb" or self.light is not None


def clauses(sent: Span, lex: Lexicon) -> list[tuple[int, int]]:
    """Split a sentence into clauses at strong punctuation and clause-opening words."""
    texts = texts_of(sent.doc)
    cuts = [sent.start]
    may_open = lex.clause_boundaries.may_start.all(texts[sent.start : sent.end])
    for i, may in enumerate(may_open, sent.start):
        opens = may and i > sent.start and lex.clause_boundaries.match(texts, i)
        if opens or texts[i] in lex.clause_punctuation:
            cuts.append(i)
    cuts.append(sent.end)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def find(doc: Doc) -> list[Mention]:
    """Every trigger of ``doc`` whose reading's conditions hold, in text order."""
    lex = lexicon()
    texts = texts_of(doc)
    mentions: list[Mention] = []
    may_start = lex.may_start.all(texts)  # most words start no reading
    for sent in doc.sents:
        spans = clauses(sent, lex)
        free = sent.start  # the first token not inside a mention found
        for i in range(sent.start, sent.end):
            if i < free or not may_start[i]:
                continue
            clause = next(c for c in spans if c[0] <= i < c[1])
            mention = _mention_at(doc, texts, i, sent, clause, lex)
            if mention and not _restates(mentions, mention):
                mentions.append(mention)
            if mention:
                free = mention.end
    return [m for m in mentions if not _figurative(doc, m, lex)]


def _restates(mentions: list[Mention], m: Mention) -> bool:
    """«وصول تعزيزات»: a noun of the same type right after a trigger is its argument."""
    if not mentions or m.reading.pos != "noun":
        return False
    last = mentions[-1]
    return last.type == m.type and last.clause == m.clause and m.start - last.end <= 1


def _mention_at(doc, texts, i, sent, clause, lex: Lexicon) -> Mention | None:
    for reading, length in lex.readings_at(texts, i):
        if i + length > clause[1]:
            continue
        if reading.needs and not _near_class(texts, i, i + length, sent, reading.needs, lex):
            continue
        if reading.subject and not _subject_of_class(texts, i, i + length, clause,
                                                     reading.subject, lex):
            continue
        mention = Mention(reading, i, i + length, sent, clause,
                          prefix=prefix_of(texts[i], reading.words[0], reading.pos))
        if reading.pos == "noun":
            mention.light, mention.victim = _light_verb(texts, i, clause, lex)
            if mention.light is None and _passive_light_verb(texts, i, clause, lex):
                mention.light, mention.passive = i - 1, True
            if mention.light is not None:
                mention.prefix = verb_prefix(texts[mention.light])
        return mention
    return None


def _near_class(texts, start, end, sent: Span, names, lex: Lexicon) -> bool:
    """A class word within the window, in the sentence («التعزيزات التي وصلت»)."""
    window = lex.class_window
    lo, hi = max(sent.start, start - window), min(sent.end, end + window)
    return any(
        lex.classes[name].match(texts, j)
        for name in names for j in range(lo, hi) if not start <= j < end
    )


def _subject_of_class(texts, start, end, clause, names, lex: Lexicon) -> bool:
    """Whether a class word is the verb's subject: right after it (past numerals) or
    right before it, not under a preposition («بين المحتجين، فرشق»)."""
    j, counted = end, False
    while j < clause[1]:
        if any(lex.classes[n].match(texts, j) for n in names):
            return _subject_form(texts, j, counted, lex)
        if not (_is_quantity(texts[j]) or texts[j] in "،,"):
            break
        counted = counted or _is_quantity(texts[j])
        j += 1
    return any(
        lex.classes[n].match(texts, k) and not _governed(texts, k)
        for n in names for k in range(max(clause[0], start - 2), start)
    )


def _subject_form(texts, j: int, counted: bool, lex: Lexicon) -> bool:
    """Whether the class word at ``j``, right after a verb, can be its subject. A sound
    masculine plural in ين there is the object («يخرج المتظاهرين»: he brings them out);
    the subject takes ون, or ين as the genitive after a numeral («خرج آلاف المتظاهرين»).
    A numeral counts people, not things («تجمعت مئات السيارات»)."""
    if not counted and not _is_quantity(texts[j]) and best(texts[j]).stem.endswith("ين"):
        return False
    thing = j + 1 < len(texts) and any(lex.classes[n].match(texts, j + 1) for n in THINGS)
    return not (_is_quantity(texts[j]) and thing)


def _governed(texts, k: int) -> bool:
    """Whether a preposition governs the word at ``k`` (the word before, or ب/ل on it)."""
    if k > 0 and _without_conjunction(normalize_key(texts[k - 1])) in PREPOSITIONS:
        return True
    return best(texts[k]).prefix.lstrip("وف").startswith(("ب", "ل"))


def _is_quantity(text: str) -> bool:
    return text.isdigit() or bool(QUANTITY & set(token_keys(text))) or bool(
        lexicon().specific.match([text], 0))


def specific(doc: Doc, m: Mention) -> bool:
    """Whether a protester action says who or how many, or when (see cues.yaml), in its
    own clause: a number further on counts something else («... التي جاءت في 58 صفحة»)."""
    lex = lexicon()
    texts = texts_of(doc)
    lo, hi = m.clause
    if any(lex.specific.match(texts, j) or doc[j].like_num for j in range(lo, hi)):
        return True
    return any(lex.classes["protesters"].match(texts, j) and not best(texts[j]).article
               for j in range(max(lo, m.start - 3), min(hi, m.end + 4)))


def background(doc: Doc, m: Mention) -> bool:
    """A trigger in a relative clause, after a demonstrative («هذه المظاهرات») or in the
    past progressive («وكانوا يتظاهرون», «كانت تجري تظاهرات») is background; «كان قد
    التقى» (the pluperfect) is not."""
    lex = lexicon()
    head = m.light if m.light is not None else m.start
    before = [_without_conjunction(w) for w in keys_of(doc)[max(m.sent.start, head - 2) : head]]
    if any(w in RELATIVES for w in before):
        return True
    if m.reading.pos == "noun" and m.start > m.sent.start and _without_conjunction(
            keys_of(doc)[m.start - 1]) in lex.anaphoric:
        return True  # «هذه المظاهرات»: the ones reported before
    return imperfect(doc, m) and any(w in lex.background for w in before)


def imperfect(doc: Doc, m: Mention) -> bool:
    """Whether the trigger's verb (its light verb, for a noun) is in the imperfect."""
    if m.light is None:
        return m.reading.imperfect
    return any(key.startswith("ي") for key in token_keys(texts_of(doc)[m.light], "verb")
               if lexicon().light_verbs.firsts & {key})


def _without_conjunction(key: str) -> str:
    """«وكانوا» -> «كانوا»: و/ف written on a function word."""
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 2 else key


def quoted(doc: Doc, m: Mention) -> bool:
    """Whether the trigger stands inside «...» quotes: someone's words, not the report."""
    before = texts_of(doc)[m.sent.start : m.start]
    return sum(t.count("«") for t in before) > sum(t.count("»") for t in before)


def _light_verb(texts, i, clause, lex: Lexicon) -> tuple[int | None, bool]:
    """The light verb governing the noun at ``i``: one of the two words before it
    («شن هجوما», «خرجت في مظاهرة») or the verb whose subject it is («اندلعت مظاهرات»)."""
    before = normalize_key(texts[i - 1]) if i > clause[0] else ""
    if before in lex.noun_introducers and before != "في":
        return None, False  # «خلال زيارته»: the noun is a prepositional phrase
    if _without_conjunction(normalize_key(texts[i])) in lex.motive:
        return None, False  # «احتجاجا على»: the motive of another verb
    for after in (i + 1, i + 2):  # «مظاهرة نظمها حزب البعث», «مظاهرة عنيفة اندلعت»
        if after < clause[1] and lex.light_verbs_after.match(texts, after):
            return after, False
        if after < clause[1] and not texts[after].isalpha():
            break
    # «خرج أمس سكان الأحياء في مظاهرة», «قام المتظاهرون بالاحتجاج»: a motion or light
    # verb reaches further over its subject to a prepositional complement.
    far = before == "في" or best(texts[i]).prefix.lstrip("وف").startswith("ب")
    window = LIGHT_WINDOW_FAR if far else LIGHT_WINDOW
    words, j = 0, i - 1
    while j >= clause[0] and words < window:
        if lex.light_verbs.match(texts, j):
            return j, bool(lex.victim_verbs.match(texts, j))
        words += texts[j] not in "،,"  # «عقد الاثنين، اجتماعا»: commas do not count
        j -= 1
    return None, False


def _passive_light_verb(texts, i, clause, lex: Lexicon) -> bool:
    """Whether «تم/يتم» right before the noun at ``i`` makes it a passive («تم اعتقال»)."""
    return i > clause[0] and _without_conjunction(normalize_key(texts[i - 1])) in (
        lex.passive_light_verbs)


def _figurative(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Drop ASSAULT/PROTEST readings in sport copy; retype verbal attacks (ACCUSE)."""
    if m.type not in ("ASSAULT", "PROTEST"):
        return False
    texts = texts_of(doc)
    if any(lex.figurative[kind].match(texts, j) for kind in ("sport", "idiom")
           for j in range(m.sent.start, m.sent.end)):
        return True
    lo, hi = m.clause
    if m.type == "ASSAULT" and any(lex.figurative["verbal"].match(texts, j)
                                   for j in range(lo, hi)):
        m.type, m.mode = lex.figurative_retype["verbal"]
    return False


# --- flags ----------------------------------------------------------------------------


def negated(doc: Doc, m: Mention) -> bool:
    """A negation right before the trigger (or its light verb), or a verb of foiling or
    denial earlier in its clause («أحبطت الشرطة هجوما»)."""
    lex = lexicon()
    texts = texts_of(doc)
    head = m.light if m.light is not None else m.start
    j = head - 1
    while j >= m.clause[0] and set(token_keys(texts[j])) & NEGATION_GAP:
        j -= 1
    if j >= m.clause[0] and (lex.negation.match(texts, j)
                             or (lex.negation.match([texts[j][1:]], 0) and texts[j][0] in "وف")):
        return True  # «ولم تهاجم»: the conjunction leaves «لم» too short for clitics
    return lex.foiled.occurs(texts, m.clause[0], head)


def hypothetical(doc: Doc, m: Mention) -> bool:
    """Conditional sentences, the future, purpose and planning: what has not happened."""
    lex = lexicon()
    texts = texts_of(doc)
    if lex.conditional.occurs(texts, m.sent.start, m.sent.end):
        return True
    head = m.light if m.light is not None else m.start
    prefix = m.prefix.lstrip("وف")
    if prefix.startswith("س") or prefix.startswith("ل"):
        return True  # the future (ستستعيد), purpose (ليتظاهروا، لدعم، للسيطرة)
    before = _without_conjunction(keys_of(doc)[head - 1]) if head > m.sent.start else ""
    if imperfect(doc, m) and before in SUBJUNCTIVE:
        return True  # «قد يقاطعون»: may; «أمله أن يشارك»: أن + imperfect, not a fact
    return lex.hypothetical.occurs(texts, m.clause[0], head)
