"""Story-level consistency: a name takes its most frequent kind nearby, its repeats get it
(or are completed by it), and a person's name does not end on a link word."""

from __future__ import annotations

import subprocess
import sys

import pytest

from marsad.ner.consistency import MAX_UNTAGGED, MAX_UNTAGGED_CRF, _fits, propagate


def _split(sentence: str) -> list[str]:
    return sentence.split()


def _bio(kind: str, length: int) -> list[str]:
    return [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)


def test_a_name_reaches_its_later_repeat_through_clitics():
    sentences = [_split("قال الرئيس بوش إن القوات ستبقى"), _split("وأكد وبوش أن الحرب لن تطول")]
    tags = [["O", "O", "B-PERS", "O", "O", "O"], ["O"] * 6]
    assert propagate(sentences, tags)[1] == ["O", "B-PERS", "O", "O", "O", "O"]


def test_the_longest_name_wins_and_keeps_its_boundaries():
    sentences = [_split("وصل جورج بوش إلى بغداد"), _split("وزار بوش وجورج بوش الكويت")]
    tags = [["O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O"] * 5]
    assert propagate(sentences, tags)[1] == ["O", "O", "B-PERS", "I-PERS", "O"]


def test_a_repeat_tagged_in_part_is_completed_by_the_full_name_nearby():
    sentences = [_split("قال المفكر نعوم شومسكي إن الحرب خطأ"),
                 _split("وأضاف نعوم شومسكي أن"), _split("ورد نعوم شومسكي بكتاب")]
    tags = [["O", "O", "B-PERS", "I-PERS", "O", "O", "O"], ["O", "O", "B-PERS", "O"],
            ["O", "B-PERS", "I-PERS", "O"]]
    assert propagate(sentences, tags)[1] == ["O", "B-PERS", "I-PERS", "O"]


def test_completing_a_name_never_cuts_or_swallows_another():
    sentences = [_split("وصل جورج بوش"), _split("ثم تحدث كولن جورج بوش"),
                 _split("وزار جورج بوش الأب")]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "B-PERS", "I-PERS", "I-PERS"],
            ["O", "B-PERS", "B-PERS", "I-PERS"]]
    result = propagate(sentences, tags)
    assert result[1] == tags[1]  # inside a longer name: left whole
    assert result[2] == tags[2]  # «بوش الأب» runs on past the repeat: left whole


def test_a_person_named_up_to_a_link_word_takes_the_next_word():
    sentences = [_split("وقال علي بن أبي طالب"), _split("وصل حمد بن عيسى آل خليفة"),
                 _split("وقال عبد الله إن"), _split("وصل علي بن ، ثم")]
    tags = [["O", "B-PERS", "I-PERS", "I-PERS", "O"],
            ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "O"], ["O", "B-PERS", "O", "O"],
            ["O", "B-PERS", "I-PERS", "O", "O"]]
    result = propagate(sentences, tags, window=0)
    assert result[0] == ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS"]
    assert result[1] == ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "I-PERS"]
    assert result[2] == ["O", "B-PERS", "I-PERS", "O"]
    assert result[3] == tags[3]  # a comma is no part of a name


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


def test_link_words_chain_and_stop_at_what_cannot_continue_a_persons_name():
    cases = [  # (sentence, the CRF's tags, after)
        ("قال علي بن أبي طالب", "O B-PERS I-PERS O O", "O B-PERS I-PERS I-PERS I-PERS"),
        ("قال علي بن أبي طالبٍ", "O B-PERS I-PERS O O", "O B-PERS I-PERS I-PERS I-PERS"),
        ("إن محمد ولد في نواكشوط", "O B-PERS I-PERS O B-LOC", None),  # "was born in"
        ("زار مصرف أبو ظبي", "O B-ORG I-ORG O", None),  # people's names only
        ("قال عبد الله", "O B-PERS B-LOC", None),  # the next word is tagged already
    ]
    for sentence, tags, after in cases:
        expected = (after or tags).split()
        assert propagate([_split(sentence)], [tags.split()], window=0)[0] == expected, sentence


def test_a_repeat_never_starts_inside_a_name():
    assert not _fits(["B-PERS", "I-PERS", "I-PERS"], 1, 3, "PERS")
    assert _fits(["O", "B-PERS", "O"], 1, 3, "PERS")
    with pytest.raises(ValueError, match="window"):
        propagate([["بوش"]], [["B-PERS"]], window=-1)


def test_a_word_the_crf_mostly_left_untagged_nearby_is_not_spread():
    # «الأمل» is a club once and "hope" everywhere else in this story.
    club = (_split("فاز الأمل على الهلال"), ["O", "B-ORG", "O", "B-ORG"])
    hope = (_split("وقال إن الأمل كبير"), ["O", "O", "O", "O"])

    def run(repeats: int, ratio: int = MAX_UNTAGGED) -> list[list[str]]:
        text = [club] + [hope] * repeats
        return propagate([s for s, _ in text], [t for _, t in text], max_untagged=ratio)

    assert run(MAX_UNTAGGED)[1] == ["O", "O", "B-ORG", "O"]  # at the limit: spread
    assert all(tags == ["O"] * 4 for tags in run(MAX_UNTAGGED + 1)[1:])
    # the CRF alone's O tags are trusted less: a higher ratio (tuned for each tagger)
    assert run(MAX_UNTAGGED_CRF, MAX_UNTAGGED_CRF)[1] == ["O", "O", "B-ORG", "O"]
    assert MAX_UNTAGGED_CRF > MAX_UNTAGGED


def test_a_sentence_sees_exactly_its_window_as_the_window_slides_along_a_long_text():
    # Names come and go along the text with various kinds: each sentence's result must be
    # what it gets when its window alone is the whole text.
    words = ["سلتيك", "بوش", "جورج بوش", "الأهلي", "بنفيكا"]
    kinds = ["ORG", "LOC", "PERS", "MISC"]
    sentences, tags = [], []
    for s in range(40):
        name = words[s * 7 % len(words)].split()
        sentences.append(["وقال", *name, "إن", words[s * 3 % len(words)].split()[-1]])
        kind = kinds[s * 5 % len(kinds)]
        tagged = s % 3 != 0
        tags.append(["O", *(_bio(kind, len(name)) if tagged else ["O"] * len(name)), "O", "O"])
    for window in (1, 3, 7):
        whole = propagate(sentences, tags, window=window)
        for s in range(len(sentences)):
            first, last = max(0, s - window), min(len(sentences), s + window + 1)
            alone = propagate(sentences[first:last], tags[first:last], window=window)
            assert whole[s] == alone[s - first], (window, s)


def test_the_ner_cli_module_does_not_load_spacy():
    code = "import sys, marsad.ner.cli; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_light_group_names_are_the_featurizers():
    from marsad.ner.features import EXTRACTORS, GROUPS
    from marsad.ner.groups import GROUPS as LIGHT_GROUPS

    assert GROUPS == LIGHT_GROUPS == tuple(EXTRACTORS)
