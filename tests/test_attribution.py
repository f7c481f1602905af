"""Attribution: reporting constructions, their source, type, stance and content, and the
link from each event to the attribution that reports it."""

from __future__ import annotations

import pytest

from test_events import bare, run  # noqa: F401  (the fixture and the hand-set runner)


def attribution(doc, verb: str):
    found = [a for a in doc._.attributions if verb in a.verb]
    assert found, [a.verb for a in doc._.attributions]
    return found[0]


@pytest.mark.parametrize(("text", "verb", "source", "kind"), [
    ("وقالت مصادر مطلعة إن الوفد وصل إلى الرياض.", "وقالت", "مصادر مطلعة", "anonymous"),
    ("وقال شهود عيان إن الطائرات قصفت السوق.", "وقال", "شهود عيان", "unnamed-group"),
    ("ويرى متابعون أن الحكومة ستعتقل المعارضين.", "ويرى", "متابعون", "unnamed-group"),
    ("وأفادت وكالة الأنباء الرسمية أن الرئيس التقى السفير.", "وأفادت", "وكالة الأنباء الرسمية",
     "media"),
    ("وأكدت وزارة الدفاع أن الطائرات قصفت مواقع المسلحين.", "وأكدت", "وزارة الدفاع",
     "official-body"),
])
def test_source_and_type_from_common_nouns(bare, text, verb, source, kind):  # noqa: F811
    a = attribution(run(bare, text), verb)
    assert (a.source_text, a.source_type) == (source, kind)


@pytest.mark.parametrize(("text", "verb", "stance"), [
    ("وزعم المتحدث أن القوات انسحبت من المدينة.", "وزعم", "distancing"),
    ("وادعى البيان أن الجيش قصف المستشفى.", "وادعى", "distancing"),
    ("وأكد المسؤول أن الشرطة اعتقلت المشتبه به.", "وأكد", "endorsing"),
    ("ونفى الجيش أن تكون طائراته قصفت السوق.", "ونفى", "denying"),
    ("وأوضح المسؤول أن الوفد غادر العاصمة.", "وأوضح", "neutral"),
    ("وحذر الوزير من أن الميليشيات تحشد قواتها.", "وحذر", "neutral"),
])
def test_stance_by_verb(bare, text, verb, stance):  # noqa: F811
    assert attribution(run(bare, text), verb).stance == stance


def test_person_source_from_entity_and_event_link(bare):  # noqa: F811
    text = "وقال وزير الخارجية سامح شكري إن مصر أرسلت مساعدات إلى السودان."
    doc = run(bare, text, entities=[("سامح شكري", "e0", "PERSON", "EGY")],
              places=[("مصر", "EGY", "country", True), ("السودان", "SDN", "country", False)])
    a = attribution(doc, "وقال")
    assert a.source_type == "person" and a.source_entity == "e0"
    aid = [e for e in doc._.events if e.type == "AID"]
    assert aid and aid[0].attribution == a.id and a.events == [aid[0].id]
    assert doc.text[a.content.start : a.content.end].startswith("مصر أرسلت")


def test_denial_negates_the_reported_event(bare):  # noqa: F811
    doc = run(bare, "ونفى الجيش أن تكون طائراته قصفت السوق.")
    assault = [e for e in doc._.events if e.type == "ASSAULT"]
    assert assault and assault[0].negated and assault[0].attribution == "a0"


def test_relay_source_after_an(bare):  # noqa: F811
    doc = run(bare, "ونقلت الصحيفة عن مسؤول أمني أن الشرطة اعتقلت ثلاثة أشخاص.")
    a = attribution(doc, "ونقلت")
    assert a.source_text.startswith("مسؤول")


@pytest.mark.parametrize(("text", "verb", "source"), [
    ("وتندرج الزيارة بحسب مصادر مطلعة ضمن الأهداف المالية.", "بحسب", "مصادر مطلعة"),
    ("وفقا لوكالة الأنباء، اعتقلت الشرطة عشرة أشخاص.", "وفقا ل", "وكالة الأنباء"),
    ("وتمثل المنطقة خطا أحمر، حسبما أكد الرئيس عبد الفتاح السيسي.", "حسبما أكد",
     "الرئيس عبد الفتاح السيسي"),
])
def test_prepositional_attributions(bare, text, verb, source):  # noqa: F811
    doc = run(bare, text, ents=[("عبد الفتاح السيسي", "PERSON")] if "السيسي" in text else [])
    a = attribution(doc, verb.split()[0])
    assert a.source_text == source and a.verb.startswith(verb.split()[0])


def test_hasbama_akkada_is_one_attribution(bare):  # noqa: F811
    doc = run(bare, "وتمثل المنطقة خطا أحمر، حسبما أكد الرئيس.")
    assert len(doc._.attributions) == 1 and doc._.attributions[0].stance == "endorsing"


def test_continuation_verb_keeps_the_previous_source(bare):  # noqa: F811
    text = "وأفادت وكالة الأناضول أن الوزير التقى نظيره. وأضافت إن الاجتماع تناول الأزمة."
    doc = run(bare, text, entities=[("وكالة الأناضول", "e0", "ORG", "TUR")])
    second = attribution(doc, "وأضافت")
    assert second.source_entity == "e0" and second.source_type == "media"


def test_writer_voice_is_no_attribution(bare):  # noqa: F811
    doc = run(bare, "يذكر أن الرئيس التقى أمير قطر قبل أسبوعين.")
    assert doc._.attributions == []


def test_participle_continues_the_speaker(bare):  # noqa: F811
    text = "وتحدث الوزير خلوصي أكار في الحفل، قائلا إن الاتفاقيتين قانونيتان."
    doc = run(bare, text, entities=[("خلوصي أكار", "e0", "PERSON", "TUR")])
    a = attribution(doc, "قائلا")
    assert a.source_entity == "e0"


def test_kana_subject_is_the_source(bare):  # noqa: F811
    text = "وكانت غرفة العمليات، التابعة للجيش، أكدت الأحد وصول تعزيزات كبيرة إلى المدينة."
    a = attribution(run(bare, text), "أكدت")
    assert a.source_text.startswith("غرفة") and a.source_type == "official-body"


def test_masdar_after_a_preposition_is_no_reporting_verb(bare):  # noqa: F811
    doc = run(bare, "ووقع الوزيران السجل دون ذكر المزيد من التفاصيل.")
    assert doc._.attributions == []
