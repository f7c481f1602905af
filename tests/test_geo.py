"""Places: gazetteer look-ups, recognition with clitics and hashtags, disambiguation by
document context, metonymy, and what the component writes to the Doc."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Span

import marsad
from helpers import run_marsad
from marsad.geo.component import PlacesComponent
from marsad.geo.evaluate import places_pipeline
from marsad.geo.gazetteer import gazetteer
from marsad.geo.resolve import haversine

# Reference coordinates (city centres, from atlases, not from our index).
ANKARA = (39.93, 32.86)
DOHA = (25.29, 51.53)
SIRTE = (31.21, 16.59)
JUFRA = (29.12, 15.94)  # the district, around Hun and Waddan
TRIPOLI_LY = (32.89, 13.19)
TRIPOLI_LB = (34.43, 35.84)
MISRATA = (32.38, 15.09)
TAWERGHA = (32.00, 15.10)

LEBANON_ARTICLE = (
    "بيروت - انتشر الجيش اللبناني صباح الأحد في أحياء طرابلس بعد ليلة من الاشتباكات "
    "بين مسلحين في باب التبانة وجبل محسن، وقال مصدر أمني لبناني إن الهدوء عاد إلى "
    "المدينة. ودعا نواب طرابلس الحكومة اللبنانية إلى خطة إنمائية لعاصمة الشمال، "
    "فيما وصلت تعزيزات إضافية من عكار. ويشهد لبنان منذ أشهر أزمة اقتصادية خانقة."
)


@pytest.fixture(scope="module")
def nlp():
    return places_pipeline()


def places_by_name(doc) -> dict:
    return {m.text: p for p in doc._.places for m in p.mentions}


def assert_near(place, expected: tuple[float, float], km: float = 50) -> None:
    assert place.lat is not None, place
    distance = haversine(place.lat, place.lon, *expected)
    assert distance <= km, f"{place.name} ({place.name_en}) is {distance:.0f} km off"


# --- the gazetteer ---------------------------------------------------------------------

@pytest.mark.parametrize("variants", [
    ["مصراتة", "مصراته", "مصرات"],
    ["إسطنبول", "اسطنبول", "استانبول"],
    ["حفر الباطن", "حفرالباطن", "حفر_الباطن"],
])
def test_spelling_variants_resolve_to_one_place(variants):
    readings = [{e.geonames_id for e in gazetteer().search(v) if e.feature == "city"}
                for v in variants]
    assert all(readings) and set.intersection(*readings)


def test_ambiguous_name_lists_every_reading_biggest_first():
    tripolis = gazetteer().search("طرابلس")
    countries = [e.country for e in tripolis if e.feature == "city"]
    assert countries[:2] == ["LBY", "LBN"]


def test_nationality_adjectives_name_their_country():
    assert gazetteer().demonym("ليبيه") == "LBY"
    assert gazetteer().demonym("تركي") == "TUR"
    assert gazetteer().demonym("لبنانيون") == "LBN"


# --- the seed article ---------------------------------------------------------------------

@pytest.mark.shared
@pytest.mark.parametrize("name, country, where", [
    ("أنقرة", "TUR", ANKARA),
    ("الدوحة", "QAT", DOHA),
    ("سرت", "LBY", SIRTE),
    ("والجفرة", "LBY", JUFRA),
    ("طرابلس", "LBY", TRIPOLI_LY),
    ("مصراتة", "LBY", MISRATA),
    ("تاورغاء", "LBY", TAWERGHA),
])
def test_seed_places_are_placed(nlp, seed_text, name, country, where):
    place = places_by_name(nlp(seed_text))[name]
    assert place.country == country
    assert_near(place, where)


@pytest.mark.shared
def test_seed_tripoli_reason_cites_libya_context(nlp, seed_text):
    tripoli = places_by_name(nlp(seed_text))["طرابلس"]
    assert "LBY is in the article's context" in tripoli.reason
    assert "LBN" in tripoli.reason  # the reading it was chosen over


@pytest.mark.shared
def test_seed_common_words_are_not_places(nlp, seed_text):
    names = {m.text for p in nlp(seed_text)._.places for m in p.mentions}
    # «في إطار» (within the framework), «من طراز» (of the type), «الدعم المالي», «فيروس
    # كورونا», «المنطقة الغربية»: words that are also places somewhere.
    assert not names & {"إطار", "طراز", "المالي", "كورونا", "الغربية", "زيارته", "جربتها"}


@pytest.mark.shared
def test_one_place_per_distinct_place_with_all_mentions(nlp, seed_text):
    doc = nlp(seed_text)
    ids = [p.id for p in doc._.places]
    assert ids == [f"p{i}" for i in range(len(ids))]
    ankara = places_by_name(doc)["أنقرة"]
    assert len(ankara.mentions) == seed_text.count("أنقرة")
    for span in doc.spans["places"]:
        assert span._.place.id == span.id_
        assert any(m.start == span.start_char for m in span._.place.mentions)


# --- disambiguation by context ------------------------------------------------------------

def test_tripoli_goes_to_lebanon_in_a_lebanese_article(nlp):
    doc = nlp(LEBANON_ARTICLE)
    tripoli = places_by_name(doc)["طرابلس"]
    assert tripoli.country == "LBN"
    assert_near(tripoli, TRIPOLI_LB)
    assert "LBN is in the article's context" in tripoli.reason


def test_tripoli_goes_to_libya_in_a_libyan_sentence(nlp):
    doc = nlp("وصل رئيس المجلس الرئاسي الليبي إلى طرابلس قادما من بنغازي.")
    assert places_by_name(doc)["طرابلس"].country == "LBY"


def test_one_adjective_does_not_move_a_capital_to_a_village(nlp):
    # «مصري» alone is weak evidence: Riyadh, not the Egyptian village of that name (one
    # «الليبي» still tells Libya's Tripoli from Lebanon's: the test above)
    doc = nlp("قضت المحكمة بسجن مواطن مصري اعتقل في الرياض.")
    assert places_by_name(doc)["الرياض"].country == "SAU"


def test_cue_word_picks_the_city_over_the_country(nlp):
    doc = nlp("غرقت شوارع في مدينة #الكويت بعد الأمطار.")
    kuwait = places_by_name(doc)["الكويت"]
    assert kuwait.feature == "city"


# --- recognition ----------------------------------------------------------------------------

def test_clitics_are_stripped_from_toponyms(nlp):
    doc = nlp("اندلعت اشتباكات بسرت صباح اليوم وامتدت إلى محيط والجفرة، فيما عاد الوزير "
              "لليبيا قادما من تونس وأنقرة.")
    found = {m.text: (p.name_en, p.country) for p in doc._.places for m in p.mentions}
    assert found["بسرت"] == ("Sirte", "LBY")
    assert found["والجفرة"][1] == "LBY"
    assert found["لليبيا"] == ("Libya", "LBY")
    assert found["وأنقرة"] == ("Ankara", "TUR")


@pytest.mark.parametrize(("text", "words"), [
    # a word read as a clitic and a lesser place, where NER saw none
    ("التقى محافظ البصرة وفدا من التجار.", ["البصرة"]),  # «وفدا»: no «و» + Fada (Chad)
    # a listed person's name the tagger read as a person: Kerry, Hollande, Blatter
    ("وأضاف كيري أن المفاوضات صعبة.", []),
    ("وقال هولاند إن الحكومة مستعدة.", []),
    ("وقال بلاتر إن الاتحاد نظيف.", []),  # nor «ب» + Latur (India)
    ("ذكرت وكالة فرانس برس أن الهجوم وقع.", []),  # «ف» + Reims inside a name
    ("يرفض ربط وقف إطلاق النار بأي ترتيبات.", []),  # stop words: El Waqf, Bay
    ("أكد البيت الأبيض أن سعر الدولار بلغ 8 جنيه.", []),  # El Obeid (Sudan), Jinniyah
    ("اشتبك الجيش مع الدعم السريع في مدينة الأبيض.", ["الأبيض"]),  # after a cue it is
    # words that name villages and towns, frequent in the news as words (gazetteer
    # `common`): the hotel, his saying, the source; «كبيرا» («big»), no «ك» + Beira
    ("وصل الوفد إلى الفندق ونقلت الوكالة عن قوله إن المصدر أكد ذلك.", []),
    ("شهدت المدينة انتشارا كبيرا للقوات.", []),
    ("وصل لأول مرة وقال إن أحدا منا لم يعلم.", []),  # Laval, Minna
    # a town frequent in the news as a name stays one
    ("سيطرت قوات النظام على الزبداني.", ["الزبداني"]),
    # a paper's name in quotation marks (the KB's `quoted` names): the paper, not the city
    ("وقال مسؤول لـ«الرياض» إن الوفد وصل إلى الرياض أمس.", ["الرياض"]),
    # a clitic and a common word that reads as a clitic and a place: «للحج» is "for the
    # Hajj" (not «ل» + Lahij, Yemen), while Lahij itself stays one
    ("استعدادات المملكة للحج هذا العام كبيرة، فللحج مكانة خاصة.", ["المملكة"]),
    ("وتقدمت القوات في لحج نحو قاعدة العند.", ["لحج"]),
    # words that name towns far away: «بالقطار» (by train), «للمنشأة» (the facility)
    ("سافر بالقطار إلى الدمام ثم عاد للمنشأة.", ["الدمام"]),
    # «خالص» is "sincere"; «الخالص» after its cue is the Iraqi town
    ("وأعرب عن خالص شكره. وقتل ثلاثة في قضاء الخالص.", ["الخالص"]),
    # «الأمانة» (a city's municipality) alone is no Yemeni governorate; «أمانة العاصمة» is
    ("وتقدم الأمانة الفعاليات للزوار. وقصف التحالف أمانة العاصمة صنعاء.",
     ["أمانة العاصمة", "صنعاء"]),
])
def test_words_and_names_that_are_no_places(text, words):
    places = marsad.analyze(text, "2015-07-01").places
    assert [m.text for p in places for m in p.mentions] == words


@pytest.mark.parametrize(("text", "places"), [
    # a town read off «و» after a place is the next of a list
    ("تقدمت القوات نحو عفرين ومنبج وجرابلس.", ["عفرين", "ومنبج", "وجرابلس"]),
    ("سيطرت قوات النظام على داريا ودوما والزبداني ومضايا.",
     ["داريا", "ودوما", "والزبداني", "ومضايا"]),
    # a capital the tagger read as a person (its word is also a listed name)
    ("التقى وزير الخارجية الإيراني في هراري نظيره.", ["هراري"]),
])
def test_places_kept_by_the_rules_on_clitics_and_names(text, places):
    found = marsad.analyze(text, "2016-07-01").places
    assert [m.text for p in found for m in p.mentions] == places


def test_one_adjective_does_not_make_the_focus_country_either(nlp):
    # «الأمريكي» alone: Moscow, not Mesquite (Texas)
    assert places_by_name(nlp("زار وزير الخارجية الأمريكي موسكو."))["موسكو"].country == "RUS"


def test_the_kingdom_alone_is_saudi_arabia_unless_the_article_says_otherwise(nlp):
    # Morocco is a little more populous; the overrides' default reading decides
    assert places_by_name(nlp("قالت الوزارة إن المملكة ستمدد خفضها."))["المملكة"].country == "SAU"
    doc = nlp("عاد العاهل الأردني إلى عمّان، وقال إن الأردن لن يتخلى عن القدس وإن المملكة "
              "صامدة.")
    assert places_by_name(doc)["المملكة"].country == "JOR"


def test_washington_is_the_us_capital(nlp):
    doc = nlp("قالت واشنطن إن العقوبات مستمرة.")
    washington = places_by_name(doc)["واشنطن"]
    assert washington.country == "USA"
    assert_near(washington, (38.90, -77.04))  # not Washington, Utah


def test_a_province_or_a_big_city_is_read_off_its_clitics(nlp):
    doc = nlp("وصل الوفد إلى بجازان ثم وبتبوك.")
    found = {m.text: p.country for p in doc._.places for m in p.mentions}
    assert found == {"بجازان": "SAU", "وبتبوك": "SAU"}


def test_hashtags_are_read_as_names(nlp):
    doc = nlp("الصليب الأحمر يرسل مساعدات #بيروت #حفر_الباطن")
    found = {p.name_en for p in doc._.places}
    assert {"Beirut", "Hafar Al-Batin"} <= found


def test_multiword_names_match_whole(nlp):
    doc = nlp("عبرت القوارب البحر المتوسط، وتقدمت القوات شرق الفرات.")
    found = {m.text: p.feature for p in doc._.places for m in p.mentions}
    assert found["البحر المتوسط"] == "water"
    assert found["شرق الفرات"] == "region"


def test_stop_word_needs_a_cue(nlp):
    assert not nlp("نشرت الوكالة صور الدمار في الحي.")._.places
    doc = nlp("سقط صاروخ قرب مدينة صور جنوب لبنان.")
    tyre = places_by_name(doc)["صور"]
    assert tyre.country == "LBN"


def test_facility_is_placed_at_the_toponym_in_its_name(nlp):
    doc = nlp("دمر الانفجار مرفأ بيروت وأجزاء من الأحياء المجاورة.")
    port = places_by_name(doc)["مرفأ بيروت"]
    assert port.feature == "poi"
    assert port.country == "LBN"
    assert "Beirut" in port.reason


# --- metonymy -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, expected", [
    ("أنقرة أرسلت صواريخ إلى ليبيا.", "أنقرة", True),
    ("الدوحة تدفع فاتورة الحرب.", "الدوحة", True),
    ("وهددت أنقرة بتوسيع دعمها.", "أنقرة", True),
    ("أنقرة لم ترسل قوات.", "أنقرة", True),
    ("اجتمع الوزراء في أنقرة أمس.", "أنقرة", False),
    ("وصل الوفد إلى سرت أمس.", "سرت", False),  # neither capital nor country
])
def test_metonymy_marks_capitals_and_countries_as_agents(nlp, text, name, expected):
    doc = nlp(text)
    spans = [s for s in doc.spans["places"] if s.text == name]
    assert spans and spans[0]._.metonymy is expected


# --- the Doc ---------------------------------------------------------------------------------

def test_gazetteer_toponyms_become_entities_without_ner(nlp):
    blank = nlp.make_doc("زار الوزير مصراتة ثم البحر المتوسط.")
    doc = PlacesComponent()(blank)
    assert {(e.text, e.label_) for e in doc.ents} == {("مصراتة", "GPE"),
                                                     ("البحر المتوسط", "LOC")}


def test_ner_loc_naming_a_city_is_relabelled_gpe(nlp):
    doc = nlp.make_doc("وصل الوفد إلى مصراتة أمس.")
    misrata = next(t.i for t in doc if t.text == "مصراتة")
    doc.ents = [Span(doc, misrata, misrata + 1, label="LOC")]
    doc = PlacesComponent()(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("مصراتة", "GPE")]


def test_person_entity_keeps_its_place_name(nlp):
    doc = nlp.make_doc("قاد عمر المختار المقاومة.")
    start = next(t.i for t in doc if t.text == "عمر")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]
    doc = PlacesComponent()(doc)
    assert not doc._.places


# --- the command line ------------------------------------------------------------------------

def test_lookup_command_uses_the_context_country():
    done = run_marsad("geo", "lookup", "طرابلس", "--context", "لبنان", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    chosen = [c for c in result["candidates"] if c["chosen"]]
    assert chosen[0]["country"] == "LBN"
    assert "LBN" in result["reason"]


def test_lookup_command_unknown_country_is_one_line_error():
    done = run_marsad("geo", "lookup", "طرابلس", "--context", "Atlantis")
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1


def test_a_name_in_a_list_of_one_countrys_places_reads_off_its_conjunction():
    # «وجدة» as written is Oujda; after «الرياض» in a list it is «و» + Jeddah
    places = marsad.analyze("افتتحت فروع في الرياض وجدة والدمام. وزار الوفد مدينة وجدة "
                            "المغربية.", "2015-07-22").places
    assert [(m.text, p.country) for p in places for m in p.mentions] == [
        ("الرياض", "SAU"), ("وجدة", "SAU"), ("والدمام", "SAU"), ("وجدة", "MAR")]
