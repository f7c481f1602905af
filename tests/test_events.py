"""Events: trigger morphology, arguments, flags, dates, merging, robustness.

Most tests run the events component alone on Docs whose NER, entity, place and time spans
are set by hand, so that they test this stage and not the ones before it.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from spacy.tokens import Doc, Span

import marsad.components  # registers the factories
import marsad.geo.component  # Span extensions place / metonymy
import marsad.time.component  # noqa: F401  (Span extension timex)
from marsad.analysis import Entity, Place, Time
from marsad.events.component import reported
from marsad.events.morphology import noun_bases, verb_bases
from marsad.ingest.document import Document
from marsad.pipeline import load


@pytest.fixture(scope="module")
def bare():
    """Tokenizer, sentencizer and events only: the other stages' output is set by hand."""
    return load(only=["marsad_sentencizer", "marsad_events"])


def _span(doc: Doc, phrase: str, label: str = "") -> Span:
    """The next mention of ``phrase`` not given a span yet (repeats take later ones)."""
    seen = doc.user_data.setdefault("seen", {})
    start = doc.text.index(phrase, seen.get((phrase, label), -1) + 1)
    seen[phrase, label] = start
    span = doc.char_span(start, start + len(phrase), label=label)
    assert span is not None, phrase
    return span


def run(nlp, text: str, ents=(), places=(), entities=(), times=(), published=None) -> Doc:
    """Analyse ``text`` with hand-set stage output.

    ents: (phrase, label); places: (phrase, country, feature, metonymy);
    entities: (phrase, id, type, country); times: (phrase, value).
    """
    doc = nlp.make_doc(text)
    doc._.document = Document(text=text, origin="<test>",
                              published=dt.date.fromisoformat(published) if published else None)
    doc = nlp.get_pipe("marsad_sentencizer")(doc)
    doc.ents = [_span(doc, phrase, label) for phrase, label in ents]
    if places:
        spans = []
        for k, (phrase, country, feature, metonymy) in enumerate(places):
            span = _span(doc, phrase)
            span.id_ = f"p{k}"
            span._.place = Place(id=f"p{k}", name=phrase, name_en=None, country=country,
                                 admin1=None, lat=None, lon=None, feature=feature,
                                 geonames_id=None, mentions=[])
            span._.metonymy = metonymy
            spans.append(span)
        doc.spans["places"] = spans
    if entities:
        spans, records = [], {}
        for phrase, id_, type_, country in entities:
            span = _span(doc, phrase)
            span.id_ = id_
            spans.append(span)
            records[id_] = Entity(id=id_, type=type_, name=phrase, name_en=None, kb_id=None,
                                  country=country, sector="GOV", roles=[], mentions=[])
        doc.spans["entities"] = spans
        doc._.entities = list(records.values())
    if times:
        spans = []
        for phrase, value in times:
            span = _span(doc, phrase, "DATE")
            span._.timex = Time(text=phrase, start=span.start_char, end=span.end_char,
                                type="DATE", value=value, approximate=False)
            spans.append(span)
        doc.spans["times"] = spans
    return nlp.get_pipe("marsad_events")(doc)


def only(doc: Doc, type_: str):
    found = [e for e in doc._.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc._.events]
    return found[0]


def countries(actors) -> set:
    return {a.country for a in actors}


# --- morphology ----------------------------------------------------------------------


@pytest.mark.parametrize(("word", "base"), [
    ("هددت", "هدد"), ("ارسلت", "ارسل"), ("تستعيد", "يستعيد"), ("يتظاهرون", "يتظاهر"),
    ("نلتقي", "يلتقي"), ("اجتمعوا", "اجتمع"),
])
def test_verb_bases_undo_person_and_tense(word, base):
    assert base in verb_bases(word)


@pytest.mark.parametrize(("word", "base"), [
    ("مظاهرات", "مظاهره"), ("اجتماعا", "اجتماع"), ("ثلاثيا", "ثلاثي"), ("لقائين", "لقاء"),
])
def test_noun_bases_undo_number_and_case(word, base):
    assert base in noun_bases(word)


def test_doubled_roots_keep_two_letters_but_no_fewer():
    assert "شن" in verb_bases("شنت")
    assert all(len(base) >= 2 for base in verb_bases("عمت"))


