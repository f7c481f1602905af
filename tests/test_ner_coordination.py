"""Names joined by «و» come out as two names."""

from __future__ import annotations

from marsad.ner.coordination import split_coordinated
from marsad.ner.model import shipped_model


def _split(text: str, tags: str) -> str:
    """The tags (written space-separated) after the cut."""
    lexicon = shipped_model().featurizer.lexicon
    return " ".join(split_coordinated(text.split(" "), tags.split(" "), lexicon))


def test_two_people_run_together_are_cut_at_the_second_given_name():
    assert _split("انتقد أندريه غلوكسمان وبرنار هنري ليفي القرار",
                  "O B-PERS I-PERS I-PERS I-PERS I-PERS O") == \
        "O B-PERS I-PERS B-PERS I-PERS I-PERS O"
    assert _split("وصل عبدالرحمن وعباس بابكر", "O B-PERS I-PERS I-PERS") == \
        "O B-PERS B-PERS I-PERS"


def test_places_and_clubs_joined_by_and_are_two_names():
    assert _split("زار مصر والأردن", "O B-LOC I-LOC") == "O B-LOC B-LOC"
    assert _split("فاز الأهلي والزمالك", "O B-ORG I-ORG") == "O B-ORG B-ORG"


def test_names_that_begin_with_waw_and_other_types_stay_whole():
    # «وليد» is a given name itself, not «و» + «ليد»; «وهبة» a family name, though «هبة»
    # is a given name; «والكين» (Walken) is a surname after «و», and surnames do not
    # start a new name
    assert _split("التقى محمد وليد", "O B-PERS I-PERS") == "O B-PERS I-PERS"
    assert _split("قال مراد وهبة", "O B-PERS I-PERS") == "O B-PERS I-PERS"
    assert _split("الممثل كريستوفر والكين", "O B-PERS I-PERS") == "O B-PERS I-PERS"
    # «وعلى» is "and on", though its key reads as «و» + «علي»; «وعلي» is a name
    assert _split("عيسى وعلى", "B-PERS I-PERS") == "B-PERS I-PERS"
    assert _split("عيسى وعلي", "B-PERS I-PERS") == "B-PERS B-PERS"
    # a given name after «و» inside a place's name is left to the tagger
    assert _split("مدينة العين وعباس", "O B-LOC I-LOC") == "O B-LOC I-LOC"


def test_the_model_tags_coordinated_people_as_two():
    sentence = "وحضر اللقاء عيسى ونورالدين على عبد المجيد"
    tokens = sentence.split(" ")
    model = shipped_model()
    assert model.sentence_tags([tokens])[0][2:4] == ["B-PERS", "I-PERS"]  # run together
    assert model.tag(tokens)[2:4] == ["B-PERS", "B-PERS"]


def test_a_given_name_kept_out_of_the_lists_still_begins_the_next_name():
    # «باسم» is "in the name of" too, so no list has it; after «و» inside a name it is Basem
    assert _split("كان مصطفى فتحي وباسم مرسي الأسوأ", "O B-PERS I-PERS I-PERS I-PERS O") == \
        "O B-PERS I-PERS B-PERS I-PERS O"
    # and «وباسم» in a body's name is left alone
    assert _split("أعلن المكتب وباسم الشعب", "O B-ORG I-ORG I-ORG") == "O B-ORG I-ORG I-ORG"
