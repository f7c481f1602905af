"""Tokens: punctuation split off, clitics analysed but never split, offsets exact."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.kb.index import PhraseIndex, head_stem, phrase_words
from marsad.text.clitics import (
    analyses,
    best,
    has_article,
    name_stems,
    noun_stems,
    stems,
    writes_article,
)
from marsad.text.tokenizer import tokenize


def words_of(text):
    return [w for w in tokenize(text)[0] if not w.isspace()]


def test_reconstructs_text_exactly(nlp):
    text = "  وصل  باشاغا،\nإلى أنقرة؟!\n\n«نعم» الخارجيةعادل "
    doc = nlp.make_doc(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال، ثم سكت؛ لماذا؟", ["قال", "،", "ثم", "سكت", "؛", "لماذا", "؟"]),
        ("«الاتفاقيتان جرتا»", ["«", "الاتفاقيتان", "جرتا", "»"]),
        ('صواريخ "سكاريا تي 22"', ["صواريخ", '"', "سكاريا", "تي", "22", '"']),
        ("رتلا من نحو 200 مركبة", ["رتلا", "من", "نحو", "200", "مركبة"]),
        ("في 6/7/2020 الساعة 22:00", ["في", "6/7/2020", "الساعة", "22:00"]),
        ("نما 3.5% بحسب", ["نما", "3.5", "%", "بحسب"]),
        ("في ٦-٧-٢٠٢٠", ["في", "٦", "-", "٧", "-", "٢٠٢٠"]),
        ("وكالة (أ.ف.ب) ذكرت", ["وكالة", "(", "أ.ف.ب", ")", "ذكرت"]),
        ("طائرات F-16 وإف-16", ["طائرات", "F", "-", "16", "وإف", "-", "16"]),
        ("مُحَمَّدٌ وَصَلَ", ["مُحَمَّدٌ", "وَصَلَ"]),  # marks stay inside their word
        ("الســـلام", ["الســـلام"]),  # tatweel inside the word
        ("#انفجار_بيروت", ["#", "انفجار", "_", "بيروت"]),
        ("انتهى... ثم", ["انتهى", "...", "ثم"]),
        ("راجع https://example.org/a?b=1.", ["راجع", "https://example.org/a?b=1", "."]),
        # a ta marbuta ends a word: a space the copy left out («الخارجيةعادل»)
        ("وزير الخارجيةعادل الجبير", ["وزير", "الخارجية", "عادل", "الجبير"]),
        ("المملكةُ العربية", ["المملكةُ", "العربية"]),
        # directional marks pasted from social media are no words of their own: they
        # stay on the word they touch
        ("محكمة \u202b\u200fجنايات القاهرة\u202c برئاسة",
         ["محكمة", "\u202b\u200fجنايات", "القاهرة\u202c", "برئاسة"]),
    ],
)
def test_tokenisation(text, expected):
    assert words_of(text) == expected


def test_clitics_are_exposed_not_split(nlp):
    doc = nlp("وأنقرة لليبيا بسرت والجفرة استقبله")
    assert [t.text for t in doc] == ["وأنقرة", "لليبيا", "بسرت", "والجفرة", "استقبله"]
    assert [(t._.prefix, t._.stem, t._.suffix) for t in doc] == [
        ("و", "انقره", ""),
        ("ل", "ليبيا", ""),
        ("ب", "سرت", ""),
        ("وال", "جفره", ""),
        ("", "استقبل", "ه"),
    ]


@pytest.mark.parametrize(
    ("word", "prefix", "stem", "suffix"),
    [
        ("وبالعاصمة", "وبال", "عاصمه", ""),
        ("للسلام", "لل", "سلام", ""),
        ("فالحكومة", "فال", "حكومه", ""),
        ("كالعادة", "كال", "عاده", ""),
        ("وبقوات", "وب", "قوات", ""),
        ("ولأنقرة", "ول", "انقره", ""),
        ("ستستعيد", "س", "تستعيد", ""),
        ("زيارته", "", "زياره", "ه"),  # ta marbuta restored under the suffix
        ("حمايتها", "", "حمايه", "ها"),
        ("بلدانهم", "", "بلدان", "هم"),
        ("قواتنا", "", "قوات", "نا"),
        ("التركي", "ال", "تركي", ""),  # nisba ي is not a pronoun
        ("مدينة", "", "مدينه", ""),  # ta marbuta is not a pronoun
        ("وزير", "", "وزير", ""),  # lexical: not و + زير
        ("ليبيا", "", "ليبيا", ""),
        ("بين", "", "بين", ""),
    ],
)
def test_best_clitic_analysis(word, prefix, stem, suffix):
    analysis = best(word)
    assert (analysis.prefix, analysis.stem, analysis.suffix) == (prefix, stem, suffix)


def test_every_plausible_stem_is_offered_for_lookups():
    # «لليبيا» could be ل+ليبيا or لل+يبيا; look-ups try both, the bare word last
    assert stems("لليبيا")[0] == "ليبيا"
    assert stems("والجفرة") == ("جفره", "الجفره", "والجفره")
    assert analyses("ب")[-1].stem == "ب"


@pytest.mark.parametrize("word, written", [
    ("الألماني", True), ("اَلْعراق", True), ("الــعراق", True),
    # «أ» folds into «ا» in the key, so «ألماني» reads as «ال» + «ماني»; it has no article
    ("ألماني", False), ("إلهام", False), ("آل", False), ("والعراق", False),
])
def test_an_article_is_written_with_a_bare_alef(word, written):
    assert writes_article(word) is written


def test_an_analysis_holds_an_article_only_where_the_word_writes_one():
    assert has_article("والإعلام", best("والإعلام")) and has_article("للإعلام", best("للإعلام"))
    assert best("إلياس").article and not has_article("إلياس", best("إلياس"))


def test_lexicon_keys_drop_only_a_written_article():
    assert (head_stem("ألماني"), head_stem("الأناضول"), head_stem("الله")) == \
        ("الماني", "اناضول", "الله")
    assert head_stem("ألماني") in stems("الألماني")


@given(st.text(max_size=80))
def test_tokens_always_point_at_their_text(text):
    words, spaces = tokenize(text)
    rebuilt = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    assert rebuilt == text


def test_noun_stems_leave_out_the_future_marker():
    # «سـ» only comes before a verb: a name is not read through it
    assert "يلين" in stems("وسيلين")  # «وسيلين» may be a verb's «و» + «س» + «يلين»
    assert "يلين" not in noun_stems("وسيلين")
    assert noun_stems("وسيلين")[0] == "سيلين"
    assert "حكومه" in noun_stems("والحكومة")


def test_name_stems_take_proclitics_but_no_pronoun_suffix():
    # «مورموني» (Mormon's angel) is not «مورمو» + «ني», «بيتك» ("your house") no «بيت» + «ك»
    assert "مورمو" in noun_stems("مورموني") and "مورمو" not in name_stems("مورموني")
    assert "بيت" not in name_stems("بيتك")
    assert "بوتين" in name_stems("وبوتين") and "حماس" in name_stems("لحماس")


def test_a_phrase_is_stored_and_looked_up_in_the_tokenizers_words():
    # a hyphen between words is a word, one inside a word parts it: the index stores a
    # phrase and looks up a span's text alike
    assert phrase_words("التحالف العربي - الدولي") == ["التحالف", "العربي", "-", "الدولي"]
    assert phrase_words("آل-سعود") == ["آل", "سعود"]
    index = PhraseIndex().add_all([("فتح - المجلس الثوري", "ano"), ("فتح", "fatah")])
    words = words_of("حركة فتح - المجلس الثوري")[1:]
    assert index.lookup("فتح - المجلس الثوري") == ("ano",)
    assert index.match_at(words, 0).values == ("ano",)
    assert index.lookup("فتح المجلس الثوري") == ()
