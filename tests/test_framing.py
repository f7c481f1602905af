"""marsad_framing: loaded terms, actor labels and sourcing scores on real Arabic text.

The component runs here on a tokenizer-only pipeline; what the entities and events
stages would give it (mention spans, attributions) is set by hand.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

import marsad.framing.component  # noqa: F401  (registers marsad_framing)
from marsad.analysis import Attribution, Entity, Mention
from marsad.analysis import Span as SpanRecord
from marsad.framing import learn
from marsad.framing import lexicon as lexicons
from marsad.framing.component import NO_ATTRIBUTIONS
from marsad.framing.labels import bare_phrase
from marsad.framing.lexicon import (
    adjective_forms,
    elative,
    parse_entry,
    verb_forms,
    verbal_noun,
)
from marsad.pipeline import load


@pytest.fixture(scope="module")
def framing_nlp():
    return load(only=["marsad_framing"])


def run(nlp, text: str, attributions=None, entities=None):
    doc = nlp.make_doc(text)
    doc._.warnings = []
    doc._.attributions = attributions
    if entities:
        records, spans = entities
        doc._.entities = records
        doc.spans["entities"] = spans(doc)
    return nlp.get_pipe("marsad_framing")(doc)


def terms(doc) -> dict[str, str]:
    return {t.text: t.category for t in doc._.framing.loaded_terms}


def labels(doc) -> dict[str, list[str]]:
    return {a.actor: a.labels for a in doc._.framing.actor_labels}


@pytest.fixture(scope="module")
def seed_doc(framing_nlp, seed_text):
    return run(framing_nlp, seed_text)


@pytest.mark.parametrize(("quoted", "category"), [
    ("ميليشيات الوفاق", "pejorative-label"),
    ("زعم", "distancing-verb"),
    ("المرتزقة السوريين", "pejorative-label"),
    ("تصريحات استفزازية", "emotive"),
    ("الغرور والمكابرة", "emotive"),
    ("ما يُسمّى", "distancing-quote"),
])
def test_seed_terms_found_with_their_category(seed_doc, quoted, category):
    hits = [t for t in seed_doc._.framing.loaded_terms if quoted in t.text]
    assert hits, f"{quoted} not found"
    assert {t.category for t in hits} == {category}
    for t in hits:
        assert seed_doc.text[t.start : t.end] == t.text


def test_seed_label_asymmetry(seed_doc):
    named = labels(seed_doc)
    assert "ميليشيات" in named["الوفاق"]
    assert named["الجيش الوطني الليبي"] == ["جيش"]
    scores = seed_doc._.framing.scores
    assert scores["distancing_verbs"] == 1
    assert scores["distancing_quotes"] == 1
    assert scores["actors_labelled_pejoratively"] >= 2


def test_neutral_wording_is_offered(seed_doc):
    neutral = {t.text: t.neutral for t in seed_doc._.framing.loaded_terms}
    assert neutral["بالمرتزقة السوريين"] == "مقاتلون أجانب"
    assert "مجموعات مسلحة" in neutral["ميليشيات الوفاق"]


def test_clitics_and_agreement(framing_nlp):
    doc = run(framing_nlp, "وصلت والمرتزقة إلى المدينة، وأدلى بالتصريحات الاستفزازية.")
    found = terms(doc)
    assert found["والمرتزقة"] == "pejorative-label"
    assert found["بالتصريحات الاستفزازية"] == "emotive"


def test_scare_quotes_and_plain_labels(framing_nlp):
    doc = run(framing_nlp, 'تقدم "الثوار" نحو المدينة بينما انسحبت قوات حكومة الوفاق.')
    assert terms(doc) == {'"الثوار"': "distancing-quote"}
    assert labels(doc)["الوفاق"] == ["قوات", "حكومة"]


def test_a_neutral_report_has_no_loaded_terms(framing_nlp):
    doc = run(framing_nlp, "قال المتحدث باسم الحكومة إن الوزير سيزور القاهرة يوم الأحد.")
    assert doc._.framing.loaded_terms == []
    assert doc._.framing.scores["loaded_per_100_words"] == 0


def test_source_scores_null_without_the_events_stage(framing_nlp):
    doc = run(framing_nlp, "زعم الوزير أن الاتفاق قانوني.")
    scores = doc._.framing.scores
    assert scores["claims"] is None
    assert scores["named_source_share"] is None
    assert scores["distancing_verbs"] == 1
    assert NO_ATTRIBUTIONS in doc._.warnings


def _attribution(i: int, source_type: str, stance: str) -> Attribution:
    return Attribution(id=f"a{i}", source_text="x", source_entity=None, source_type=source_type,
                       verb="قال", stance=stance, content=SpanRecord(start=0, end=1), events=[])


def test_source_scores_from_attributions(framing_nlp):
    attributions = [_attribution(1, "person", "neutral"), _attribution(2, "anonymous", "neutral"),
                    _attribution(3, "unnamed-group", "neutral"),
                    _attribution(4, "official-body", "distancing")]
    doc = run(framing_nlp, "قالت مصادر إن الهجوم وقع.", attributions=attributions)
    scores = doc._.framing.scores
    assert scores["claims"] == 4
    assert scores["named_source_share"] == 0.5
    assert scores["anonymous_source_share"] == 0.5
    assert scores["distancing_claims"] == 1
    assert NO_ATTRIBUTIONS not in doc._.warnings


def test_zero_claims_gives_null_shares(framing_nlp):
    scores = run(framing_nlp, "وصل الوفد.", attributions=[])._.framing.scores
    assert scores["claims"] == 0
    assert scores["named_source_share"] is None


def test_entities_name_the_actor(framing_nlp):
    text = "انسحبت ميليشيات خليفة حفتر من مواقع في الجنوب."
    entity = Entity(id="e1", type="PERSON", name="خليفة حفتر", name_en="Khalifa Haftar",
                    kb_id=None, country="LBY", sector=None, roles=[],
                    mentions=[Mention(start=16, end=26, text="خليفة حفتر")])

    def spans(doc):
        span = Span(doc, 2, 4)
        span.id_ = "e1"
        return [span]

    doc = run(framing_nlp, text, entities=([entity], spans))
    assert labels(doc) == {"خليفة حفتر": ["ميليشيات"]}
    assert terms(doc) == {"ميليشيات خليفة حفتر": "pejorative-label"}


def test_lexicon_inflection():
    assert {"ادعي", "ادعت", "ادعوا", "يدعي", "تدعي", "يدعون"} <= set(verb_forms("ادعى", "يدعي"))
    assert adjective_forms("استفزازي")[:2] == ["استفزازي", "استفزازيه"]
    assert adjective_forms("مثير للجدل")[1] == "مثيره للجدل"
    assert parse_entry("مرتزقة|مرتزق => مقاتلون أجانب") == (
        ["مرتزقة", "مرتزق"], "مقاتلون أجانب", [])


def test_bare_phrase_drops_prepositions(framing_nlp):
    doc = framing_nlp.make_doc("للجيش الوطني وبالقوات التركية")
    assert bare_phrase(doc[0:2]) == "الجيش الوطني"
    assert bare_phrase(doc[2:4]) == "القوات التركية"


def test_indefinite_accusative_and_verbal_nouns(framing_nlp):
    found = terms(run(framing_nlp, "خلّف الانفجار دماراً هائلاً، وأدان البيان اقتحام المسجد."))
    assert found["دماراً هائلاً"] == "emotive"  # دمار and هائل, touching: one phrase
    assert found["اقتحام"] == "emotive"  # the verbal noun of اقتحم, generated


def test_readings_a_part_of_speech_cannot_have(framing_nlp):
    # اليمني is not أليم + ني, ساهم not س + أهم, الكرة (ball) not كره (hatred)
    doc = run(framing_nlp, "ساهم الوفد اليمني في تنظيم مباراة الكرة عند الفجر.")
    assert doc._.framing.loaded_terms == []


def test_measures_and_set_phrases_are_not_loaded(framing_nlp):
    plain = run(framing_nlp, "هطلت أمطار قوية على مساحات واسعة، وانتشر الخبر على نطاق واسع.")
    assert plain._.framing.loaded_terms == []
    assert terms(run(framing_nlp, "اتخذت الحكومة خطوة قوية.")) == {"خطوة قوية": "intensifier"}


def test_quoted_emotive_word_keeps_its_category(framing_nlp):
    found = terms(run(framing_nlp, 'وصف الوزير القرار بأنه "سخيف" ويصب الزيت على النار.'))
    assert found["سخيف"] == "emotive"
    assert found["ويصب الزيت على النار"] == "emotive"  # an idiom, clitic and all


def test_touching_loaded_words_merge_into_the_strongest(framing_nlp):
    found = terms(run(framing_nlp, "ندد التقرير بالانتهاكات الممنهجة في السجون."))
    assert found["بالانتهاكات الممنهجة"] == "emotive"  # emotive + intensifier


def test_verbal_nouns_and_new_verb_forms():
    assert verbal_noun("أشعل") == "اشعال"
    assert verbal_noun("استنزف") == "استنزاف"
    assert verbal_noun("هاجم") == "مهاجمه"
    assert [verbal_noun(v) for v in ("زعم", "دمر", "تخاذل")] == [None, None, None]
    assert {"نزعم", "ازعم", "يزعموا", "تزعمون"} <= set(verb_forms("زعم", "يزعم"))
    assert "كبيرا" in adjective_forms("كبير")


def test_verbal_nouns_of_weak_and_doubled_derived_verbs():
    pairs = {"أطاح": "اطاحه", "اجتاح": "اجتياح", "استباح": "استباحه", "اعتدى": "اعتداء",
             "ازدرى": "ازدراء", "ابتز": "ابتزاز", "استخف": "استخفاف", "أبدع": "ابداع"}
    assert {verb: verbal_noun(verb) for verb in pairs} == pairs
    assert "يسيئون" in verb_forms("أساء", "يسيء")  # the hamza sits on ya before -ون


def test_forms_the_coverage_audit_added(framing_nlp):
    found = terms(run(framing_nlp, "أدان البيان اجتياح المدينة وازدراء سكانها، وقال إن "
                                   "المسؤولين ضربوا بعرض الحائط مطالب الضحايا وفرضوا "
                                   "العقاب الجماعي على الأهالي."))
    assert found["اجتياح"] == "emotive"  # the verbal noun of the hollow اجتاح
    assert found["وازدراء"] == "emotive"  # of the defective ازدرى
    assert found["بعرض الحائط"] == "emotive"
    assert found["العقاب الجماعي"] == "emotive"
    # a final hamza seated before a pronoun (دماء → دمائهم), a listed broken plural
    found = terms(run(framing_nlp, "سالت دماؤهم في الشوارع، وقد وصفهم بالأشرار."))
    assert found["دماؤهم"] == "emotive"
    assert found["بالأشرار"] == "emotive"
    # a form listed in its own right keeps its category: انهيار is charged, though it is
    # also the verbal noun of the emotive انهار; احتلال (the occupation) is a plain name
    found = terms(run(framing_nlp, "حذر الخبراء من انهيار العملة في ظل الاحتلال."))
    assert found["انهيار"] == "charged"
    assert "الاحتلال" not in found


def test_headwords_of_the_semantic_fields_added_in_round_4(framing_nlp):
    found = terms(run(framing_nlp, "أثار القرار المفاجئ حفيظة النواب، وسط تكهنات بأن "
                                   "الحكومة ستجابه الاحتجاجات بعد أسابيع من التوتر."))
    # surprise (an adjective, with its noun) touching outrage: one emotive phrase
    assert found["القرار المفاجئ حفيظة"] == "emotive"
    assert found["تكهنات"] == "emotive"  # speculation
    assert found["ستجابه"] == "charged"  # confrontation: a verb's persons
    assert found["التوتر"] == "charged"
    # the verbal noun of جابه is generated; the participle of استنكر is an adjective
    found = terms(run(framing_nlp, "دعا إلى مجابهة التحديات، واستهجن الشارع المستنكر "
                                   "للقرار مبالغات الإعلام."))
    assert found["مجابهة"] == "charged"
    assert found["واستهجن الشارع المستنكر"] == "emotive"
    assert found["مبالغات"] == "exaggeration"
    # Saddam and «وجلّ» are not what these fields mean
    assert not terms(run(framing_nlp, "تحدث صدام حسين عن الله عز وجل في خطابه."))


def test_entries_list_irregular_forms_after_a_semicolon():
    assert parse_entry("شرير ; أشرار => سيئ") == (["شرير"], "سيئ", ["أشرار"])
    assert parse_entry("جريمة|جرائم") == (["جريمة", "جرائم"], None, [])


def test_elatives_of_sound_triliteral_adjectives():
    assert [elative(a) for a in ("خطير", "بشع", "عنيف")] == ["اخطر", "ابشع", "اعنف"]
    # participles (مريب، سافر → أسفر «resulted»), weak and doubled roots are not generated
    assert [elative(a) for a in ("مريب", "سافر", "قاسي", "شديد")] == [None] * 4


def test_elatives_and_analytic_superlatives_are_found(framing_nlp):
    found = terms(run(framing_nlp, "شهدت المدينة أعنف الاشتباكات، وكانت الأحياء الشرقية "
                                   "الأكثر تضرراً من القصف."))
    assert found["أعنف"] == "exaggeration"
    assert found["الأكثر تضرراً"] == "exaggeration"
    # «أكثر من» (more than) and «أعجب» (pleased: a homograph of an elative) are plain
    plain = run(framing_nlp, "وصل أكثر من مئة شخص، وأعجب الزوار بالمعرض.")
    assert plain._.framing.loaded_terms == []


def test_duals_plurals_of_verbal_nouns_and_hamza_adjectives(framing_nlp):
    assert {"يزعمان", "زعما"} <= set(verb_forms("زعم", "يزعم"))
    assert "دنيئه" in adjective_forms("دنيء")
    found = terms(run(framing_nlp, "تبادل الطرفان الاتهامات بعد تصريحات مسيئة، والدولتان "
                                   "تهددان بالرد."))
    assert found["الاتهامات"] == "charged"  # the plural of اتهام, the verbal noun of اتهم
    assert found["تصريحات مسيئة"] == "emotive"  # مسيء + ة: the hamza sits on ya
    assert found["تهددان"] == "charged"


def test_reviewed_learned_words_are_loaded(framing_nlp):
    # هدامة and خزعبلات come from learned_terms.tsv (accepted on review), not the YAML
    found = terms(run(framing_nlp, "حذر الكاتب من الأفكار الهدامة والخزعبلات."))
    assert found == {"حذر": "charged", "الأفكار الهدامة والخزعبلات": "emotive"}
    hand_written = lexicons.load(learned=False)
    assert not hand_written.starting_with("هدامه") and lexicons.load().starting_with("هدامه")


def test_learning_keeps_verdicts_and_folds_to_the_masculine(tmp_path):
    vocabulary = ["هدامه", "هدام", "كبير", "طويل"]
    found = learn.candidates(vocabulary, learn.np.array([0.9, 0.8, 0.7, 0.1]), {"كبير"}, 2)
    assert [c.key for c in found] == ["هدام", "طويل"]
    path = tmp_path / "learned.tsv"
    reviewed = [learn.Candidate("هدام", 0.5, "emotive/adjectives"),
                learn.Candidate("مرفوض", 0.4, "-")]
    learn.write(found, reviewed, path, seed=1)
    rows = {c.key: c.verdict for c in learn.read(path.open(encoding="utf-8"))}
    assert rows == {"هدام": "emotive/adjectives", "طويل": "?", "مرفوض": "-"}


def test_logistic_regression_ranks_the_held_out_positives_first():
    rng = learn.np.random.default_rng(0)
    x = rng.standard_normal((400, 3))
    y = (x[:, 0] > 1.0).astype(float)
    scores = learn.held_out_scores(x, y, seed=0)
    assert scores[y > 0].mean() > 0.5 > scores[y == 0].mean()


def test_names_and_neutral_homographs_are_not_loaded(framing_nlp):
    # عبد المجيد and أبو غريب are names; القوى (forces), لافتاً إلى (pointing out),
    # الأماكن (not آلاماً + كن), عضو شرف and أزمة قلبية are plain words and phrases
    plain = run(framing_nlp, "قال عبد المجيد إن القوى السياسية تحاورت في سجن أبو غريب، "
                             "لافتاً إلى أن الأماكن المتاحة قليلة وأن عضو شرف النادي "
                             "توفي بأزمة قلبية.")
    assert plain._.framing.loaded_terms == []
    # their loaded neighbours still count
    found = terms(run(framing_nlp, "قال عبد المجيد إن الأسرى واجهوا معاملة وحشية في السجن."))
    assert found == {"معاملة وحشية": "emotive"}


def test_measure_nouns_in_the_accusative_measure(framing_nlp):
    found = terms(run(framing_nlp, "استقبل المعرض عدداً كبيراً من الزوار وحقق نجاحاً كبيراً."))
    assert found == {"نجاحاً كبيراً": "intensifier"}


def test_past_verbs_with_an_object_pronoun(framing_nlp):
    assert "هدده" in verb_forms("هدد", "يهدد")  # هددتها: -ت read as ta marbuta + ها
    found = terms(run(framing_nlp, "وقالت الشرطة إن العصابة هددتها ثم هاجمتهم مساءً."))
    assert found["هددتها"] == "charged"
    assert found["هاجمتهم"] == "charged"


def test_label_adjectives_that_judge_an_act(framing_nlp):
    found = terms(run(framing_nlp, "أسفر الهجوم الإرهابي عن مقتل جنديين، وتبنته الجماعة "
                                   "الإرهابية."))
    assert found["الهجوم الإرهابي"] == "emotive"  # an act: no one is named
    assert found["الجماعة الإرهابية"] == "emotive"  # the feminine judges an organisation
    named = terms(run(framing_nlp, "قتل الجيش المسلحين الإرهابيين في الجبال."))
    assert named["الإرهابيين"] == "pejorative-label"
