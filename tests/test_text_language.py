import pytest

from marsad.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وصل وزير الخارجية إلى أنقرة اليوم الاثنين في زيارة رسمية.", "ar"),
        ("قال الوزير إن NATO ستجتمع في Brussels الأسبوع المقبل لبحث الأزمة.", "ar"),
        ("The minister arrived in Ankara on Monday for talks with his counterpart.", "en"),
        ("Le ministre est arrivé à Ankara lundi pour des entretiens avec son homologue.", "fr"),
        ("وزیر امور خارجه ایران امروز به آنکارا سفر کرد و با همتای ترک خود گفتگو کرد.", "fa"),
        ("Министр прибыл в Анкару в понедельник.", "ru"),
        ("2020 - 07 - 06 !!! ؟؟", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language