# --- triggers through morphology -------------------------------------------------------


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("وهددت الحكومة المعارضة بالاعتقال.", "THREATEN", None),
    ("وصل الوزير إلى القاهرة صباح اليوم.", "CONSULT", "visit"),
    ("واستقبله الرئيس في القصر.", "CONSULT", "visit"),
    ("أرسلت الحكومة صواريخ إلى حلفائها.", "AID", None),
    ("نددت الخارجية بالهجوم على السفارة.", "ACCUSE", "disapprove"),
    ("وعقد الوزير اجتماعا ثلاثيا مع نظيريه.", "CONSULT", "multilateral"),
    ("وستستقبل العاصمة وفدا رسميا.", "CONSULT", "visit"),
    ("واعتقلت الشرطة ثلاثة صحفيين.", "COERCE", "arrest"),
    ("شنت الطائرات غارات على المدينة.", "ASSAULT", "aerial"),
    ("أعلن الوزير استقالته من منصبه، وانسحب من الحكومة.", "RETREAT", "withdraw"),
])
def test_trigger_forms(bare, text, type_, mode):
    events = run(bare, text)._.events
    assert (type_, mode) in {(e.type, e.mode) for e in events}


def test_verbal_noun_under_a_light_verb_is_an_event(bare):
    doc = run(bare, "شن المسلحون هجوما على القرية.")
    event = only(doc, "ASSAULT")
    assert "هجوما" in event.trigger.text and reported(event)


def test_bare_verbal_noun_without_arguments_is_not_an_event(bare):
    assert run(bare, "يبقى الهجوم احتمالا قائما.")._.events == []


def test_figurative_attack_in_sport_is_dropped(bare):
    doc = run(bare, "وهاجم الفريق مرمى المنافس في الشوط الثاني من المباراة.")
    assert not [e for e in doc._.events if e.type == "ASSAULT"]


def test_verbal_attack_becomes_disapproval(bare):
    doc = run(bare, "وهاجم الوزير المعارضة بشدة في تصريحات صحفية.")
    assert {(e.type, e.mode) for e in doc._.events} == {("ACCUSE", "disapprove")}


# --- arguments -------------------------------------------------------------------------


def test_vso_actor_and_object(bare):
    doc = run(bare, "وهددت تركيا اليونان بعمل عسكري.", ents=[("تركيا", "GPE"), ("اليونان", "GPE")])
    event = only(doc, "THREATEN")
    assert [a.text for a in event.actor] == ["تركيا"]
    assert [a.text for a in event.recipient] == ["اليونان"]
    assert event.mode == "violence"


def test_svo_after_complementizer_with_metonymy(bare):
    doc = run(bare, "وأفادت مصادر بأن أنقرة أرسلت صواريخ إلى ليبيا.",
              places=[("أنقرة", "TUR", "city", True), ("ليبيا", "LBY", "country", False)])
    event = only(doc, "AID")
    assert countries(event.actor) == {"TUR"} and event.actor[0].sector == "GOV"
    assert countries(event.recipient) == {"LBY"}


def test_place_without_metonymy_does_not_act(bare):
    doc = run(bare, "وصل الوزير إلى أنقرة.", places=[("أنقرة", "TUR", "city", False)])
    event = only(doc, "CONSULT")
    assert event.actor == [] and countries(event.recipient) == {"TUR"}
    assert event.place == "p0"


def test_object_pronoun_refers_to_the_visitor(bare):
    text = "وصل رئيس الوزراء الإيطالي ماريو دراغي إلى طرابلس حيث استقبله عبد الحميد الدبيبة."
    doc = run(bare, text, entities=[("ماريو دراغي", "e0", "PERSON", "ITA"),
                                    ("عبد الحميد الدبيبة", "e1", "PERSON", "LBY")],
              places=[("طرابلس", "LBY", "city", False)])
    host = [e for e in doc._.events if e.trigger.text == "استقبله"]
    visits = [e for e in doc._.events if e.type == "CONSULT"]
    # The arrival and the reception are one visit: ITA visiting, LBY hosting.
    assert len(visits) == 1 or (host and host[0].actor[0].entity == "e0")
    assert any(countries(e.actor) == {"ITA"} and "LBY" in countries(e.recipient) for e in visits)


def test_host_voice_swaps_roles(bare):
    doc = run(bare, "استقبل الملك عبد الله الثاني الرئيس محمود عباس في عمان.",
              entities=[("عبد الله الثاني", "e0", "PERSON", "JOR"),
                        ("محمود عباس", "e1", "PERSON", "PSE")])
    event = only(doc, "CONSULT")
    assert countries(event.actor) == {"PSE"} and countries(event.recipient) == {"JOR"}


