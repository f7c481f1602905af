"""Finding what the entity stage links: titles with their qualifiers, KB aliases that NER
missed, organisation patterns, nationality adjectives and anaphors, over spaCy tokens.

A title phrase is a title, then qualifiers — honorifics, further titles (ranks), a nisba,
a country name, an organisation, «في» — then, optionally after a comma, the name:

    وزير الدفاع التركي خلوصي أكار            title + nisba + name
    وزير الداخلية بحكومة الوفاق الليبية، فتحي باشاغا
    أمير قطر                                 title + country, no name: an unnamed person
    أحمد المسماري، المتحدث باسم القيادة العامة للجيش الوطني الليبي   (appositive)
    بدر باسلمة وزير النقل اليمني             (appositive, no comma; an unlisted ministry)
    الرئيس المصري السابق أنور السادات        (out of office: not the president today)

A bare «وزير» takes the ministry after it as its office («وزير النقل»); words such as
«السابق» or «في حكومة الظل» (``out_of_office`` in ``data/roles.yaml``) make a title a
former or shadow holder's, which resolves to nobody in the KB and gives no sector.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from types import MappingProxyType

from marsad.geo.gazetteer import gazetteer
from marsad.kb.index import Match, head_stem, phrase_key, phrase_words
from marsad.kb.lexicon import (
    OPENING_QUOTES,
    Alias,
    OrgHead,
    Title,
    adjective_after,
    aliases,
    also_family_names,
    anaphors,
    another_trade_before,
    armed_sectors,
    body_adjectives,
    civilian_honorifics,
    closing_quote,
    club_adjectives,
    clubs,
    complement_of,
    constituency,
    courtesy_titles,
    day_words,
    dependants,
    former_markers,
    head_anaphors,
    holder_adjectives,
    holder_adverbs,
    honorifics,
    idioms_of_heads,
    missions,
    named_after,
    national_teams,
    not_bodies,
    not_clubs,
    offices,
    offices_to_come,
    ordinals,
    org_heads,
    org_middles,
    origin_words,
    out_of_office,
    portfolios,
    post_words,
    posted_dependants,
    quoted_name_at,
    regions,
    roles_named,
    sent_to,
    team_words,
    title_years,
    titles,
    travel_words,
    written_alike,
)
from marsad.kb.model import Actor
from marsad.kb.nationalities import Nationality, adjectives, country_names, country_of_name
from marsad.kb.resolve import state
from marsad.ner.lexicon import name_proclitic
from marsad.ner.model import shipped_lexicon
from marsad.text.clitics import analyses, best, definite, has_article, noun_stems, writes_article
from marsad.text.normalize import normalize_key

COMMAS = {"،", ","}
UNITED_NATIONS = "igo.un"  # the KB's id of the body its posted offices are at
POSTED_AT = {"لدى", "لدي"}  # «السفير السعودي لدى اليمن»
# The sectors of bodies named by the words after their head («وزارة الداخلية», «حزب
# القوات», «المحكمة العليا»); the words after «القوات» or «الشرطة» describe them.
NAMED_BODIES = {"GOV", "PTY", "LEG", "JUD"}
SPEAKS_FOR = "باسم"  # «المتحدث باسم»: the one spoken for may follow (not «باسمها»)
MAX_QUALIFIERS = 10  # tokens a title may take before its name
MAX_NAME_AFTER_HEAD = 3  # words of a club's or a company's name after its head
MAX_ABBREVIATION_WORDS = 3  # in brackets after a body's name: «(سي اي ايه)»
# words between a word of a journey and the title of the one travelling (his name and a
# chain of his titles: «زيارة الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس
# مجلس الوزراء وزير الدفاع لجمهورية مصر العربية»)
TRAVEL_REACH = 24
SENTENCE_ENDS = frozenset(".!?؟؛")
CLUB_HEAD = "نادي"  # the head whose sector a club named alone takes (org_patterns.yaml)
CLUB_SECTOR = "BUS"  # the sector the KB codes clubs with: a player's or a coach's body
# A title held through a pronoun: its words, up to the one with the pronoun, and how far
# back in its sentence the organisation it refers to may be named.
POSSESSIVE_WORDS = 3
POSSESSIVE_SUFFIXES = frozenset({"ه", "ها"})
POSSESSOR_REACH = 25
DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # short vowels, dagger alef, tatweel
OF_STATE = normalize_key("دولة")  # «وزير دولة»: of state
MIN_CITY = 100_000  # people in a city a body's branch or a diplomat's post is named after
MAX_DEPENDANT_WORDS = 3  # «مدير مكتب رئيس الوزراء»: a title may begin after them


@dataclass
class TitlePhrase:
    start: int
    end: int  # after the last qualifier (the name, if any, comes after)
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    org: Alias | None = None  # an organisation named in the qualifiers
    posted_to: str | None = None  # the country a diplomat or an envoy is sent to
    country_of_org: bool = False  # the country is the organisation's
    nisba_spans: list[tuple[int, int]] = field(default_factory=list)
    name_start: int | None = None  # where the name it introduces begins
    out_of_office: bool = False  # «السابق»: its titles are not held now
    # the years the text dates the titles to («بين 2009 و2013»), and their words
    years: tuple[int, int] | None = None
    years_words: tuple[str, ...] = ()
    of_post: bool = False  # after «منصب»: it names the office, not who holds it
    title_end: int = 0  # after the title's own words
    style_start: int | None = None  # a royal style between the title and its name
    served: list[Title] | None = None  # a dependant's («نجل الزعيم»): the titles it serves
    # the dependant nouns, innermost first: (words, kin, with «ل») for «زوجة نجل الرئيس»
    dependants: list[tuple[str, bool, bool]] = field(default_factory=list)
    # a body the KB does not list, and its words: «حزب القوات اللبناني»
    body: OrgPattern | None = None
    body_words: str | None = None

    @property
    def qualified(self) -> bool:
        return bool(self.country or self.org or self.posted_to or self.body
                    or any(t.country for t in self.titles)
                    or any(offices()[r].one_in_the_world for t in self.titles for r in t.roles))

    def date_by_years(self, date: dt.date | None) -> None:
        """Titles dated to years before ``date`` are a former holder's («وزيرة الخارجية
        الأميركية بين 2009 و2013»); years that reach it date nothing."""
        if self.years is None:
            return
        if date is None or self.years[1] >= date.year:
            self.years = None
        elif not self.out_of_office:
            _put_out_of_office(self, self.years_words, former=True)

    def forget_unfounded_org(self, date: dt.date | None) -> None:
        """Forget an organisation founded long after ``date``: the words name another
        body («غوكوني عويدي رئيس حكومة الوحدة الوطنية» in Chad, long before Libya's)."""
        if self.org and self.org.actor.founded_long_after(date):
            self.org = None
            self.country = None if self.country_of_org else self.country

    @property
    def incomplete(self) -> bool:
        """A construct title still without its country or organisation («وزير خارجية»):
        it names nobody; nor a club's one with a nisba alone («أي لاعب سعودي»: any player;
        but «مدرب البرازيل» coaches its team)."""
        first = self.titles[0]
        return first.construct and (not self.qualified or (
            _of_club(first) and bool(self.nisba_spans) and not (self.body or self.org)))

    @property
    def counterpart(self) -> bool:
        """«نظيره», or a noun before it («مستشار نظيره»): the office of someone named
        before."""
        return (self.served or self.titles)[0].counterpart

    def serve(self, served: list[Title]) -> None:
        """Give the phrase the titles of its dependants of ``served``: «مستشار الرئيس»;
        staff keep a rank («مساعد اللواء»: an officer), kin take none («ابنة اللواء»)."""
        self.served = titles = served
        for words, kin, with_lam in self.dependants:
            titles = [t if t.rank and not kin else t.dependant(words, kin, with_lam)
                      for t in titles]
        self.titles = titles


def _is_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


def read_title(tokens: Sequence[str], start: int, person_starts: set[int],
               in_names: set[int] = frozenset(), sentence_start: int = 0) -> TitlePhrase | None:
    """The title phrase beginning at ``start``, if a title begins there; ``in_names``
    are the tokens of people's names (a dependant noun there is a name's word);
    ``sentence_start`` is where the title's sentence begins."""
    possessed = _possessive_title(tokens, start, sentence_start)
    if possessed is not None:  # «رئيس مكتبها السياسي», «أمينه العام», «المتحدث باسمها»
        first, agreeing, org = possessed
        phrase = TitlePhrase(start, first.end, agreeing, org=org, title_end=first.end)
        return _read_rest(tokens, phrase, person_starts, in_names)
    first, agreeing = title_at(tokens, start)
    if first is not None and best(tokens[start]).prefix.startswith(("ك", "وك")) and \
            not any(t.form.startswith("ك") for t in agreeing):
        return None  # «ترتيبه كوزير للخارجية»: "as a minister", no holder named
    reordered = _former_before_body(tokens, start)
    if reordered is not None:  # «الحاكم السابق لمصرف لبنان», «المحافظ السابق للبنك المركزي»
        first, agreeing, marker = reordered
        phrase = TitlePhrase(start, first.end, agreeing, title_end=first.end)
        _qualifier(tokens, marker, phrase)  # the titles are out of office, as after them
        return _read_rest(tokens, phrase, person_starts, in_names)
    if first is None or (all(t.adjective for t in agreeing) and start > 0
                         and definite(tokens[start - 1])) or _of_the_noun_before(tokens, start):
        return None  # «المؤتمر الصحفي», «الحليف الرئيس»: an adjective (not «الرئيس التنفيذي»)
    if first.end == start + 1 and start and head_stem(tokens[start]) in also_family_names() \
            and (start - 1 in in_names or head_stem(tokens[start - 1]) in civilian_honorifics()
                 or shipped_lexicon().given_name_end([normalize_key(tokens[start - 1])], 0) == 1):
        return None  # «غالية المرشد», «الأستاذ المرشد»: a family name
    trades = set().union(*(another_trade_before().get(head_stem(stem), ())
                           for stem in noun_stems(tokens[start])))
    if first.end < len(tokens) and head_stem(tokens[first.end]) in trades:
        return None  # «المرشد السياحي», «والمرشد السياحي»: a tour guide
    if any((inner := title_at(tokens, j)[0]) and inner.end > first.end
           for j in range(start + 1, first.end)):
        return None  # «نائب [رئيس حكومة] الشيشان»: the longer title is read from inside
    if any(m.end > first.end and title_at(tokens, m.end)[0] is not None
           for m in dependants().matches_at(tokens, start)):
        return None  # «[النائب الثاني] لرئيس مجلس الوزراء»: a deputy's, read from the title
    phrase = TitlePhrase(start, first.end, agreeing, title_end=first.end)
    return _read_rest(tokens, phrase, person_starts, in_names)


def _of_the_noun_before(tokens: Sequence[str], start: int) -> bool:
    """Whether the title word at ``start`` is an adjective of the definite noun before it
    («الحليف الرئيس للولايات المتحدة»: the main ally), or the complement of the noun
    before it («مدرب الفريق»: the team's coach)."""
    if not start:
        return False
    word, before = head_stem(tokens[start]), head_stem(tokens[start - 1])
    if before in complement_of().get(word, ()) and not definite(tokens[start - 1]):
        return True  # «مدرب الفريق»: the team's coach
    nouns = adjective_after().get(word)
    return bool(nouns) and definite(tokens[start - 1]) and \
        before in nouns and title_at(tokens, start)[0].end == start + 1


def read_predicate_title(tokens: Sequence[str], start: int) -> TitlePhrase | None:
    """A title in the accusative after a name, joined to its body by «ل»: «انتخب … محمد
    المنفي رئيساً للمجلس الرئاسي», «تعيين الأمير عبدالعزيز بن سلمان وزيرا للطاقة». Read
    as the construct it stands for («رئيس المجلس الرئاسي», «وزير الطاقة»), word for
    word, so the phrase's positions are the text's."""
    word = normalize_key(tokens[start]) if start + 1 < len(tokens) else ""  # no «ً»
    prefix = best(tokens[start + 1]).prefix if word.endswith("ا") else ""
    if prefix not in ("ل", "لل"):
        return None
    body = tokens[start + 1].removeprefix("ل")  # «للطاقة» → «لطاقة» → «الطاقة»
    construct = [word[:-1], "ا" + body if prefix == "لل" else body,
                 *tokens[start + 2:start + 2 + MAX_QUALIFIERS]]
    first, agreeing = title_at(construct, 0)
    if first is None or any(t.rank or t.style for t in agreeing):
        return None
    phrase = _read_rest(construct, TitlePhrase(0, first.end, agreeing, title_end=first.end),
                        set(), set())
    if phrase.end < 2 or phrase.out_of_office or phrase.incomplete:
        return None  # «رئيسا» alone, "as a president", names no office
    body = phrase.body and replace(phrase.body, start=start + phrase.body.start,
                                   end=start + phrase.body.end)
    return replace(phrase, start=start, end=start + phrase.end, title_end=start + first.end,
                   name_start=None, style_start=None, body=body,
                   nisba_spans=[(start + a, start + b) for a, b in phrase.nisba_spans])


def _possessive_title(tokens: Sequence[str], start: int, sentence_start: int
                      ) -> tuple[Match[Title], list[Title], Alias] | None:
    """A title of a body held through a pronoun: «أعلنت حركة حماس اغتيال رئيس مكتبها
    السياسي إسماعيل هنية», «أعلن حزب الله مقتل أمينه العام», «وقال المتحدث باسمها». Read
    as the title with the body's place empty («رئيس المكتب السياسي», «الأمين العام»,
    «المتحدث باسم»), word for word, and only for offices of a body (roles.yaml
    `with_body`: «رئيسها» is no president), whose body is the organisation the sentence
    named last before it. The title's match, its titles and that organisation."""
    suffixed, word = next(((k, w) for k in range(start, min(start + POSSESSIVE_WORDS, len(tokens)))
                           if (w := best(tokens[k])).suffix in POSSESSIVE_SUFFIXES),
                          (None, None))
    if word is None:
        return None
    # «وأمينه» → «والامين»; «باسمها» → «باسم» (a preposition keeps the noun bare)
    bare = word.prefix + ("ال" if word.prefix in ("", "و", "ف") else "") + word.stem
    words = [*tokens[start:suffixed], bare,
             *tokens[suffixed + 1:suffixed + POSSESSIVE_WORDS]]
    found, agreeing = title_at(words, 0)
    if found is None or found.end <= suffixed - start or not all(
            t.roles and all(offices()[r].with_body for r in t.roles) for t in agreeing):
        return None
    org = _possessor(tokens, start, sentence_start)
    if org is None:
        return None
    return Match(start, start + found.end, found.values), agreeing, org


def _possessor(tokens: Sequence[str], start: int, sentence_start: int) -> Alias | None:
    """The organisation named last before ``start`` in its sentence, near it."""
    for j in range(start - 1, max(start - POSSESSOR_REACH, sentence_start) - 1, -1):
        found = _org_alias(tokens, j)
        if found is not None and found.end <= start:
            return found.values[0]
    return None


def _former_before_body(tokens: Sequence[str], start: int
                        ) -> tuple[Match[Title], list[Title], int] | None:
    """A title written only as a construct («حاكم مصرف لبنان») put in the definite with
    «السابق» before its body: «الحاكم السابق لمصرف لبنان». The title's match over the
    tokens, its titles, and where the out-of-office marker is."""
    if not writes_article(tokens[start]):
        return None
    marker = _out_of_office(tokens, start + 1)
    body = marker.end if marker else None
    prefix = best(tokens[body]).prefix if body is not None and body < len(tokens) else None
    if prefix not in ("ل", "لل"):
        return None
    word = tokens[body].removeprefix("ل")  # «لمصرف» → «مصرف», «للبنك» → «لبنك» → «البنك»
    word = "ا" + word if prefix == "لل" else word
    construct = [tokens[start].removeprefix("ال"), word, *tokens[body + 1:body + 6]]
    found, agreeing = title_at(construct, 0)
    if found is None or found.end < 2 or not agreeing:
        return None
    return Match(start, body + found.end - 1, found.values), agreeing, start + 1


def _read_rest(tokens: Sequence[str], phrase: TitlePhrase, person_starts: set[int],
               in_names: set[int]) -> TitlePhrase:
    """Read the qualifiers after a title's words, then the name or the dependant."""
    if ordinal_before(tokens, phrase.start):
        # «أول رئيس للجمهورية»: the first holder's title, no office now
        phrase.titles = [t.after_ordinal(tokens[phrase.start - 1]) for t in phrase.titles]
    phrase.of_post = phrase.start > 0 and \
        not post_words().isdisjoint(noun_stems(tokens[phrase.start - 1]))
    i = qualifiers_start = _read_portfolio(tokens, phrase, person_starts)
    phrase.end = max(phrase.end, i)
    if i == phrase.title_end and i in person_starts and tokens[i - 1] == SPEAKS_FOR and \
            all(t.form.endswith(SPEAKS_FOR) for t in phrase.titles):
        return phrase  # «المتحدث باسم جنتيلوني»: the name is whom he speaks for
    while i < len(tokens):
        # a nisba the tagger read as a one-word name before the name: «مدير جهاز الأمن
        # والمخابرات الوطني [السوداني] [صلاح قوش]»
        if i in person_starts and not (i + 1 in person_starts and _nisba(tokens, i)):
            # not «الموالية لهادي»; nor «وزير الخارجية وارنست مونيز»: «و» joins the next
            # of a list
            if name_proclitic(tokens[i], shipped_lexicon()) not in ("ل", "و") or \
                    _begins_a_kb_name(tokens, i):
                phrase.name_start = i
            break
        if (tokens[i] in OPENING_QUOTES or tokens[i] == "(") and i + 1 in person_starts:
            # a name may be quoted or in brackets: «الرئيس الأمريكي «جيمي كارتر»»,
            # «الرئيس الأميركي (بيل كلينتون)»
            phrase.name_start = i + 1
            break
        if i - qualifiers_start >= MAX_QUALIFIERS:
            break  # no qualifier begins this far, but a name may follow the last one
        text = tokens[i]
        if text.isspace():  # a line break ends the title, unless a name begins the next line
            if i + 1 in person_starts and "\n\n" not in text:
                phrase.name_start = i + 1  # («كان الرئيسُ العراقي\n صدام حسين»: verse)
            break
        if text in COMMAS:  # «وزير التعليم، الدكتور عزام الدخيل»
            after = past_honorifics(tokens, i + 1)
            style, styles = title_at(tokens, after)
            if style and all(t.style or t.rank for t in styles) and style.end in person_starts:
                # «وزير خارجية المملكة الراحل، الأمير سعود الفيصل», «رئيس تكتل التغيير
                # والإصلاح، العماد ميشال عون»
                after = style.end
            # «…، وخالد الحميدان», «…، والدكتور نزار مدني» are the next in a list
            if after in person_starts and not (
                    best(tokens[i + 1]).prefix.startswith("و") if after > i + 1
                    else name_proclitic(tokens[after], shipped_lexicon()) == "و"):
                phrase.name_start = after
            break
        step = _qualifier(tokens, i, phrase)
        if not step:
            break
        i = step
        phrase.end = i
    _read_dependant(tokens, phrase, in_names)
    return phrase


def ordinal_before(tokens: Sequence[str], start: int) -> bool:
    """Whether an ordinal stands right before a title at ``start`` («أول رئيس»), not one
    of a rank or a staff title before it («الفريق أول», «نائب أول رئيس الوزراء»)."""
    if not start or normalize_key(tokens[start - 1]) not in ordinals():
        return False
    return start < 2 or not any(index().match_at(tokens, start - 2)
                                for index in (titles, honorifics, dependants))


def _begins_a_kb_name(tokens: Sequence[str], i: int) -> bool:
    """Whether a KB person's full name begins with the whole word at ``i``, its «و» its
    own («رئيس الحكومة البريطانية الشهير ونستون تشرشل»: no «و» + «نستون»)."""
    found = aliases().match_at(tokens, i)
    word = normalize_key(tokens[i])
    return found is not None and any(
        normalize_key(name.split()[0]) == word for alias in found.values
        if not alias.short and alias.actor.type == "PERSON"
        for name in (alias.actor.name, *alias.actor.aliases))


def _read_dependant(tokens: Sequence[str], phrase: TitlePhrase, in_names: set[int]) -> None:
    """Make ``phrase`` the title of someone who serves or is kin to the holder when a
    noun of ``dependants`` takes it as its complement: «مستشار الرئيس», «زوجة الرئيس»,
    «نائب رئيس الوزراء», «المستشار للرئيس», «المستشار الخاص للرئيس» (a holder's adjective
    between, before «ل»), and again for a noun before that one («زوجة نجل الرئيس»)."""
    if phrase.incomplete:
        return  # «مستشار نائب رئيس الوزراء»: «نائب رئيس» is read again from «رئيس»
    while found := _dependant_noun(tokens, phrase.start, in_names):
        phrase.start, dependant = found
        phrase.dependants.append(dependant)
    if phrase.dependants:
        phrase.serve(phrase.titles)


def _posted_dependant(tokens: Sequence[str], phrase: TitlePhrase) -> bool:
    """Whether the title is served by a diplomat's dependant noun before it («المبعوث
    الخاص للأمين العام … إلى سوريا»), whose posting may follow."""
    found = _dependant_noun(tokens, phrase.start, frozenset())
    return found is not None and head_stem(found[1][0].split()[0]) in posted_dependants()


def _dependant_noun(tokens: Sequence[str], start: int,
                    in_names: set[int]) -> tuple[int, tuple[str, bool, bool]] | None:
    """Where the dependant noun that takes the title or dependant at ``start`` as its
    complement begins, and its words, whether it is kin and whether «ل» joins them."""
    title = best(tokens[start])
    if title.prefix.startswith(("و", "ف", "ب", "ك")):  # «مستشار والرئيس»: two people
        return None
    with_lam = title.prefix in ("ل", "لل")
    # «الممثلة الخاصة للأمين العام»: a holder's adjective may come between before «ل»
    adjective = with_lam and start and head_stem(tokens[start - 1]) in holder_adjectives()
    # or an honorific of the holder: «مدير مكتب فخامة رئيس الجمهورية»
    end = start - 1 if adjective else next(
        (j for j in range(max(start - 2, 0), start)
         if (h := honorifics().match_at(tokens, j)) and h.end == start), start)
    for length in range(1, min(MAX_DEPENDANT_WORDS, end) + 1):
        found = next((m for m in dependants().matches_at(tokens, end - length)
                      if m.end == end), None)
        if found is None or found.start in in_names:
            continue  # «عبدالله بن مساعد وزير الرياضة»: a name's word
        # of the forms listed alike but for the article («نائب أول», «النائب الأول»), the
        # one written as the text is
        words, kin = min(found.values, key=lambda v: definite(tokens[found.start])
                         != writes_article(v[0]))
        if best(tokens[found.end - 1]).suffix:
            return None  # «زوجها الأمير فيليب»: "her husband", the name is his
        # an iḍāfa has its noun as listed, mostly without the article («مستشار»; but
        # «المتحدث باسم»); before «ل» it may have one
        if with_lam or definite(tokens[found.start]) == writes_article(words):
            if adjective:  # written as the text has it: «الممثلة الخاصة للأمين العام»
                words = f"{words if writes_article(words) else 'ال' + words} {tokens[end]}"
            return found.start, (words, kin, with_lam)
    return None


def _seat(tokens: Sequence[str], i: int, phrase: TitlePhrase) -> tuple[int, str] | None:
    """A legislator's seat or an attaché's posting at ``i`` («عن ولاية أريزونا», «عن
    البصرة», «في واشنطن», «بالعاصمة واشنطن»): where it ends and the place's country."""
    before, places = constituency()
    if i + 1 >= len(tokens) or not any(offices()[r].many for t in phrase.titles
                                       for r in t.roles or t.former_of):  # «السابق عن»
        return None
    word = best(tokens[i])
    if head_stem(tokens[i]) in before:
        j = i + 2 if head_stem(tokens[i + 1]) in places else i + 1
    elif word.prefix in ("ب", "بال") and normalize_key(word.stem) in places:
        j = i + 1  # «الملحق الثقافي بالعاصمة واشنطن»
    elif word.prefix == "ب" and (city := _city(word.stem)):
        return i + 1, city  # «… بواشنطن»
    else:
        return None
    return _place_name(tokens, j)


def _mission(tokens: Sequence[str], i: int) -> tuple[int, str] | None:
    """A state's mission at ``i`` and its state, by a nisba, the state's name or a title of
    one state's («سفارة خادم الحرمين الشريفين», «السفارة الأمريكية», «سفارة مصر»): where
    it ends and the country."""
    if i + 1 >= len(tokens) or normalize_key(best(tokens[i]).stem) not in missions():
        return None
    nisba = _nisba(tokens, i + 1)
    if nisba:
        return nisba.end, nisba.values[0].iso3
    name = country_names().match_at(tokens, i + 1)
    if name and len(set(name.values)) == 1:
        return name.end, name.values[0]
    title = titles().match_at(tokens, i + 1)
    countries = {t.country for t in title.values} if title else set()
    if len(countries) == 1 and None not in countries:
        return title.end, countries.pop()
    return None


def _city(word: str) -> str | None:
    """The country of a city of at least ``MIN_CITY`` people that ``word`` names, written
    after «ب» («بجدة», «بواشنطن»): not a word the places stage reads as one only after a
    cue, nor a town that is a word too («بدور»: "with the role", no Doel)."""
    found = gazetteer().search(word)
    city = found[0] if found else None
    return city.country if city and city.feature != "country" and \
        (city.population or 0) >= MIN_CITY and normalize_key(word) not in gazetteer().common \
        else None


def _place_name(tokens: Sequence[str], i: int) -> tuple[int, str] | None:
    """A place of the gazetteer named by the one or two words at ``i``, without a
    preposition: where its name ends and its country (the most populous such place's)."""
    for end in (i + 2, i + 1):
        if end > len(tokens) or not all(_is_word(w) for w in tokens[i:end]):
            continue
        found = gazetteer().search(" ".join(tokens[i:end]))
        # (a lone «ب» or «ل» that the name as written keeps is its own letter: «بنسلفانيا»)
        if found and found[0].country and best(tokens[i]).prefix in ("", "ال", "ب", "ل"):
            return end, found[0].country
    return None


def past_honorifics(tokens: Sequence[str], i: int) -> int:
    """The index after the honorifics that begin at ``i`` (``i`` when none do)."""
    while i < len(tokens) and (honorific := honorifics().match_at(tokens, i)):
        i = honorific.end
    return i


def title_at(tokens: Sequence[str], start: int) -> tuple[Match[Title] | None, list[Title]]:
    """The longest title at ``start`` whose words are definite as the text's are, and
    its titles that agree: «رئيس جمهورية كولومبيا» is «رئيس» + a country, not «رئيس
    الجمهورية»; «سلطان بن أحمد» is the construct «سلطان», not «السلطان»."""
    return next(((m, a) for m in titles().matches_at(tokens, start)
                 if (a := _agreeing(m.values, tokens[start:m.end]))), (None, []))


def _agreeing(values: Sequence[Title], words: Sequence[str]) -> list[Title]:
    """The titles whose every word is definite as the text's word is: a title's words are
    keyed without the article, so «رئيس» also finds «الرئيس»; but «رئيس» is the construct
    form that needs its country («رئيس الامتحانات» names no president), «نائب رئيس
    مجلس الوزراء» is no «نائب الرئيس», and «الوزير» takes no ministry as «وزير» does."""
    marks = tuple(definite(w) for w in words)
    return [t for t in values if _form_definiteness(t.form) == marks
            and (not t.as_written or _bare(words[0]).endswith(t.form.split()[0]))]


def _bare(word: str) -> str:
    """A word without its short vowels and tatweel, its letters as written."""
    return DIACRITICS.sub("", word)


@cache  # a few hundred title forms, met at every title in every article
def _form_definiteness(form: str) -> tuple[bool, ...]:
    return tuple(definite(w) for w in form.split())  # «والمخابرات» holds the article


def _read_portfolio(tokens: Sequence[str], phrase: TitlePhrase, person_starts: set[int]) -> int:
    """The ministry after a minister's title, read into ``phrase``; the index after it.

    After a bare «وزير» its words name the office («وزير النقل»); after a listed
    office («وزير الخارجية») further portfolios joined by «و» («والمغتربين») are passed
    over. See ``portfolios`` in ``data/roles.yaml``."""
    rules = portfolios()
    bare = [t for t in phrase.titles if t.takes_portfolio]
    if not bare and not any(t.roles and t.office_family() in rules.families
                            for t in phrase.titles):
        return phrase.end
    i = phrase.end

    def word(at: int, prefix: str) -> bool:
        return at not in person_starts and _portfolio_word(tokens, at, prefix)

    if bare and word(i, "") and word(i + 1, "ال"):
        i += 2  # a construct: «وزير حقوق الإنسان», «وزير شؤون الرئاسة»
    elif bare and i < len(tokens) and normalize_key(tokens[i]) == OF_STATE and word(i + 1, "لل"):
        i += 2  # a minister of state: «وزير دولة للشؤون الخارجية»
    while i < len(tokens) and i - phrase.end < rules.max_words:
        # a listed office's first further portfolio must be joined by «و»
        if not (word(i, "وال") or ((bare or i > phrase.end) and word(i, "ال"))):
            break
        i += 1
    if bare and i > phrase.end:
        phrase.titles = [bare[0].with_words(tokens[phrase.end:i])]
    return i


def _portfolio_word(tokens: Sequence[str], i: int, prefix: str) -> bool:
    """Whether ``tokens[i]``, with this prefix, may be a word of a ministry's name."""
    if i >= len(tokens):
        return False
    word = best(tokens[i])
    return (word.prefix == prefix and (not word.article or has_article(tokens[i], word))
            and word.stem not in portfolios().not_portfolio
            and (word.stem not in holder_adjectives() or word.stem in portfolios().adjectives)
            and _is_word(tokens[i]) and not _out_of_office(tokens, i)
            and not honorifics().match_at(tokens, i) and not _nisba(tokens, i)
            and not country_names().match_at(tokens, i) and not titles().match_at(tokens, i))


def _ends_a_marker(tokens: Sequence[str], i: int) -> bool:
    """Whether a marker of a title out of office ends right before ``i``."""
    return any((m := _out_of_office(tokens, j)) is not None and m.end == i
               for j in range(max(i - 3, 0), i))


def _put_out_of_office(phrase: TitlePhrase, words: Sequence[str], former: bool) -> None:
    """The phrase's titles as out of office, with the words that say so («السابق»)."""
    phrase.out_of_office = True
    phrase.titles = list({t.form: t if t.rank else t.with_words(words, True, former)
                          for t in phrase.titles}.values())


def _years(tokens: Sequence[str], i: int) -> tuple[int, tuple[int, int]] | None:
    """The years that date a title at ``i`` («بين 2009 و2013», «عام 1990», «(2003-2006)»):
    where they end, and the first and the last year."""
    before, between = title_years()
    bracket = tokens[i] == "("
    j = i + bracket
    while j < len(tokens) and j - i < 4 and head_stem(tokens[j]) in before:
        j += 1
    first = _year(tokens, j)
    if first is None or (j == i + bracket and not bracket):
        return None  # a year alone after a title is a number of it, unless in brackets
    last, end = first, _past_era(tokens, j + 1)
    if end + 1 < len(tokens) and normalize_key(tokens[end]) in between and \
            (second := _year(tokens, end + 1)) is not None and second >= first:
        last, end = second, _past_era(tokens, end + 2)
    if bracket:
        if end >= len(tokens) or tokens[end] != ")":
            return None
        end += 1
    return end, (first, last)


def _past_era(tokens: Sequence[str], i: int) -> int:
    """The index after the era letter of a Gregorian year at ``i`` («2009م»), if any."""
    return i + 1 if i < len(tokens) and normalize_key(tokens[i]) == "م" else i


def _as_written(words: Sequence[str]) -> tuple[str, ...]:
    """Words of years as the press writes them, whatever the spacing: «و2013»,
    «(2003-2006)», «2009م»."""
    glued: list[str] = []
    for word in words:
        if glued and (glued[-1].endswith(("(", "-", "–")) or glued[-1] == "و"
                      or word in (")", "-", "–", "م")):
            glued[-1] += word
        else:
            glued.append(word)
    return tuple(glued)


def _year(tokens: Sequence[str], i: int) -> int | None:
    """A Gregorian year written in digits at ``i`` («2009», «٢٠٠٩»)."""
    if i >= len(tokens) or len(tokens[i]) != 4 or not tokens[i].isdecimal():
        return None
    year = int(tokens[i])
    return year if 1900 <= year <= 2100 else None


def _qualifier(tokens: Sequence[str], i: int, phrase: TitlePhrase,
               after_fi: bool = False) -> int | None:
    """Read one qualifier at ``i`` into ``phrase``; the index after it, or None."""
    word = best(tokens[i])
    if word.prefix.startswith("و"):
        return None  # «للرئيس السابق والحوثيين»: «و» joins another noun, it qualifies nothing
    # (a second right after the first: «الرئيس السابق المخلوع علي عبد الله صالح»)
    marker = _out_of_office(tokens, i) if not after_fi and (
        not phrase.out_of_office or _ends_a_marker(tokens, i)) else None
    if marker and marker.end == i + 1 and tokens[i].endswith("ة") and i and \
            not tokens[i - 1].endswith("ة") and _nisba(tokens, i - 1):
        marker = None  # «وزير الخارجية السعودي المرتقبة» (the visit's): after a masculine
        # nisba, no adjective of the title's (but «رئيس الحكومة الإسرائيلية السابقة»)
    if marker:  # «الرئيس السابق», «وزيرة الداخلية في حكومة الظل»
        words = tokens[i:marker.end]
        _put_out_of_office(phrase, words, phrase_key(" ".join(words)) in former_markers())
        return marker.end
    years = _years(tokens, i) if phrase.years is None else None
    if years:  # «وزيرة الخارجية الأميركية بين 2009 و2013»: dated with the publication's
        end, phrase.years = years  # date (`date_by_years`)
        phrase.years_words = _as_written(tokens[i:end])
        return end
    if i == phrase.title_end and not phrase.country and any(
            offices()[r].of_place for t in phrase.titles for r in t.roles or t.former_of):
        place = _place_name(tokens, i)  # «محافظ مأرب», «أمير منطقة الرياض»
        if place:
            end, phrase.country = place
            phrase.body_words = " ".join(tokens[i:end])  # the role is written with it
            return end
    if not after_fi and word.prefix == "لل" and word.stem in portfolios().affairs and any(
            t.unlisted_of in portfolios().families for t in phrase.titles if not t.out_of_office):
        end = _portfolio_end(tokens, i + 1, i)  # «وزير الدولة الإماراتي للشؤون الخارجية»
        phrase.titles = [t.with_words(tokens[i:end]) if t.unlisted_of else t
                         for t in phrase.titles]
        return end
    if word.prefix in ("ب", "بال") and not after_fi and (
            local := _local_branch(tokens, i, phrase)):
        return local  # «قائد الحوثيين بالقاعدة الجوية»: the leader at the base
    if word.stem == "في" and i + 1 < len(tokens):
        # «في حكومة الوفاق»: only with what follows, and no «في السابق», «في مقال»
        return _local_branch(tokens, i + 1, phrase) or \
            _qualifier(tokens, i + 1, phrase, after_fi=True)
    honorific = honorifics().match_at(tokens, i)
    if honorific and best(tokens[i]).prefix.startswith(("ل", "و")):
        return None  # «… وزير الدفاع للشيخ خليفة بن زايد»: to whom, not who
    if honorific:
        return honorific.end
    close = next((j for j in range(i + 2, i + 2 + MAX_ABBREVIATION_WORDS)
                  if tokens[j:j + 1] == [")"]), None) if tokens[i] == "(" else None
    if close is not None and all(map(_is_word, tokens[i + 1:close])) and \
            not _out_of_office(tokens, i + 1) and titles().match_at(tokens, i + 1) is None:
        # an abbreviation after the body's name: «… اللاجئين الفلسطينيين (أونروا) فيليب
        # لازاريني», «(سي اي ايه)»; not «(السابق)», which says the office is past, nor
        # another title («رئيس الوزراء (وزير الخارجية السابق)»)
        return close + 1
    if has_article(tokens[i], word) and any(
            set(t.roles) & offices_to_come(word.stem) for t in phrase.titles):
        # «الرئيس الأمريكي المنتخب», «الرئيس المكلف»: an office not yet held, which the KB
        # does not list
        phrase.titles = [t if t.rank or t.style else
                         replace(t, form=f"{t.form} {tokens[i]}", roles=(), family=None,
                                 sector=None) for t in phrase.titles]
        return i + 1
    if has_article(tokens[i], word) and word.stem in holder_adjectives():
        # «وزير النقل الجديد خالد السالم», «والي الخرطوم المعين حديثا …»; but «المحافظ
        # السابق لمؤسسة النقد» begins another title
        marker = _out_of_office(tokens, i + 1) if titles().match_at(tokens, i) else None
        if marker and marker.end < len(tokens) and best(tokens[marker.end]).prefix in ("ل", "لل"):
            return None
        adverb = i + 1 < len(tokens) and head_stem(tokens[i + 1]) in holder_adverbs()
        return i + 2 if adverb else i + 1
    if has_article(tokens[i], word) and word.stem in body_adjectives() and \
            (phrase.body or phrase.org) and i + 2 < len(tokens):
        # «زعيم الحزب المقرب من الأكراد»: what the body is close to, passed over
        start = i + 2 if tokens[i + 1] == "من" else i + 1
        if start == i + 1 and best(tokens[i + 1]).prefix not in ("ل", "لل"):
            return None
        named = _org_alias(tokens, start)  # («المقرب من حزب الله»: a body's whole name)
        return named.end if named else start + 1
    found_title = titles().match_at(tokens, i)
    if found_title and all(t.rank for t in found_title.values) and not (
            all(map(_of_club, phrase.titles)) and head_stem(tokens[i]) in team_words()):
        # (a rank; but «مدرب الفريق» is the team's coach, no general's)
        phrase.titles.extend(found_title.values)
        return found_title.end
    style, styles = title_at(tokens, i) if found_title else (None, [])
    courtesy = style is not None and style.end == i + 1 and \
        head_stem(tokens[i]) in courtesy_titles() and definite(tokens[i])
    if style and (all(t.style for t in styles) or (
            (courtesy or _restates(styles, phrase))
            and not _nisba(tokens, style.end, after_title=True)
            and best(tokens[i]).prefix in ("", "ال"))):
        # «وزير الطاقة السعودي الأمير عبدالعزيز بن سلمان», «خادم الحرمين الشريفين الملك
        # عبدالله», «المتحدث باسم الخارجية السفير …»: a style, the office again or a
        # courtesy title, before the name
        phrase.style_start = i
        return style.end
    if i + 1 < len(tokens) and (tokens[i] in POSTED_AT or (
            tokens[i] in sent_to() and (any(offices()[r].posted for t in phrase.titles
                                            for r in t.roles) or _posted_dependant(
                                                tokens, phrase)))):
        # «المندوب الجزائري لدى الأمم المتحدة»: where the holder is posted, passed over
        country = country_names().match_at(tokens, i + 1)
        posted = country or _org_alias(tokens, i + 1) or regions().match_at(tokens, i + 1)
        if country and len(set(country.values)) == 1:
            phrase.posted_to = country.values[0]
        if posted and isinstance(posted.values[0], Alias) and \
                posted.values[0].actor.id != UNITED_NATIONS:
            # the KB's envoys and permanent representatives are the UN's: one posted to
            # another body («المندوب الروسي لدى منظمة التعاون الإسلامي») holds an office
            # it does not list
            phrase.titles = [replace(t, form=f"{t.form} {' '.join(tokens[i:posted.end])}",
                                     roles=(), sector=t.office_sector())
                             if t.roles and all(offices()[r].posted for r in t.roles) else t
                             for t in phrase.titles]
        return posted.end if posted else None
    mission = _mission(tokens, i) if after_fi or word.prefix in ("ب", "بال") or (
        i == phrase.title_end and phrase.titles[0].construct) else None  # «ملحق السفارة …»
    if mission:  # «الملحق الثقافي في سفارة خادم الحرمين الشريفين»: the mission's state
        end, country = mission
        phrase.country = phrase.country or country
        return end
    seat = _seat(tokens, i, phrase)
    if seat:  # «السيناتور الجمهوري عن ولاية أريزونا», «الملحق الثقافي بالعاصمة واشنطن»
        end, country = seat
        if any(offices()[r].posted for t in phrase.titles for r in t.roles):
            phrase.posted_to = phrase.posted_to or country  # a diplomat's, not his country
        else:
            phrase.country = phrase.country or country
        return end
    nisba = _nisba(tokens, i, after_title=True)
    if nisba and nisba.end < len(tokens) and head_stem(tokens[nisba.end]) in origin_words():
        return nisba.end + 1  # «الكوبي الأصل»: where the holder comes from
    if nisba and phrase.country in (None, nisba.values[0].iso3):
        # («المتحدث باسم حركة النهضة التونسي»: the party's country again)
        phrase.country = nisba.values[0].iso3
        phrase.nisba_spans.append((nisba.start, nisba.end))
        return nisba.end
    # «سلطان عمان» is Oman's; «السفير في عمان» may be in Amman
    name = country_names(after_title=not (after_fi or word.prefix)).match_at(tokens, i)
    if name is None and word.prefix == "ال" and not after_fi:
        country = _by_default(tokens[i])  # «وزير خارجية المملكة»: Saudi Arabia
        name = Match(i, i + 1, (country,)) if country else None
    if name and word.prefix in ("ل", "لل") and _travelling(tokens, phrase.start):
        return None  # «خلال زيارة … رئيس مجلس الوزراء لإيطاليا»: where he goes
    if name and not phrase.country and len(set(name.values)) == 1:
        phrase.country = name.values[0]
        return name.end
    if name and set(name.values) == {phrase.country} and phrase.org:
        return name.end  # the body's country again: «زعيم حركة طالبان أفغانستان الراحل»
    # an organisation the title names: after «في», «ل» or «ب» («الأمين العام للأمم
    # المتحدة», «وزير الداخلية بحكومة الوفاق»), or as the complement of a construct title
    # («زعيم تنظيم داعش», «المتحدث باسم وزارة …»); right after «الرئيس الأمريكي» it is
    # the verb's object («انتقد الرئيس الأمريكي الحكومة الإيرانية»)
    complement = after_fi or word.prefix in ("ل", "لل", "ب", "بال") or (
        i == phrase.title_end and not _form_definiteness(phrase.titles[0].form)[-1])
    # (after the body the title heads, «ل» + a body is whom he speaks to: «رئيس لجنة
    # الاحتراف لقناة العربية»)
    org = _org_alias(tokens, i) if complement and not (
        phrase.body and word.prefix in ("ل", "لل")) else None
    if org and all(map(_of_club, phrase.titles)) and org.values[0].actor.sector != CLUB_SECTOR:
        org = None  # «لاعب الاتحاد الدولي»: Al-Ittihad's international player, no FIFA's
    quoted = quoted_name_at(tokens, i) if complement and not org and not word.prefix else None
    if quoted and quoted[2].type == "ORG":  # «رئيس تحرير "الوطن" الأسبق»: the paper
        org = Match(i, quoted[1] + 1, (Alias(quoted[2], short=False),))
    if complement and not org and i == phrase.title_end and i > phrase.start:
        # the title's last word begins the body's name: «رئيس [حكومة الوحدة الوطنية]»
        org = _org_alias(tokens, i - 1)
        org = org if org and org.end > i else None
    if org and phrase.country and not phrase.org and (after_fi or word.prefix in ("ب", "بال")):
        # «الرئيس التركي في البرلمان التركي», «رئيس الوزراء الإسرائيلي بالمحكمة الجنائية
        # الدولية»: where he spoke, or what he did something with, not his office's body
        return None
    if org and not phrase.org:
        phrase.org = org.values[0]
        phrase.titles = [t.heading(phrase.org.actor.sector) for t in phrase.titles]
        if _takes_body_country(phrase) and not phrase.country:
            phrase.country = org.values[0].actor.country
            phrase.country_of_org = True
        return org.end
    if org and after_fi and org.values[0].actor.country in (None, phrase.country):
        return org.end  # «قائد فيلق القدس في الحرس الثوري»: the body the first is part of
    # (not after a governor's province: «أمير منطقة مكة المكرمة للشرطة», an order to them)
    body = (_body(tokens, i) or _club(tokens, i, phrase) or _namesakes_body(tokens, i)) \
        if complement and not (phrase.org or phrase.body or phrase.body_words) else None
    if body and body.end - body.start > 1 and head_stem(tokens[body.end - 1]) in body_adjectives():
        body = replace(body, end=body.end - 1)  # «الحزب [المقرب] من الأكراد»: read below
    if body:  # a body the KB does not list: «وزارة الخارجية القطرية», «حزب القوات»
        if _takes_body_country(phrase) or _plays_for_a_country(tokens, body, phrase):
            phrase.country = phrase.country or body.country
        phrase.body = body
        phrase.body_words = " ".join(tokens[body.start:body.end])
        # «رئيس المحكمة» heads a court, no state: a title that may name several offices
        # names none of them with a body, as «وزير» + a ministry («وزير النقل»); nor one
        # whose office is of another sector («نائب رئيس النادي» is no vice-president)
        phrase.titles = [t.of_body(tokens[body.start:body.end])
                         if t.construct and not _of_club(t) and (
                             len(t.roles) > 1 or t.office_sector() not in (None, body.sector))
                         else t for t in phrase.titles]
        return body.end
    # the body the one it heads is part of: «رئيس لجنة الشؤون الخارجية في مجلس الشورى»,
    # «… بغرفة جدة» (a head of a city's body, and the city)
    if not phrase.body or not (after_fi or word.prefix in ("ب", "بال")):
        return None
    part_of = _body(tokens, i)
    if part_of:
        return part_of.end
    city = _city(word.stem) if word.prefix == ("" if after_fi else "ب") else None
    if city:  # «رئيس جمعية البر بجدة»: the body's branch there
        phrase.country = phrase.country or city
        return i + 1
    head = org_head_at(tokens, i)
    place = _place_name(tokens, head.end) if head and head.values[0].places else None
    return place[0] if place else head.end if head else None


def _by_default(word: str) -> str | None:
    """The country a definite name several countries share names with nothing else to
    tell (the places stage's default reading: «المملكة», Saudi Arabia in the Saudi press);
    after a title, whose country names longer than it («المملكة المتحدة») are read first."""
    row = gazetteer().default_reading(normalize_key(word))
    return gazetteer().entry(row).country if row is not None else None


def _travelling(tokens: Sequence[str], start: int) -> bool:
    """Whether a word of a journey comes a few words before a title at ``start`` (its
    holder's name between: «زيارة المهندس إبراهيم محلب رئيس مجلس الوزراء»)."""
    return said_before(tokens, start, travel_words())


def said_before(tokens: Sequence[str], start: int, stems: frozenset[str],
                reach: int = TRAVEL_REACH) -> bool:
    """Whether a word of ``stems`` comes a few words before ``start`` in its sentence."""
    for word in reversed(tokens[max(start - reach, 0):start]):
        if word in SENTENCE_ENDS or "\n" in word:
            return False
        if not stems.isdisjoint(noun_stems(word)):
            return True
    return False


def _local_branch(tokens: Sequence[str], i: int, phrase: TitlePhrase) -> int | None:
    """«قائد الحوثيين في عدن», «زعيم التنظيم في سيناء»: a body's leader in one town or
    province (or country, for a body of none), no leader of the body; an office the KB
    does not list, named with its words, of the body's sector. Where the place's name
    ends, or None."""
    roles = [r for t in phrase.titles for r in t.roles]
    sector = phrase.org.actor.sector if phrase.org else phrase.body.sector if phrase.body \
        else None
    if sector is None or not roles or not all(offices()[r].with_body for r in roles):
        return None
    place = _place_name(tokens, i) or _site(tokens, i)
    transnational = phrase.org is not None and phrase.org.actor.country is None and \
        phrase.org.actor.sector in armed_sectors()
    if place is None or (country_names().match_at(tokens, i) and not transnational):
        return None  # («زعيم الحزب في مصر»: the country's own party; but «زعيم تنظيم
        # داعش في أفغانستان» leads a branch of a body of no country)
    end, country = place
    form = " ".join((phrase.titles[0].form, *tokens[phrase.title_end:end]))
    phrase.titles = [Title(form, country=phrase.country or country, sector=sector)]
    phrase.country = phrase.country or country
    return end


def _site(tokens: Sequence[str], i: int) -> tuple[int, str | None] | None:
    """A site a place's head noun names at ``i``, with its definite adjectives («القاعدة
    الجوية», «المطار»): where it ends; its country is not known."""
    if i >= len(tokens) or not definite(tokens[i]) or \
            normalize_key(best(tokens[i]).stem) not in named_after().place_heads:
        return None
    end = i + 1
    while end < len(tokens) and definite(tokens[end]) and best(tokens[end]).prefix == "ال" \
            and head_stem(tokens[end]) not in holder_adjectives() \
            and not _out_of_office(tokens, end) and not _nisba(tokens, end):
        end += 1  # («المعين حديثا», «السابق» after it are the holder's)
    return end, None


def _restates(titles: list[Title], phrase: TitlePhrase) -> bool:
    """Whether ``titles``, a bare definite title («الملك»), name only offices the phrase's
    titles name already (not «رئيس دولة الإمارات» after «الرئيس الفرنسي»: a construct
    takes its own country)."""
    named = roles_named(titles)
    return bool(named) and not any(t.construct for t in titles) and \
        named <= roles_named(phrase.titles)


def _portfolio_end(tokens: Sequence[str], start: int, counted_from: int) -> int:
    """The index after the definite words of a ministry's name from ``start``, more joined
    by «و», at most ``portfolios.max_words`` from ``counted_from``."""
    end = start
    while end - counted_from < portfolios().max_words and (
            _portfolio_word(tokens, end, "ال")
            or (end > start and _portfolio_word(tokens, end, "وال"))):  # «التغيير والإصلاح»
        end += 1
    return end


def _takes_body_country(phrase: TitlePhrase) -> bool:
    """Whether the holder is of the country of the body the title names («مراسلة قناة
    الجزيرة» is no Qatari: ``body_country`` in roles.yaml)."""
    return all(offices()[r].body_country for t in phrase.titles for r in t.roles)


def _body(tokens: Sequence[str], i: int) -> OrgPattern | None:
    """A body the KB does not list that a title's holder serves: an organisation pattern
    («وزارة الدفاع الأمريكية», «القوات المصرية»), or a government head and its portfolio
    («وزارة الداخلية»)."""
    pattern = read_org_pattern(tokens, i)
    head = org_head_at(tokens, i)
    if pattern and head and head.values[0].complement:
        # a committee's name may go on past what the pattern read («اللجنة الدائمة للبحوث
        # العلمية»), its country kept («اللجنة الأولمبية السعودية»)
        return replace(pattern, end=max(pattern.end, _name_after_head(
            tokens, i, head.end, complement=True)))
    if pattern:
        return pattern
    # an inherit head names no body alone («الميليشيات», «الرئاسة»: whose?); an armed one
    # does («الجيش»)
    if not head or head.values[0].sector == "inherit":
        return None
    end = head.end
    if head.values[0].sector in NAMED_BODIES and head.end == i + 1:
        end = _portfolio_end(tokens, head.end, head.end)  # «وزارة الداخلية», «حزب القوات»
    elif head.values[0].names:
        # «نادي الزمالك», «النادي الأهلي», «اللجنة الإشرافية للسوق»
        end = _name_after_head(tokens, i, head.end, head.values[0].complement)
    # a definite head names its body alone («الجيش»); «القوات الموالية» is no body's name
    return OrgPattern(i, end, head.values[0], None, None) \
        if end > head.end or definite(tokens[i]) else None


def _namesakes_body(tokens: Sequence[str], i: int) -> OrgPattern | None:
    """A KB organisation's name that the words after it make another country's body
    («جهاز مكافحة الإرهاب بالجيش الليبي»): that body, of the KB one's sector."""
    found = aliases().match_at(tokens, i)
    namesakes = [a.actor for a in found.values if a.actor.type == "ORG"] if found else []
    after = country_after(tokens, found.end) if namesakes else None
    if after is None or any(a.country in (None, after[0]) for a in namesakes):
        return None
    head = OrgHead(" ".join(tokens[i:found.end]), namesakes[0].sector, None)
    return OrgPattern(i, after[1], head, after[0], None)


def _plays_for_a_country(tokens: Sequence[str], body: OrgPattern, phrase: TitlePhrase) -> bool:
    """Whether a player's body is his country's team: «لاعب المنتخب السعودي» is Saudi (a
    coach of it may be Dutch)."""
    return head_stem(tokens[body.start]) in national_teams() and all(
        offices()[r].of_club and offices()[r].one_of_many for t in phrase.titles for r in t.roles)


def _of_club(title: Title) -> bool:
    return bool(title.roles) and all(offices()[r].of_club for r in title.roles)


def _club(tokens: Sequence[str], i: int, phrase: TitlePhrase) -> OrgPattern | None:
    """A club named by itself or by a word with the article after a club's title («مدرب
    إنتر ميلان», «مدرب الأهلي المصري», «مهاجم السلمية», «مدرب الفريق»: a nisba is the
    club's), as a body of the «نادي» head's sector."""
    if not all(map(_of_club, phrase.titles)) or i >= len(tokens):
        return None
    club = clubs().match_at(tokens, i)
    # «مدرب الفريق», and a club the list lacks, with the article («مهاجم السلمية»)
    word = head_stem(tokens[i])
    end = club.end if club else i + 1 if definite(tokens[i]) and \
        best(tokens[i]).prefix in ("ال", "") and (word in team_words() or (
            word not in not_clubs() and titles().match_at(tokens, i) is None)) else None
    if end is None:
        return None
    nisba = _nisba(tokens, end) if club or head_stem(tokens[i]) in national_teams() else None
    head = org_heads().get(CLUB_HEAD)[0]
    end = nisba.end if nisba else end
    if end < len(tokens) and head_stem(tokens[end]) in club_adjectives():
        end += 1  # «لاعب الاتحاد الدولي»: an international
    return OrgPattern(i, end, head, nisba.values[0].iso3 if nisba else None, None)


def _name_after_head(tokens: Sequence[str], i: int, end: int, complement: bool = False) -> int:
    """Where the name of a club or a company ends after its head ending at ``end``: a
    construct head's next word («نادي الزمالك»), then adjectives, as their endings show
    («النادي الأهلي», «الشركة المنظمة», «نادي الوحدة الإماراتي»); not a definite noun that
    is the verb's object («حضر رئيس النادي الحفل»: the party). With ``complement`` (a
    committee's), elatives too («اللجنة العليا»), and what the body is for, with «ل», and
    its adjectives, a noun joined to it or its complement («اللجنة الوطنية للتعليم الأهلي»,
    «اللجنة الدائمة للبحوث العلمية والإفتاء», «اللجنة العليا لمهرجانات جدة»); not whom
    one speaks to («رئيس لجنة الحكام للصحفيين», «… لقناة العربية»)."""
    if not definite(tokens[i]) and _portfolio_word(tokens, end, "ال"):
        end += 1
        if complement and _portfolio_word(tokens, end, "وال"):
            end += 1  # «لجنة الحج والعمرة»
    end = _adjectives_end(tokens, i, end, complement)
    if complement and _purpose(tokens, end, "لل"):
        end = _adjectives_end(tokens, i, end + 1, complement)
        if _portfolio_word(tokens, end, "وال"):  # «للبحوث العلمية والإفتاء»
            end = _adjectives_end(tokens, i, end + 1, complement)
    elif complement and _purpose(tokens, end, "ل"):  # and its own complement
        end += 2 if any(_portfolio_word(tokens, end + 1, prefix) for prefix in ("", "ال")) \
            else 1
    return end


def _purpose(tokens: Sequence[str], i: int, prefix: str) -> bool:
    """Whether the word at ``i``, with «ل», says what a committee is for: no body, nor
    people («للصحفيين»: whom its chair speaks to)."""
    return _portfolio_word(tokens, i, prefix) and not tokens[i].endswith(("ين", "ون")) and \
        aliases().match_at(tokens, i) is None and org_head_at(tokens, i) is None


def _adjectives_end(tokens: Sequence[str], i: int, end: int, elatives: bool = False) -> int:
    """Where the definite adjectives at ``end`` of a name begun at ``i`` end (a feminine one
    a holder's too agrees with the body: «اللجنة الدائمة», «الشركة الجديدة»; with
    ``elatives``, «العليا», «الكبرى»)."""
    endings = ("ي", "ة", "يا", "ى") if elatives else ("ي", "ة")
    while end - i <= MAX_NAME_AFTER_HEAD and end < len(tokens) and (
            (_portfolio_word(tokens, end, "ال") and tokens[end].endswith(endings))
            or (tokens[end].endswith("ة") and writes_article(tokens[end])
                and head_stem(tokens[end]) in holder_adjectives())):
        end += 1
    return end


def _out_of_office(tokens: Sequence[str], i: int) -> Match[str] | None:
    """An out-of-office marker at ``i`` written as listed: «المقال» (dismissed), not the
    noun «مقال» (an article) its key also finds."""
    found = out_of_office().match_at(tokens, i)
    if found and all(writes_article(tokens[i + k]) == writes_article(w)
                     for k, w in enumerate(found.values[0].split())):
        return found
    return None


def _nisba(tokens: Sequence[str], i: int, after_title: bool = False
           ) -> Match[Nationality] | None:
    found = adjectives(after_title).match_at(tokens, i)
    if found and len({n.iso3 for n in found.values}) == 1 and found.values[0].iso3:
        return found
    return None


def _org_alias(tokens: Sequence[str], i: int) -> Match[Alias] | None:
    """An organisation alias at ``i`` (short forms count: a title is context enough), its
    name maybe quoted after its head («رئيس حزب «القوات اللبنانية»»)."""
    return _alias_of(tokens, i, "ORG") or quoted_after_head(tokens, i)


# How many words before a quoted name may begin a longer name with it («وكالة أنباء»).
MAX_WORDS_BEFORE_QUOTE = 3


def name_around_quote(tokens: Sequence[str], quote: int, end: int) -> Match[Alias] | None:
    """An actor's full name that words before a quotation mark begin and the quoted
    words end: «وكالة أنباء "الشرق الأوسط"» is Egypt's agency, not the paper; «حزب
    «القوات اللبنانية»» the Lebanese Forces. From its first word to the closing mark."""
    quoted = list(tokens[quote + 1:end])
    for start in range(max(quote - MAX_WORDS_BEFORE_QUOTE, 0), quote):
        words = list(tokens[start:quote]) + quoted
        match = aliases().match_at(words, 0)
        named = {a.actor for a in match.values if not a.short} \
            if match and match.end == len(words) else set()
        if len(named) == 1:
            return Match(start, end + 1, tuple(a for a in match.values if not a.short))
    return None


def quoted_after_head(tokens: Sequence[str], i: int) -> Match[Alias] | None:
    """An organisation whose name is quoted after its head at ``i``: «حزب «القوات
    اللبنانية»», «حركة "النهضة"»."""
    if org_head_at(tokens, i) is None:
        return None
    quote = next((q for q in range(i + 1, min(i + 1 + MAX_WORDS_BEFORE_QUOTE, len(tokens)))
                  if tokens[q] in OPENING_QUOTES), None)
    end = closing_quote(tokens, quote) if quote is not None else None
    found = name_around_quote(tokens, quote, end) if end is not None else None
    return found if found and found.start == i and \
        all(a.actor.type == "ORG" for a in found.values) else None


def _past_title(tokens: Sequence[str], i: int) -> int:
    """Where the name after a title at ``i`` begins («الرئيس السابق [علي عبد الله صالح]»,
    «الرئيس السوري [بشار الأسد]»); ``i`` when no title begins there."""
    title, _ = title_at(tokens, i)
    if title is None:
        return i
    end = title.end
    marker = _out_of_office(tokens, end)
    end = marker.end if marker else end
    nisba = _nisba(tokens, end, after_title=True)
    return nisba.end if nisba else end


def _alias_of(tokens: Sequence[str], i: int, actor_type: str) -> Match[Alias] | None:
    """An alias at ``i`` of one actor of ``actor_type``, short forms included."""
    found = aliases().match_at(tokens, i)
    if not found:
        return None
    words = tokens[found.start:found.end]
    matching = tuple(a for a in found.values
                     if a.actor.type == actor_type and written_alike(words, a.actor))
    ids = {a.actor.id for a in matching}
    if len(ids) != 1 or another_body(tokens, found.start, found.end, matching[0].actor):
        return None
    return Match(found.start, found.end, matching)


def another_body(tokens: Sequence[str], start: int, end: int, actor: Actor) -> bool:
    """Whether the words after the body's name at ``start:end`` make it another body:
    another country's («الاف بي اي المغربي») or one with another complement («الاتحاد
    العربي السعودي للبلياردو»)."""
    return of_another_country(tokens, end, [actor]) or \
        _another_complement(tokens, start, end, [actor])


def _another_complement(tokens: Sequence[str], start: int, end: int,
                       actors: Iterable[Actor]) -> bool:
    """Whether a body's name cut short right before its own complement with «ل» goes on
    with another one: «الاتحاد العربي السعودي للبلياردو» is no «الاتحاد العربي السعودي
    لكرة القدم» (but «شركة توتال للاستثمار» is Total: its name takes no complement)."""
    if end >= len(tokens) or best(tokens[end]).prefix != "لل":
        return False
    said = phrase_key(" ".join(tokens[start:end]))
    next_word = phrase_key(tokens[end])

    def goes_on_otherwise(actor: Actor) -> bool:
        complements = [key[len(said):len(said) + 1]
                       for form in (actor.name, *actor.aliases)
                       if len(words := phrase_words(form)) > len(said)
                       and (key := phrase_key(form))[:len(said)] == said
                       and best(words[len(said)]).prefix.startswith("ل")]
        return bool(complements) and next_word not in complements

    actors = list(actors)
    return bool(actors) and all(map(goes_on_otherwise, actors))


def of_another_country(tokens: Sequence[str], end: int, actors: Iterable[Actor]) -> bool:
    """Whether «ل» + a country, «ب» + another body, or a nisba, after a name makes it
    another country's body: «جبهة التحرير الوطني لتشاد» is Chad's front, not Algeria's FLN;
    «حزب العدالة والبناء اليمني» Yemen's party, not Libya's; «جهاز مكافحة الإرهاب بالجيش
    الليبي» Libya's, not Iraq's."""
    after = country_after(tokens, end)
    return after is not None and all(a.country not in (None, after[0]) for a in actors)


def country_after(tokens: Sequence[str], i: int) -> tuple[str, int] | None:
    """The one country the words at ``i`` give the name before them, and where they end:
    «ل» + a country, «ب» + a body (a KB organisation, or a pattern: «بالجيش الليبي»), or a
    nisba."""
    if i >= len(tokens):
        return None
    prefix = best(tokens[i]).prefix
    if prefix in ("ل", "لل"):  # (not a body: «لوكالة الصحافة الفرنسية» is who was told)
        country = country_of_name(tokens[i])
        return (country, i + 1) if country else None
    if prefix in ("ب", "بال"):
        alias = _alias_of(tokens, i, "ORG")
        countries = {a.actor.country for a in alias.values} if alias else set()
        if len(countries) == 1 and None not in countries:
            return countries.pop(), alias.end
        pattern = read_org_pattern(tokens, i) if alias is None else None
        return (pattern.country, pattern.end) if pattern and pattern.country else None
    nisba = adjectives().match_at(tokens, i)
    countries = {n.iso3 for n in nisba.values} if nisba else set()
    return (countries.pop(), nisba.end) if len(countries) == 1 and None not in countries \
        else None  # («الكردي»: a people, no country)


@dataclass(frozen=True)
class OrgPattern:
    start: int
    end: int
    head: OrgHead
    country: str | None
    side: Alias | None  # the organisation (or, after an armed head, leader) in the complement
    side_start: int | None = None  # where the side's name begins

    @property
    def sector(self) -> str | None:
        """The head's sector; «ميليشيات X» takes the sector of X's side."""
        return self.head.sector_for(state(self.side.actor, None).sector if self.side else None)


def org_head_at(tokens: Sequence[str], i: int) -> Match[OrgHead] | None:
    """The organisation head at ``i``, unless a proclitic makes it another word
    («برئاسة», "chaired by")."""
    head = org_heads().match_at(tokens, i)
    if not head or best(tokens[i]).prefix in head.values[0].not_with or \
            not_bodies().match_at(tokens, i):
        return None  # «قناة السويس» is a canal
    return head


def read_org_pattern(
    tokens: Sequence[str], start: int, limit: int | None = None,
    places: Mapping[int, tuple[int, str]] = MappingProxyType({}),
) -> OrgPattern | None:
    """«وزارة الدفاع التركية», «ميليشيات الوفاق»: a head, middles, then a complement;
    ``places`` are the resolved places by first token, with their end and country, whose
    first word is the place's name with no preposition on it («لطرابلس» is "to Tripoli")."""
    whole = tokens
    if limit is not None:
        tokens = tokens[:limit]  # an NER span's own words only
    limit = len(tokens)
    head = org_head_at(tokens, start)
    if not head:
        return None
    i = head.end
    for _ in range(2):
        middle = org_middles().match_at(tokens, i)
        if not middle or country_names().match_at(tokens, i):
            break  # «حكومة جنوب السودان»: a country's name, not the south of one
        i = middle.end
    if i >= limit:
        return None
    nisba = _nisba(tokens, i)
    if nisba:
        return OrgPattern(start, nisba.end, head.values[0], nisba.values[0].iso3, None)
    name = country_names().match_at(tokens, i)
    if name and len(set(name.values)) == 1:
        return OrgPattern(start, name.end, head.values[0], name.values[0], None)
    # a leader only after a construct head: «قوات الأسد», not «الجيش العثماني» (an
    # adjective); after his title the forces end with it and he is named on his own
    # («[قوات الرئيس السابق] [علي عبد الله صالح]»: the title is his)
    leader_at = _past_title(tokens, i)  # (the name may follow an NER span that ends there)
    org = _org_alias(tokens, i) or (
        _alias_of(whole if leader_at > i else tokens, leader_at, "PERSON")
        if head.values[0].leaders and not definite(tokens[start]) else None)
    if org and head.values[0].sector == "BUS" and all(a.short for a in org.values):
        org = None  # «شركة الجزيرة العقارية»: a company's own name, no channel's company
    if org and not _told(tokens[i], org.values[0]):
        side = org.values[0]
        if org.start > i:
            return OrgPattern(start, org.start, head.values[0], side.actor.country, side)
        return OrgPattern(start, org.end, head.values[0], side.actor.country, side, org.start)
    end, country = places.get(i, (None, None))
    if end is not None and end <= limit and head.values[0].places and \
            not any(map(definite, tokens[start:i])):  # a construct: «حكومة طرابلس»,
        return OrgPattern(start, end, head.values[0], country, None)  # «محكمة جنايات القاهرة»
    return None


def is_anaphor(tokens: Sequence[str], i: int) -> bool:
    """«زيارة الأخير»: الأخير as a noun (after a word without the article), not as the
    adjective of «الأسبوع الأخير»."""
    if not anaphors().match_at(tokens, i):
        return False
    j = _word_near(tokens, i, -1)
    return j is not None and not best(tokens[j]).article


def _told(word: str, side: Alias) -> bool:
    """Whether a medium after «ل» is who a body spoke to, not whose it is: «قالت الشرطة
    لوكالة فرانس برس»."""
    return side.actor.sector == "JRN" and best(word).prefix.lstrip("وف") in ("ل", "لل")


def head_anaphor(tokens: Sequence[str], i: int) -> str | None:
    """The key of the head that the word at ``i`` is alone, with its article and maybe a
    conjunction or preposition («وقال الجيش», «للوزارة»): not after a definite noun, whose
    adjective it is («الجريمة المنظمة», organised crime), nor before a bare definite word
    that may make it another body («الحكومة الجديدة», the new government; a day's name
    may follow: «وقال الجيش الثلاثاء»); None otherwise."""
    found = next((a for a in analyses(tokens[i])
                  if a.article and not a.suffix and a.stem in head_anaphors()), None)
    if found is None or normalize_key(tokens[i]) in idioms_of_heads():
        return None  # («بالوكالة»: acting)
    before, after = _word_near(tokens, i, -1), _word_near(tokens, i, 1)
    if found.prefix == "ال" and before is not None and definite(tokens[before]):
        return None  # an adjective takes no preposition: «قادة الأحزاب بالجيش» is the army
    if after is not None and writes_article(tokens[after]) and \
            head_stem(tokens[after]) not in day_words():
        return None
    return found.stem


def _word_near(tokens: Sequence[str], i: int, step: int) -> int | None:
    """The index of the word next to ``i`` in the direction ``step``, past whitespace;
    None at a punctuation mark or the text's edge."""
    j = i + step
    while 0 <= j < len(tokens) and tokens[j].isspace():
        j += step
    return j if 0 <= j < len(tokens) and _is_word(tokens[j]) else None
