"""The linguistic data of the KB stage: titles and offices, organisation patterns, the
alias indexes over the actors, and the rules for aliases that name several actors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import urlparse

from marsad.datafiles import load_yaml
from marsad.kb.index import PhraseIndex, head_stem, phrase_key
from marsad.kb.model import Actor, load_kb
from marsad.kb.nationalities import adjectives
from marsad.text.clitics import (
    best,
    definite,
    name_stems,
    noun_stems,
    unmarked,
    writes_article,
)
from marsad.text.normalize import normalize_key


@cache  # several indexes read roles.yaml: parse it once
def _data(name: str) -> dict | list:
    text = resources.files("marsad.kb").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return load_yaml(text)


def _phrase_list(name: str, key: str) -> PhraseIndex[str]:
    """A list of phrases in a data file, to find in text (each its own value)."""
    return PhraseIndex().add_all((phrase, phrase) for phrase in _data(name)[key])


def _word_list(name: str, key: str) -> frozenset[str]:
    """A list of words or codes in a data file, as written."""
    return frozenset(_data(name)[key])


def _word_keys(name: str, key: str) -> frozenset[str]:
    """A list of words in a data file, as the keys of their stems."""
    return frozenset(head_stem(word) for word in _data(name)[key])


def _word_key_sets(name: str, key: str) -> dict[str, frozenset[str]]:
    """A mapping in a data file from words to lists of words, all as the keys of their
    stems."""
    return {head_stem(word): frozenset(head_stem(w) for w in words)
            for word, words in _data(name)[key].items()}


@dataclass(frozen=True, slots=True)
class Office:
    key: str
    label: str
    sector: str | None
    family: str | None
    body_country: bool = True  # the holder is of the country of the body named after
    posted: bool = False  # a diplomat's: «إلى» and where they are sent may follow
    of_place: bool = False  # a province's or a city's: its name may follow («محافظ مأرب»)
    with_body: bool = False  # its label says whose office it is only with its body
    many: bool = False  # held by many at once (a senator): the title alone names none
    trade: bool = False  # a trade (a footballer): a KB person who never practised it is a namesake
    one_in_the_world: bool = False  # one holder at a time anywhere: the title alone names him
    of_club: bool = False  # a club's or a team's: a club's name may follow («مدرب الهلال»)
    # one of a body's many: the title with its body but no name is nobody to follow
    # («عضو في الحزب», «لاعب الاتحاد»)
    one_of_many: bool = False

    def written(self, body: str | None) -> str:
        """The label, with the name of the body whose office it is when it needs one:
        «الأمين العام لأوبك», «القائد العام لقوات سوريا الديمقراطية»."""
        return written_with(self.label, body) if self.with_body and body else self.label


def written_with(label: str, body: str) -> str:
    """A title written with the body it names: a construct takes it as it is («رئيس حزب
    القوات اللبنانية»), and a construct of two nouns puts the body after its second, which
    loses its article («رئيس التحرير» + «صحيفة عكاظ» → «رئيس تحرير صحيفة عكاظ»); a
    definite title takes «ل», whose alef the body's article loses («الأمين العام» + «الأمم
    المتحدة» → «الأمين العام للأمم المتحدة»)."""
    words = label.split()
    if not writes_article(words[-1]):
        return f"{label} {body}"
    if len(words) == 2 and not writes_article(words[0]):
        return f"{words[0]} {words[1].removeprefix('ال')} {body}"
    return f"{label} ل{body.removeprefix('ا') if writes_article(body) else body}"


@dataclass(frozen=True, slots=True)
class Title:
    """What a title form in the text names."""

    form: str
    roles: tuple[str, ...] = ()
    family: str | None = None
    construct: bool = False  # needs its country or organisation after it
    country: str | None = None  # a title proper to one country («خادم الحرمين الشريفين»)
    rank: str | None = None  # a military rank: the sector it implies, no office
    takes_portfolio: bool = False  # a bare «وزير»: the ministry follows (roles.yaml)
    # an office the KB does not list, of this family: «وزير النقل», «الرئيس السابق»
    unlisted_of: str | None = None
    out_of_office: bool = False  # «الرئيس السابق»: not the office's holder, no office
    former: bool = False  # out of office as a former holder (ELI), not a shadow or incoming one
    style: bool = False  # a royal style («الأمير»): passed over after another title
    counterpart: bool = False  # «نظيره»: the office of the person named before
    adjective: bool = False  # «الصحفي»: an adjective after a definite noun, no title
    # its first word's letters as the text writes them, not only its key: «والي» (a
    # governor) is no «وإلى» ("and to"), which folds to the same key
    as_written: bool = False
    sector: str | None = None  # a dependant's («مستشار الرئيس»): the office's it serves
    # the offices a title out of office was of («الزعيم الراحل»: a leader's), which it no
    # longer names
    former_of: tuple[str, ...] = ()

    def with_words(self, words: Sequence[str], out_of_office: bool = False,
                   former: bool = False) -> Title:
        """The unlisted office this title names with more words: a ministry after «وزير»,
        «السابق» after any title (a former holder is not the office's holder)."""
        out = out_of_office or self.out_of_office
        return Title(" ".join((self._definite_form(), *words)), country=self.country,
                     unlisted_of=self.office_family(), out_of_office=out,
                     former=former or self.former,
                     former_of=(self.roles or self.former_of) if out else ())

    def after_ordinal(self, word: str) -> Title:
        """The title after an ordinal («أول رئيس للجمهورية الإندونيسية»): the office's
        first (or last) holder, no office of the one who holds it now."""
        return replace(self, form=f"{word} {self.form}", roles=(), family=None,
                       unlisted_of=self.office_family(),
                       former_of=self.roles or self.former_of)

    def heading(self, sector: str | None) -> Title:
        """This title before the name of a body of ``sector``: only the offices that may
        head such a body («رئيس ائتلاف دولة القانون» heads a party, no state nor
        parliament; «رئيس حكومة الوفاق» may be its premier)."""
        kept = tuple(r for r in self.roles if offices()[r].sector in (None, sector))
        return replace(self, roles=kept) if self.construct and kept and len(kept) < len(
            self.roles) and sector else self

    def of_body(self, words: Sequence[str]) -> Title:
        """This construct title with the body it heads, an office the KB does not list
        («رئيس المحكمة العليا», «زعيم الحزب»): no office of the title's, no family."""
        return Title(" ".join((self.form, *words)), country=self.country)

    def dependant(self, words: str, kin: bool, with_lam: bool = False) -> Title:
        """The title of someone who serves this title's holder or is kin to them
        («مستشار الرئيس», «زوجة الرئيس», «النائب الثاني لرئيس مجلس الوزراء» with
        ``with_lam``): an office the KB does not list, of this title's country, with its
        sector for staff of an office held now."""
        form = self._definite_form()
        if with_lam:  # «ل» + «الرئيس» is written «للرئيس»
            form = "ل" + (form[1:] if form.startswith("ال") else form)
        return Title(f"{words} {form}", country=self.country,
                     sector=None if kin or self.out_of_office else self.office_sector())

    def office_sector(self) -> str | None:
        """The sector this title gives by itself: a dependant's, else its offices' when
        they agree, else its family's."""
        if self.sector:
            return self.sector
        sectors = {offices()[key].sector for key in self.roles}
        if len(sectors) > 1:
            return None  # «رئيس» may head a state (GOV), a parliament (LEG), an IGO…
        if sectors:
            return sectors.pop()  # None: the sector of the body it serves
        family = self.family or self.unlisted_of
        return family_sector(family) if family else None

    def _definite_form(self) -> str:
        """The title as it reads without its complement: «رئيس وزراء» (of X) is «رئيس
        الوزراء», «قائد» (of X) «القائد»; other titles as written."""
        if not self.construct:
            return self.form
        form = offices()[self.roles[0]].label if len(self.roles) == 1 else self.form
        return "ال" + form if " " not in form and not writes_article(form) else form

    def office_family(self) -> str | None:
        """The family of the offices this title names, if they share one."""
        if self.unlisted_of:
            return self.unlisted_of
        families = {offices()[r].family for r in self.roles} if self.roles else {self.family}
        return families.pop() if len(families) == 1 else None


@lru_cache(maxsize=1)
def offices() -> dict[str, Office]:
    roles = _data("roles.yaml")["roles"]
    return {k: Office(k, v["label"], v.get("sector"), v.get("family"),
                      v.get("body_country", True), v.get("posted", False),
                      v.get("of_place", False), v.get("with_body", False),
                      v.get("many", False), v.get("trade", False),
                      v.get("one_in_the_world", False), v.get("of_club", False),
                      v.get("one_of_many", False))
            for k, v in roles.items()}


@lru_cache(maxsize=1)
def clubs() -> PhraseIndex[str]:
    """Sports clubs by name, from the tagger's list (marsad/ner/data/names/clubs.yaml):
    the body of a title of a club («مدرب ريال مدريد»)."""
    listed = resources.files("marsad.ner").joinpath("data/names/clubs.yaml")
    entries = load_yaml(listed.read_text(encoding="utf-8"))["entries"]
    return PhraseIndex().add_all((name, name) for name in entries)


@lru_cache(maxsize=1)
def titles() -> PhraseIndex[Title]:
    index: PhraseIndex[Title] = PhraseIndex()
    for entry in _data("roles.yaml")["titles"]:
        for form in entry["forms"]:
            index.add(form, Title(
                form, tuple(entry.get("roles", ())), entry.get("family"),
                bool(entry.get("construct")), entry.get("country"), entry.get("rank"),
                bool(entry.get("takes_portfolio")), style=bool(entry.get("style")),
                counterpart=bool(entry.get("counterpart")), adjective=bool(entry.get("adjective")),
                as_written=bool(entry.get("as_written")), sector=entry.get("sector"),
            ))
    return index


@lru_cache(maxsize=1)
def dependants() -> PhraseIndex[tuple[str, bool]]:
    """Nouns that take a title as their complement («مستشار الرئيس»): each form, and
    whether it is kin («زوجة») rather than staff."""
    data = _data("roles.yaml")["dependants"]
    return PhraseIndex().add_all([(w, (w, False)) for w in data["staff"]]
                                 + [(w, (w, True)) for w in data["kin"]])


@dataclass(frozen=True, slots=True)
class Portfolios:
    families: frozenset[str]
    max_words: int
    affairs: frozenset[str]  # keys
    not_portfolio: frozenset[str]  # keys
    adjectives: frozenset[str]  # keys of holder adjectives a ministry's name may end in


@lru_cache(maxsize=1)
def portfolios() -> Portfolios:
    data = _data("roles.yaml")["portfolios"]
    return Portfolios(frozenset(data["families"]), int(data["max_words"]),
                      frozenset(head_stem(w) for w in data["affairs"]),
                      frozenset(head_stem(w) for w in data["not_portfolio"]),
                      frozenset(head_stem(w) for w in data["adjectives"]))


@lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """The first words of the honorifics as listed (with their article: «السيد», not
    «سيد», which is also a given name)."""
    forms = _data("roles.yaml")["honorifics"]
    return frozenset(normalize_key(form.split()[0]) for form in forms)


@lru_cache(maxsize=1)
def armed_sectors() -> frozenset[str]:
    """Sectors of armed bodies: «قوات X» takes X's sector when X is one of them."""
    return _word_list("org_patterns.yaml", "armed_sectors")


@lru_cache(maxsize=1)
def national_sectors() -> frozenset[str]:
    """Sectors of offices whose title without a country takes the sentence's."""
    return _word_list("roles.yaml", "national_sectors")


@lru_cache(maxsize=1)
def meeting_words() -> frozenset[str]:
    """Keys of words that tell of a meeting or a visit («التقى», «مع»)."""
    return _word_keys("roles.yaml", "meeting_words")


@lru_cache(maxsize=1)
def posted_dependants() -> frozenset[str]:
    """Keys of the dependant nouns of diplomats, whose «إلى» and posting may follow
    («المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا»), as listed among `dependants`."""
    return _word_keys("roles.yaml", "posted_dependants")


@lru_cache(maxsize=1)
def named_country_only() -> frozenset[str]:
    """Keys of titles of one country that name its holder only where it is named."""
    return _word_keys("roles.yaml", "named_country_only")


@lru_cache(maxsize=1)
def travel_words() -> frozenset[str]:
    """Keys of words of a journey («زيارة»)."""
    return _word_keys("roles.yaml", "travel_words")


@lru_cache(maxsize=1)
def missions() -> frozenset[str]:
    """Keys of the nouns of a state's mission abroad («سفارة»), whose country follows."""
    return _word_keys("roles.yaml", "missions")


@lru_cache(maxsize=1)
def sent_to() -> frozenset[str]:
    """«إلى» before where a diplomat is sent."""
    return _word_list("roles.yaml", "sent_to")


@lru_cache(maxsize=1)
def regions() -> PhraseIndex[str]:
    """Regions a diplomat may be sent to, besides countries and organisations."""
    return _phrase_list("roles.yaml", "regions")


@lru_cache(maxsize=1)
def elect() -> frozenset[str]:
    """Keys of adjectives of a holder elected and not yet in office («المنتخب»)."""
    return _word_keys("roles.yaml", "elect")


@lru_cache(maxsize=1)
def elected_offices() -> frozenset[str]:
    """Offices whose title «المنتخب» may follow as their holder-elect's."""
    return _word_list("roles.yaml", "elected_offices")


@lru_cache(maxsize=1)
def designate() -> frozenset[str]:
    """Keys of adjectives of one designated to an office, not yet in it («المكلف»)."""
    return _word_keys("roles.yaml", "designate")


@lru_cache(maxsize=1)
def designated_offices() -> frozenset[str]:
    """Offices whose title «المكلف» may follow as their designate's."""
    return _word_list("roles.yaml", "designated_offices")


def offices_to_come(stem: str) -> frozenset[str]:
    """The offices whose holder-elect («المنتخب») or designate («المكلف») the adjective
    ``stem`` says; none for another word."""
    return elected_offices() if stem in elect() else \
        designated_offices() if stem in designate() else frozenset()


@lru_cache(maxsize=2)
def ordinary_readings(side: str) -> dict[str, frozenset[str]]:
    """KB names that are also ordinary words, by the key of their first word: the keys of
    the words after them (or before them, ``preceded_by``) that make them the ordinary
    word (``common_words.yaml``)."""
    return _word_key_sets("common_words.yaml", side)


@lru_cache(maxsize=1)
def adjective_after() -> dict[str, frozenset[str]]:
    """Title forms, by key, with the keys of the definite nouns after which they are
    adjectives («الحليف الرئيس»: the main ally)."""
    return _word_key_sets("roles.yaml", "adjective_after")


@lru_cache(maxsize=1)
def complement_of() -> dict[str, frozenset[str]]:
    """Title forms, by key, with the keys of the nouns whose complement they are there
    («مدرب الفريق»: the team's coach)."""
    return _word_key_sets("roles.yaml", "complement_of")


@lru_cache(maxsize=1)
def also_family_names() -> frozenset[str]:
    return _word_keys("roles.yaml", "also_family_names")


@dataclass(frozen=True, slots=True)
class Byline:
    words: frozenset[str]  # stem keys of the words before a reporter's name
    dashes: frozenset[str]
    words_after_dash: int


@lru_cache(maxsize=1)
def byline() -> Byline:
    data = _data("roles.yaml")["byline"]
    return Byline(frozenset(map(head_stem, data["words"])), frozenset(data["dashes"]),
                  data["words_after_dash"])


@lru_cache(maxsize=1)
def deceased_after() -> PhraseIndex[str]:
    return _phrase_list("roles.yaml", "deceased_after")


@lru_cache(maxsize=1)
def deceased_nouns() -> frozenset[str]:
    """Nouns that say the one-word name after them is a dead person's («الفقيد»)."""
    return _word_keys("roles.yaml", "deceased_nouns")


@lru_cache(maxsize=1)
def deceased_before() -> PhraseIndex[str]:
    """Words before a title or a name that say its bearer is dead («المغفور له»)."""
    return _phrase_list("roles.yaml", "deceased_before")


@lru_cache(maxsize=1)
def civilian_honorifics() -> frozenset[str]:
    return _word_keys("roles.yaml", "civilian_honorifics")


@lru_cache(maxsize=1)
def another_trade_before() -> dict[str, frozenset[str]]:
    """Title forms, by key, with the keys of the words after them that make them another
    trade («المرشد السياحي»: a tour guide)."""
    return _word_key_sets("roles.yaml", "another_trade_before")


@lru_cache(maxsize=1)
def _product_words() -> tuple[frozenset[str], ...]:
    products = _data("common_words.yaml")["products"]
    return tuple(frozenset(head_stem(w) for w in products[key])
                 for key in ("things", "between", "makers", "venues", "tournaments", "kinds"))


def thing_of_a_company(tokens: Sequence[str], start: int) -> str | None:
    """The type of what a company's name at ``start`` names after a word for a thing it
    makes or a venue or tournament it names, perhaps with «من نوع» between: «سيارة
    مرسيدس» is a car (PRODUCT), «مسرح مايكروسوفت» a theatre (FAC), «كأس الخطوط السعودية»
    a tournament (EVENT); «شركة سيارات سوزوكي» is the company (None). See ``products``."""
    things, between, makers, venues, tournaments, kinds = _product_words()
    if start and head_stem(tokens[start - 1]) in kinds:
        return "PRODUCT"  # «من نوع فورد», «طراز بوينغ»: a make
    i = start - 1
    while i >= 0 and start - i <= 3 and (head_stem(tokens[i]) in between
                                          or tokens[i] in OPENING_QUOTES):
        i -= 1
    if i < 0 or (i > 0 and head_stem(tokens[i - 1]) in makers and not definite(tokens[i - 1])):
        return None
    stems = set(map(head_stem, noun_stems(tokens[i])))
    return "PRODUCT" if stems & things else "FAC" if stems & venues else \
        "EVENT" if stems & tournaments else None


@dataclass(frozen=True)
class PlaceHead:
    """What makes a one-word KB name the head noun of a place named before: the key of
    that head as the place's name begins («جزيرة جيجو»), and the places it names alone
    (the phrases of ``places``, as word keys: «قبرص» is an island)."""

    head: str | None
    places: tuple[tuple[str, ...], ...]


def _word_before(tokens: Sequence[str], start: int) -> int:
    """The index of the word before ``tokens[start]``, past an opening quotation mark
    («سوق "عكاظ"», «35 «بي بي»»); -1 at the text's start."""
    return start - 2 if start > 1 and tokens[start - 1] in OPENING_QUOTES else start - 1


@lru_cache(maxsize=1)
def place_nouns_before() -> frozenset[str]:
    """Keys of nouns of a place before a one-word name that make it the place's."""
    return _word_keys("common_words.yaml", "place_nouns_before")


def after_a_place_noun(tokens: Sequence[str], start: int) -> bool:
    """Whether a noun of a place (through its clitics: «بحي») comes right before
    ``tokens[start]``: a one-word name there is the place's («حي الجزيرة»); or a dual of
    one a few words before it, joined by «و», the second of two places («ولايتي البحر
    الأحمر والجزيرة»)."""
    before = _word_before(tokens, start)
    if before < 0:
        return False  # (a quoted name too: «سوق "عكاظ"»)
    if _a_place_noun(tokens[before]):
        return True
    key = normalize_key(tokens[start])
    joined = key.startswith("و") and key[1:] in noun_stems(tokens[start])
    # (after a dual only: «في قطاع غزة وحماس» names the movement)
    return joined and any(normalize_key(tokens[i]).endswith("تي") and _a_place_noun(tokens[i])
                          for i in range(max(before - 2, 0), before)
                          if all(_is_a_word(w) for w in tokens[i:start]))


def _a_place_noun(token: str) -> bool:
    word = normalize_key(token)
    # (the analyser leaves a two-letter stem whole: «بحي» is «ب» + «حي» all the same)
    bare = [word[k:] for k in (1, 2) if set(word[:k]) <= PROCLITIC_LETTERS]
    if word.endswith("تي"):  # a feminine dual in construct: «ولايتي» of «ولاية»
        bare.append(word[:-2] + "ه")
    return not place_nouns_before().isdisjoint(
        map(head_stem, (*noun_stems(token), *bare)))


def _is_a_word(token: str) -> bool:
    return token.isspace() or token.isalpha()


@lru_cache(maxsize=1)
def place_heads() -> dict[str, PlaceHead]:
    """One-word KB names that may be the head noun of a place named before, by key
    (``head_of_a_place``)."""
    return {head_stem(name): PlaceHead(
        head_stem(entry["head"]) if "head" in entry else None,
        tuple(tuple(head_stem(w) for w in place.split()) for place in entry.get("places", ())))
        for name, entry in _data("common_words.yaml")["head_of_a_place"].items()}


@lru_cache(maxsize=1)
def units() -> frozenset[str]:
    """Phrase keys of names that are units after a number (``common_words.yaml``)."""
    return frozenset(phrase_key(unit) for unit in _data("common_words.yaml")["units"])


@lru_cache(maxsize=1)
def words_as_surnames() -> frozenset[str]:
    """Keys of KB surnames that are common words too («الأسد», the lion)."""
    return _word_keys("common_words.yaml", "words_as_surnames")


@lru_cache(maxsize=1)
def regnal_numbers() -> frozenset[str]:
    """Keys of the numbers after a ruler's name («الثالث»)."""
    return frozenset(map(normalize_key, _data("common_words.yaml")["regnal_numbers"]))


def another_ruler(tokens: Sequence[str], start: int, end: int, actor: Actor) -> bool:
    """Whether a regnal number after a one-word name at ``start`` that is ``actor``'s
    whole name makes it another ruler's, whose names have no such number («فيروز الثالث»);
    not a surname's («خطاب أوباما الثاني»: his second speech)."""
    number = normalize_key(tokens[end]) if end < len(tokens) and end == start + 1 else None
    forms = (actor.name, *actor.aliases)
    return number in regnal_numbers() and normalize_key(tokens[start]) in map(
        normalize_key, forms) and not any(
        number in map(normalize_key, form.split()) for form in (*forms, *actor.short))


@lru_cache(maxsize=1)
def words_as_names() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of bodies' one-word names, as written with their clitics, that are common words
    too («بحماس», with zeal), and the keys of the verbs after which they are the body."""
    data = _data("common_words.yaml")["words_as_names"]
    forms = frozenset(map(normalize_key, data["forms"]))
    return forms, frozenset(map(head_stem, data["body_after"]))


@lru_cache(maxsize=1)
def idioms() -> PhraseIndex[str]:
    """Sayings with a KB name in them as an ordinary word (``common_words.yaml``)."""
    return _phrase_list("common_words.yaml", "idioms")


def in_an_idiom(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the name at [start, end) is a word of a saying: «من القمة إلى القاعدة»."""
    return any((m := idioms().match_at(tokens, i)) is not None and m.end >= end
               for i in range(max(start - 3, 0), start + 1))


def a_unit(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the name at [start, end) is a unit after a number: «35 «بي بي»» (basis
    points), no BP."""
    before = _word_before(tokens, start)
    number = tokens[before].lstrip("وب") if before >= 0 else ""
    return number.isdigit() and phrase_key(" ".join(tokens[start:end])) in units()


PROCLITIC_LETTERS = frozenset("وفبلك")  # one-letter proclitics before a noun

# The case endings of an indefinite noun or adjective («ٍ», «ً», «ٌ»), which names never take.
TANWEEN = frozenset("\u064b\u064c\u064d")


def _listed_beside(tokens: Sequence[str], start: int, side: str, i: int) -> bool:
    """Whether ``tokens[i]`` is one of the words common_words.yaml lists on ``side``
    (`followed_by`, `preceded_by`) of the name that begins at ``start``."""
    words = next((words for stem in name_stems(tokens[start])
                  if (words := ordinary_readings(side).get(stem))), frozenset())
    return 0 <= i < len(tokens) and not words.isdisjoint(noun_stems(tokens[i]))


def ordinary_word(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the name at [start, end) is an ordinary word here: «القاعدة العسكرية» (a
    military base), «بحماس كبير» (with great enthusiasm), «السياسة الخارجية الأمريكية»."""
    def listed(side: str, i: int) -> bool:
        return _listed_beside(tokens, start, side, i)

    if a_unit(tokens, start, end) or in_an_idiom(tokens, start, end):
        return True
    if end == start + 1 and not TANWEEN.isdisjoint(tokens[start]):
        return True  # «بأسلوب واعٍ» (aware), not INA's «واع»: a name takes no tanween
    # (a name of two words too: «الدولة الإسلامية الأندلسية» is Muslim Andalusia; and a
    # span that took the word in: «بـ"حماس طفولي"»)
    # (past an indefinite nisba: «جيل سعودي واع», an aware generation)
    nisba_before = start >= 2 and not definite(tokens[start - 1]) and \
        adjectives().match_at(tokens, start - 1) is not None
    return (end - start <= 2 and listed("followed_by", end)) or \
        (end - start == 2 and listed("followed_by", start + 1)) or \
        listed("preceded_by", start - 1) or (nisba_before and listed("preceded_by", start - 2))


def nickname_at(tokens: Sequence[str], i: int) -> bool:
    """Whether the one-word name at ``i`` is followed by a word that makes it another's
    name (common_words.yaml `followed_by`: «ميسي اليونان», a Greek player so nicknamed),
    past the bracket or the quotation mark it closes («(ميسي) كما يطلق عليه الجماهير»)."""
    after = i + 1
    if after < len(tokens) and tokens[after] in (")", *CLOSING_QUOTES):
        after += 1
    return _listed_beside(tokens, i, "followed_by", after)


@lru_cache(maxsize=1)
def constituency() -> tuple[frozenset[str], frozenset[str]]:
    """The words before a legislator's seat, and the words for a place it may begin with."""
    seat = _data("roles.yaml")["constituency"]
    return (frozenset(head_stem(w) for w in seat["words"]),
            frozenset(head_stem(w) for w in seat["places"]))


@lru_cache(maxsize=1)
def courtesy_titles() -> frozenset[str]:
    return _word_keys("roles.yaml", "courtesy_titles")


@lru_cache(maxsize=1)
def origin_words() -> frozenset[str]:
    return _word_keys("roles.yaml", "origin_words")


@lru_cache(maxsize=1)
def ordinals() -> frozenset[str]:
    """Keys of the ordinals, as written (no article: «النائب الثاني» is a deputy), before
    a title that make it a first or last holder's."""
    return frozenset(map(normalize_key, _data("roles.yaml")["ordinals"]))


@lru_cache(maxsize=1)
def holder_adverbs() -> frozenset[str]:
    return _word_keys("roles.yaml", "holder_adverbs")


@lru_cache(maxsize=1)
def body_adjectives() -> frozenset[str]:
    """Keys of adjectives of a body that take «من» or «ل» and a noun («المقرب من»)."""
    return _word_keys("roles.yaml", "body_adjectives")


@lru_cache(maxsize=1)
def plural_titles() -> PhraseIndex[str]:
    """Plural and dual titles (roles.yaml ``plural_titles``), each to its singular form."""
    return PhraseIndex().add_all(_data("roles.yaml")["plural_titles"]["forms"].items())


@lru_cache(maxsize=1)
def plural_adjectives() -> dict[str, str]:
    """Keys of plural adjectives after a plural title, each to its singular form."""
    return {normalize_key(plural): singular for plural, singular
            in _data("roles.yaml")["plural_titles"]["adjectives"].items()}


@lru_cache(maxsize=1)
def holder_adjectives() -> frozenset[str]:
    """Keys of adjectives of a holder in office, passed over after a title («الجديد»)."""
    return _word_keys("roles.yaml", "holder_adjectives")


@lru_cache(maxsize=1)
def former_markers() -> frozenset[tuple[str, ...]]:
    """The words of `out_of_office` that make a former holder («السابق», «الراحل»), as
    keys: «انذاك» is «آنذاك»."""
    return frozenset(phrase_key(form) for form in _data("roles.yaml")["former"])


@lru_cache(maxsize=1)
def title_years() -> tuple[frozenset[str], frozenset[str]]:
    """The words before the years that date a title, and the words between two years."""
    years = _data("roles.yaml")["title_years"]
    return frozenset(map(head_stem, years["before"])), \
        frozenset(map(normalize_key, years["between"]))


@lru_cache(maxsize=1)
def out_of_office() -> PhraseIndex[str]:
    """Words after a title that say its holder is not in office: «السابق», «في حكومة الظل»."""
    return _phrase_list("roles.yaml", "out_of_office")


def family_sector(family: str) -> str | None:
    """The sector every office of ``family`` has, if they share one."""
    sectors = {o.sector for o in offices().values() if o.family == family}
    return sectors.pop() if len(sectors) == 1 else None


@lru_cache(maxsize=1)
def honorifics() -> PhraseIndex[str]:
    return _phrase_list("roles.yaml", "honorifics")


@lru_cache(maxsize=1)
def not_given_names() -> frozenset[str]:
    """Words written as listed, never a given name (``not_given_names`` in roles.yaml)."""
    return _word_list("roles.yaml", "not_given_names")


@lru_cache(maxsize=1)
def anaphors() -> PhraseIndex[str]:
    return _phrase_list("roles.yaml", "anaphors")


def role_matches(role: str, title: Title) -> bool:
    """Whether an office (a role key) is one the title can name."""
    if role in title.roles:
        return True
    office = offices().get(role)
    return bool(title.family and office and office.family == title.family)


def roles_named(titles: Iterable[Title]) -> frozenset[str]:
    """Every office key some title of ``titles`` can name: the roles ``r`` for which
    ``role_matches(r, title)`` holds, to test many roles against one set."""
    titles = tuple(titles)
    families = {t.family for t in titles if t.family}
    return frozenset({r for t in titles for r in t.roles}
                     | {k for k, o in offices().items() if o.family in families})


@dataclass(frozen=True, slots=True)
class OrgHead:
    form: str
    sector: str  # a PLOVER sector, or "inherit" or "armed" (see org_patterns.yaml)
    default: str | None  # the sector without a side (a bare nisba)
    not_with: frozenset[str] = frozenset()  # proclitics that make it another word
    leaders: bool = False  # its complement may be a leader («قوات الأسد»)
    places: bool = False  # its complement may be a place («حكومة طرابلس»)
    names: bool = False  # it may begin a name NER found after it («شركة كونوكو فيليبس»)
    # its name may go on with «ل» and what it is for («اللجنة العليا لمهرجان جدة»)
    complement: bool = False

    @property
    def derived(self) -> bool:
        """Whether the body's sector comes from its side rather than from the head."""
        return self.sector in ("inherit", "armed")

    def sector_for(self, side: str | None) -> str | None:
        """The sector of a body this head names, given its side's sector (the
        organisation or leader in its complement; None without a side)."""
        if not self.derived:
            return self.sector
        if side is None:
            return self.default
        if self.sector == "armed":  # «قوات حكومة الوفاق» MIL, «قوات المجلس الانتقالي» REB
            return side if side in armed_sectors() else "MIL"
        return side


@lru_cache(maxsize=1)
def org_heads() -> PhraseIndex[OrgHead]:
    index: PhraseIndex[OrgHead] = PhraseIndex()
    for entry in _data("org_patterns.yaml")["heads"]:
        for form in entry["forms"]:
            index.add(form, OrgHead(form, entry["sector"], entry.get("default"),
                                    frozenset(entry.get("not_with", ())),
                                    bool(entry.get("leaders")), bool(entry.get("places")),
                                    bool(entry.get("names")), bool(entry.get("complement"))))
    return index


@lru_cache(maxsize=1)
def leader_heads() -> PhraseIndex[str]:
    return _phrase_list("org_patterns.yaml", "leader_heads")


@lru_cache(maxsize=1)
def not_bodies() -> PhraseIndex[str]:
    """Places whose names begin with an organisation's head word («قناة السويس»)."""
    return _phrase_list("org_patterns.yaml", "not_bodies")


@lru_cache(maxsize=1)
def team_words() -> frozenset[str]:
    """Keys of the words for a team after a club's title («مدرب الفريق»)."""
    return _word_keys("org_patterns.yaml", "teams")


@lru_cache(maxsize=1)
def not_clubs() -> frozenset[str]:
    """Keys of definite words after a club's title that name no club («مدرب اللياقة»)."""
    return _word_keys("org_patterns.yaml", "not_clubs")


@lru_cache(maxsize=1)
def club_adjectives() -> frozenset[str]:
    """Keys of adjectives after a player's club, passed over («الدولي»)."""
    return _word_keys("org_patterns.yaml", "club_adjectives")


@lru_cache(maxsize=1)
def national_teams() -> frozenset[str]:
    """Keys of the words for a team whose nisba is its country («المنتخب السعودي»)."""
    return _word_keys("org_patterns.yaml", "national_teams")


@lru_cache(maxsize=1)
def own_copy_before() -> frozenset[str]:
    """Keys of nouns before an outlet's name that make it itself in its own copy."""
    return _word_keys("org_patterns.yaml", "own_copy_before")


@lru_cache(maxsize=1)
def media_of() -> frozenset[str]:
    """Keys of heads of a medium a body owns, before the body's name («إذاعة الجيش»)."""
    return _word_keys("org_patterns.yaml", "media_of")


@lru_cache(maxsize=1)
def brand_words() -> frozenset[str]:
    """Keys of words that go on a company's name and still name it («موتورز»)."""
    return _word_keys("org_patterns.yaml", "brand_words")


@lru_cache(maxsize=1)
def family_words() -> frozenset[str]:
    """Keys of words after which a nisba is a family name («دار السويدي»)."""
    return _word_keys("org_patterns.yaml", "family_words")


@lru_cache(maxsize=1)
def relative_pronouns() -> frozenset[str]:
    """«التي», «الذي»: words no name ends with."""
    return _word_list("org_patterns.yaml", "relative_pronouns")


@lru_cache(maxsize=1)
def head_anaphors() -> frozenset[str]:
    """Keys of heads that, alone with the article, name a body named before («الوزارة»)."""
    return _word_keys("org_patterns.yaml", "head_anaphors")


@lru_cache(maxsize=1)
def idioms_of_heads() -> frozenset[str]:
    """Heads with a proclitic, as written, that make an idiom: «بالوكالة» (acting)."""
    return frozenset(map(normalize_key, _data("org_patterns.yaml")["idioms_of_heads"]))


@lru_cache(maxsize=1)
def day_words() -> frozenset[str]:
    """Keys of the days' names and «اليوم», which may follow a head alone."""
    return _word_keys("org_patterns.yaml", "day_words")


@lru_cache(maxsize=1)
def domestic_sectors() -> frozenset[str]:
    """Sectors of bodies that, named without a country, take their sentence's."""
    return _word_list("org_patterns.yaml", "domestic_sectors")


@lru_cache(maxsize=1)
def post_words() -> frozenset[str]:
    """Keys of nouns for a post («منصب»): a title after one names the office, not a person."""
    return _word_keys("roles.yaml", "post_words")


@lru_cache(maxsize=1)
def becoming_verbs() -> frozenset[str]:
    """Keys of verbs of becoming: a title after the name they come before is what one
    becomes («أصبحت هيلاري كلينتون الرئيسة»), no holder's."""
    return _word_keys("roles.yaml", "becoming_verbs")


@lru_cache(maxsize=1)
def holding_verbs() -> frozenset[str]:
    """Keys of verbs of a relative clause that give the name before it an office now
    («الذي يشغل»)."""
    return _word_keys("roles.yaml", "holding_verbs")


@lru_cache(maxsize=1)
def holding_adverbs() -> frozenset[str]:
    """Keys of adverbs that may follow those verbs («أيضا», «حاليا»)."""
    return _word_keys("roles.yaml", "holding_adverbs")


@lru_cache(maxsize=1)
def past_copulas() -> frozenset[str]:
    """Keys of words that make an accusative title a past office («كان», «سابقا»)."""
    return _word_keys("roles.yaml", "past_copulas")


@lru_cache(maxsize=1)
def outward_offices() -> frozenset[str]:
    """Offices whose holders speak of other states' governments (org_patterns.yaml)."""
    return _word_list("org_patterns.yaml", "outward_offices")


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    """Keys of words for the office of a title's holder («مكتب رئيس الوزراء»)."""
    return _word_keys("org_patterns.yaml", "office_heads")


@lru_cache(maxsize=1)
def state_agencies() -> frozenset[str]:
    """Actor ids of state news agencies, which speak for their state («نقلت واس عن»)."""
    return _word_list("org_patterns.yaml", "state_agencies")


@dataclass(frozen=True, slots=True)
class NamedAfter:
    """Stem keys of the words of a place or body named after a person (``named_after``)."""

    styles: frozenset[str]
    place_heads: frozenset[str]
    body_heads: frozenset[str]
    misc_heads: frozenset[str]
    continuations: frozenset[str]
    between: frozenset[str]  # nouns between the head and the name («برنامج ضيوف …»)
    # heads written with «ة», which the text must write so: «مكتبه» is "his office"
    with_ta_marbuta: frozenset[str] = frozenset()

    def kind(self, head: str) -> str | None:
        """The entity type of what a head (a stem key) names after a person."""
        return "FAC" if head in self.place_heads else "ORG" if head in self.body_heads \
            else "MISC" if head in self.misc_heads else None


@lru_cache(maxsize=1)
def named_after() -> NamedAfter:
    lists = _data("org_patterns.yaml")["named_after"]
    heads = [w for kind in ("place_heads", "body_heads", "misc_heads") for w in lists[kind]]
    return NamedAfter(**{f.name: frozenset(map(head_stem, lists[f.name]))
                         for f in fields(NamedAfter) if f.name in lists},
                      with_ta_marbuta=frozenset(head_stem(w) for w in heads if w.endswith("ة")))


@lru_cache(maxsize=1)
def leader_markers() -> frozenset[str]:
    """«برئاسة», «بقيادة»: words before the name of who heads a body, never in a name."""
    return _word_list("org_patterns.yaml", "leader_markers")


@lru_cache(maxsize=1)
def leader_titles() -> dict[str, str]:
    """The title each of `leader_markers` gives who it names after a body, by the marker's
    key: «برئاسة» → «رئيس»."""
    return {normalize_key(marker): title
            for marker, title in _data("org_patterns.yaml")["leader_markers"].items() if title}


@lru_cache(maxsize=1)
def leading_verbs() -> dict[str, str]:
    """The title each verb of a relative clause after a body gives who leads it, by the
    verb's key: «يتزعمه» → «زعيم»."""
    return {normalize_key(verb): title
            for verb, title in _data("org_patterns.yaml")["leading_verbs"].items()}


@lru_cache(maxsize=1)
def broadcast_words() -> frozenset[str]:
    """Keys of words before a one-word name that make it a broadcaster's («مراسل»)."""
    return _word_keys("org_patterns.yaml", "broadcast_words")


@lru_cache(maxsize=1)
def led_nouns() -> frozenset[str]:
    """Keys of nouns before a body that a leading clause after it describes («وفد»)."""
    return _word_keys("org_patterns.yaml", "led_nouns")


@lru_cache(maxsize=1)
def org_middles() -> PhraseIndex[str]:
    return _phrase_list("org_patterns.yaml", "middles")


@lru_cache(maxsize=1)
def ambiguous() -> list[dict]:
    return _data("ambiguous.yaml")


@dataclass(frozen=True, slots=True)
class Alias:
    actor: Actor
    short: bool  # a surname or short form: needs context to be trusted


# The topics (data/topics.yaml) of the story being read, set by the entity stage around
# each document (:func:`reading_topics`): every look-up of a name in its steps, down to
# a title's organisation, reads the names as that story's.
_story_topics: ContextVar[frozenset[str]] = ContextVar("story_topics", default=frozenset())


def story_topics() -> frozenset[str]:
    """The topics of the story being read (``reading_topics``)."""
    return _story_topics.get()


@contextmanager
def reading_topics(topics: frozenset[str]) -> Iterator[None]:
    """Read names as in a story of ``topics`` within the block."""
    token = _story_topics.set(topics)
    try:
        yield
    finally:
        _story_topics.reset(token)


def aliases() -> PhraseIndex[Alias]:
    """Every alias of every actor, full and short, in each of its spellings; in a story
    of a topic, the names its actors go by there instead of the actors they name
    elsewhere («الاتحاد الأوروبي», UEFA in football)."""
    return _aliases(story_topics())


@lru_cache(maxsize=8)
def _aliases(topics: frozenset[str]) -> PhraseIndex[Alias]:
    actors = load_kb().actors.values()
    in_topic = [(spelling, actor) for actor in actors if actor.topic in topics
                for form in actor.in_topic for spelling in spellings(form)]
    taken = {phrase_key(spelling) for spelling, _ in in_topic}
    index: PhraseIndex[Alias] = PhraseIndex(name_stems)
    for actor in actors:
        for forms, short in ((actor.aliases, False), (actor.short, True)):
            for form in forms:
                for spelling in spellings(form):
                    if phrase_key(spelling) not in taken:
                        index.add(spelling, Alias(actor, short))
    for spelling, actor in in_topic:
        index.add(spelling, Alias(actor, short=False))
    return index


OPENING_QUOTES = frozenset({"«", '"', "“"})
CLOSING_QUOTES = frozenset({"»", '"', "”"})
MAX_QUOTED_WORDS = 4


@lru_cache(maxsize=1)
def quoted_names() -> dict[tuple[str, ...], Actor]:
    """The names actors go by only in quotation marks, by their words' keys."""
    return {tuple(map(normalize_key, form.split())): actor
            for actor in load_kb().actors.values() for form in actor.quoted}


def closing_quote(tokens: Sequence[str], quote: int) -> int | None:
    """Where the quotation opened at ``quote`` closes, when it holds a short name."""
    return next((end for end in range(quote + 2, min(quote + 2 + MAX_QUOTED_WORDS, len(tokens)))
                 if tokens[end] in CLOSING_QUOTES), None)


def quoted_name_at(tokens: Sequence[str], i: int, outlet: Actor | None = None
                   ) -> tuple[int, int, Actor] | None:
    """A name in the quotation marks opened at ``tokens[i]`` that is an actor's only so
    («قال لـ«الشرق الأوسط»», the paper), or, in the copy of ``outlet``, the outlet's own
    name («مصادر لـ«الجزيرة»» in Al-Jazirah): its first and end tokens, and the actor.
    Some sites open a quotation with «»» too («لـ»الجزيرة»»)."""
    opening = tokens[i] in OPENING_QUOTES or (tokens[i] == "»" and outlet is not None)
    if not opening or (tokens[i] == '"' and tokens[:i].count('"') % 2):  # a plain «"» closing
        return None
    end = closing_quote(tokens, i)
    if end is None:
        return None
    words = tuple(map(normalize_key, tokens[i + 1:end]))
    if outlet is not None and words in {tuple(map(normalize_key, form.split()))
                                        for form in outlet.own_quoted}:
        return i + 1, end, outlet
    actor = quoted_names().get(words) if tokens[i] != "»" else None
    return (i + 1, end, actor) if actor else None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, Actor]:
    return {actor.site: actor for actor in load_kb().actors.values() if actor.site}


def outlet_at(url: str | None) -> Actor | None:
    """The medium whose web site ``url`` is on («https://www.al-jazirah.com/…»), if the
    KB knows it: an article from there is its own copy."""
    host = (urlparse(url).hostname or "") if url else ""
    return _outlets().get(host.removeprefix("www."))


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    at_least: int  # cue words a story of the topic uses, in all
    cues: PhraseIndex[str]
    own: PhraseIndex[str]  # the topic's own name («كرة القدم»)
    rivals: PhraseIndex[str]  # names of rival topics (other sports)


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    """The topics of data/topics.yaml with their cue words."""
    def index(words: list[str]) -> PhraseIndex[str]:
        return PhraseIndex().add_all((word, word) for word in words)

    return tuple(Topic(name, entry["at_least"], index(entry["cues"]),
                       index(entry.get("own", [])), index(entry.get("rivals", [])))
                 for name, entry in _data("topics.yaml").items())


def topics_of(tokens: Sequence[str]) -> frozenset[str]:
    """The topics of which a story (its tokens) uses enough different cue words: one
    word said twice («لاعب إقليمي … لاعب أساسي») is no football story; nor one that
    names a rival of the topic (another sport) more often than the topic's own name."""
    def of(topic: Topic) -> bool:
        cues = {value for match in topic.cues.find_all(tokens) for value in match.values}
        return len(cues) >= topic.at_least and \
            len(topic.rivals.find_all(tokens)) <= len(topic.own.find_all(tokens))

    return frozenset(topic.name for topic in topics() if of(topic))


def warm_topic_indexes() -> None:
    """Build the alias index of every topic now, not on a story of it."""
    for topic in topics():
        _aliases(frozenset({topic.name}))


def igo_office(key: str) -> bool:
    """Whether an office is an international body's (the UN's envoys: the KB gives each
    the country he is sent to)."""
    office = offices().get(key)
    return office is not None and office.sector == "IGO"


def given_name(word: str, actor: Actor) -> bool:
    """Whether ``word`` is the first word of one of a person's names: «مقرن» is Prince
    Muqrin's; «مشعل», Khaled Meshaal's surname, is no given name of his."""
    key = head_stem(word)
    return any(head_stem(_without_style(spelling)[0]) == key
               for form in actor.aliases for spelling in spellings(form))


def _without_style(form: str) -> list[str]:
    """The words of a name without a style it is listed with («الأمير محمد بن سلمان»)."""
    words = form.split()
    style = titles().match_at(words, 0) if len(words) > 1 else None
    return words[style.end:] if style and any(t.style for t in style.values) \
        and style.end < len(words) else words


SHORT_ACRONYM = 3  # letters


def _hamza_inside(word: str) -> bool:
    """Whether a hamza is written inside ``word``, after its first letter («ترأس»)."""
    return any(letter in "أإؤئ" for letter in word[1:])


def written_alike(words: Sequence[str], actor: Actor) -> bool:
    """Whether ``words`` end a name with the article as one of its forms does: the alias
    index matches words without their article, but the family name «الموسى» (a
    footballer, «معتز الموسى») is not «موسى» (a prime minister, «معتز موسى»), and «قوة ردع»
    ("a deterrent force": the construct is indefinite) is no «قوة الردع». Inside a
    person's name the press varies («صباح خالد الحمد الصباح», «صباح الخالد …»).
    Organisations are named either way when the KB lists both forms («الليكود», «ليكود»),
    but a one-word name is written with the article as listed: «عربية» is no channel
    «العربية», «الفتح» («الفتح المبين») no «فتح», «المصدر» ("the source") no company
    «مصدر»."""
    if not words:
        return True
    if len(words) == 1 and _pronoun_for_ta_marbuta(words[0], actor):
        return False  # «وجوده» (his presence) is no «جودة» (Nasser Judeh)
    forms = (*actor.aliases, *actor.short)
    if len(words) == 1 and _hamza_inside(words[0]) and not any(map(_hamza_inside, forms)):
        # (the word whole when a form is it, its first letter no proclitic: «بأول» is no
        # «باول»; else past its proclitic)
        whole = normalize_key(words[0]) in map(normalize_key, forms)
        if whole or _hamza_inside(words[0][len(best(words[0]).prefix):]):
            return False  # a hamza inside the word its forms lack: «ترأس» (chaired), no Truss
    if actor.type != "PERSON" and len(words) == 1:
        # (and its names in a story of its topic: «جزيرة فرسان» is no «الجزيرة», the club)
        in_topic = actor.in_topic if actor.topic in story_topics() else ()
        one_word = [f for f in (*actor.aliases, *actor.short, *in_topic) if " " not in f]
        if any(len(f) <= SHORT_ACRONYM for f in one_word):
            # an acronym of three letters is written as listed: «وأم» ("and a mother") is
            # no «وام» (WAM), whose key it shares
            return unmarked(words[0]) in {unmarked(f) for f in one_word}
        return not one_word or any(definite(form) == definite(words[0]) for form in one_word)
    last = definite(words[-1])
    forms = [spelling for form in (*actor.aliases, *actor.short) for spelling in spellings(form)]
    # the forms the words are, article aside, when there are («وكالة أنباء إيرانية», "an
    # Iranian agency", is no «وكالة الأنباء الإيرانية», though IRNA is also «وكالة إرنا»)
    # (or with its proclitic aside: «لتحالف دولي», "for an international alliance"; but
    # «كتائب» is no «ك» + a word)
    by_key: dict[str, list[str]] = {}
    for form in forms:
        by_key.setdefault(phrase_key(form), []).append(form)
    keys = (phrase_key(" ".join(words)),
            phrase_key(" ".join((words[0][len(best(words[0]).prefix):], *words[1:]))))
    same = next((by_key[key] for key in keys if key in by_key), [])
    if same and actor.type != "PERSON" and len(words) > 1 and not any(
            definite(form.split()[0]) == definite(words[0]) for form in same):
        return False  # «الصحيفة الاقتصادية» ("the economic paper") is no «صحيفة الاقتصادية»
    same = same or forms
    # (unless the KB writes that word both ways: «حزب ليكود» after «الليكود», «ليكود»)
    both = {definite(form.split()[-1]) for form in forms
            if head_stem(form.split()[-1]) == head_stem(words[-1])}
    return len(both) == 2 or any(definite(form.split()[-1]) == last for form in same)


def _pronoun_for_ta_marbuta(word: str, actor: Actor) -> bool:
    """Whether a word ends with «ه» where every one-word name of the actor it may be
    ends with «ة»: the key folds the two, but «ه» there is a pronoun («وجوده»)."""
    ends = {form[-1] for form in (*actor.aliases, *actor.short) if " " not in form}
    return word.endswith("ه") and ends == {"ة"}


def spellings(form: str) -> set[str]:
    """The form with its compound given names joined and apart («عبد ربه» / «عبدربه»;
    ``data/spellings.yaml``), and with another head of its kind («جريدة» for «صحيفة»)."""
    words = form.split()
    joined, apart = [], []
    for word in words:
        head = next((h for h in _compound_heads() if word.startswith(h)
                     and len(word) - len(h) >= 3), None)
        apart.extend([head, word[len(head):]] if head else [word])
    for word in words:
        if joined and joined[-1] in _compound_heads():
            joined[-1] += word
        else:
            joined.append(word)
    forms = {form, " ".join(joined), " ".join(apart)}
    # a head of the same kind of body: «صحيفة الأهرام» is «جريدة الأهرام» too
    return forms | {" ".join((other, *f.split()[1:])) for f in forms
                    for other in _heads_like().get(f.split()[0], ())}


@cache
def _heads_like() -> dict[str, tuple[str, ...]]:
    """The heads that name the same kind of body as a head the KB's names use, as
    written: «صحيفة» → («جريدة»,) (org_patterns.yaml `same_heads`)."""
    like: dict[str, tuple[str, ...]] = {}
    for head, same in _data("org_patterns.yaml")["same_heads"].items():
        like[same] = (*like.get(same, ()), head)
    return like


@cache
def _compound_heads() -> frozenset[str]:
    return _word_list("spellings.yaml", "joined_or_apart")
