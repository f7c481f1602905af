"""One name, one tag within a story: the CRF's entities spread to their untagged repeats.

A sentence-level CRF tags «بوش» after «الرئيس» but misses it at the head of a later
sentence, while news repeats a name many times in a story. So every entity the CRF
found is looked for again in the ``WINDOW`` sentences either side (ANERcorp and most
input have no document breaks), and untagged repeats of it get its tag, the most
frequent one when the CRF disagreed with itself. Words match by clitic-stripped stem,
so «وبوش» repeats «بوش»; a longer name is preferred to a shorter one at the same place,
and a one-word name needs a stem of ``MIN_STEM`` letters or more.

On the dev split this lifts recall from 0.66 to 0.70 for a point less of precision.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from marsad.ner.conll import spans
from marsad.text.clitics import best

WINDOW = 20
MIN_STEM = 3

Name = tuple[str, ...]  # the stems of an entity's words


def propagate(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int = WINDOW
) -> list[list[str]]:
    """``tags`` with each sentence's untagged repeats of nearby entities tagged."""
    keys = [[best(token).stem for token in tokens] for tokens in sentences]
    found = [_names(k, t) for k, t in zip(keys, tags, strict=True)]
    result = [list(t) for t in tags]
    indexes: dict[tuple[int, int], dict] = {}  # by window: in a short text, all are one
    for s, sentence_keys in enumerate(keys):
        bounds = (max(0, s - window), min(len(keys), s + window + 1))
        if bounds not in indexes:
            votes: defaultdict[Name, Counter[str]] = defaultdict(Counter)
            for names in found[bounds[0] : bounds[1]]:
                for name, kind in names:
                    votes[name][kind] += 1
            indexes[bounds] = _by_first_word(votes)
        if indexes[bounds]:
            _tag_repeats(sentence_keys, result[s], indexes[bounds])
    return result


def _names(keys: Sequence[str], tags: Sequence[str]) -> list[tuple[Name, str]]:
    named = [(tuple(keys[start:end]), kind) for kind, start, end in spans(tags)]
    return [(name, kind) for name, kind in named if len(name) > 1 or len(name[0]) >= MIN_STEM]


def _by_first_word(votes: dict[Name, Counter[str]]) -> dict[str, list[tuple[Name, str]]]:
    """Names by their first stem, longest first, each with its most frequent tag."""
    index: defaultdict[str, list[tuple[Name, str]]] = defaultdict(list)
    for name, kinds in votes.items():
        index[name[0]].append((name, kinds.most_common(1)[0][0]))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


def _tag_repeats(keys: Sequence[str], tags: list[str], index: dict) -> None:
    i = 0
    while i < len(keys):
        for name, kind in index.get(keys[i], ()):
            end = i + len(name)
            if tuple(keys[i:end]) == name and all(t == "O" for t in tags[i:end]):
                tags[i:end] = [f"B-{kind}"] + [f"I-{kind}"] * (len(name) - 1)
                i = end - 1
                break
        i += 1
