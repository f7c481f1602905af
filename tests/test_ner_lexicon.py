"""The NER gazetteer: its hand-written name lists (marsad/ner/data/names/*.yaml) and how
a token finds a listed name."""

from __future__ import annotations

from collections import Counter

import pytest
import regex

from marsad.datafiles import load_yaml
from marsad.ner.features import Featurizer
from marsad.ner.lexicon import load_lexicon, name_list_rows, name_lists, name_proclitic
from marsad.ner.model import GAZETTEER, shipped_dir, shipped_lexicon
from marsad.text.normalize import normalize_key

NAME_LISTS = name_lists()
# Arabic letters, digits, spaces and the hyphen or slash of «إف-16»; no Latin, no
# diacritics (harakat).
_WRITTEN_AS_PRINTED = regex.compile(r"^[\p{Arabic}0-9٠-٩ /-]+$")
_HARAKAT = regex.compile(r"[\u064B-\u0652]")


def test_there_are_name_lists_of_each_type():
    kinds = {load_yaml(f.read_text(encoding="utf-8"))["kind"] for f in NAME_LISTS}
    assert {"PERS", "ORG", "MISC"} <= kinds


@pytest.mark.parametrize("name_list", NAME_LISTS, ids=lambda f: f.name)
def test_every_entry_is_a_name_written_as_printed_and_listed_once(name_list):
    names = load_yaml(name_list.read_text(encoding="utf-8"))
    assert names["kind"] in {"PERS", "ORG", "LOC", "MISC"}
    entries = names["entries"]
    assert len(entries) >= 100
    bad = [e for e in entries if not _WRITTEN_AS_PRINTED.match(e) or _HARAKAT.search(e)]
    assert not bad, f"{name_list.name}: write these in Arabic script without diacritics: {bad}"
    # hamza, alef and ta marbuta variants are one matching key: list a name once
    twice = [k for k, n in Counter(normalize_key(e) for e in entries).items() if n > 1]
    assert not twice, f"{name_list.name}: listed twice (after normalize_key): {twice}"


def test_a_listed_name_is_a_feature_through_its_clitics_and_as_a_phrase():
    gazetteer = [f"{key}\t{kind}" for key, kind in sorted(name_list_rows())]
    featurizer = Featurizer(load_lexicon(gazetteer), {}, ("gazetteer",))
    own, exports = featurizer.word_features("وبنفيكا")  # «and Benfica»
    assert "gz=ORG.clubs" in own and "gz=ORG.clubs" in exports
    assert "gz=PERS.surnames" in featurizer.word_features("لميركل")[0]  # «to Merkel»
    items = featurizer.sentence(["فاز", "ريال", "مدريد", "على", "برشلونة"])
    assert "ph=B-ORG.clubs" in items[1] and "ph=I-ORG.clubs" in items[2]
    assert not any(f.startswith("ph=") for f in items[0] + items[3])


def test_a_name_keeps_its_article_as_listed_and_a_cue_word_does_not():
    lexicon = load_lexicon([f"{key}\t{kind}" for key, kind in sorted(name_list_rows())])
    assert "PERS.arab_given_names" in lexicon.kinds("وسامي")  # «and Sami»
    assert "PERS.arab_given_names" not in lexicon.kinds("السامي")  # «the high»
    assert "ORG.clubs" in lexicon.kinds("والأهلي")  # the club is listed with its article
    assert "ORG.clubs" not in lexicon.kinds("أهلي")
    assert "cue:person_title" in lexicon.kinds("الرئيس")  # cue words: through any analysis


def test_the_shipped_gazetteer_holds_the_listed_names_and_no_others():
    """The gazetteer ships with the weights: a list edited after training changes nothing
    until the model is retrained (`marsad train ner --reuse-clusters`)."""
    text = shipped_dir().joinpath(GAZETTEER).read_text(encoding="utf-8")
    rows = {tuple(line.split("\t")) for line in text.splitlines() if line[:1] != "#"}
    shipped = {row for row in rows if "." in row[1]}  # the lists' kinds: «ORG.clubs»
    listed = name_list_rows()
    assert shipped == listed, (
        f"{len(listed - shipped)} listed names not in the model's gazetteer and "
        f"{len(shipped - listed)} no longer listed: retrain the NER model"
    )


def test_a_name_after_the_preposition_li_is_found_though_its_alef_is_elided():
    """«للعراق» is «ل» + «العراق» written without the article's alef."""
    gazetteer = load_lexicon(["العراق\tLOC", "الامم المتحده\tORG", "سامي\tPERS"])
    assert gazetteer.kinds("للعراق") == gazetteer.kinds("وللعراق") == ("LOC",)
    assert gazetteer.kinds("لعراق") == ()  # no article, no alef to elide
    marks = gazetteer.phrase_marks(["وفد", "للأمم", "المتحدة", "وصل"])
    assert marks == [[], ["B-ORG"], ["I-ORG"], []]
    assert gazetteer.kinds("لسامي") == ("PERS",)
    assert gazetteer.kinds("للسامي") == ()  # «to the high»: the article is not the name's


@pytest.mark.parametrize("word, proclitic", [
    ("وخالد", "و"), ("ومحمد", "و"), ("وجبريل", "و"),  # «و» + a name
    ("وليد", ""), ("وائل", ""), ("وهبة", ""),  # names listed whole
    ("وليم", ""), ("والتون", ""),  # too short a rest; «ال» after «و» is the article's
    ("لأحمد", "ل"), ("لنجيب", "ل"),  # «ل» + a listed name
    ("لبنى", ""), ("بريان", ""), ("بنيتو", ""),  # names of their own; «ب» stays on
])
def test_the_proclitic_a_tagger_left_on_a_name(word, proclitic):
    assert name_proclitic(word, shipped_lexicon()) == proclitic
