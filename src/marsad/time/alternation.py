"""A regular expression for a list of words, written as a trie.

«اسبوع|اسبوعين|اسبوعان» becomes «اسبوع(?:ين|ان|)»: the engine then reads each letter once
instead of trying every word in turn, which is most of the time a long list costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of the words, the longest one where several
    match (as the words longest first, «اسبوعين|اسبوع», would). The two forms match the
    same text: two words can both match at a position only if one is a prefix of the
    other, and the trie tries the longer one first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + _below(trie) + ")"


def _below(node: dict) -> str:
    """The pattern of the words below a trie node."""
    branches = [re.escape(char) + _below(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:
        branches.append("")  # a word ending here: tried after every longer one
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