def test_reception_noun_pronoun_is_the_host(bare):
    doc = run(bare, "وأكد الملك عبد الله لدى استقباله الرئيس محمود عباس أهمية الحوار.",
              entities=[("الملك عبد الله", "e0", "PERSON", "JOR"),
                        ("محمود عباس", "e1", "PERSON", "PSE")])
    event = only(doc, "CONSULT")
    assert countries(event.actor) == {"PSE"} and countries(event.recipient) == {"JOR"}


def test_reception_noun_dual_pronoun_is_the_visitors(bare):
    text = ("وصل الوزيران أنتوني بلينكن ولويد أوستن إلى المنطقة. وأكد الملك عبد الله لدى "
            "استقبالهما أهمية التعاون.")
    doc = run(bare, text, entities=[("أنتوني بلينكن", "e0", "PERSON", "USA"),
                                    ("ولويد أوستن", "e1", "PERSON", "USA"),
                                    ("الملك عبد الله", "e2", "PERSON", "JOR")])
    reception = [e for e in doc._.events if e.trigger.text == "استقبالهما"]
    assert reception and countries(reception[0].actor) == {"USA"}
    assert countries(reception[0].recipient) == {"JOR"}


def test_tamma_passive_is_reported_with_its_patient(bare):
    doc = run(bare, "وتم اعتقال الناشط علاء عبد الفتاح أمس.",
              entities=[("علاء عبد الفتاح", "e0", "PERSON", "EGY")])
    event = only(doc, "COERCE")
    assert reported(event) and event.actor == []
    assert [a.entity for a in event.recipient] == ["e0"]


def test_tamma_passive_negated_and_future(bare):
    assert only(run(bare, "ولم يتم اعتقال أي صحفي."), "COERCE").negated
    assert only(run(bare, "وسيتم اعتقال المشتبه بهم."), "COERCE").hypothetical


def test_after_a_reporting_verb_the_word_is_a_verbal_noun(bare):
    """«وأكد دعم الحكومة»: a reporting verb is followed by its subject or «أن», never by
    another verb, so «دعم» is the noun (support), not the verb (supported)."""
    doc = run(bare, "وأكد دعم الحكومة للمزارعين في الموسم المقبل.")
    assert not [e for e in doc._.events if e.type == "SUPPORT" and reported(e)]


def test_intransitive_protest_has_no_bare_object(bare):
    doc = run(bare, "وتجمع آلاف المتظاهرين القادمين من مدن تركية أمام السفارة.",
              ents=[("تركية", "NORP")])
    event = only(doc, "PROTEST")
    assert event.recipient == []


def test_passive_agent_with_min_qibal(bare):
    doc = run(bare, "واعتقل الناشط علاء عبد الفتاح من قبل الشرطة المصرية.",
              entities=[("علاء عبد الفتاح", "e0", "PERSON", "EGY"),
                        ("الشرطة المصرية", "e1", "ORG", "EGY")])
    event = only(doc, "COERCE")
    assert [a.entity for a in event.actor] == ["e1"]
    assert [a.entity for a in event.recipient] == ["e0"]


def test_coordination_behind_a_title(bare):
    doc = run(bare, "واجتمع بوتين مع أردوغان، ورئيس وزراء العراق مصطفى الكاظمي في موسكو.",
              ents=[("بوتين", "PERSON"), ("أردوغان", "PERSON"), ("العراق", "GPE"),
                    ("مصطفى الكاظمي", "PERSON"), ("موسكو", "GPE")])
    event = only(doc, "CONSULT")
    assert [a.text for a in event.actor] == ["بوتين"]
    assert [a.text for a in event.recipient] == ["أردوغان", "مصطفى الكاظمي"]


def test_coordinated_subject_after_kull_min(bare):
    doc = run(bare, "وتدعم كل من قطر وتركيا حكومة الوفاق.",
              places=[("قطر", "QAT", "country", False), ("وتركيا", "TUR", "country", False)])
    event = only(doc, "SUPPORT")
    assert countries(event.actor) == {"QAT", "TUR"}


def test_apposition_is_one_actor(bare):
    doc = run(bare, "وصل وزير الداخلية، فتحي باشاغا، إلى تونس.",
              entities=[("وزير الداخلية", "e0", "PERSON", "LBY"),
                        ("فتحي باشاغا", "e0", "PERSON", "LBY")],
              places=[("تونس", "TUN", "country", False)])
    event = only(doc, "CONSULT")
    assert [a.entity for a in event.actor] == ["e0"]


