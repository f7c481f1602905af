"""Temporal expressions: recognition, TIMEX3 values against the publication date, exact
offsets, look-alikes, and the spaCy component. Sentences written for these tests; the
anchor is Monday 6 July 2020 (ISO week 2020-W28) unless said otherwise."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy

from marsad.ingest.document import Document
from marsad.text.tokenizer import ArabicTokenizer
from marsad.time import tag
from marsad.time.alternation import alternation
from marsad.time.component import governing_time
from marsad.time.months import month_names

MONDAY = dt.date(2020, 7, 6)


def values(text: str, anchor: dt.date | None = MONDAY) -> list[tuple[str, str, str, bool]]:
    return [(t.text, t.type, t.value, t.approximate) for t in tag(text, anchor)]


CASES = {
    # weekdays, with and without اليوم/يوم and modifiers; a bare one is the last one
    "weekday_today": ("وصل الوزير إلى أنقرة اليوم الاثنين في زيارة رسمية.",
                      [("اليوم الاثنين", "DATE", "2020-07-06", False)]),
    "weekday_bracketed": ("قال المتحدث اليوم (الاثنين) إن المحادثات مستمرة.",
                          [("اليوم (الاثنين)", "DATE", "2020-07-06", False)]),
    "weekday_bare_past": ("أكدت الغرفة الأحد وصول التعزيزات.",
                          [("الأحد", "DATE", "2020-07-05", False)]),
    "weekday_bare_today": ("عقد المجلس الاثنين جلسة طارئة.",
                           [("الاثنين", "DATE", "2020-07-06", False)]),
    "weekday_last": ("التقى الطرفان يوم الخميس الماضي في القاهرة.",
                     [("يوم الخميس الماضي", "DATE", "2020-07-02", False)]),
    "weekday_next": ("تنطلق الجولة الثانية السبت المقبل.",
                     [("السبت المقبل", "DATE", "2020-07-11", False)]),
    "weekday_next_same": ("تعقد القمة الاثنين القادم في الرياض.",
                          [("الاثنين القادم", "DATE", "2020-07-13", False)]),
    "weekday_future_verb": ("سيزور الرئيس باريس الخميس لبحث الأزمة.",
                            [("الخميس", "DATE", "2020-07-09", False)]),
    "weekday_with_date": ("افتتح المعرض يوم الخميس 2 يوليو 2020 في جدة.",
                          [("يوم الخميس 2 يوليو 2020", "DATE", "2020-07-02", False)]),
    # days relative to publication
    "yesterday": ("وكان الوزير قد صرح أمس بأن الاتفاق قريب.",
                  [("أمس", "DATE", "2020-07-05", False)]),
    "yesterday_clitic": ("وبالأمس أعلنت الشرطة القبض على المشتبه به.",
                         [("الأمس", "DATE", "2020-07-05", False)]),
    "day_before_yesterday": ("غادر الوفد أول أمس متوجها إلى تونس.",
                             [("أول أمس", "DATE", "2020-07-04", False)]),
    "tomorrow_weekday": ("تستأنف المفاوضات غدا الثلاثاء في جنيف.",
                         [("غدا الثلاثاء", "DATE", "2020-07-07", False)]),
    "after_tomorrow": ("تصل البعثة بعد غد إلى بغداد.",
                       [("بعد غد", "DATE", "2020-07-08", False)]),
    # Gregorian months in all their names, numeric dates, Eastern digits
    "month_current": ("وفي 4 يوليو الجاري أطلق الوزير تصريحات.",
                      [("4 يوليو الجاري", "DATE", "2020-07-04", False)]),
    "month_levantine": ("وقعت الحكومة الاتفاق في 14 تموز 2015 بعد مفاوضات.",
                        [("14 تموز 2015", "DATE", "2015-07-14", False)]),
    "month_levantine_two_words": ("صدر القرار مطلع كانون الثاني الماضي.",
                                  [("مطلع كانون الثاني الماضي", "DATE", "2020-01", False)]),
    "month_maghrebi": ("انطلقت الاحتجاجات في 22 فيفري 2019 بالجزائر.",
                       [("22 فيفري 2019", "DATE", "2019-02-22", False)]),
    "month_maghrebi_juillet": ("تجرى الانتخابات يوم 12 جويلية المقبل.",
                               [("يوم 12 جويلية المقبل", "DATE", "2020-07-12", False)]),
    "month_double_name": ("أبرم الاتفاق في 2 يوليو (تموز) الماضي.",
                          [("2 يوليو (تموز) الماضي", "DATE", "2020-07-02", False)]),
    "month_alone": ("ارتفعت الأسعار في يناير بسبب الطلب.",
                    [("يناير", "DATE", "2020-01", False)]),
    "month_last_year": ("جرت الانتخابات في يوليو الماضي وسط مقاطعة.",
                        [("يوليو الماضي", "DATE", "2019-07", False)]),
    "numeric": ("نشرت الجريدة الرسمية القرار بتاريخ 6/7/2020 .",
                [("6/7/2020", "DATE", "2020-07-06", False)]),
    "numeric_eastern": ("صدر المرسوم في ٦-٧-٢٠٢٠ عن الرئاسة.",
                        [("٦-٧-٢٠٢٠", "DATE", "2020-07-06", False)]),
    "eastern_digits_month": ("عقد الاجتماع في ١٥ مارس ٢٠١٩ بالعاصمة.",
                             [("١٥ مارس ٢٠١٩", "DATE", "2019-03-15", False)]),
    # years (classifier dropped), decades, centuries, quarters
    "year_classifier": ("تأسست الشركة في عام 2005 في دبي.", [("2005", "DATE", "2005", False)]),
    "year_era": ("افتتح المتحف سنة 1998م.", [("1998م", "DATE", "1998", False)]),
    "decade": ("عرفت المدينة ازدهارا في الثمانينيات.", [("الثمانينيات", "DATE", "198", False)]),
    "decade_century": ("بني الجسر في سبعينيات القرن الماضي.",
                       [("سبعينيات القرن الماضي", "DATE", "197", False)]),
    "century": ("شهد القرن العشرين حربين عالميتين.", [("القرن العشرين", "DATE", "19", False)]),
    "quarter": ("تراجعت الأرباح في الربع الثالث من العام الجاري.",
                [("الربع الثالث من العام الجاري", "DATE", "2020-Q3", False)]),
    # calendar periods relative to publication
    "last_week": ("اندلعت المواجهات الأسبوع الماضي في عدة مدن.",
                  [("الأسبوع الماضي", "DATE", "2020-W27", False)]),
    "this_week": ("تتواصل الاجتماعات خلال الأسبوع الجاري في الدوحة.",
                  [("الأسبوع الجاري", "DATE", "2020-W28", False)]),
    "last_month": ("وقعت الحادثة الشهر الماضي قرب الحدود.",
                   [("الشهر الماضي", "DATE", "2020-06", False)]),
    "next_month_start": ("تبدأ المرحلة الثانية مطلع الشهر المقبل.",
                         [("مطلع الشهر المقبل", "DATE", "2020-08", False)]),
    "this_year": ("تضاعفت الصادرات هذا العام رغم الجائحة.", [("هذا العام", "DATE", "2020", False)]),
    # counted from publication, with words, duals and approximation
    "ago_weeks_approx": ("التقى أمير قطر قبل نحو أسبوعين في الدوحة.",
                         [("قبل نحو أسبوعين", "DATE", "2020-06-22", True)]),
    "ago_month_approx": ("أكد الرئيس ذلك قبل نحو شهر خلال جولة تفقدية.",
                         [("قبل نحو شهر", "DATE", "2020-06-06", True)]),
    "ago_weeks_digits": ("انطلقت الحملة قبل 7 أسابيع في الشمال.",
                         [("قبل 7 أسابيع", "DATE", "2020-05-18", False)]),
    "ago_days_words": ("اختفى الصحفي منذ ثلاثة أيام في بيروت.",
                       [("منذ ثلاثة أيام", "DATE", "2020-07-03", False)]),
    "ago_dual_months": ("أعلنت الشركة إفلاسها قبل شهرين.",
                        [("قبل شهرين", "DATE", "2020-05-06", False)]),
    "after_days_dual": ("تعود البعثة بعد يومين إلى القاهرة.",
                        [("بعد يومين", "DATE", "2020-07-08", False)]),
    "recent_days": ("هددت أنقرة خلال الأيام الماضية بتوسيع دعمها.",
                    [("الأيام الماضية", "DURATION", "PXD", False)]),
    "recent_counted": ("تضاعفت الهجمات خلال العامين الماضيين في الإقليم.",
                       [("العامين الماضيين", "DURATION", "P2Y", False)]),
    # durations, clock times, parts of day, sets
    "duration_accusative": ("استمرت الحملة 14 شهرا قبل أن تتوقف.",
                            [("14 شهرا", "DURATION", "P14M", False)]),
    "duration_for": ("أغلقت المعابر لمدة ثلاثة أيام متتالية.",
                     [("ثلاثة أيام", "DURATION", "P3D", False)]),
    "duration_from_event": ("وصل الوزير بعد يوم من زيارته إلى الدوحة.",
                            [("يوم", "DURATION", "P1D", False)]),
    "clock_evening": ("يبدأ حظر التجول الساعة العاشرة مساء في العاصمة.",
                      [("الساعة العاشرة مساء", "TIME", "2020-07-06T22:00", False)]),
    "clock_with_day": ("انفجرت العبوة الساعة 10:30 صباح أمس قرب السوق.",
                       [("الساعة 10:30 صباح أمس", "TIME", "2020-07-05T10:30", False)]),
    "part_of_day": ("هبطت الطائرة صباح الاثنين في مطار قرطاج.",
                    [("صباح الاثنين", "TIME", "2020-07-06TMO", False)]),
    "part_of_day_evening": ("تظاهر المئات مساء أمس (الأحد) أمام البرلمان.",
                            [("مساء أمس (الأحد)", "TIME", "2020-07-05TEV", False)]),
    "tonight": ("تبث القناة المقابلة الليلة بعد نشرة الأخبار.",
                [("الليلة", "TIME", "2020-07-06TNI", False)]),
    "set_friday": ("يتظاهر السكان كل يوم جمعة منذ بداية الأزمة.",
                   [("كل يوم جمعة", "SET", "P1W", False)]),
    "set_daily": ("ينتج الحقل 500 ألف برميل يوميا.", [("يوميا", "SET", "P1D", False)]),
    # Hijri dates (Umm al-Qura), with the Gregorian equivalent beside them
    "hijri": ("صدر الأمر في 17 شوال 1436هـ الموافق 2 أغسطس 2015م.",
              [("17 شوال 1436هـ", "DATE", "2015-08-02", False),
               ("2 أغسطس 2015م", "DATE", "2015-08-02", False)]),
    "hijri_numeric": ("يبدأ التسجيل يوم الثلاثاء 3/11/1436هـ في جميع المناطق.",
                      [("يوم الثلاثاء 3/11/1436هـ", "DATE", "2015-08-18", False)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_expression_values(name):
    sentence, expected = CASES[name]
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "خرج المتظاهرون في ذكرى ثورة 25 يناير إلى الميادين.",  # a revolution's name
    "نقلت صحيفة اليوم السابع عن مصادر مطلعة أن الوزير استقال.",  # a newspaper
    "وقع الحادث في مدينة العاشر من رمضان شرق القاهرة.",  # a city
    "احتفلت المملكة باليوم الوطني بعروض جوية.",  # a holiday, not today
    "ألقى الخطيب خطبة الجمعة في المسجد الكبير.",  # the prayer, not a date
    "الوضع حاليا مستقر والأمور تتحسن الآن.",  # vague: not times
    "وصل الوفد قبل أيام إلى العاصمة ومكث فيها منذ سنوات.",  # vague: no number
    "مارس الضغط على الحكومة أحد النواب.",  # مارس the verb, أحد "one"
    "استقبل الملك 2030 مشاركا في إطار رؤية 2030.",  # counts and names, not years
])
def test_lookalikes_are_not_times(sentence):
    assert values(sentence) == []


def test_offsets_are_exact_and_leave_proclitics_out():
    text = "وصل الوفد والأحد الماضي عاد، وبعد يومين سافر."
    times = tag(text, MONDAY)
    assert [text[t.start : t.end] for t in times] == [t.text for t in times]
    assert [t.text for t in times] == ["الأحد الماضي", "بعد يومين"]
    assert times[0].start == text.index("والأحد") + 1


def test_no_expression_starts_at_a_conjunction_taken_off_a_word():
    # «واحد» reads as «و» + «احد» (one): a match starting at that «و» used to raise a
    # KeyError and lose the whole document (seen in SaudiNewsNet: «واحد حزيران»)
    text = "قتل شخص واحد حزيران الماضي، وأصيب آخرون اليوم."
    assert values(text, dt.date(2015, 8, 9)) == [
        ("حزيران الماضي", "DATE", "2015-06", False),
        ("اليوم", "DATE", "2015-08-09", False),
    ]


def test_a_word_list_pattern_matches_the_longest_word():
    # the grammar's classes are tries («اسبوع(?:ين|)»), which must read as the words
    # longest first
    pattern = re.compile(alternation(["اسبوع", "ما", "اسبوعين", "ما يقرب من"]))
    assert pattern.match("اسبوعين").group() == "اسبوعين"
    assert pattern.match("اسبوعا").group() == "اسبوع"
    assert pattern.match("ما يقرب من عام").group() == "ما يقرب من"
    assert pattern.match("ما يقارب").group() == "ما"
    assert pattern.match("يوم") is None


def test_weekday_wins_over_an_anchor_a_day_off():
    # an article filed after midnight says «اليوم (الثلاثاء)»: the weekday is trusted
    assert values("قتل جنديان اليوم (الثلاثاء) في إقليم شرناق.", dt.date(2015, 8, 5)) == [
        ("اليوم (الثلاثاء)", "DATE", "2015-08-04", False)]


def test_bare_month_leans_to_the_past():
    august = dt.date(2015, 8, 11)
    assert values("نزلت الأسعار في يناير إلى أدنى مستوى.", august)[0][2] == "2015-01"
    assert values("تنتهي المهلة في ديسمبر المقبل.", august)[0][2] == "2015-12"


def test_without_anchor_absolute_values_stay_and_relative_ones_go():
    text = "وقع الاتفاق في 14 يوليو 2015 ثم التقيا أمس والأحد، ولمدة 3 أيام."
    assert values(text, None) == [
        ("14 يوليو 2015", "DATE", "2015-07-14", False),
        ("الأحد", "DATE", "XXXX-WXX-7", False),
        ("3 أيام", "DURATION", "P3D", False),
    ]


def test_month_names_still_serve_the_dateline_reader():
    names = month_names()
    assert names["يوليو"] == names["تموز"] == names["جويليه"] == 7
    assert names["كانون ثاني"] == 1


# --- the spaCy component ---------------------------------------------------------


@pytest.fixture(scope="module")
def times_nlp():
    import marsad.components  # noqa: F401  (registers the factories)
    from marsad.doc import register_extensions

    register_extensions()
    nlp = spacy.blank("ar")
    nlp.tokenizer = ArabicTokenizer(nlp.vocab)
    nlp.add_pipe("marsad_sentencizer")
    nlp.add_pipe("marsad_times")
    return nlp


def _doc(nlp, text: str, published: dt.date | None):
    doc = nlp.make_doc(text)
    doc._.document = Document(text=text, origin="<test>", published=published)
    return nlp(doc)


def test_component_writes_records_and_spans(times_nlp):
    text = "وصل الوزير اليوم الاثنين بعد يوم من زيارته، والتقى الرئيس الأحد."
    doc = _doc(times_nlp, text, MONDAY)
    assert [(t.text, t.value) for t in doc._.times] == [
        ("اليوم الاثنين", "2020-07-06"), ("يوم", "P1D"), ("الأحد", "2020-07-05")]
    spans = doc.spans["times"]
    assert [s.id_ for s in spans] == ["t0", "t1", "t2"]
    assert [s.label_ for s in spans] == ["DATE", "DURATION", "DATE"]
    assert spans[2]._.timex == doc._.times[2]
    assert spans[0].start_char == doc._.times[0].start


def test_component_without_date_warns_about_what_it_left_out(times_nlp):
    doc = _doc(times_nlp, "اجتمع الطرفان أمس وقبل أسبوعين في 4 يوليو 2019.", None)
    assert [t.value for t in doc._.times] == ["2019-07-04"]
    assert any("2 relative time expression(s) left out" in w for w in doc._.warnings)


def test_governing_time_prefers_a_date_in_the_sentence(times_nlp):
    text = ("استمرت الحملة 14 شهرا، ثم أعلن الجيش أمس انسحابه من المدينة. "
            "وتواصل القصف في القرى المجاورة.")
    doc = _doc(times_nlp, text, MONDAY)
    withdrawal = next(t for t in doc if t.text == "انسحابه")
    clause = doc[withdrawal.i : withdrawal.i + 3]
    assert governing_time(doc, clause).value == "2020-07-05"  # أمس, not the duration
    shelling = next(t for t in doc if t.text == "القصف")
    assert governing_time(doc, doc[shelling.i : shelling.i + 1]) is None
