"""Finding what the entity stage links: titles with their qualifiers, KB aliases that NER
missed, organisation patterns, nationality adjectives and anaphors, over spaCy tokens.

A title phrase is a title, then qualifiers — honorifics, further titles (ranks), a nisba,
a country name, an organisation, «في» — then, optionally after a comma, the name:

    وزير الدفاع التركي خلوصي أكار            title + nisba + name
    وزير الداخلية بحكومة الوفاق الليبية، فتحي باشاغا
    أمير قطر                                 title + country, no name: an unnamed person
    أحمد المسماري، المتحدث باسم القيادة العامة للجيش الوطني الليبي   (appositive)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.kb.index import Match
from marsad.kb.lexicon import (
    Alias,
    OrgHead,
    Title,
    aliases,
    anaphors,
    honorifics,
    org_heads,
    org_middles,
    titles,
)
from marsad.kb.nationalities import Nationality, adjectives, country_names
from marsad.text.clitics import best

COMMAS = {"،", ","}
MAX_QUALIFIERS = 8  # tokens a title may take before its name


@dataclass
class TitlePhrase:
    start: int
    end: int  # after the last qualifier (the name, if any, comes after)
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    org: Alias | None = None  # an organisation named in the qualifiers
    org_span: tuple[int, int] | None = None
    nisba_spans: list[tuple[int, int]] = field(default_factory=list)
    name_start: int | None = None  # where the name it introduces begins

    @property
    def qualified(self) -> bool:
        return bool(self.country or self.org or any(t.country for t in self.titles))


def _is_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


def read_title(tokens: Sequence[str], start: int, person_starts: set[int]) -> TitlePhrase | None:
    """The title phrase beginning at ``start``, if a title begins there."""
    first = titles().match_at(tokens, start)
    if not first:
        return None
    phrase = TitlePhrase(start, first.end, list(first.values))
    i = first.end
    while i < len(tokens) and i - first.end < MAX_QUALIFIERS:
        if i in person_starts:
            phrase.name_start = i
            break
        text = tokens[i]
        if text.isspace():
            break
        if text in COMMAS:
            if i + 1 in person_starts:
                phrase.name_start = i + 1
            break
        step = _qualifier(tokens, i, phrase)
        if not step:
            break
        i = step
        phrase.end = i
    return phrase


def _qualifier(tokens: Sequence[str], i: int, phrase: TitlePhrase) -> int | None:
    """Read one qualifier at ``i`` into ``phrase``; the index after it, or None."""
    if best(tokens[i]).stem == "في" and i + 1 < len(tokens):
        return _qualifier(tokens, i + 1, phrase)  # «في حكومة الوفاق»: only with what follows
    honorific = honorifics().match_at(tokens, i)
    if honorific:
        return honorific.end
    found_title = titles().match_at(tokens, i)
    if found_title and all(t.rank for t in found_title.values):
        phrase.titles.extend(found_title.values)
        return found_title.end
    nisba = _nisba(tokens, i)
    if nisba and not phrase.country:
        phrase.country = nisba.values[0].iso3
        phrase.nisba_spans.append((nisba.start, nisba.end))
        return nisba.end
    name = country_names().match_at(tokens, i)
    if name and not phrase.country and len(set(name.values)) == 1:
        phrase.country = name.values[0]
        return name.end
    org = _org_alias(tokens, i)
    if org and not phrase.org:
        phrase.org = org.values[0]
        phrase.org_span = (org.start, org.end)
        phrase.country = phrase.country or org.values[0].actor.country
        return org.end
    return None


def _nisba(tokens: Sequence[str], i: int) -> Match[Nationality] | None:
    found = adjectives().match_at(tokens, i)
    if found and len({n.iso3 for n in found.values}) == 1 and found.values[0].iso3:
        return found
    return None


def _org_alias(tokens: Sequence[str], i: int) -> Match[Alias] | None:
    """An organisation alias at ``i`` (short forms count: a title is context enough)."""
    found = aliases().match_at(tokens, i)
    if not found:
        return None
    orgs = tuple(a for a in found.values if a.actor.type == "ORG")
    ids = {a.actor.id for a in orgs}
    return Match(found.start, found.end, orgs) if len(ids) == 1 else None


@dataclass(frozen=True)
class OrgPattern:
    start: int
    end: int
    head: OrgHead
    country: str | None
    side: Alias | None  # the organisation in the complement


def read_org_pattern(
    tokens: Sequence[str], start: int, limit: int | None = None
) -> OrgPattern | None:
    """«وزارة الدفاع التركية», «ميليشيات الوفاق»: a head, middles, then a complement."""
    if limit is not None:
        tokens = tokens[:limit]  # an NER span's own words only
    limit = len(tokens)
    head = org_heads().match_at(tokens, start)
    if not head:
        return None
    i = head.end
    for _ in range(2):
        middle = org_middles().match_at(tokens, i)
        if not middle:
            break
        i = middle.end
    if i >= limit:
        return None
    nisba = _nisba(tokens, i)
    if nisba:
        return OrgPattern(start, nisba.end, head.values[0], nisba.values[0].iso3, None)
    name = country_names().match_at(tokens, i)
    if name and len(set(name.values)) == 1:
        return OrgPattern(start, name.end, head.values[0], name.values[0], None)
    org = _org_alias(tokens, i)
    if org:
        side = org.values[0]
        return OrgPattern(start, org.end, head.values[0], side.actor.country, side)
    return None


def is_anaphor(tokens: Sequence[str], i: int) -> bool:
    """«زيارة الأخير»: الأخير as a noun (after a word without the article), not as the
    adjective of «الأسبوع الأخير»."""
    if not anaphors().match_at(tokens, i):
        return False
    j = i - 1
    while j >= 0 and tokens[j].isspace():
        j -= 1
    return j >= 0 and _is_word(tokens[j]) and not best(tokens[j]).article
