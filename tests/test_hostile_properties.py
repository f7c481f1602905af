"""Properties on any input (hypothesis), beyond the text layer's own (normalisation in
tests/test_text_normalize.py, tokens in tests/test_text_tokens.py): the readers turn any
bytes into documents or one-line errors, and the whole pipeline's record points, for every
span it reports, at the text it claims."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest import Document, InputError, ReadOptions
from marsad.ingest.dateline import dateline_date
from marsad.ingest.readers import read_bytes
from marsad.pipeline import analyze_documents
from marsad.text.clitics import analyses, stems
from marsad.text.language import detect_language
from marsad.text.normalize import normalize, normalize_key
from test_hostile import _walk_offsets

# Arabic with what hostile pages mix in: bidi controls, tatweel, marks, Latin, digits.
HOSTILE_CHARS = list("\u202e\u202d\u202c\u2066\u2067\u2069\u200f\u200e\u200b\u0640\u0651"
                     "\u064b\ufeff<>&\"'؟،.!«» \n\t0123456789٠١٢٣abcXYZ")
WORDS = ["قصفت", "طائرات", "تركيا", "مواقع", "قوات", "حفتر", "قرب", "سرت", "يوم", "الاثنين",
         "6", "يوليو", "2020", "وقال", "مصدر", "عسكري", "إن", "الرئيس", "أنقرة", "لم", "التقى",
         "وزير", "الخارجية", "المصري", "نظيره", "في", "بغداد", "أمس", "عدوان", "سافر"]
arabic_text = st.one_of(
    st.text(alphabet=st.one_of(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
                               st.sampled_from(HOSTILE_CHARS)), max_size=200),
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", "، ", ". ", "\n",
                                                                "\u200f ", " \u202e"])),
             max_size=40).map(lambda pairs: "".join(w + s for w, s in pairs)),
    st.text(max_size=120),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_text)
def test_every_span_of_the_record_is_the_text_it_claims(nlp, text):
    (analysis,) = analyze_documents([Document(text=text, origin="<hypothesis>")], nlp=nlp)
    record = json.loads(analysis.to_json())  # and it serialises
    assert record["article"]["text"] == text
    _walk_offsets(record)


@given(arabic_text)
def test_text_helpers_take_any_string(text):
    key = normalize_key(text)
    assert normalize_key(key) == key
    assert normalize(text).to_original(0, len(normalize(text).text))[1] <= len(text)
    for word in text.split()[:10]:
        stems(word)
        analyses(word)
    detect_language(text)
    dateline_date(text)


@settings(max_examples=200)
@given(st.binary(max_size=600), st.sampled_from([None, "text", "html", "jsonl"]))
def test_the_readers_turn_any_bytes_into_documents_or_errors(data, kind):
    try:
        items = list(read_bytes(data, "<bytes>", None, ReadOptions(), kind=kind))
    except InputError:
        return
    for item in items:
        assert isinstance(item, Document | InputError)
        if isinstance(item, Document):
            item.text.encode("utf-8")  # real text: no surrogates
            assert "\x00" not in item.text and item.text.strip()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "content", "title", "url", "source", "published", "date",
                         "extra"]), inner, max_size=5),
    max_leaves=12)


@settings(max_examples=200)
@given(json_values)
def test_any_json_line_is_a_document_or_an_error(value):
    line = json.dumps(value).encode()
    (item,) = read_bytes(line, "<line>", None, ReadOptions(), kind="jsonl")
    assert isinstance(item, Document | InputError)
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"].strip():
        assert isinstance(item, Document) or "field" in item.problem or "date" in item.problem
