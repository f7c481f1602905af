"""Quoted titles of works after the word for them come out as MISC names."""

from __future__ import annotations

import pytest

from marsad.ner.model import shipped_model
from marsad.ner.titles import tag_quoted_titles


def _titles(text: str, tags: str | None = None) -> str:
    """The tags (written space-separated; all O when not given) after the title rule."""
    tokens = text.split(" ")
    return " ".join(tag_quoted_titles(tokens, tags.split(" ") if tags else ["O"] * len(tokens)))


def test_a_quoted_programme_novel_and_stadium_are_misc():
    assert _titles("قدم برنامج « الناس وأنا » أمس") == "O O O B-MISC I-MISC O O"
    assert _titles('صدرت رواية " أولاد حارتنا " عام 1959') == "O O O B-MISC I-MISC O O O"
    # the taggers' LOC or ORG inside the quotes gives way: a stadium named after a club
    assert _titles('فاز على استاد " لوكوموتيف " في موسكو', "O O O O B-ORG O O B-LOC") == \
        "O O O O B-MISC O O B-LOC"


def test_the_cue_is_found_through_its_clitics_and_article():
    assert _titles("عرض لبرنامج « حكايات »") == "O O O B-MISC O"
    assert _titles("وفي الفيلم « عقاب » مشاهد") == "O O O B-MISC O O"
    assert _titles('أهم رواياته " ملحمة الحرافيش "') == "O O O B-MISC I-MISC O"


def test_titles_listed_after_a_title_are_titles_too():
    assert _titles('روايات " بداية ونهاية " و " السمان والخريف " ، " الثلاثية "') == \
        "O O B-MISC I-MISC O O O B-MISC I-MISC O O O B-MISC O"


@pytest.mark.parametrize("text", [
    "قال الوزير « الناس وأنا » أمس",  # no cue word before the quote
    "برنامج الناس وأنا",  # no quote
    "برنامج « الناس وأنا",  # the quote never closes
    'أغنية " هل تعرف ماذا يعني أن تفتقد نيو أورليانز "',  # a sentence, not a name
    'برنامج " " يونيفل " "',  # an empty quote
    # a «"» after the cue closes the quote the cue is in; the next one opens another
    '" قرأت هذا الكتاب " قال الوزير " لا نعرف "',
    "كتاب « الحرب و « السلام » »",  # a quote within the quote
    "برنامج « ، أهلا »",  # punctuation first: not a name
    "تحت عنوان « الحوثيون يتراجعون »",  # a headline: «عنوان» is not a cue
])
def test_no_title_without_a_cue_a_closed_short_quote(text: str):
    assert _titles(text) == " ".join(["O"] * len(text.split(" ")))


def test_a_name_running_into_or_out_of_the_quote_is_left_alone():
    tags = "O O B-ORG I-ORG I-ORG I-ORG"
    assert _titles("عن كتاب « الجزيرة » نت", tags) == tags
    tags = "B-ORG I-ORG I-ORG I-ORG O O"
    assert _titles("برنامج « الأمم المتحدة » للتنمية", tags) == tags


def test_a_title_has_at_most_six_words():
    six = 'فيلم " في بيتنا رجل من ذلك الزمان " أمس'
    assert _titles(six) == "O O B-MISC I-MISC I-MISC I-MISC I-MISC I-MISC O O"
    seven = 'فيلم " في بيتنا رجل من ذلك الزمان البعيد " أمس'
    assert set(_titles(seven).split()) == {"O"}


def test_only_a_separator_lists_a_further_title():
    assert _titles('روايات " بداية ونهاية " ثم " السمان "') == \
        "O O B-MISC I-MISC O O O O O"


def test_the_shipped_model_tags_a_programme_title():
    sentence = "وتقدم المذيعة برنامجا جديدا بعنوان « حوار من القلب » على القناة الأولى ."
    tokens = sentence.split(" ")
    tags = shipped_model().tag(tokens)
    assert tags[tokens.index("حوار"):tokens.index("القلب") + 1] == ["B-MISC", "I-MISC", "I-MISC"]
