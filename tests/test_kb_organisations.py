"""Organisations through the full pipeline: bodies named after a place, a leader or a
side, with the country and sector a careful reader gives them (the places stage must
have resolved the place, so these run the whole pipeline)."""

from __future__ import annotations

import pytest

import marsad


def organisations(nlp, text: str, date: str) -> dict[str, tuple]:
    analysis = marsad.analyze(text, date, nlp=nlp)
    return {e.name: (e.country, e.sector) for e in analysis.entities if e.type == "ORG"}


@pytest.mark.parametrize(("text", "date", "name", "country", "sector"), [
    # a head and a city: the city's country, the head's sector
    ("قالت سلطات دمشق إن الحدود ستفتح.", "2025-02-01", "سلطات دمشق", "SYR", "GOV"),
    ("رفضت حكومة عدن الاتفاق.", "2020-06-01", "حكومة عدن", "YEM", "GOV"),
    ("قالت شرطة دبي إنها اعتقلت المشتبه به.", "2020-06-01", "شرطة دبي", "ARE", "COP"),
    # a construct chain may come between («جنايات»: the court's branch)
    ("قضت محكمة جنايات القاهرة بسجن المتهمين.", "2020-01-01", "محكمة جنايات القاهرة", "EGY",
     "JUD"),
    # forces of a titled leader end with his title: the name is his own mention
    ("تقدمت قوات الرئيس السابق علي عبد الله صالح نحو عدن.", "2015-03-26",
     "قوات الرئيس السابق", "YEM", "MIL"),
    # the forces or militias of a leader: his country; his side if it is armed
    ("قصفت ميليشيات حفتر مواقع جنوب طرابلس.", "2020-01-05", "ميليشيات حفتر", "LBY", "MIL"),
    ("تقدمت قوات الأسد نحو إدلب.", "2020-01-05", "قوات الأسد", "SYR", "MIL"),
    ("هاجمت قوات حميدتي الخرطوم.", "2023-05-01", "قوات حميدتي", "SDN", "REB"),
    # the forces of a side: its sector when armed, else MIL
    ("اشتبكت قوات المجلس الانتقالي الجنوبي مع الحرس الرئاسي.", "2019-08-10",
     "قوات المجلس الانتقالي الجنوبي", "YEM", "REB"),
    ("تقدمت قوات حكومة الوفاق نحو سرت.", "2020-06-01", "قوات حكومة الوفاق", "LBY", "MIL"),
    # a city whose name begins with a letter that is also a clitic («بورتسودان»)
    ("رحبت حكومة بورتسودان بالمبادرة.", "2024-05-01", "حكومة بورتسودان", "SDN", "GOV"),
    # a direction before the country; a country whose name is one («جنوب السودان»)
    ("قالت قوات شرق ليبيا إن الهدنة صامدة.", "2024-05-01", "قوات شرق ليبيا", "LBY", "MIL"),
    ("قالت حكومة جنوب السودان إن الهدنة صامدة.", "2024-05-01", "حكومة جنوب السودان",
     "SSD", "GOV"),
    # the opposition's fighters are rebels; a court's adjective before its nisba
    ("انسحبت فصائل المعارضة السورية من البلدة.", "2019-05-01", "فصائل المعارضة السورية",
     "SYR", "REB"),
    ("رفضت المحكمة العليا الإسرائيلية الالتماس.", "2019-05-01", "المحكمة العليا الإسرائيلية",
     "ISR", "JUD"),
])
def test_bodies_named_after_a_place_a_leader_or_a_side(nlp, text, date, name, country, sector):
    assert organisations(nlp, text, date)[name] == (country, sector)


def test_chaired_by_is_no_body_and_the_prosecutor_general_is_an_office(nlp):
    text = "أعلنت النيابة العامة السعودية برئاسة النائب العام سعود المعجب أن التحقيقات انتهت."
    analysis = marsad.analyze(text, "2018-10-20", nlp=nlp)
    got = {e.name: (e.type, e.roles, e.country, e.sector) for e in analysis.entities}
    assert "رئاسة النائب العام" not in got and "برئاسة النائب العام" not in got
    # a national office named without its country: the body before it in its sentence
    assert got["سعود المعجب"] == ("PERSON", ["المدعي العام"], "SAU", "JUD")
    assert got["النيابة العامة السعودية"] == ("ORG", [], "SAU", "JUD")


