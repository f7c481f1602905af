"""Clitic analysis of Arabic surface tokens, without splitting them.

Arabic attaches conjunctions, prepositions, the future marker and the article to the
front of a word (وبالعاصمة = و + ب + ال + عاصمة) and object/possessive pronouns to its
end (استقبله = استقبل + ه). Lexicons (gazetteers, actor names, event triggers) store bare
stems, so every look-up needs the stem; the NER data, though, is whitespace-tokenised.
So each token keeps its surface and exposes ``token._.clitics``, the best analysis, and
:func:`analyses`, every plausible one, best first, for look-ups that can check a lexicon.

The analysis is done on the matching key (see :mod:`marsad.text.normalize`), so stems
are keys: «زيارته» has the stem «زياره» (ta marbuta restored, then keyed to ه).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.datafiles import read_yaml
from marsad.text.normalize import INVISIBLE, normalize_keep_ta


@dataclass(frozen=True, slots=True)
class Clitics:
    """One analysis of a token: ``prefix + stem + suffix`` (all matching keys)."""

    prefix: str  # proclitics as written, e.g. "وب" or "وال" or "لل"; "" when none
    stem: str
    suffix: str  # pronoun enclitic, e.g. "ه"; "" when none
    article: bool  # whether the prefix contains the definite article

    @property
    def definite_stem(self) -> str:
        """The stem with the article when the prefix holds it, as a name is listed:
        «والعراق» and «للعراق» (ل + ال, written لل) both give «العراق»."""
        return _rules()["article"] + self.stem if self.article else self.stem

    def to_dict(self) -> dict:
        return {"prefix": self.prefix, "stem": self.stem, "suffix": self.suffix}


def writes_article(word: str) -> bool:
    """Whether ``word`` begins with the article as written, a bare alef and «ل» (marks and
    tatweel aside): «الألماني» does; «ألماني» does not, though its key, with «أ» folded
    into «ا», reads as «ال» + «ماني»."""
    article = _rules()["article"]
    word = word.lstrip(_INVISIBLE)  # (a directional mark pasted before it: «\u200fالرئيس»)
    if word.startswith(article) or not word.startswith(article[0]):
        return word.startswith(article)  # most words: no marks to look past
    return unmarked(word[:8]).startswith(article)


def unmarked(word: str) -> str:
    """``word`` as written, its letters and hamzas kept, without harakat and tatweel."""
    return _MARKS.sub("", word)


def has_article(token: str, analysis: Clitics) -> bool:
    """Whether ``analysis`` of ``token`` holds an article the token writes: «إلياس» is no
    «ال» + «ياس», though its key reads so; «والإعلام» and «للإعلام» hold one."""
    if not analysis.article:
        return False
    prefix = analysis.prefix
    return prefix.endswith("لل") or writes_article(token[len(prefix) - 2:])


def definite(token: str) -> bool:
    """Whether ``token`` writes the article, maybe after a proclitic («الرئيس», «للرئيس»,
    «والموسى»; not «إلياس»): :func:`has_article` on its most plausible analysis."""
    return has_article(token, best(token))


_INVISIBLE = "".join(INVISIBLE)
# tatweel, harakat, dagger alef, and the marks nobody sees
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670" + _INVISIBLE + "]")


@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = read_yaml("marsad.text", "data/clitics.yaml")
    rules["lexical"] = frozenset(rules["lexical"])
    return rules


def _prefixes() -> list[tuple[str, bool, bool]]:
    """Every proclitic sequence as (form, has_article, needs_imperfect), longest first."""
    rules = _rules()
    article = rules["article"]
    sequences: set[tuple[str, bool, bool]] = set()
    for conj in ["", *rules["conjunctions"]]:
        for prep in ["", *rules["prepositions"]]:
            for art in ["", article]:
                form = conj + prep + art
                if prep == "ل" and art:
                    form = conj + "لل"  # ل + ال is written لل
                if form:
                    sequences.add((form, bool(art), False))
        for fut in rules["future"]:
            sequences.add((conj + fut, False, True))
    return sorted(sequences, key=lambda s: -len(s[0]))


@lru_cache(maxsize=1)
def _prefix_table() -> tuple[int, dict[str, list[tuple[bool, bool]]]]:
    """The longest proclitic sequence's length, and each sequence's (has_article,
    needs_imperfect) readings: a word's candidates are then found by looking up its first
    n letters, longest first, rather than by testing every sequence."""
    table: dict[str, list[tuple[bool, bool]]] = {}
    for form, article, needs_imperfect in _prefixes():
        table.setdefault(form, []).append((article, needs_imperfect))
    return max(map(len, table), default=0), table


def _restore_stem(stem: str) -> str:
    """A stem that lost its ta marbuta to a suffix (زيارت+ه) gets it back.

    Not after alef: -ات is the feminine plural (قوات+نا), far more common than حياة.
    """
    if stem.endswith("ت") and not stem.endswith("ات") and len(stem) > 3:
        return stem[:-1] + "ة"
    return stem


@lru_cache(maxsize=1)
def _enclitic_table() -> tuple[tuple[int, frozenset[str]], ...]:
    """The enclitics by length, longest first: a stem ends in at most one of each length,
    so trying lengths in turn finds the first of the list that fits."""
    enclitics = _rules()["enclitics"]
    lengths = sorted({len(e) for e in enclitics}, reverse=True)
    if [len(e) for e in enclitics] != sorted(map(len, enclitics), reverse=True):
        raise ValueError("clitics.yaml: list the enclitics longest first")
    return tuple((n, frozenset(e for e in enclitics if len(e) == n)) for n in lengths)


@lru_cache(maxsize=200_000)
def analyses(token: str) -> tuple[Clitics, ...]:
    """All plausible analyses of ``token``, most plausible first; the bare word is last."""
    word = normalize_keep_ta(token)  # ة kept: «مدينة» has no pronoun suffix, «مدينه» may
    rules = _rules()
    lexical = rules["lexical"]
    keyed_word = _key(word)
    bare = Clitics("", keyed_word, "", False)
    if len(word) < 3 or keyed_word in lexical or not word.isalpha():
        return (bare,)
    minimum = rules["min_stem"]
    # (prefix, stem, suffix, article) with the stem as written (ة kept) until the end
    found: list[tuple[str, str, str, bool]] = []
    longest, table = _prefix_table()
    for length in range(min(longest, len(word)), 0, -1):
        readings = table.get(word[:length])
        if not readings:
            continue
        stem = word[length:]
        for article, needs_imperfect in readings:
            least = minimum["with_article"] if article else minimum["with_proclitic"]
            if len(stem) < least:
                continue
            if needs_imperfect and stem[0] not in rules["imperfect_prefixes"]:
                continue
            found.append((word[:length], stem, "", article))
    least = minimum["with_enclitic"]
    for prefix, stem, _, article in [("", word, "", False), *found]:
        if article or _key(stem) in lexical:
            continue  # a noun with the article takes no pronoun suffix
        for length, suffixes in _enclitic_table():
            if len(stem) - length >= least and stem[-length:] in suffixes:
                found.append((prefix, _restore_stem(stem[:-length]), stem[-length:], article))
                break
    # Prefer analyses that strip the article, then longer prefixes (they are rarer by
    # chance), and keep the bare reading last as the fallback for look-ups.
    keyed = [Clitics(prefix, _key(stem), suffix, article)
             for prefix, stem, suffix, article in found]
    keyed.sort(key=lambda c: (not c.article, -len(c.prefix), -len(c.suffix)))
    if any(c.stem in lexical for c in keyed):
        keyed.sort(key=lambda c: c.stem not in lexical)
    return (*keyed, bare)


def _key(word: str) -> str:
    return word.replace("ة", "ه")


@lru_cache(maxsize=200_000)  # asked of every token by several stages: a C-level hit
def best(token: str) -> Clitics:
    """The single most plausible analysis of ``token``."""
    return analyses(token)[0]


@lru_cache(maxsize=200_000)  # every stage looks tokens up by their stems
def stems(token: str) -> tuple[str, ...]:
    """Candidate stems of ``token`` (keys), most plausible first, without repeats."""
    return tuple(dict.fromkeys(c.stem for c in analyses(token)))


@lru_cache(maxsize=200_000)
def noun_stems(token: str) -> tuple[str, ...]:
    """The stems of :func:`stems` a noun or a name may have: not after the future marker,
    which only a verb takes («وسيلين» is «و» + the name «سيلين», not «و» + «س» + «يلين»)."""
    return _nominal_stems(token, suffixed=True)


@lru_cache(maxsize=200_000)
def name_stems(token: str) -> tuple[str, ...]:
    """The stems of :func:`noun_stems` a proper name may have: a name takes a conjunction
    or a preposition («وبوتين», «لحماس») but no pronoun suffix («مورموني» is no «مورمو» +
    «ني», «بيتك» no «بيت» + «ك»)."""
    return _nominal_stems(token, suffixed=False)


def _nominal_stems(token: str, suffixed: bool) -> tuple[str, ...]:
    future = tuple(_rules()["future"])
    return tuple(dict.fromkeys(c.stem for c in analyses(token)
                               if (suffixed or not c.suffix) and not c.prefix.endswith(future)))
