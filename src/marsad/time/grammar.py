"""The grammar (data/patterns.yaml) compiled into regular expressions over the canonical
stream of a text (see :mod:`marsad.time.lexicon`).

The patterns are compiled with the standard library's ``re``, which matches them several
times faster than the ``regex`` module. Two things the grammar writes that ``re`` does not
take are rewritten on the way, into patterns that match the same text: one name given to
groups in different branches («(?P<unit>…)» twice), and a look-behind over words of
different lengths («(?<=(?:في|خلال) )»).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.datafiles import load_yaml
from marsad.time.alternation import alternation
from marsad.time.lexicon import Lexicon, lexicon

_MACRO = re.compile(r"\{@([a-z_]+)\}")
_CLASS = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
# A look-behind at the word before: «(?<=(?:في|خلال|{year_context}) )», words or classes.
_WORD_BEFORE = re.compile(r"\(\?<=\(\?:([^()]+)\) \)")
_ALIAS = "__"  # «unit», «unit__2», «unit__3»: the groups that share the name «unit»


@dataclass(frozen=True)
class Rule:
    name: str
    build: str  # the builder in marsad.time.resolve
    pattern: re.Pattern
    needs: frozenset[str]  # classes or words, one of which the text must have
    # A name the grammar gives several groups, with the names of the other groups.
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def groups(self, match: re.Match) -> dict[str, str | None]:
        """The match's named groups under the grammar's names. Of groups sharing a name,
        the last that took part in the match gives the value, as in the ``regex`` module."""
        groups = match.groupdict()
        for name, others in self.aliases:
            for alias in others:
                value = groups.pop(alias)
                if value is not None:
                    groups[name] = value
        return groups


def _joined(part: str | list[str]) -> str:
    return "".join(part) if isinstance(part, list) else part


def _expand_macros(text: str, macros: dict[str, str]) -> str:
    while _MACRO.search(text):
        text = _MACRO.sub(lambda m: macros[m.group(1)], text)
    return text


def _expand_classes(text: str, lex: Lexicon) -> str:
    return _CLASS.sub(lambda m: alternation(lex.classes[m.group(1)]), text)


def _fixed_width(text: str, lex: Lexicon) -> str:
    """A look-behind at the word before, one per length of word: ``re`` only looks
    behind by a fixed width, and «(?<=في )|(?<=خلال )» asks what «(?<=(?:في|خلال) )» does."""

    def split(match: re.Match) -> str:
        by_length: dict[int, list[str]] = defaultdict(list)
        for item in match.group(1).split("|"):
            name = _CLASS.fullmatch(item)
            for word in lex.classes[name.group(1)] if name else [item]:
                by_length[len(word)].append(word)
        return "(?:" + "|".join(f"(?<={alternation(words)} )"
                                for _, words in sorted(by_length.items())) + ")"

    return _WORD_BEFORE.sub(split, text)


def _unique_names(text: str) -> tuple[str, dict[str, list[str]]]:
    """The pattern with every repeat of a group name renamed («unit» -> «unit__2»), and
    the new names of each repeated name."""
    renamed: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()

    def rename(match: re.Match) -> str:
        name = match.group(1)
        if name not in seen:
            seen.add(name)
            return match.group()
        renamed[name].append(f"{name}{_ALIAS}{len(renamed[name]) + 2}")
        return f"(?P<{renamed[name][-1]}>"

    return _GROUP.sub(rename, text), renamed


def _words_only(pattern: str) -> re.Pattern:
    """Whole words only: a match starts with the space before its first word (the stream
    starts with a space) and ends at the end of a word. Starting with a plain space lets
    ``re`` skip from word to word instead of trying the pattern at every character."""
    return re.compile(f" (?:{pattern})(?![^ ])")


def compile_rule(name: str, build: str, text: str, needs: frozenset[str],
                 lex: Lexicon) -> Rule:
    text, renamed = _unique_names(_fixed_width(text, lex))
    pattern = _words_only(_expand_classes(text, lex))
    aliases = tuple((group, tuple(others)) for group, others in renamed.items())
    return Rule(name, build, pattern, needs, aliases)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    with resources.files("marsad.time").joinpath("data/patterns.yaml").open(encoding="utf-8") as f:
        grammar = load_yaml(f)
    lex = lexicon()
    macros = {name: _joined(body) for name, body in grammar["macros"].items()}
    return tuple(
        compile_rule(rule["name"], rule["build"],
                     _expand_macros(_joined(rule["pattern"]), macros),
                     frozenset(lex.phrase(n) if not n.isascii() else n for n in rule["needs"]),
                     lex)
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
def exclusions() -> re.Pattern:
    """One pattern for every phrase that only looks like a time (data/exclusions.yaml)."""
    return _words_only(alternation(lexicon().exclusions))