@pytest.mark.parametrize(("text", "date", "expected"), [
    # NER's one span over the subject and the object is two organisations
    ("اتهمت قوات الدعم السريع الجيش السوداني بقصف الفاشر.", "2024-06-01",
     {"قوات الدعم السريع": ("SDN", "REB"), "القوات المسلحة السودانية": ("SDN", "MIL")}),
    # a construct head before a name NER found begins the name and gives the sector
    ("وقعت الوزارة اتفاقا مع شركة كونوكو فيليبس الأمريكية.", "2022-01-01",
     {"شركة كونوكو فيليبس الأمريكية": ("USA", "BUS")}),
    # «الإدارة» with a nisba is a government, the club's is the club's; «قضاء» before a
    # place is a district
    ("قالت الإدارة السورية إن الشرطة في قضاء القرنة اعتقلت مشتبها.", "2020-06-01",
     {"الإدارة السورية": ("SYR", "GOV")}),
    # a university named after its city is of the city's country, unless the KB says
    # otherwise («جامعة كولومبيا» is in New York)
    ("درس في جامعة أكسفورد ثم عمل في شركة بوناتي.", "2015-06-01",
     {"جامعة أكسفورد": ("GBR", "EDU")}),
    ("تخرج في جامعة القاهرة وحاضر في جامعة كولومبيا.", "2015-06-01",
     {"جامعة القاهرة": ("EGY", "EDU"), "جامعة كولومبيا": ("USA", "EDU")}),
])
def test_organisations_split_extended_and_read(nlp, text, date, expected):
    got = organisations(nlp, text, date)
    assert {name: got.get(name) for name in expected} == expected
    assert not any(name.startswith("قضاء") for name in got)


def test_forces_sent_to_a_city_are_no_body_of_it(nlp):
    # «لطرابلس» is "to Tripoli": the places stage read the city after the «ل»
    got = organisations(nlp, "أرسلت تركيا قوات لطرابلس لدعم حكومة الوفاق.", "2020-06-01")
    assert "قوات لطرابلس" not in got and got["حكومة الوفاق الوطني"] == ("LBY", "GOV")


def mentions(nlp, text: str, date: str) -> dict[str, tuple]:
    analysis = marsad.analyze(text, date, nlp=nlp)
    return {e.name: (e.country, e.sector, [m.text for m in e.mentions])
            for e in analysis.entities if e.type == "ORG"}


@pytest.mark.parametrize(("text", "date", "name", "expected"), [
    # a head alone names the one body named before with that head
    ("قصف الجيش السوداني مواقع في الخرطوم. وقال الجيش إنه سيطر على الجسر.", "2023-06-01",
     "القوات المسلحة السودانية", ("SDN", "MIL", ["الجيش السوداني", "الجيش"])),
    ("أعلنت وزارة الداخلية السعودية القبض على خلية. وأكدت الوزارة أن التحقيق مستمر.",
     "2023-06-01", "وزارة الداخلية السعودية",
     ("SAU", "GOV", ["وزارة الداخلية السعودية", "الوزارة"])),
    # a parliament named alone takes the country its sentence names, once for both mentions
    ("أعلنت حركة النهضة التونسية رفضها قرارات الرئيس قيس سعيد تجميد عمل البرلمان، ودعت "
     "أنصارها إلى الاعتصام أمام مقر البرلمان.", "2021-07-26", "البرلمان",
     ("TUN", "LEG", ["البرلمان", "البرلمان"])),
    # «برئاسة الجمهورية» is «ب» + the presidency, not "chaired by"
    ("وقال مصدر برئاسة الجمهورية الجزائرية إن الزيارة تأجلت.", "2021-01-01",
     "رئاسة الجمهورية الجزائرية", ("DZA", "GOV", ["رئاسة الجمهورية الجزائرية"])),
])
def test_bodies_named_again_or_alone(nlp, text, date, name, expected):
    assert mentions(nlp, text, date)[name] == expected


@pytest.mark.parametrize(("text", "date"), [
    # two councils before: «المجلس» could be either
    ("اجتمع مجلس الأمن الدولي، فيما دعا مجلس التعاون الخليجي إلى التهدئة. وقال المجلس إن "
     "الحوار هو الحل.", "2021-01-01"),
    # no government named before, and a government is not a domestic body
    ("قالت الحكومة إن إيران تدعم الحوثيين.", "2021-01-01"),
    # «الحكومة الجديدة» may be another government than the one named before
    ("استقالت الحكومة العراقية. وستشكل الحكومة الجديدة خلال شهر.", "2021-01-01"),
])
def test_heads_alone_that_name_no_body(nlp, text, date):
    got = mentions(nlp, text, date)
    assert not {"المجلس", "الحكومة"} & set(got)
    assert all(len(m) == 1 for _, _, m in got.values())


