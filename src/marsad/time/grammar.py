"""The grammar (data/patterns.yaml) compiled into regular expressions over the canonical
stream of a text (see :mod:`marsad.time.lexicon`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from marsad.datafiles import load_yaml
from marsad.time.lexicon import Lexicon, lexicon

_MACRO = regex.compile(r"\{@([a-z_]+)\}")
_CLASS = regex.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    name: str
    build: str  # the builder in marsad.time.resolve
    pattern: regex.Pattern
    needs: frozenset[str]  # classes or words, one of which the text must have


def _joined(part: str | list[str]) -> str:
    return "".join(part) if isinstance(part, list) else part


def _expand_macros(text: str, macros: dict[str, str]) -> str:
    while _MACRO.search(text):
        text = _MACRO.sub(lambda m: macros[m.group(1)], text)
    return text


def _alternation(words) -> str:
    """A non-capturing group of the words, longest first so the longest one wins."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _expand_classes(text: str, lex: Lexicon) -> str:
    return _CLASS.sub(lambda m: _alternation(lex.classes[m.group(1)]), text)


def compile_pattern(text: str, lex: Lexicon) -> regex.Pattern:
    """Whole words only: a match starts and ends at a word boundary of the stream."""
    return regex.compile(rf"(?<![^ ])(?:{_expand_classes(text, lex)})(?![^ ])")


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    with resources.files("marsad.time").joinpath("data/patterns.yaml").open(encoding="utf-8") as f:
        grammar = load_yaml(f)
    lex = lexicon()
    macros = {name: _joined(body) for name, body in grammar["macros"].items()}
    return tuple(
        Rule(rule["name"], rule["build"],
             compile_pattern(_expand_macros(_joined(rule["pattern"]), macros), lex),
             frozenset(lex.phrase(n) if not n.isascii() else n for n in rule["needs"]))
        for rule in grammar["rules"]
    )


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """The classes whose phrases start with each word: what a text's words tell about
    which rules can match in it."""
    found: dict[str, set[str]] = {}
    for name, table in lexicon().classes.items():
        for phrase in table:
            found.setdefault(phrase.split(" ")[0], set()).add(name)
    return {word: frozenset(names) for word, names in found.items()}


@lru_cache(maxsize=1)
def exclusions() -> regex.Pattern:
    """One pattern for every phrase that only looks like a time (data/exclusions.yaml)."""
    return regex.compile(rf"(?<![^ ]){_alternation(lexicon().exclusions)}(?![^ ])")
