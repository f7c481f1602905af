"""Sentence boundaries on news copy: punctuation, headlines, quotes, abbreviations."""

import pytest


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير. ثم غادر! هل عاد؟ نعم", ["وصل الوزير.", "ثم غادر!", "هل عاد؟", "نعم"]),
        ("قال الوزير إن الوضع هادئ؛ لكن المعارك استمرت.",
         ["قال الوزير إن الوضع هادئ؛", "لكن المعارك استمرت."]),
        # headlines end at the line break, without punctuation
        ("أنقرة ترسل صواريخ إلى الوفاق\nوزير الدفاع يزور قطر\n\nوصل الوزير اليوم.",
         ["أنقرة ترسل صواريخ إلى الوفاق", "وزير الدفاع يزور قطر", "وصل الوزير اليوم."]),
        # a quotation stays whole with its reporting verb
        ("وقال «لن نتراجع. سنواصل القتال» ثم غادر. وانتهى الاجتماع.",
         ["وقال «لن نتراجع. سنواصل القتال» ثم غادر.", "وانتهى الاجتماع."]),
        ("قال: “انتهت الحرب.” ثم صمت.", ["قال: “انتهت الحرب.”", "ثم صمت."]),
        # the closing quote after a full stop belongs to the sentence it ends
        ('وأضاف "لا تراجع." وغادر.', ['وأضاف "لا تراجع."', "وغادر."]),
        # abbreviations and decimals are not boundaries
        ("التقى د. أحمد زويل بالطلاب. ثم غادر.", ["التقى د. أحمد زويل بالطلاب.", "ثم غادر."]),
        ("نما الاقتصاد 3.5 في المئة. وتراجع التضخم.",
         ["نما الاقتصاد 3.5 في المئة.", "وتراجع التضخم."]),
        ("ذكرت (أ.ف.ب) أن الوفد وصل. وبدأ الاجتماع.",
         ["ذكرت (أ.ف.ب) أن الوفد وصل.", "وبدأ الاجتماع."]),
        # an unbalanced quote mark does not swallow the paragraph
        ('قال "لن نتراجع. وغادر القاعة. وانتهى.', ['قال "لن نتراجع.', "وغادر القاعة.", "وانتهى."]),
    ],
)
def test_sentences(nlp, text, expected):
    assert sentences(nlp, text) == expected


@pytest.mark.shared
def test_seed_article_sentences_and_tokens(nlp, seed_text):
    doc = nlp(seed_text)
    sents = [s for s in doc.sents if s.text.strip()]
    texts = [s.text.strip() for s in sents]
    assert texts[0] == "وزير داخلية الوفاق في أنقرة لاستلام المخطط التركي القطري لسرت"
    assert texts[2] == "أنقرة ترسل إلى الوفاق صواريخ محلية الصنع سبق أن جربتها في سوريا"
    assert texts[-1].startswith("لكن مصر، التي تدعم الجيش الوطني الليبي")
    # the quoted statement stays in the sentence of «وتحدث أكار ... قائلا»
    quoted = next(t for t in texts if "الاتفاقيتان جرتا" in t)
    assert quoted.startswith("وتحدث أكار") and quoted.endswith("المعترف بها دوليا\".")
    assert len(texts) == 30
    tokens = [t.text for t in doc if not t.is_space]
    assert tokens[:4] == ["وزير", "داخلية", "الوفاق", "في"]
    assert "22" in tokens and "سكاريا" in tokens and '"' in tokens