@pytest.mark.parametrize(("text", "name"), [
    # the parliament of a visit may be the guest's
    ("زار وزير الخارجية الإيراني لبنان والتقى رئيس البرلمان.", "البرلمان"),
    # what follows a body is mostly what it acts on: a convict, a target, a diplomat
    ("قضت المحكمة بسجن مواطن مصري اعتقل في السعودية.", "المحكمة"),
    ("طالب البرلمان بطرد السفير الأمريكي من البلاد.", "البرلمان"),
    ("انتقد البرلمان تصريحات الرئيس الفرنسي إيمانويل ماكرون.", "البرلمان"),
    ("وقالت الشرطة إن سائحا بريطانيا قتل.", "الشرطة"),
    ("أصدرت المحكمة حكما غيابيا بحق رئيس الوزراء الإسرائيلي بنيامين نتنياهو.", "المحكمة"),
])
def test_a_domestic_body_takes_no_country_from_a_meeting_or_what_it_acts_on(nlp, text, name):
    got = mentions(nlp, text, "2021-01-01")
    assert name not in got
    got = mentions(nlp, "وافق مجلس النواب على فرض عقوبات على روسيا.", "2021-01-01")
    assert got["مجلس النواب"][0] is None


def test_a_domestic_body_takes_a_country_or_capital_named_before_it(nlp):
    got = mentions(nlp, "قضت المحكمة الاتحادية العليا في العراق بإنهاء عضوية رئيس مجلس "
                        "النواب محمد الحلبوسي.", "2023-11-14")
    assert got["مجلس النواب"][:2] == ("IRQ", "LEG")
    got = mentions(nlp, "وفي طهران، أعلن عضو مجلس الشورى أن البرلمان يريد الاطلاع على "
                        "الاتفاق.", "2015-07-20")
    assert got["البرلمان"][:2] == ("IRN", "LEG")


@pytest.mark.parametrize(("text", "date", "name", "country"), [
    # a government body takes the country of the people and civil bodies before it
    ("أعلن قائد الجيش السوداني عبد الفتاح البرهان حل مجلس السيادة الانتقالي ومجلس "
     "الوزراء.", "2021-10-25", "مجلس الوزراء", "SDN"),
    ("أعلنت حركة النهضة التونسية رفضها قرارات الرئيس قيس سعيد تجميد عمل البرلمان وإقالة "
     "الحكومة.", "2021-07-26", "الحكومة", "TUN"),
    # a state's news agency speaks for its state; other media do not
    ("نقلت وكالة الأنباء السعودية (واس) عن بيان لوزارة الداخلية أنه نفذ حكم القتل بحق "
     "مدانين.", "2023-06-12", "وزارة الداخلية", "SAU"),
    ("ذكرت وكالة فرانس برس أن وزارة الداخلية اعتقلت عشرة أشخاص.", "2023-06-12",
     "وزارة الداخلية", None),
    # after an army or a country that strikes, the ministry may be the side struck
    ("قصف الجيش الإسرائيلي مدرسة، وقالت وزارة الصحة إن عشرين شخصا قتلوا.", "2024-01-10",
     "وزارة الصحة", None),
    ("قصفت إسرائيل مدرسة، وقالت وزارة الصحة إن عشرين شخصا قتلوا.", "2024-01-10",
     "وزارة الصحة", None),
    # the place right after a body and «في» is where it is
    ("أعلنت وزارة الصحة في غزة أن حصيلة القتلى تجاوزت 40 ألفا.", "2024-08-15",
     "وزارة الصحة", "PSE"),
    ("نسف الجيش الإسرائيلي مبنى جامعة الإسراء في غزة.", "2024-01-17", "جامعة الإسراء",
     "PSE"),
])
def test_a_government_body_named_without_its_country(nlp, text, date, name, country):
    assert organisations(nlp, text, date)[name][0] == country


@pytest.mark.parametrize("text", [
    # a foreign minister or a head of government speaks of other states' governments
    "وحث وزير الخارجية الأمريكي مايك بومبيو الحكومة على تنفيذ إصلاحات تنقذ الاقتصاد "
    "اللبناني.",
    "قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن العملية ستستمر، بينما أعلنت وزارة "
    "الصحة ارتفاع عدد القتلى.",
])
def test_a_government_body_takes_no_country_from_who_speaks_abroad(nlp, text):
    got = organisations(nlp, text, "2020-01-01")
    assert all(country is None for name, (country, _) in got.items()
               if name in ("الحكومة", "وزارة الصحة"))


def test_the_office_of_an_igo_official_and_a_title_speaking_in_a_body(nlp):
    got = organisations(nlp, "وقال مكتب الأمين العام للأمم المتحدة إن الأمين العام قلق.",
                        "2024-02-01")
    assert got["مكتب الأمين العام للأمم المتحدة"] == (None, "IGO")
    # «في البرلمان التركي» is where the president spoke, not his office's body
    analysis = marsad.analyze("وقال الرئيس التركي في البرلمان التركي إن بلاده لن تتراجع.",
                              "2020-01-01", nlp=nlp)
    assert [(e.kb_id, e.roles) for e in analysis.entities if e.type == "PERSON"] == \
        [("tur.erdogan", ["الرئيس"])]


