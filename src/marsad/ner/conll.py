"""CoNLL-style token files: reading the gold corpora and the ``marsad ner --conll`` format.

A sentence is a list of tokens with one tag each, in BIO with the ANERcorp types
(PERS LOC ORG MISC). The readers here turn each corpus into that shape:

* ANERcorp ships as ``token TAG`` lines with no sentence breaks, so sentences end after
  sentence-final punctuation.
* Wojood has nested tags (one column per nesting level) and 21 types; each token keeps
  the outermost tag whose type maps onto an ANERcorp type (``WOJOOD_TYPES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

TYPES = ("PERS", "LOC", "ORG", "MISC")
SENTENCE_END = frozenset({".", "!", "?", "؟"})

# Wojood type -> ANERcorp type; the types left out (OCC, NORP, DATE, numbers …) become O,
# as ANERcorp does not tag them (it writes «الإسبانية» and «وزير» as O).
WOJOOD_TYPES = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WEBSITE": "MISC",
    "LAW": "MISC",
}

# One line of ANERcorp's train file lost its line break: ". Oالإصابة O".
_GLUED = re.compile(r"^(\S+) (O|[BI]-[A-Z]+)(\S+) (O|[BI]-[A-Z]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp's ``token TAG`` lines, split into sentences after final punctuation."""
    return split_sentences(path.read_text(encoding="utf-8-sig").splitlines())


def split_sentences(lines: Iterable[str]) -> list[Sentence]:
    """``token TAG`` lines with no sentence breaks, split after final punctuation."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for token, tag in _anercorp_pairs(lines):
        tokens.append(token)
        tags.append(tag)
        if token in SENTENCE_END:
            sentences.append(Sentence(tuple(tokens), tuple(repair_bio(tags))))
            tokens, tags = [], []
    if tokens:
        sentences.append(Sentence(tuple(tokens), tuple(repair_bio(tags))))
    return sentences


def _anercorp_pairs(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    for line in lines:
        glued = _GLUED.match(line)
        if glued:
            yield glued.group(1), glued.group(2)
            yield glued.group(3), glued.group(4)
            continue
        fields = line.split()
        if len(fields) >= 2:  # lines with an empty token (" O") carry nothing: dropped
            yield fields[0], fields[-1]


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood's nested multi-tag lines, flattened onto the ANERcorp types."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [
        Sentence(tuple(row[0] for row in rows), tuple(repair_bio([_wojood_tag(r) for r in rows])))
        for rows in _blocks(lines)
    ]


def _wojood_tag(row: list[str]) -> str:
    for tag in row[1:]:
        prefix, _, kind = tag.partition("-")
        if kind in WOJOOD_TYPES:
            return f"{prefix}-{WOJOOD_TYPES[kind]}"
    return "O"


def _blocks(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of whitespace-split rows."""
    rows: list[list[str]] = []
    for line in lines:
        fields = line.split()
        if fields:
            rows.append(fields)
        elif rows:
            yield rows
            rows = []
    if rows:
        yield rows


def repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one (B-)."""
    repaired: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def read_token_blocks(lines: Iterable[str]) -> list[list[str]]:
    """The ``--conll`` input: the first column of each line, sentences between blank lines."""
    return [[row[0] for row in rows] for rows in _blocks(lines)]


def read_gold(lines: Sequence[str]) -> list[Sentence]:
    """Gold ``token ... TAG`` lines (the last column is the tag), blank lines between
    sentences; a file without any blank line is split like ANERcorp."""
    if not any(not line.strip() for line in _trimmed(lines)):
        return split_sentences(lines)
    return [
        Sentence(tuple(r[0] for r in rows), tuple(repair_bio([r[-1] for r in rows])))
        for rows in _blocks(lines)
    ]


def _trimmed(lines: Sequence[str]) -> Sequence[str]:
    """The lines without the blank ones at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def write_tagged(out: TextIO, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
    """``token<TAB>TAG`` lines, a blank line after each sentence."""
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            out.write(f"{token}\t{tag}\n")
        out.write("\n")


def spans(tags: Iterable[str]) -> list[tuple[str, int, int]]:
    """Entity spans ``(type, start, end)`` of a BIO sequence (end exclusive).

    As in conlleval, an I- tag after O or after another type opens a span.
    """
    found: list[tuple[str, int, int]] = []
    kind, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        if kind is not None and (prefix != "I" or tag_kind != kind):
            found.append((kind, start, i))
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            kind, start = tag_kind, i
    return found
