"""Names joined by «و» are two names, not one.

A tagger that has learnt «عبد الرحمن» + «بابكر» as one name also runs «عبدالرحمن وعباس
بابكر» together. Inside a name of a type listed in ``data/coordinated_names.yaml``, a
word that is «و» + a gazetteer name of that type's kinds, and is not itself one, begins
a new name (its I- tag becomes B-). On the dev split this lifts the ensemble's micro F1
from 0.7948 to 0.7974 (people 0.816 → 0.822), by 5-fold cross-validation from 0.7841 to
0.7849 (the CRF alone's from 0.7805 to 0.7813), with the consistency step as it was then
(``MAX_UNTAGGED`` 8); LOC is unchanged (the taggers already split «مصر والأردن»), ORG
gains on the dev split only (0.744 → 0.747).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.datafiles import read_yaml
from marsad.ner.lexicon import Lexicon
from marsad.text.normalize import normalize_key

AND = "و"


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]:
    """Per entity type, the gazetteer kinds whose names after «و» start a new name, and
    the names besides (as keys); and the function words that are never such a name."""
    data = read_yaml("marsad.ner", "data/coordinated_names.yaml")
    return ({kind: frozenset(kinds) for kind, kinds in data["starts_a_new_name"].items()},
            {kind: frozenset(map(normalize_key, names))
             for kind, names in data["more_names"].items()},
            frozenset(data["not_names"]))


def split_coordinated(tokens: Sequence[str], tags: Sequence[str], lexicon: Lexicon) -> list[str]:
    """``tags`` with each name that continues over «و» + a listed name of its type cut
    there, the second name beginning at that word."""
    by_type, more_names, not_names = _rules()
    mended = list(tags)
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        kind = tag[2:]
        if not tag.startswith("I-") or kind not in by_type:
            continue
        key = normalize_key(token)
        if (key.startswith(AND) and token[1:] not in not_names
                and (not by_type[kind].isdisjoint(_kinds(lexicon, key[1:]))
                     or key[1:] in more_names.get(kind, ()))
                and kind not in {listed.split(".")[0] for listed in _kinds(lexicon, key)}):
            mended[i] = "B-" + kind
    return mended


def _kinds(lexicon: Lexicon, key: str) -> set[str]:
    """The gazetteer kinds ``key`` is listed with as a single word («PERS.surnames»)."""
    return lexicon.words.get(key, set())
