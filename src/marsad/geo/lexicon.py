"""The geo stage's word lists (``data/lexicon.yaml``, ``data/metonymy.yaml``) as keys."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.text.clitics import analyses
from marsad.text.normalize import normalize_key


@dataclass(frozen=True)
class Lexicon:
    stop: frozenset[str]
    read_as_words: frozenset[str]  # common words with the article («الحج»), keys
    cues: dict[str, str]  # cue key -> kind of place it announces
    poi_heads: frozenset[str]  # facility words that need a toponym after them
    facility_heads: frozenset[str]  # facility words that may stand before any name
    poi_continuations: frozenset[str]
    agent_verbs: frozenset[str]  # 3rd person feminine singular verbs, keys


def _read(name: str) -> dict:
    path = resources.files("marsad.geo").joinpath(f"data/{name}")
    return load_yaml(path.read_text(encoding="utf-8"))


def _keys(words) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = _read("lexicon.yaml")
    verbs = _read("metonymy.yaml")["verbs"]
    return Lexicon(
        stop=_keys(words["stop"]),
        read_as_words=_keys(words["read_as_words"]),
        cues={normalize_key(k): v for k, v in words["cues"].items()},
        poi_heads=_keys(words["poi_heads"]),
        facility_heads=_keys(words["facility_heads"]),
        poi_continuations=_keys(words["poi_continuations"]),
        agent_verbs=_keys(form for pair in verbs for form in pair),
    )


@lru_cache(maxsize=100_000)
def word_keys(token: str) -> tuple[str, ...]:
    """The keys a word may be looked up by: stems with clitics stripped, then the bare word.

    A pronoun suffix also gives back the verb it hid: «دعمتها» -> «دعمت» (the clitic
    analyser restores ة there, which is right for nouns, so the ت form is added)."""
    found: list[str] = []
    for analysis in analyses(token):
        found.append(analysis.stem)
        if analysis.suffix and analysis.stem.endswith("ه"):
            found.append(analysis.stem[:-1] + "ت")
    return tuple(dict.fromkeys(found))
