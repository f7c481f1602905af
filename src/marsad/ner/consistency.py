"""One name, one tag within a story: the CRF's entities spread to their repeats nearby.

A sentence-level CRF tags «بوش» after «الرئيس» but misses it at the head of a later
sentence, and may call a club ORG in one sentence and LOC in the next, while news
repeats a name many times in a story. So every entity the CRF found is counted in the
``WINDOW`` sentences either side (ANERcorp and most input have no document breaks); a
name the CRF tagged with a kind other than its most frequent one there is retagged with
that one (a tie keeps the CRF's), and repeats of a name get its most frequent kind when
the CRF left them untagged or tagged only part of them with that kind (it found «شومسكي»
of «نعوم شومسكي» named in full nearby). Words match by clitic-stripped stem, so «وبوش»
repeats «بوش»; a longer name is preferred to a shorter one at the same place, and a
one-word name needs a stem of ``MIN_STEM`` letters or more, and is not spread when the
CRF left its word untagged nearby more than ``MAX_UNTAGGED`` times as often as it tagged
it: such a word is mostly an ordinary one.

Last, a person's name the CRF ended on a word that links the parts of a name («بن»,
«أبو», «آل»: ``data/name_links.yaml``) takes the words after it while they continue it.

On the dev split the repeats lift recall from 0.66 to 0.70 for a point less of
precision; the retagging then adds 0.002 F1 (also on a second held-out tenth of the data).
By 5-fold cross-validation on the shipped CRF's tags (micro F1; the dev split's stays
0.7857): completing part-tagged repeats 0.7773 against 0.7757, then the link words
0.7782, then not spreading mostly-untagged words 0.7805 (ratios 5-10 all within 0.0007
of it, 1-3 lower). Re-tuned on the CRF + BiLSTM ensemble's tags (CV from the saved fold
models; dev in brackets): ratio 2 0.7856 [0.8000], 3 0.7867 [0.7996], 4 0.7862 [0.8000],
5 0.7853 [0.8000], 6 0.7852 [0.7974], 8 0.7849 [0.7974], 16 0.7848 [0.7974]; the window
at 10 and 40 sentences 0.7852 and 0.7838 against 0.7849 at 20 (ratio 8). The CRF's tags
alone keep ratio 8 (at 4 their CV falls from 0.7813 to 0.7788).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from marsad.datafiles import read_yaml
from marsad.ner.conll import spans
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

WINDOW = 20
MIN_STEM = 3
MAX_UNTAGGED = 4  # for the CRF + BiLSTM ensemble's tags
MAX_UNTAGGED_CRF = 8  # for the CRF's alone

Name = tuple[str, ...]  # the stems of an entity's words


class Found(NamedTuple):
    """An entity the CRF tagged: its name, its kind and its tokens ``start:end``."""

    name: Name
    kind: str
    start: int
    end: int


def propagate(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int = WINDOW,
    max_untagged: int = MAX_UNTAGGED,
) -> list[list[str]]:
    """``tags`` with each sentence's names given their most frequent kind nearby, its
    repeats of nearby names tagged (or completed), and its people's names closed over
    their link words; ``window`` sentences either side count as nearby, and a one-word
    name whose word is left untagged nearby more than ``max_untagged`` times as often as
    it is tagged is not spread."""
    if window < 0:
        raise ValueError(f"window must be 0 or more sentences, not {window}")
    keys = [[best(token).stem for token in tokens] for tokens in sentences]
    found = [_names(k, t) for k, t in zip(keys, tags, strict=True)]
    untagged = [[k for k, tag in zip(ks, t, strict=True) if tag == "O"]
                for ks, t in zip(keys, tags, strict=True)]
    result = [list(t) for t in tags]
    nearby = _Window(max_untagged)
    first = last = 0  # the sentences first:last are in the window
    for s, sentence_keys in enumerate(keys):
        while last < min(len(keys), s + window + 1):
            nearby.add(found[last], untagged[last])
            last += 1
        while first < s - window:
            nearby.remove(found[first], untagged[first])
            first += 1
        _retag(found[s], nearby, result[s])
        _tag_repeats(sentence_keys, result[s], nearby)
        _close_linked_names(sentences[s], result[s])
    return result


class _Window:
    """The names the CRF found in a run of sentences, kept up to date as the run slides
    along a text (a long text has one window per sentence: rebuilding each would cost
    the window's size at every sentence)."""

    def __init__(self, max_untagged: int) -> None:
        self.max_untagged = max_untagged
        self.kinds: dict[Name, deque[str]] = {}  # a name's kinds, in the order found
        self.by_first: defaultdict[str, dict[Name, None]] = defaultdict(dict)
        self.untagged: Counter[str] = Counter()  # the stems of the words the CRF left O

    def add(self, found: Sequence[Found], untagged: Sequence[str]) -> None:
        """Take in a sentence: the names the CRF found in it and its untagged stems."""
        for name, kind, *_ in found:
            self.kinds.setdefault(name, deque()).append(kind)
            self.by_first[name[0]][name] = None
        self.untagged.update(untagged)

    def remove(self, found: Sequence[Found], untagged: Sequence[str]) -> None:
        """Drop the sentence that leaves: the window's first, so each of its names is
        that name's earliest mention."""
        self.untagged.subtract(untagged)
        for name, *_ in found:
            kinds = self.kinds[name]
            kinds.popleft()
            if not kinds:
                del self.kinds[name]
                starting = self.by_first[name[0]]
                del starting[name]
                if not starting:
                    del self.by_first[name[0]]

    def votes(self, name: Name) -> Counter[str]:
        """The kinds of ``name`` in the window, counted; ties go to the one found first."""
        return Counter(self.kinds.get(name, ()))

    def starting_with(self, stem: str) -> list[tuple[Name, str]]:
        """The names that start with ``stem`` and may be spread, longest first, each with
        its most frequent kind."""
        names = sorted(self.by_first.get(stem, ()), key=len, reverse=True)
        limit = self.max_untagged
        return [(name, self.votes(name).most_common(1)[0][0]) for name in names
                if len(name) > 1 or self.untagged[stem] <= limit * len(self.kinds[name])]


@lru_cache(maxsize=1)
def name_links() -> tuple[frozenset[str], frozenset[str]]:
    """The words that link the parts of a name, and the function words that never follow
    one in a name («ولد في» is "was born in")."""
    data = read_yaml("marsad.ner", "data/name_links.yaml")
    return (frozenset(map(normalize_key, data["links"])),
            frozenset(map(normalize_key, data["not_after_link"])))


def _close_linked_names(tokens: Sequence[str], tags: list[str]) -> None:
    """A person's name that ends on a link word («علي بن») takes the words after it, up
    to one that is not a link word («علي بن أبي طالب»)."""
    links, never = name_links()
    for kind, _, end in spans(tags):
        if kind != "PERS":
            continue
        while end < len(tokens) and tags[end] == "O" and normalize_key(tokens[end - 1]) in links:
            word = normalize_key(tokens[end])
            if not word.isalpha() or word in never:
                break
            tags[end] = "I-PERS"
            end += 1


def _names(keys: Sequence[str], tags: Sequence[str]) -> list[Found]:
    named = [Found(tuple(keys[start:end]), kind, start, end) for kind, start, end in spans(tags)]
    return [f for f in named if len(f.name) > 1 or len(f.name[0]) >= MIN_STEM]


def _bio(kind: str, length: int) -> list[str]:
    return [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)


def _retag(found: Sequence[Found], nearby: _Window, tags: list[str]) -> None:
    """A name tagged with a kind less frequent nearby than another takes the other."""
    for name, kind, start, end in found:
        votes = nearby.votes(name)
        top, count = votes.most_common(1)[0]
        if count > votes[kind]:
            tags[start:end] = _bio(top, end - start)


def _tag_repeats(keys: Sequence[str], tags: list[str], nearby: _Window) -> None:
    i = 0
    while i < len(keys):
        for name, kind in nearby.starting_with(keys[i]):
            end = i + len(name)
            if tuple(keys[i:end]) == name and _fits(tags, i, end, kind):
                tags[i:end] = _bio(kind, len(name))
                i = end - 1
                break
        i += 1


def _fits(tags: Sequence[str], start: int, end: int, kind: str) -> bool:
    """Whether ``start:end`` may become a name of ``kind``: its tags are O or of that kind
    (names of that kind wholly inside it join it), and no name runs into it from either
    side, so no other name is cut."""
    inside = tags[start:end]
    return (all(t == "O" or t[2:] == kind for t in inside)
            and not inside[0].startswith("I-")
            and not (end < len(tags) and tags[end].startswith("I-")))
