"""ASSAULT sentence detection on our own sentences, scored like the GSR (yes vs no).

"yes": the sentence itself reports a specific attack. "no": hard negatives of the kinds
the GSR annotators reject: foiled, planned, denied, metaphorical, sport, condemned in
general, or only background. Written for this test; not from any corpus.
"""

from __future__ import annotations

import pytest

import marsad.components  # noqa: F401  (registers the factories)
from marsad.events.component import reported
from marsad.pipeline import load

YES = [
    "قصفت طائرات حربية مواقع للمسلحين شمال المدينة فجر اليوم.",
    "وشنت المقاتلات غارات على بلدة في ريف إدلب أمس.",
    "اغتال مسلحون مجهولون ضابطا في الشرطة أمام منزله.",
    "وأطلق قناص النار على المتظاهرين في الساحة الرئيسية.",
    "فجر انتحاري نفسه في سوق شعبي مزدحم بالعاصمة.",
    "وانفجرت سيارة مفخخة قرب مبنى المحافظة صباح الأحد.",
    "اختطف مسلحون ثلاثة مهندسين أجانب على الطريق السريع.",
    "وهاجم عناصر من التنظيم نقطة تفتيش للجيش ليلا.",
    "واستهدفت طائرة مسيرة سيارة تقل قياديين في الحركة.",
    "وقتل الجنود خمسة مدنيين خلال مداهمة القرية.",
    "واشتبكت قوات الأمن مع مسلحين في حي الزهور.",
    "وقصفت المدفعية أحياء سكنية في المدينة المحاصرة.",
    "وأطلقت الشرطة الغاز المسيل للدموع على المحتجين.",
    "وطعن شاب حارس الأمن بسكين عند مدخل المبنى.",
    "ودمرت الجرافات عشرات المنازل في القرية.",
    "وعذب السجانون المعتقلين داخل مركز الاحتجاز.",
    "وشن المتمردون هجوما على قاعدة عسكرية في الجنوب.",
    "ورشق مستوطنون سيارات الفلسطينيين بالحجارة.",
    "وأعدم التنظيم رهينتين في الساحة العامة.",
    "واعتدى أفراد من الشرطة بالضرب على صحفي أثناء التغطية.",
    "وفتح مسلح النار على رواد المقهى.",
    "أطلقت الفصائل صواريخ على المستوطنات المجاورة.",
]

NO = [
    "وأحبطت الشرطة هجوما كان يستهدف مركز الاقتراع.",
    "وتستعد القوات لشن هجوم على المدينة خلال الأيام المقبلة.",
    "ونفى الجيش أن تكون طائراته قصفت السوق.",
    "ولم تهاجم القوات الحكومية المدينة رغم التهديدات.",
    "ودعا الكاتب إلى التوقف عن الهجوم على الآراء المخالفة.",
    "وهاجم الوزير المعارضة بشدة في تصريحات صحفية.",
    "وسجل المهاجم هدف الفوز في الدقيقة الأخيرة من المباراة.",
    "وشن الفريق هجوما مكثفا على مرمى المنافس في الشوط الثاني.",
    "يبقى خطر الهجمات الإرهابية قائما في المنطقة.",
    "وتعهد الرئيس بمكافحة الإرهاب بكل الوسائل.",
    "وهدد التنظيم بتنفيذ هجمات جديدة في العاصمة.",
    "في حال تقدمت القوات فإنها ستقصف المدينة.",
    "وناقش المؤتمر أسباب العنف في المجتمعات الحديثة.",
    "وقد يستهدف المسلحون الطرق الرئيسية وفق التقديرات.",
    "وشهدت المدينة هدوءا حذرا بعد أسابيع من التوتر.",
    "وطالبت المنظمة بالتحقيق في الانتهاكات.",
    "وأعلنت الحكومة خطة لمواجهة الهجمات الإلكترونية.",
    "وسيقصف الطيران مواقع التنظيم إذا رفض الانسحاب.",
    "واستقبل الرئيس قائد الجيش في القصر الجمهوري.",
    "وتحدث الخبير عن تاريخ الحروب في المنطقة.",
]


@pytest.fixture(scope="module")
def bare():
    return load(only=["marsad_sentencizer", "marsad_events"])


def fires(nlp, text: str) -> bool:
    return any(e.type == "ASSAULT" and reported(e) for e in nlp(text)._.events)


def test_assault_detection_f1(bare):
    tp = sum(fires(bare, s) for s in YES)
    fp = sum(fires(bare, s) for s in NO)
    precision, recall = tp / max(tp + fp, 1), tp / len(YES)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    assert f1 >= 0.85, (precision, recall)


@pytest.mark.parametrize("text", NO)
def test_hard_negatives_do_not_fire(bare, text):
    assert not fires(bare, text)


def test_modes(bare):
    modes = {s: {e.mode for e in bare(s)._.events if e.type == "ASSAULT"} for s in YES}
    assert "aerial" in modes[YES[1]]
    assert "suicide-attack" in modes[YES[4]]
    assert "abduct" in modes[YES[6]]
    assert "drone" in modes[YES[8]]
    assert "crowd-control" in modes[YES[12]]
    assert "primitive" in modes[YES[13]]