def test_al_akhir_refers_to_the_latest_person(bare):
    text = "واستقبل الملك الأردني الرئيس عباس، بعد يوم من زيارة الأخير إلى القاهرة."
    doc = run(bare, text, entities=[("الملك الأردني", "e0", "PERSON", "JOR"),
                                    ("الرئيس عباس", "e1", "PERSON", "PSE")],
              places=[("القاهرة", "EGY", "city", False)])
    visit = [e for e in doc._.events if e.trigger.text == "زيارة"]
    assert visit and [a.entity for a in visit[0].actor] == ["e1"]
    assert countries(visit[0].recipient) == {"EGY"}


def test_possessive_pronoun_on_a_verbal_noun(bare):
    doc = run(bare, "التقى أكار نظيره القطري بعد زيارته إلى الدوحة.",
              entities=[("أكار", "e0", "PERSON", "TUR")], places=[("الدوحة", "QAT", "city", False)])
    visit = [e for e in doc._.events if e.trigger.text == "زيارته"]
    assert visit and [a.entity for a in visit[0].actor] == ["e0"]


def test_absent_stages_mean_fewer_arguments_not_errors(bare):
    doc = run(bare, "وقصفت الطائرات مواقع المسلحين. وقال مصدر إن الغارات استمرت.")
    assert {e.type for e in doc._.events} == {"ASSAULT"}
    assert all(e.date is None and e.date_precision is None for e in doc._.events)


# --- flags -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ولم تهاجم القوات الحكومية المدينة.",
    "وأحبطت الشرطة هجوما على مركز الاقتراع.",
    "ونفى الجيش أن تكون طائراته قصفت السوق.",
])
def test_negated(bare, text):
    events = run(bare, text)._.events
    assert events and all(e.negated for e in events if e.type == "ASSAULT")


@pytest.mark.parametrize("text", [
    "هددت مصر بالدفع بقوات إلى ليبيا في حال تقدمت القوات التركية.",
    "وتستعد القوات لشن هجوم على المدينة.",
    "وستزور الوزيرة باريس الأسبوع المقبل.",
    "وقد يتظاهر الطلاب غدا أمام الوزارة.",
])
def test_hypothetical(bare, text):
    events = run(bare, text)._.events
    assert events and all(e.hypothetical for e in events)


def test_reported_fact_is_neither_negated_nor_hypothetical(bare):
    event = only(run(bare, "وقصفت الطائرات مواقع المسلحين أمس."), "ASSAULT")
    assert not event.negated and not event.hypothetical and reported(event)


# --- dates ---------------------------------------------------------------------------


def test_date_from_the_clause_else_publication(bare):
    text = "وعقد الوزير الاثنين اجتماعا مع نظيره. واتصل الرئيس بنظيره الفرنسي."
    doc = run(bare, text, times=[("الاثنين", "2020-07-06")], published="2020-07-08")
    meeting, call = sorted(doc._.events, key=lambda e: e.trigger.start)
    assert (meeting.date, meeting.date_precision) == ("2020-07-06", "day")
    assert (call.date, call.date_precision) == ("2020-07-08", "publication")


def test_relative_offset_dates_the_earlier_event(bare):
    text = "واستقبله الرئيس اليوم بعد يوم من زيارته إلى قطر."
    doc = run(bare, text, times=[("اليوم", "2020-07-06")], published="2020-07-06",
              places=[("قطر", "QAT", "country", False)])
    visit = [e for e in doc._.events if e.trigger.text == "زيارته"]
    assert visit and visit[0].date == "2020-07-05"


# --- several events; one event twice ---------------------------------------------------


def test_several_events_in_one_sentence(bare):
    doc = run(bare, "واعتقلت الشرطة عشرات المتظاهرين وأطلقت الغاز المسيل للدموع عليهم.")
    assert {(e.type, e.mode) for e in doc._.events} >= {("COERCE", "arrest"),
                                                        ("ASSAULT", "crowd-control")}


def test_one_event_mentioned_twice_is_one_event(bare):
    text = "والتقى أردوغان بوتين في سوتشي. وكان أردوغان التقى بوتين لبحث الأزمة السورية."
    doc = run(bare, text, entities=[("أردوغان", "e0", "PERSON", "TUR"),
                                    ("بوتين", "e1", "PERSON", "RUS"),
                                    ("أردوغان", "e0", "PERSON", "TUR"),
                                    ("بوتين", "e1", "PERSON", "RUS")])
    assert len([e for e in doc._.events if e.type == "CONSULT"]) == 1


