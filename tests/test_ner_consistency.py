"""Story-level consistency: a name takes its most frequent kind nearby, and its untagged
repeats get it."""

from __future__ import annotations

import subprocess
import sys

from marsad.ner.consistency import propagate


def _split(sentence: str) -> list[str]:
    return sentence.split()


def test_a_name_reaches_its_later_repeat_through_clitics():
    sentences = [_split("قال الرئيس بوش إن القوات ستبقى"), _split("وأكد وبوش أن الحرب لن تطول")]
    tags = [["O", "O", "B-PERS", "O", "O", "O"], ["O"] * 6]
    assert propagate(sentences, tags)[1] == ["O", "B-PERS", "O", "O", "O", "O"]


def test_the_longest_name_wins_and_keeps_its_boundaries():
    sentences = [_split("وصل جورج بوش إلى بغداد"), _split("وزار بوش وجورج بوش الكويت")]
    tags = [["O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O"] * 5]
    assert propagate(sentences, tags)[1] == ["O", "O", "B-PERS", "I-PERS", "O"]


def test_the_most_frequent_tag_of_a_name_is_spread():
    sentences = [_split("فاز الأهلي"), _split("خسر الأهلي"), _split("تعادل الأهلي"),
                 _split("وهنأ الاتحاد للأهلي")]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"], ["O", "O", "O"]]
    assert propagate(sentences, tags)[3] == ["O", "O", "B-ORG"]


def test_a_tie_keeps_the_crfs_tags():
    sentences = [_split("قال الرئيس بوش"), _split("وصل بوش إلى واشنطن")]
    tags = [["O", "O", "B-PERS"], ["O", "B-LOC", "O", "B-LOC"]]
    assert propagate(sentences, tags) == [list(t) for t in tags]


def test_a_name_tagged_against_its_majority_nearby_takes_the_majority_kind():
    sentences = [_split("فاز نادي سلتيك على بنفيكا"), _split("وتأهل سلتيك إلى الدور الثاني"),
                 _split("وقال مدرب سلتيك إن الفوز مستحق")]
    tags = [["O", "O", "B-ORG", "O", "B-ORG"], ["O", "B-LOC", "O", "O", "O"],
            ["O", "O", "B-ORG", "O", "O", "O"]]
    result = propagate(sentences, tags)
    assert result[1] == ["O", "B-ORG", "O", "O", "O"]
    assert result[0] == tags[0] and result[2] == tags[2]
    far = propagate(sentences, tags, window=0)  # alone in its window, the CRF's tag stands
    assert far[1] == tags[1]


def test_names_do_not_travel_beyond_the_window_nor_as_short_stems():
    sentences = [_split("قال بوش إن"), _split("ثم عاد"), _split("وقال بوش إن")]
    tags = [["O", "B-PERS", "O"], ["O", "O"], ["O", "O", "O"]]
    assert propagate(sentences, tags, window=1)[2] == ["O", "O", "O"]
    assert propagate(sentences, tags, window=2)[2] == ["O", "B-PERS", "O"]
    short = propagate([_split("زار أم"), _split("ثم أم")], [["O", "B-LOC"], ["O", "O"]])
    assert short[1] == ["O", "O"]


def test_the_ner_cli_module_does_not_load_spacy():
    code = "import sys, marsad.ner.cli; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_light_group_names_are_the_featurizers():
    from marsad.ner.features import EXTRACTORS, GROUPS
    from marsad.ner.groups import GROUPS as LIGHT_GROUPS

    assert GROUPS == LIGHT_GROUPS == tuple(EXTRACTORS)
