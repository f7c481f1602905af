"""Integrity of the actor knowledge base and its lexicons (marsad/kb/data)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pycountry
import pytest
import yaml

import marsad
from marsad.kb.index import phrase_key
from marsad.kb.lexicon import (
    MAX_QUOTED_WORDS,
    ambiguous,
    offices,
    state_agencies,
    titles,
    topics,
)
from marsad.kb.model import SECTORS, TYPES, Actor, actor_files, load_kb, read_actor_file
from marsad.kb.nationalities import adjectives, country_names, country_of_name, generate, rows
from marsad.kb.resolve import Context, resolve_name, resolve_office, state
from marsad.text.normalize import normalize_key

KB = load_kb()
ACTORS = list(KB.actors.values())


def _valid_country(code: str | None) -> bool:
    return code is None or pycountry.countries.get(alpha_3=code) is not None


def test_every_entry_parses():
    assert actor_files(), "no actor files shipped"
    assert KB.problems == []
    assert len(ACTORS) > 400


def test_a_broken_entry_is_reported_not_skipped_silently():
    entry = "{id: x, name: س, roles: [[defence_minister, 2018-13]]}"
    text = f"- country: TUR\n  actors:\n    - {entry}\n"
    actors, problems = read_actor_file(text, "bad.yaml")
    assert actors == [] and problems and "bad.yaml: x" in problems[0]
    _, problems = read_actor_file("- {id: [", "broken.yaml")
    assert problems[0].startswith("broken.yaml: not valid YAML")


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.id)
def test_actor_fields_are_valid(actor: Actor):
    assert actor.type in TYPES
    assert _valid_country(actor.country), f"{actor.country} is not ISO 3166-1 alpha-3"
    assert actor.sector is None or actor.sector in SECTORS
    assert actor.name and all(a.strip() for a in actor.aliases + actor.short)
    for role in actor.roles:
        assert role.role in offices(), f"unknown office {role.role}"
        assert role.sector is None or role.sector in SECTORS
        assert _valid_country(role.country)
        assert role.org is None or role.org in KB.actors, f"unknown organisation {role.org}"
        if role.start and role.end:
            assert role.start < role.end, f"{role.role} ends before it starts"
        assert role.end is None or role.end <= dt.date(2026, 1, 1)


def test_every_office_has_a_sector_or_takes_its_organisations():
    for actor in ACTORS:
        for role in actor.roles:
            now = state(actor, role.start or dt.date(2020, 1, 1))
            assert now.sector in SECTORS, f"{actor.id}: no sector as {role.role}"


def _collisions() -> dict[tuple, set[str]]:
    by_alias: dict[tuple, set[str]] = defaultdict(set)
    for actor in ACTORS:
        for form in actor.aliases + actor.short:
            by_alias[phrase_key(form)].add(actor.id)
    return {k: v for k, v in by_alias.items() if len(v) > 1}


def _coexist(a: Actor, b: Actor) -> bool:
    """People are named long after they leave office; organisations only while they exist."""
    if a.type != "ORG" or b.type != "ORG":
        return True
    return (a.start or dt.date.min) < (b.end or dt.date.max) and \
        (b.start or dt.date.min) < (a.end or dt.date.max)


def _separates(rule: str, a: Actor, b: Actor) -> bool:
    if rule == "country":
        return a.country != b.country
    if rule == "role":  # never the same office at the same time
        return not any(ra.role == rb.role and _overlap(ra, rb) for ra in a.roles for rb in b.roles)
    return False


def _overlap(x, y) -> bool:
    return (x.start or dt.date.min) < (y.end or dt.date.max) and \
        (y.start or dt.date.min) < (x.end or dt.date.max)


def test_no_alias_names_two_actors_at_once_without_a_rule():
    rules = {phrase_key(e["alias"]): e for e in ambiguous()}
    for key, ids in _collisions().items():
        for a, b in combinations(sorted(ids), 2):
            actor_a, actor_b = KB.actors[a], KB.actors[b]
            if not _coexist(actor_a, actor_b):
                continue
            entry = rules.get(key)
            assert entry, f"«{' '.join(key)}» names {a} and {b}: add a rule to ambiguous.yaml"
            assert {a, b} <= set(entry["actors"])
            assert _separates(entry["rule"], actor_a, actor_b), f"rule {entry['rule']} fails"


def test_names_in_a_topic_belong_to_a_topic_of_the_data():
    known = {topic.name for topic in topics()}
    for actor in ACTORS:
        assert not actor.in_topic or actor.topic in known, \
            f"{actor.id}: in_topic names need a topic of kb/data/topics.yaml"


def test_quoted_names_are_short_and_name_one_actor():
    seen: dict[str, str] = {}
    for actor in ACTORS:
        for form in actor.quoted:
            assert len(form.split()) <= MAX_QUOTED_WORDS, f"{actor.id}: «{form}» is too long"
            key = normalize_key(form)
            assert seen.setdefault(key, actor.id) == actor.id, f"«{form}»: {seen[key]}, {actor.id}"


def test_ambiguity_rules_are_not_stale():
    collisions = _collisions()
    for entry in ambiguous():
        assert set(entry["actors"]) <= collisions.get(phrase_key(entry["alias"]), set())


def test_ambiguous_names_resolve_by_their_rule():
    day = dt.date(2020, 7, 6)
    president = tuple(titles().lookup("الرئيس"))
    assert resolve_name("عون", Context(day)).choice is None  # a tie stays unlinked
    assert resolve_name("عون", Context(day, president)).choice.id == "lbn.michel-aoun"
    party = "حزب العدالة والتنمية"
    assert resolve_name(party, Context(day, country="MAR")).choice.id == "mar.pjd"
    assert resolve_name(party, Context(day, country="TUR")).choice.id == "tur.akp"
    assert resolve_name("حكومة طرابلس", Context(day)).choice.id == "lby.gna"
    assert resolve_name("حكومة طرابلس", Context(dt.date(2022, 1, 1))).choice.id == "lby.gnu"


def test_offices_resolve_by_date():
    minister = tuple(titles().lookup("وزير الدفاع"))
    on = {d: resolve_office(Context(dt.date.fromisoformat(d), minister, "TUR")).choice
          for d in ("2017-01-01", "2020-07-06", "2024-03-01")}
    assert [a.id for a in on.values()] == ["tur.isik", "tur.akar", "tur.guler"]
    # Without a date, several Turkish defence ministers: nobody is chosen.
    assert resolve_office(Context(None, minister, "TUR")).choice is None


def test_state_of_an_actor_follows_the_date():
    akar = KB.actors["tur.akar"]
    assert state(akar, dt.date(2016, 1, 1)).sector == "MIL"  # chief of the general staff
    assert state(akar, dt.date(2020, 7, 6)).roles == ("وزير الدفاع",)
    assert state(akar, dt.date(2024, 1, 1)).sector == "ELI"  # a former official
    assert state(KB.actors["un.guterres"], dt.date(2020, 1, 1)).country is None


def test_an_office_of_an_organisation_takes_its_sector():
    # a commander is MIL by default, but the SDF's and the RSF's are rebels (REB); the
    # High Council of State's president heads a legislature (LEG), not an IGO
    day = dt.date(2020, 7, 6)
    assert state(KB.actors["syr.mazloum-abdi"], day).sector == "REB"
    assert state(KB.actors["sdn.hemedti"], day).sector == "REB"
    assert state(KB.actors["lby.mishri"], day).sector == "LEG"
    assert state(KB.actors["tur.akar"], day).sector == "GOV"


# --- nationalities -------------------------------------------------------------------

def test_nationality_forms_are_unambiguous_and_valid():
    by_form: dict[str, set] = defaultdict(set)
    for row in rows():
        assert _valid_country(row.iso3)
        assert row.kind in {"name", "adjective", "group", "name_after_title",
                            "adjective_after_title"}
        by_form[normalize_key(row.form)].add(row.iso3)
    assert not {f: c for f, c in by_form.items() if len(c) > 1}


def test_demonyms_cover_the_countries():
    with_adjective = {r.iso3 for r in rows() if r.kind == "adjective"}
    assert len(with_adjective) >= 175
    arab_league = {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT",
                   "MAR", "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM"}
    assert arab_league <= with_adjective
    assert {"TUR", "IRN", "ISR", "USA", "RUS", "CHN", "FRA", "GBR", "MLT"} <= with_adjective


@pytest.mark.parametrize(("form", "iso3"), [
    ("التركي", "TUR"), ("التركية", "TUR"), ("الأتراك", "TUR"), ("الليبية", "LBY"),
    ("الليبيين", "LBY"), ("المصريون", "EGY"), ("والمالطي", "MLT"), ("الأمريكية", "USA"),
    ("الأميركي", "USA"), ("السعوديات", "SAU"), ("الإماراتي", "ARE"), ("الكوري الجنوبي", "KOR"),
    ("النمساوي", "AUT"), ("لفلسطينيين", "PSE"),
])
def test_nisba_adjectives(form: str, iso3: str):
    assert {n.iso3 for n in adjectives().lookup(form)} == {iso3}


def test_collisions_with_common_words_are_left_out():
    assert adjectives().lookup("المالي") == ()  # "financial", not Malian
    assert adjectives().lookup("مجرى") == ()  # a course, not Hungarian
    assert country_of_name("عمان") is None  # Oman or Amman
    assert country_of_name("سلطنة عمان") == "OMN"
    assert country_of_name("وتركيا") == "TUR"


def test_colliding_forms_read_as_nationalities_only_after_a_title():
    assert {n.iso3 for n in adjectives(after_title=True).lookup("المجري")} == {"HUN"}
    assert set(country_names(after_title=True).lookup("عمان")) == {"OMN"}
    assert adjectives(after_title=True).lookup("البابوية") == ()  # papal, not Papua's


def test_shipped_nationalities_are_what_the_generator_makes(shared):
    from importlib import resources

    shipped = resources.files("marsad.kb").joinpath("data/nationalities.tsv").read_text("utf-8")
    assert shipped == generate(shared), "run `marsad kb build-nationalities`"


def test_state_agencies_are_actors_of_the_kb():
    # a typo in org_patterns.yaml `state_agencies` would silently turn the rule off
    kb = load_kb()
    assert all(kb.actors[i].sector == "JRN" and kb.actors[i].country
               for i in state_agencies())


def test_no_data_file_repeats_a_key_in_one_mapping():
    # YAML keeps the last of two equal keys without a word: a second «القاعدة:» in
    # common_words.yaml would silently drop the first one's words
    repeated = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
        repeated.extend(f"{node.start_mark.name}:{node.start_mark.line + 1} {key}"
                        for key in {k for k in keys if isinstance(k, str) and keys.count(k) > 1})
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    package = Path(marsad.__file__).parent
    for path in sorted(package.rglob("*.yaml")):
        with path.open(encoding="utf-8") as f:
            yaml.load(f, Loader=Loader)
    assert repeated == []
