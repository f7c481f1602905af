"""The matching key: what it folds, and that offsets always lead back to the original."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("إسطنبول", "اسطنبول"),  # alef with hamza below
        ("أنقرة", "انقره"),  # hamza above, ta marbuta
        ("آذار", "اذار"),  # madda
        ("ٱلله", "الله"),  # alef wasla
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("مُحَمَّدٌ", "محمد"),  # diacritics
        ("الســـلام", "السلام"),  # tatweel
        ("٢٠٢٠", "2020"),  # Eastern Arabic digits
        ("۱۴۰۰", "1400"),  # Persian digits
        ("ﻻ", "لا"),  # presentation form (NFKC)
        ("ک", "ك"),  # Persian kaf
        ("ی", "ي"),  # Persian yeh
        ("سرت\u200f", "سرت"),  # right-to-left mark
        ("\u202bسرت\u202c", "سرت"),  # bidi embedding
        ("سر\u200bت", "سرت"),  # zero-width space
        ("NATO", "nato"),  # Latin case
        ("يُسمّى", "يسمي"),
    ],
)
def test_key_folds_spelling_variants(text, key):
    assert normalize_key(text) == key


def test_variants_of_one_name_share_a_key():
    assert len({normalize_key(v) for v in ["مصراتة", "مصراته", "مُصراتة"]}) == 1
    assert normalize_key("إسطنبول") == normalize_key("اسطنبول")


def test_offsets_map_key_spans_back_to_the_original():
    original = "وصلَ الوفدُ إلى أنقرةَ\u200f اليوم"
    normalized = normalize(original)
    start = normalized.text.index("انقره")
    a, b = normalized.to_original(start, start + len("انقره"))
    assert original[a:b] == "أنقرةَ"  # the diacritic travels with its letter


def test_original_text_is_untouched():
    original = "إِلى"
    normalize(original)
    assert original == "إِلى"


arabicish = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list("\u200f\u202b\u202c\u200b\u0640 abcÉ\u0301ﻻ٣")),
        st.characters(),
    ),
    max_size=60,
)


@given(arabicish)
def test_normalisation_is_idempotent(text):
    key = normalize_key(text)
    assert normalize_key(key) == key


@given(arabicish)
def test_every_key_character_points_inside_the_original(text):
    normalized = normalize(text)
    assert len(normalized.starts) == len(normalized.ends) == len(normalized.text)
    for i, char in enumerate(normalized.text):
        start, end = normalized.starts[i], normalized.ends[i]
        assert 0 <= start < end <= len(text)
        # the key character comes from folding exactly that stretch of the original
        source = unicodedata.normalize("NFKC", text[start:end]).casefold()
        assert char in normalize_key(source) or char in source


@given(st.text())
def test_no_exception_on_any_unicode(text):
    normalize(text)


@given(arabicish)
def test_the_cached_key_is_the_key_with_offsets(text):
    # normalize_key takes a fast path through whole-string C calls when it can
    assert normalize_key(text) == normalize(text).text