def test_intensity_is_the_plover_score(bare):
    doc = run(bare, "وشنت الطائرات غارة على القرية.")
    assert only(doc, "ASSAULT").intensity == -9.5


def test_ids_are_sequential(bare):
    doc = run(bare, "قصفت الطائرات القرية. واعتقلت الشرطة المشتبه بهم.")
    assert [e.id for e in doc._.events] == ["v0", "v1"]


# --- PROTEST detection on own sentences ---------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر آلاف الطلاب أمس أمام مبنى البرلمان احتجاجا على رفع الرسوم.", True),
    ("واعتصم عشرات العمال أمام مقر الشركة للمطالبة برواتبهم.", True),
    ("وخرج مئات المتظاهرين إلى الشوارع في مدينة صفاقس.", True),
    ("واندلعت مظاهرات غاضبة في عدة مدن عقب إعلان النتائج.", True),
    ("وأحرق متظاهرون غاضبون إطارات السيارات وسط المدينة.", True),
    ("ودعت النقابة إلى التظاهر يوم الجمعة المقبل.", False),
    ("وفرقت الشرطة المتظاهرين بالغاز المسيل للدموع.", False),
    ("وتبقى مسيرة السلام متعثرة منذ سنوات.", False),
    ("لم يتظاهر أحد في العاصمة رغم الدعوات.", False),
    ("وهتف المتظاهرون بشعارات ضد الحكومة.", False),
    # background: the past progressive, also on a light verb and behind a conjunction
    ("وكانوا يتظاهرون أمام المبنى حين وصلت الشرطة.", False),
    ("وكانت تجري مظاهرات ضد الاستعمار في تلك الحقبة.", False),
    # «أن» + imperfect: hoped for, not reported
    ("وأعرب الحزب عن أمله أن يشارك آلاف المتظاهرين في المسيرة.", False),
    # a demonstrative points back to protests reported before
    ("وقد نظمت هذه المظاهرات بدعوة من النقابات.", False),
    # a numeral of things is no crowd; ين after the verb is its object
    ("وتجمعت مئات السيارات عند المعبر الحدودي.", False),
    ("ثم راح يخرج المتظاهرين إلى الشوارع كل أسبوع.", False),
    # the class word before the verb is under a preposition: not its subject
    ("ووقع تلاسن بينه وبين المحتجين، فرشق بالحجارة.", False),
    # the number belongs to another clause
    ("وهتف المتظاهرون ضد الوزير الذي زار المدينة قبل 3 أيام.", False),
    # «احتجاجا» gives a motive; no light verb governs it
    ("وعاد الهدوء بعد يوم غضب نفذه أنصار الحزب احتجاجا على القرار.", False),
    # subject-first after «إن», with an adjective between noun and verb
    ("وقال الشهود إن مظاهرة عنيفة اندلعت في وسط المدينة.", True),
])
def test_protest_detection(bare, text, expected):
    doc = run(bare, text)
    assert any(e.type == "PROTEST" and reported(e) for e in doc._.events) is expected


# --- argument scoring (``marsad eval events``) on a span file of our own -------------------


def test_argument_scoring_against_coders_spans(bare, tmp_path):
    from marsad.events.evaluate import evaluate_arguments, read_spans

    def row(id_, text, verb, source, target, codes):
        spans = [{"source_role": {"main": c, "role": s}} for c, s in codes]
        return {"_id": id_, "text": text, "verb_gold": verb, "source_gold": source,
                "target_gold": target, "spans": spans}

    rows = [
        row("a0", "وتظاهر آلاف الطلاب أمس ضد الحكومة.", "تظاهر", "الطلاب", "الحكومة",
            [("None", "EDU"), ("None", "EDU"), ("None", "CVL")]),
        row("a1", "واعتصم عشرات العمال أمام المصنع.", "اعتصم", "العمال", "",
            [("None", "LAB")]),
        row("a3", "وبقيت المدينة هادئة طوال اليوم.", "", "السكان", "", []),
    ]
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    items = read_spans(path)
    assert items[0].source_code == (None, "EDU")  # the coders' majority; "None" is none
    counts = evaluate_arguments(bare, items, "PROTEST")["all"].counts
    assert counts["found"] == 2 and counts["source gold"] == 3
    assert counts["source right"] == 2 and counts["sector right"] == 2
    assert counts["target gold"] == 1 and counts["target right"] == 1
    assert counts["no target gold"] == 1 and counts["no target right"] == 1
