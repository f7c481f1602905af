"""Metonymy: a capital or a country acting as an agent stands for its government.

«أنقرة أرسلت صواريخ», «الدوحة تدفع فاتورة», «وهددت أنقرة»: the place is the subject of
a verb of action or speech. Arabic agrees such a verb in the feminine singular with the
place, before it (VSO) or after it (SVO), so a listed verb form right next to the name
(a negation or ``قد`` may stand between) marks the mention. The events stage reads
``span._.metonymy`` and treats the mention as the government of ``span._.place.country``.
"""

from __future__ import annotations

from marsad.geo.gazetteer import Entry
from marsad.geo.lexicon import Lexicon, word_keys
from marsad.geo.recognize import Tokens
from marsad.text.normalize import normalize_key

# Particles that may stand between the subject and its verb: «أنقرة لم ترسل».
PARTICLES = frozenset(normalize_key(w) for w in ("قد", "لم", "لن", "لا", "ما", "سوف"))


def can_be_agent(entry: Entry | None) -> bool:
    return entry is not None and (entry.feature == "country" or entry.capital_of is not None)


def is_agent(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the name at tokens [start, end) is the subject of an agentive verb."""
    return _verb_at(tokens, _words_after(tokens, end), lexicon) or _verb_at(
        tokens, _words_before(tokens, start), lexicon
    )


def _verb_at(tokens: Tokens, positions: list[int], lexicon: Lexicon) -> bool:
    for i in positions:
        if not lexicon.agent_verbs.isdisjoint(word_keys(tokens.text[i])):
            return True
        if tokens.norm[i] not in PARTICLES:
            return False
    return False


def _words_after(tokens: Tokens, end: int) -> list[int]:
    found = []
    for i in range(end, min(end + 2, len(tokens))):  # a verb, or a particle and a verb
        if not tokens.word[i]:
            break
        found.append(i)
    return found


def _words_before(tokens: Tokens, start: int) -> list[int]:
    # VSO: the verb right before the name
    return [i for i in range(max(0, start - 1), start) if tokens.word[i]]
