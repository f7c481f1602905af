"""Which actor a mention names: by alias, title, nisba and date, with the reasons why.

Every candidate is scored on evidence that can be checked against the KB on the
publication date; the best one wins only when it is ahead of the next (a tie stays
unlinked: a wrong link is worse than none). :func:`resolve_name` takes a name,
:func:`resolve_office` an unnamed title such as «أمير قطر»; ``marsad kb lookup``
prints both, reasons included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from marsad.kb.lexicon import (
    Title,
    aliases,
    given_name,
    igo_office,
    offices,
    role_matches,
    roles_named,
    spellings,
    written_alike,
)
from marsad.kb.model import Actor, KnowledgeBase, Role, load_kb
from marsad.text.normalize import normalize_key

# Evidence weights. A title the actor held on the date outweighs everything else; a
# country that contradicts the context rules a candidate out in practice.
W_OFFICE_ON_DATE, W_OFFICE_EVER, W_OFFICE_NEVER = 3.0, 1.0, -1.0
W_COUNTRY, W_COUNTRY_CLASH = 2.0, -3.0
W_ORG = 2.0
W_IN_OFFICE = 0.5  # of two namesakes, the one in office on the date is the news
W_RANK = 1.0  # a rank before the name, of the sector the namesake serves in on the date
W_NOT_EXISTING = -2.0
W_SHORT = -0.5  # a surname is weaker evidence than a full name
GIVEN_NAME_LIKENESS = 0.5  # how alike two spellings of one given name are, at least


@dataclass(frozen=True)
class Context:
    """What the text around a mention says about it."""

    date: dt.date | None = None
    titles: tuple[Title, ...] = ()
    country: str | None = None
    org: str | None = None  # an organisation actor id («بحكومة الوفاق» → lby.gna)
    type: str | None = None  # the NER type, when there is one
    posted_to: str | None = None  # where the title's holder is sent («إلى اليمن»)
    years: tuple[int, int] | None = None  # past years the titles are dated to


@dataclass
class Candidate:
    actor: Actor
    score: float = 1.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Resolution:
    candidates: list[Candidate]
    choice: Actor | None
    why: str


@dataclass(frozen=True)
class ActorState:
    """An actor as of a date: where it belongs and what it does."""

    country: str | None
    sector: str | None
    roles: tuple[str, ...]  # labels of the offices held on the date


def state(actor: Actor, day: dt.date | None, kb: KnowledgeBase | None = None) -> ActorState:
    kb = kb or load_kb()
    held = actor.roles_on(day) if day else _current(actor)
    if held:
        role = held[0]
        sector = _role_sector(kb, actor, role)
        # an international body's official acts for no country, not even the one he is
        # posted to (the UN's envoy to Syria is not Syrian)
        country = None if sector == "IGO" else kb.role_country(actor, role)
        return ActorState(country, sector, tuple(dict.fromkeys(_label(kb, r) for r in held)))
    if day and any(r.end and r.end <= day for r in actor.roles):
        # PLOVER: a former official (Trump in 2022, between his terms)
        return ActorState(actor.country, "ELI", ())
    return ActorState(actor.country, actor.sector, ())


def _label(kb: KnowledgeBase, role: Role) -> str:
    """An office's label, with its body's name where the label needs it."""
    body = kb.actors.get(role.org) if role.org else None
    return offices()[role.role].written(body.name if body else None)


def _current(actor: Actor) -> list[Role]:
    """Without a date: the offices still held (no end), else none."""
    return [r for r in actor.roles if r.end is None]


def _role_sector(kb: KnowledgeBase, actor: Actor, role: Role) -> str | None:
    """The sector of an office held: the role's own, else its organisation's (the SDF's
    commander is REB, the High Council of State's president LEG, whatever the office's
    default), else the office's, else the actor's."""
    org = kb.actors.get(role.org) if role.org else None
    return role.sector or (org.sector if org else None) or offices()[role.role].sector \
        or actor.sector


def resolve_name(text: str, context: Context, allow_short: bool = True) -> Resolution:
    """Link a name («أكار», «حكومة الوفاق») to an actor, or say why not."""
    words = text.replace("-", " ").split()
    found = [a for a in aliases().lookup(text)
             if (allow_short or not a.short) and written_alike(words, a.actor)]
    if context.type:
        found = [a for a in found if _type_fits(a.actor.type, context.type)]
    if any(t.style for t in context.titles):  # after «الأمير», a given name: «الأمير مشعل»
        found = [a for a in found if not a.short or given_name(words[0], a.actor)]
    if not found and len(words) > 1:
        return _by_surname(words, context)
    if not found:
        return Resolution([], None, "no actor has this name")
    candidates = {a.actor.id: Candidate(a.actor) for a in found}
    full = {a.actor.id for a in found if not a.short}
    for cand in candidates.values():
        if cand.actor.id not in full:
            cand.score += W_SHORT
            cand.reasons.append("short form of the name")
        _score(cand, context)
    return _choose(list(candidates.values()))


def _by_surname(words: list[str], context: Context) -> Resolution:
    """A full name the KB does not list, whose last word is a person's surname in the KB,
    is that person when its words are all in one of his names, in order («عمر حسن
    البشير» in «عمر حسن أحمد البشير»; not «محمد علي السوداني»), or its title names an
    office he held on the date: given names are spelled many ways («الرئيس الفرنسي
    فرنسوا هولاند», the KB's «فرانسوا هولاند»)."""
    found = {a.actor.id: a.actor for a in aliases().lookup(words[-1])
             if a.actor.type == "PERSON" and written_alike(words[-1:], a.actor)}
    keys = [normalize_key(w) for w in words]
    candidates = []
    for actor in found.values():
        # beginning with his given name: «عبد الله الفوزان» is no «صالح بن فوزان بن عبد الله
        # الفوزان», whose grandfather's name it has
        names = [[normalize_key(w) for w in spelling.split()]
                 for form in actor.aliases for spelling in spellings(form)]
        if any(name[0] == keys[0] and _within(keys, name) for name in names):
            why = f"«{' '.join(words)}» within one of his names"
        elif context.date and any(role_matches(r.role, t) for r in actor.roles_on(context.date)
                                  for t in context.titles if t.roles or t.family) \
                and any(_spelled_alike(keys[0], name[0]) for name in names):
            why = f"surname «{words[-1]}» with a title of his office"
        else:
            continue
        candidates.append(Candidate(actor, reasons=[why]))
        _score(candidates[-1], context)
    return _choose(candidates, empty="no actor has this name")


def _spelled_alike(word: str, other: str) -> bool:
    """Whether two given names may be one spelled two ways («فرنسوا», «فرانسوا»), not two
    people of one family («ميشيل أوباما» after «الرئيس»: his wife, not Barack)."""
    return SequenceMatcher(None, word, other).ratio() >= GIVEN_NAME_LIKENESS


def _within(words: list[str], name: list[str]) -> bool:
    """Whether ``words`` come in ``name`` in their order, others between allowed."""
    rest = iter(name)
    return all(word in rest for word in words)


def resolve_office(context: Context) -> Resolution:
    """Link an unnamed title («أمير قطر», «وزير الدفاع التركي») to its holder on the date."""
    # an international body's envoy is known by where he is sent («المبعوث الأممي إلى
    # ليبيا»); a state's diplomat is not («المندوب لدى مصر» is no Egyptian)
    posted = context.posted_to if all(igo_office(r) for r in roles_named(context.titles)) \
        else None
    named = roles_named(context.titles) or (  # «وزيرة الخارجية بين 2009 و2013»
        {r for t in context.titles for r in t.former_of} if context.years else set())
    one = bool(named) and all(offices()[r].one_in_the_world for r in named)
    if not context.titles or not (context.country or context.org or posted
                                  or _fixed_country(context) or one):
        return Resolution([], None, "a title without a country or organisation names nobody")
    country = context.country or _fixed_country(context) or posted
    kb = load_kb()
    if not context.years and not named and any(t.out_of_office for t in context.titles):
        return Resolution([], None, "a former or shadow holder's title («السابق», «في حكومة "
                                    "الظل») names nobody in office: only a name links one")
    if all(t.family and not t.roles for t in context.titles if not (t.rank or t.style)):
        return Resolution([], None, "a minister of a country names none of its ministers: "
                                    "only a name, or one named before, links one")
    if named and not context.org and all(offices()[r].with_body for r in named):
        return Resolution([], None, "an office of a body («الزعيم», «الأمين العام») names "
                                    "its holder only with the body («زعيم حزب الله»)")
    if named and all(offices()[r].many for r in named):
        return Resolution([], None, "an office many hold at once («السيناتور») names none of "
                                    "them: only a name links one")
    unlisted = next((t for t in context.titles if t.unlisted_of), None)
    if not named and unlisted:
        return Resolution([], None, f"an office the KB does not list («{unlisted.form}»): "
                                    "only a name links its holder")
    candidates = []
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.role not in named:
                continue
            if context.org and role.org != context.org:
                continue
            if context.posted_to and igo_office(role.role) and \
                    role.country not in (None, context.posted_to):
                continue  # the UN's envoy to Yemen is not its envoy to Syria
            if not (context.org or one) and kb.role_country(actor, role) != country:
                continue
            share = _share_of_years(role, context.years) if context.years \
                else float(role.active(context.date))
            if share > 0.5:  # (held on the date, or more than half of the years)
                candidates.append(Candidate(actor, W_OFFICE_ON_DATE * share,
                                            [f"{offices()[role.role].label} {_when(context)}"]))
                break
    if context.date is None and candidates:
        # (undated text may be of any year: today's holder is no likelier than another)
        return Resolution(candidates, None, "no date to tell the holder of the day by")
    return _choose(candidates, empty="nobody in the KB held this office in those years"
                   if context.years else "nobody in the KB held this office on that date")


def _when(context: Context) -> str:
    """When the context says an office was held: its years, or the date."""
    if context.years:
        first, last = context.years
        return f"in {first}" if first == last else f"in {first}-{last}"
    return f"on {context.date}" if context.date else "(no date given)"


def _share_of_years(role: Role, years: tuple[int, int]) -> float:
    """The share of the years ``role`` was held in: of Clinton's and Kerry's terms as
    secretary of state, «بين 2009 و2013» names Clinton's. A holder of half of them or
    less is not their holder: Clinton held 2009 only from January 21, no office of
    «(2005-2009)»."""
    if role.start is None:
        return 0.0  # (an office the KB does not date names nobody of past years)
    first, last = dt.date(years[0], 1, 1), dt.date(years[1] + 1, 1, 1)
    start = max(role.start, first)
    end = min(role.end or last, last)
    return max((end - start).days, 0) / (last - first).days


def _fixed_country(context: Context) -> str | None:
    return next((t.country for t in context.titles if t.country), None)


def _type_fits(actor_type: str, ner_type: str) -> bool:
    return ner_type == actor_type or (ner_type in {"ORG", "MISC"} and actor_type == "ORG")


def _score(cand: Candidate, context: Context) -> None:
    actor, day = cand.actor, context.date
    if not actor.exists(day):
        cand.score += W_NOT_EXISTING
        cand.reasons.append(f"did not exist under this name on {day}")
    offices_named = [t for t in context.titles if t.roles or t.family]
    if offices_named:
        named = [r for r in actor.roles if any(role_matches(r.role, t) for t in offices_named)]
        held_then = [r for r in named if r.active(day)]
        held_ever = named
        if held_then:
            cand.score += W_OFFICE_ON_DATE
            cand.reasons.append(f"held «{offices()[held_then[0].role].label}» on {day}")
        elif held_ever:
            cand.score += W_OFFICE_EVER
            cand.reasons.append(f"held «{offices()[held_ever[0].role].label}», not on {day}")
        else:
            cand.score += W_OFFICE_NEVER
            cand.reasons.append("never held the office the title names")
    if context.country:
        country = state(actor, day).country or actor.country
        if country == context.country:
            cand.score += W_COUNTRY
            cand.reasons.append(f"country {country} as in the context")
        elif country:
            cand.score += W_COUNTRY_CLASH
            cand.reasons.append(f"country {country}, the context says {context.country}")
    if context.org and any(r.org == context.org for r in actor.roles_on(day)):
        cand.score += W_ORG
        cand.reasons.append(f"an office in {context.org} on {day}")
    if day and actor.type == "PERSON" and actor.roles_on(day):
        cand.score += W_IN_OFFICE
        cand.reasons.append(f"in office on {day}")
        # «العماد عون» in 2022: the army's commander, not the president of the same name
        if state(actor, day).sector in {t.rank for t in context.titles if t.rank}:
            cand.score += W_RANK
            cand.reasons.append(f"serves in {state(actor, day).sector} as the rank says")


def _choose(candidates: list[Candidate], empty: str = "no candidate") -> Resolution:
    if not candidates:
        return Resolution([], None, empty)
    ranked = sorted(candidates, key=lambda c: -c.score)
    best = ranked[0]
    if len(ranked) > 1 and ranked[1].score >= best.score:
        return Resolution(ranked, None, f"tie between {best.actor.id} and {ranked[1].actor.id}")
    if best.score <= 0:
        return Resolution(ranked, None, f"best candidate {best.actor.id} is contradicted")
    why = "the only candidate" if len(ranked) == 1 else f"ahead of {ranked[1].actor.id}"
    return Resolution(ranked, best.actor, why)