def test_a_company_speaks_for_no_country_and_a_head_alone_is_nowhere(nlp):
    got = organisations(nlp, "نشر التنظيم بيانا على «تويتر» قال فيه إن المنفذ قتل، لكن وزير "
                             "الدولة في وزارة الداخلية رفيق الشلي قال إنه تونسي.", "2015-07-01")
    assert got["وزارة الداخلية"][0] is None
    assert "جامعة" not in organisations(nlp, "هي جامعة بحثية عامة في لشبونة.", "2015-07-01")


def test_the_office_of_a_holder_named_by_title_is_a_government_body(nlp):
    got = organisations(nlp, "أعلن مكتب رئيس الوزراء الإسرائيلي أن الوفد سيتوجه إلى القاهرة.",
                        "2024-02-01")
    assert got["مكتب رئيس الوزراء الإسرائيلي"] == ("ISR", "GOV")
    # «في مكتبه»: his office, where he received a guest named by title
    analysis = marsad.analyze("التقى رئيس الوزراء الإسرائيلي بنيامين نتنياهو في مكتبه وزير "
                              "الخارجية الأمريكي.", "2024-02-01", nlp=nlp)
    assert {e.type for e in analysis.entities} == {"PERSON"}


def test_forces_in_a_country_are_not_of_it(nlp):
    got = organisations(nlp, "قالت قوات التحالف في اليمن إنها اعترضت صاروخا.", "2019-01-01")
    assert all(country != "YEM" for name, (country, _) in got.items() if "التحالف" in name)


def test_namesakes_of_two_countries_are_told_apart_by_the_countries_named(nlp):
    got = organisations(nlp, "حقق حزب الشعب الجمهوري المعارض فوزا في الانتخابات البلدية "
                             "التركية، متقدما على حزب العدالة والتنمية الحاكم.", "2024-04-01")
    assert got["حزب العدالة والتنمية التركي"] == ("TUR", "PTY")
    got = organisations(nlp, "تصدر حزب التجمع الوطني للأحرار الانتخابات التشريعية "
                             "المغربية، فيما مني حزب العدالة والتنمية بهزيمة قاسية.",
                        "2021-09-09")
    assert got["حزب العدالة والتنمية المغربي"] == ("MAR", "PTY")
    # nothing tells: a party all the same, of no country
    got = organisations(nlp, "قال حزب العدالة والتنمية إنه سيشارك في الانتخابات.",
                        "2024-04-01")
    assert got == {"حزب العدالة والتنمية": (None, "PTY")}


def test_a_head_alone_after_a_preposition_or_before_a_day_but_not_an_adjective(nlp):
    text = ("قصف الجيش السوداني مواقع. وأشاد قادة الأحزاب بالجيش. وقال الجيش للصحفيين إنه "
            "تقدم. وقال الجيش الثلاثاء إنه صامد.")
    army = mentions(nlp, text, "2023-06-01")["القوات المسلحة السودانية"]
    assert army[2] == ["الجيش السوداني", "الجيش", "الجيش", "الجيش"]
    text = "أكدت منظمة الصحة العالمية أن الوباء انتشر. وتحدث التقرير عن الجريمة المنظمة."
    assert mentions(nlp, text, "2021-01-01")["منظمة الصحة العالمية"][2] == ["منظمة الصحة العالمية"]
    # an intelligence service named again
    text = "قالت المخابرات الأردنية إنها أحبطت مخططا. وقالت المخابرات إن المتهمين اعترفوا."
    assert len(mentions(nlp, text, "2021-01-01")["دائرة المخابرات العامة"][2]) == 2


def test_the_cabinet_the_central_bank_and_who_a_body_spoke_to(nlp):
    got = organisations(nlp, "وافق مجلس الوزراء السعودي على خطة البنك المركزي المصري.",
                        "2023-01-01")
    assert got["مجلس الوزراء السعودي"] == ("SAU", "GOV")
    assert got["البنك المركزي المصري"] == ("EGY", "GOV")
    # «لوكالة فرانس برس»: the police spoke to the agency, and are not French
    got = organisations(nlp, "قتل 13 شخصا في هجوم على قرية، بحسب ما قالت الشرطة لوكالة "
                             "فرانس برس.", "2015-07-01")
    assert ("FRA", "COP") not in got.values() and "الشرطة" not in got


def test_a_head_alone_does_not_confirm_a_short_name(nlp):
    # «العربية» is an adjective here; «القناة» names some channel, not Al Arabiya
    text = ("عرفت الاتفاقية العربية الإرهاب، وتنقلت الثورات العربية في الجمهوريات العربية. "
            "وتقف وراء تمويل القناة بعض الشخصيات.")
    assert "قناة العربية" not in organisations(nlp, text, "2015-07-01")
