"""The spaCy component ``marsad_entities``: mentions → linked entities.

Writes
* ``doc._.entities``: :class:`marsad.analysis.Entity` records, ids ``e0``, ``e1`` … in
  order of first mention, one per actor, with country, PLOVER sector and roles as of the
  publication date (``doc._.document.published``);
* ``doc.spans["entities"]``: every mention, ``span.id_`` the entity id, ``span.label_``
  its type.

Mentions come from ``doc.ents`` (NER, and places' GPE/LOC), from KB aliases NER missed
(full names only), from organisation patterns («وزارة الدفاع التركية»), from nationality
adjectives (NORP), from titles («أمير قطر»: an unnamed person with an office) and from
«الأخير». Titles and appositions give a person its office, country and sector; later
mentions join the entity they name: the same actor, a surname of an earlier name, «الوزير
التركي» for the Turkish minister already mentioned, «الأخير» for the last person.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.analysis import Entity, Place
from marsad.analysis import Mention as MentionRecord
from marsad.doc import text_of, words_of
from marsad.geo.gazetteer import gazetteer
from marsad.geo.lexicon import lexicon as place_lexicon
from marsad.kb.index import Match, head_stem
from marsad.kb.lexicon import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    Title,
    after_a_place_noun,
    aliases,
    anaphors,
    another_ruler,
    armed_sectors,
    becoming_verbs,
    brand_words,
    broadcast_words,
    byline,
    closing_quote,
    clubs,
    deceased_after,
    deceased_before,
    deceased_nouns,
    dependants,
    domestic_sectors,
    family_words,
    given_name,
    holding_adverbs,
    holding_verbs,
    honorific_words,
    honorifics,
    igo_office,
    leader_heads,
    leader_markers,
    leader_titles,
    leading_verbs,
    led_nouns,
    media_of,
    meeting_words,
    named_after,
    named_country_only,
    national_sectors,
    nickname_at,
    not_given_names,
    office_heads,
    offices,
    offices_to_come,
    ordinary_word,
    org_heads,
    org_middles,
    out_of_office,
    outlet_at,
    outward_offices,
    own_copy_before,
    past_copulas,
    place_heads,
    plural_adjectives,
    plural_titles,
    portfolios,
    post_words,
    quoted_name_at,
    reading_topics,
    relative_pronouns,
    role_matches,
    roles_named,
    spellings,
    state_agencies,
    story_topics,
    thing_of_a_company,
    titles,
    topics,
    topics_of,
    warm_topic_indexes,
    words_as_names,
    words_as_surnames,
    written_alike,
    written_with,
)
from marsad.kb.mentions import (
    CLUB_HEAD,
    COMMAS,
    MAX_DEPENDANT_WORDS,
    POSSESSIVE_SUFFIXES,
    SPEAKS_FOR,
    OrgPattern,
    TitlePhrase,
    another_body,
    head_anaphor,
    is_anaphor,
    name_around_quote,
    of_another_country,
    ordinal_before,
    org_head_at,
    past_honorifics,
    read_org_pattern,
    read_predicate_title,
    read_title,
    said_before,
    title_at,
)
from marsad.kb.model import Actor, Role, load_kb
from marsad.kb.nationalities import adjectives, country_names, country_of_name
from marsad.kb.resolve import Context, Resolution, resolve_name, resolve_office, state
from marsad.ner.consistency import name_links
from marsad.ner.lexicon import name_proclitic
from marsad.ner.model import shipped_lexicon
from marsad.text.clitics import (
    analyses,
    best,
    definite,
    name_stems,
    noun_stems,
    writes_article,
)
from marsad.text.normalize import normalize, normalize_key, visible
from marsad.text.sentences import sentence_starts

SPAN_KEY = "entities"
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
QUOTED_LIST_REACH = 5  # tokens to a neighbour in a list of quoted names
MAX_QUOTED_PLACE_WORDS = 2
DASHES = ("-", "–", "—")
MAX_PRAYER_WORDS = 4  # «طيب الله ثراه», «غفر الله له»
MEETING_REACH = 12  # words from a verb of meeting to its subject's name
CLUBS_TOPIC = "football"  # (topics.yaml) the stories whose clubs' names are clubs
# NER labels (ours, ANERcorp's, Wojood's) to record types.
NER_TYPES = {
    "PERSON": "PERSON", "PERS": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE",
    "LOC": "LOC", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT", "PRODUCT": "PRODUCT",
    "MISC": "MISC",
}


@dataclass
class Found:
    """A mention before linking: tokens [start, end), type, and what is known of it."""

    start: int
    end: int
    type: str
    source: str  # ner | kb | pattern | nisba | title | anaphor | head_anaphor
    actor: Actor | None = None
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    posted_to: str | None = None  # a title's: where its holder is sent
    sector: str | None = None
    short: bool = False  # found by a short alias: kept only if its actor is in the text
    sector_hint: str | None = None  # from a military rank or the body a title names
    body: str | None = None  # a body the KB does not list a title names («حزب القوات»)
    leads: frozenset[str] = frozenset()  # keys the first word matched (to cut its clitics)
    place: Place | None = None  # the places stage's reading of a GPE/LOC/FAC span
    led_by: tuple[int, int] | None = None  # «قوات الأسد»: the leader's name it contains
    surname: bool = False  # a name NER found, linked by the actor's short form alone
    nationality: str | None = None  # a person's, by a nisba next to the name
    years: tuple[int, int] | None = None  # past years its titles are dated to


@dataclass
class Draft:
    """An entity being built."""

    type: str
    name: str
    actor: Actor | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    role_keys: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)  # of the unlisted offices it holds
    former: set[str] = field(default_factory=set)  # titles it held («السفير السابق»)
    # offices the KB says it holds only at other times, far from the date (Trump's
    # presidency in 2022): their bare titles are courtesies
    other_times: set[str] = field(default_factory=set)
    earlier: set[str] = field(default_factory=set)  # those of ``other_times`` held before
    mentions: list[Found] = field(default_factory=list)
    key: tuple = ()


_is_punct = lru_cache(maxsize=20_000)(is_punct)  # spaCy's own test, as token.is_punct


class Page:
    """A document with its text and tokens read once: spaCy's ``doc.text`` rebuilds the
    string on every access, and ``doc[i]`` makes a new Token object."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self._words = words_of(doc)
        self.words = self._words.texts
        self.idx = self._words.idx  # character offset of each token
        self.punct = [_is_punct(w) for w in self.words]
        # each token's sentence, by marsad's own rules (. ! ؟ ؛, line breaks, quotations):
        # the sentencizer's, when it ran
        starts = (doc.to_array("SENT_START") == 1).tolist() \
            if doc.has_annotation("SENT_START") else sentence_starts(doc)
        self.sentence = list(accumulate(map(int, starts)))
        # per sentence, the countries its places, nationalities, people and bodies name
        # (set by link()), and all of them
        self.countries: list[Counter[str]] = []
        self.article_countries: Counter[str] = Counter()

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as ``doc[start:end].text``."""
        return self.text[self.idx[start] : self.end_char(end)]

    def end_char(self, end: int) -> int:
        """The character offset after token ``end - 1``."""
        return self._words.end_char(end)

    def content_words(self, start: int, end: int) -> list[str]:
        """The texts of tokens [start, end) that are not punctuation."""
        return [w for w, punct in zip(self.words[start:end], self.punct[start:end],
                                      strict=True) if not punct]


def publication_date(doc: Doc) -> dt.date | None:
    document = doc._.document
    return getattr(document, "published", None) if document is not None else None


def publishing_outlet(doc: Doc) -> Actor | None:
    """The KB medium whose site published the document, if any (its own copy)."""
    document = doc._.document
    return outlet_at(getattr(document, "url", None)) if document is not None else None


class EntityLinker:
    def __init__(self, nlp: Language, name: str = "marsad_entities"):
        self.name = name
        # Read the data at pipeline load, not on the first document.
        for index in (aliases, titles, adjectives, country_names, org_heads, org_middles,
                      honorifics, anaphors, offices, out_of_office, portfolios, dependants,
                      leader_markers, family_words, meeting_words, national_sectors,
                      shipped_lexicon, topics, warm_topic_indexes):
            index()

    def __call__(self, doc: Doc) -> Doc:
        date = publication_date(doc)
        page = Page(doc)
        with reading_topics(topics_of(page.words)):
            found = find(doc, page.words, page.sentence)
            drafts = link(page, found, date)
            entities, spans = records(page, drafts)
        doc._.entities = entities
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "marsad_entities",
    assigns=["doc._.entities", "doc.spans"],
    requires=["doc.ents"],
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)


# Mentions whose country may complete an organisation's name («حكومة طرابلس»).
PLACE_TYPES = frozenset({"GPE", "LOC"})

# How many days from its end or start a KB office's bare title is news, not a courtesy.
COURTESY_DAYS = 90

# The first words of a kunya («أبو عبيدة»), a name many share.
KUNYAS = frozenset(normalize_key(w) for w in ("أبو", "أبي", "أبا", "أم"))

# The words between generations of a lineage («محمد بن نايف بن عبدالعزيز»), as keys.
LINEAGE_WORDS = frozenset({"بن", "ابن"})
# the word before a father's name in a daughter's («مشاعل بنت مقرن»), and both
DAUGHTER_OF = "بنت"
PARENT_WORDS = LINEAGE_WORDS | {DAUGHTER_OF}

# The word for a late holder after his title («الرئيس الراحل»).
LATE = "الراحل"
FORMER = "السابق"
# The offices Lebanon's courtesy «الرئيس» recalls («الرئيس سعد الحريري»): a premier's
COURTESY_FAMILIES = frozenset({"head_of_government"})

# How far back, in words, a list of things named after people looks for their head.
MAX_LIST_REACH = 12

# How far back, in words, «نظيره» looks for the office it shares.
COUNTERPART_REACH = 30


# --- finding mentions ------------------------------------------------------------------

def find(doc: Doc, tokens: list[str], sentence: list[int]) -> list[Found]:
    """The mentions of a document whose tokens are ``tokens``, each token's sentence
    numbered in ``sentence``."""
    places = _places_by_end(doc)
    found = _join_split_names(
        [m for ent in doc.ents if ent.label_ in NER_TYPES
         and (m := _from_ner(ent, places)) is not None], tokens)
    found = _join_hyphenated(doc, found)
    outlet = publishing_outlet(doc)
    found = _own_names(_quoted_names(found, tokens, outlet), tokens, outlet)
    _cut_before_titles(found, tokens)
    # where a title or a KB name may begin: several steps skip the other tokens
    title_starts, name_starts = titles().starts(tokens), aliases().starts(tokens)
    found = _named_after_people(found, tokens, [t or n for t, n in zip(
        title_starts, name_starts, strict=True)])
    names = _kb_names(tokens, {f.end for f in found if f.type == "PERSON"}, name_starts)
    _split_run_on_orgs(found, names, tokens)
    found = _merge(_people_behind_heads(found, names, tokens), names,
                   swallows=lambda outer, inner: True)
    persons = [f for f in found if f.type == "PERSON"]
    # the tagger may read a title as a place («سفيرة», a Syrian town, before «الولايات
    # المتحدة»): the title phrase takes such a mention's words
    title_words = [f for f in found
                   if _is_title_word(tokens, f, {p.start for p in persons}, sentence)]
    # and the tagger's other names inside those titles' words («وبابا [الكنيسة
    # الكاثوليكية]» → «الكاثوليكية» as an organisation)
    inside = {i for f in title_words
              for i in range(f.start, titles().match_at(tokens, f.start).end)}
    title_words += [f for f in found if f.source == "ner" and f.type != "PERSON"
                    and f not in title_words and set(range(f.start, f.end)) <= inside]
    taken = _cover(f for f in found if f not in title_words) - _holders_titles(found, tokens,
                                                                                persons)
    _titles_in_names(tokens, persons)
    standalone, titled = _titles(tokens, persons, taken, publication_date(doc), sentence,
                                 title_starts)
    found = [f for f in found if f not in title_words or f.start not in titled] + \
        [_holders_office(tokens, f) for f in standalone]
    titled |= _predicate_titles(tokens, persons, titled)
    titled |= _plural_titles(tokens, persons, titled)
    places = {f.start: (f.end, f.country) for f in found
              if f.type in PLACE_TYPES and f.country and f.source == "ner"
              and _names_the_place(tokens[f.start])}
    found = _merge(found, _patterns(tokens, _insides(found) | titled, places),
                   swallows=lambda outer, inner: inner.source != "title" and (
                       inner.type != "PERSON" or outer.led_by == (inner.start, inner.end)))
    _heads_before(found, tokens)
    _chaired_by(found, tokens)
    # the tagger's «المنظمة» alone is the body named before by its head, as any head alone
    found = [f for f in found if not (f.source == "ner" and f.type == "ORG" and
                                      f.end == f.start + 1 and head_anaphor(tokens, f.start))]
    taken = _cover(found)
    found += _nisbas(tokens, found, taken | titled)
    may_be_anaphor = anaphors().starts(tokens)
    found += [Found(i, i + 1, "PERSON", "anaphor") for i in range(len(tokens))
              if may_be_anaphor[i] and i not in taken and is_anaphor(tokens, i)]
    found += _head_anaphors(tokens, taken | titled)
    return sorted(found, key=lambda f: (f.start, -f.end))


def _head_anaphors(tokens: list[str], taken: set[int]) -> list[Found]:
    """«الجيش», «الوزارة» alone: a body named again by its head (org_patterns.yaml
    `head_anaphors`), with the sector the head gives."""
    found = []
    for i, word in enumerate(tokens):
        key = head_anaphor(tokens, i) if i not in taken and "ال" in word[:5] else None
        if key is not None:
            head = org_head_at(tokens[:i + 1], i)
            found.append(Found(i, i + 1, "ORG", "head_anaphor", leads=frozenset({key}),
                               sector=head.values[0].sector_for(None) if head else None))
    return found


def _is_title_word(tokens: list[str], mention: Found, person_starts: set[int],
                   sentence: list[int]) -> bool:
    """Whether an NER mention is only the words of a title that has a country, an
    organisation or a name after it («سفيرة الولايات المتحدة»; not «بلدة السفيرة»). A
    person's is one only before a country or a body, or as part of a longer title
    («[سلطان] عمان», «[بابا] الفاتيكان»): «سلطان», «أمير» are given names too."""
    if mention.source != "ner":
        return False
    match = titles().match_at(tokens, mention.start)
    if match is None or match.end < mention.end:
        return False
    phrase = read_title(tokens, mention.start, person_starts,
                        sentence_start=_sentence_start(sentence, mention.start))
    if phrase is None:
        return False
    if mention.type == "PERSON":  # «[البابا] [فرنسيس]»; not «[أمير] [محمد]», a name
        return phrase.qualified or match.end > mention.end or (
            phrase.name_start is not None and not _given_name_only(tokens, mention))
    return phrase.qualified or phrase.name_start is not None


def _quoted_names(found: list[Found], tokens: list[str], outlet: Actor | None) -> list[Found]:
    """Names in quotation marks that are a medium's only so replace what the tagger read
    there: «قال لـ«الشرق الأوسط»» is the paper, «وعلمت «الوطن»» Al Watan, and in
    Al-Jazirah's own copy «مصادر لـ«الجزيرة»» Al-Jazirah; so do names whose head stands
    before the quotation marks («وكالة أنباء "الشرق الأوسط"», «حزب «القوات اللبنانية»»)."""
    for i, token in enumerate(tokens):
        if not (token in OPENING_QUOTES or token == "»") or (i and _place_cue(tokens[i - 1])) \
                or after_a_place_noun(tokens, i):  # «سوق "عكاظ"»: the fair
            continue
        end = closing_quote(tokens, i)
        if end is None:
            continue
        quoted = quoted_name_at(tokens, i, outlet)
        longer = name_around_quote(tokens, i, end)
        if longer:  # its quotation marks inside
            start, end, actor = longer.start, longer.end, longer.values[0].actor
        elif quoted and not (_another_kind_before(tokens, i, quoted[2]) or (
                not _told(tokens, i) and _among_quoted_places(tokens, i, end))):
            start, end, actor = quoted
        else:
            continue
        found = [f for f in found if f.end <= start or end <= f.start]
        found.append(Found(start, end, actor.type, "kb", actor=actor, leads=_leads(actor)))
    return sorted(found, key=lambda f: (f.start, -f.end))


def _own_names(found: list[Found], tokens: list[str], outlet: Actor | None) -> list[Found]:
    """In an outlet's own copy, the name it goes by there in brackets, after «ل» or after
    a word of its staff, its sources or its reporting is itself, as in quotation marks:
    «(الجزيرة) التي آلمها هذا النبأ», «في تصريح للجزيرة», «مصادر الجزيرة», «التقت الجزيرة»
    in Al-Jazirah."""
    if outlet is None or not outlet.own_quoted:
        return found
    own = {head_stem(form) for form in outlet.own_quoted if " " not in form}
    for mention in found:
        i = mention.start
        word = best(tokens[i])
        if mention.source not in ("ner", "kb") or mention.end != i + 1 or \
                head_stem(word.stem) not in own:
            continue  # (the tagger's name, or a KB short name: another outlet's)
        bracketed = i > 0 and tokens[i - 1] == "(" and i + 1 < len(tokens) and tokens[i + 1] == ")"
        sources = i > 0 and word.prefix in ("", "ال") and not own_copy_before().isdisjoint(
            {head_stem(tokens[i - 1]), *noun_stems(tokens[i - 1])})  # («لمتابعات»)
        # «لـ»الجزيرة «»: «لـ» apart, before the site's odd quotation marks
        told = _told(tokens, i) or (i > 1 and tokens[i - 1] in QUOTES and _told(tokens, i - 1))
        if bracketed or sources or told or word.prefix in ("ل", "لل"):
            mention.source, mention.type, mention.actor = "kb", outlet.type, outlet
            mention.leads = _leads(outlet)
    return found


def _told(tokens: list[str], quote: int) -> bool:
    """Whether «ل» comes right before a quotation: «قال لـ«الشرق الأوسط»», the medium told."""
    return quote > 0 and normalize_key(tokens[quote - 1]) == "ل"  # («لـ», its tatweel gone)


def _among_quoted_places(tokens: list[str], quote: int, end: int) -> bool:
    """Whether another quotation near this one holds a place: a list of reporters and
    their cities («محمد معشي "جازان"، يزيد الجماز "الرياض"»), where the name is the city,
    no paper."""
    for j in range(max(quote - QUOTED_LIST_REACH, 0), min(end + QUOTED_LIST_REACH, len(tokens))):
        close = closing_quote(tokens, j) if tokens[j] in OPENING_QUOTES and j != quote else None
        between = tokens[close:quote] if close is not None and close < quote else tokens[end:j]
        if close is not None and close - j <= MAX_QUOTED_PLACE_WORDS + 1 and \
                any(t in COMMAS for t in between) and any(
                    place.feature != "country"
                    for place in gazetteer().search(" ".join(tokens[j + 1:close]))):
            return True  # (a comma between: «قال مصدر لـ"الرياض" إن … في "جدة"» is the paper)
    return False


def _another_kind_before(tokens: list[str], quote: int, actor: Actor) -> bool:
    """Whether the head right before a quoted medium's name begins none of its names:
    «قناة "اليوم"» is a channel, no paper «اليوم»."""
    head = org_head_at(tokens, quote - 1) if quote else None
    if head is None:
        return False
    keys = {head_stem(h.form) for h in head.values}
    # (in any spelling of its names: «لجريدة «الشرق الأوسط»» is «صحيفة الشرق الأوسط»)
    return not any(head_stem(spelled.split()[0]) in keys
                   for form in actor.aliases for spelled in spellings(form))


def _merge(found: list[Found], more: list[Found], swallows) -> list[Found]:
    """Add mentions that overlap nothing, or that contain (and replace) mentions
    ``swallows`` allows: «وكالة الأناضول» over NER's «الأناضول», «ميليشيات الوفاق» over
    «الوفاق»; a mention equal to an NER span leaves the NER span in place."""
    for new in more:
        overlapping = [f for f in found if f.start < new.end and new.start < f.end]
        inside = [f for f in overlapping if new.start <= f.start and f.end <= new.end
                  and (f.start, f.end) != (new.start, new.end)]
        if len(inside) == len(overlapping) and all(swallows(new, f) for f in inside):
            found = [f for f in found if f not in inside] + [new]
    return found


def _heads_before(found: list[Found], tokens: list[str]) -> None:
    """A construct head right before an organisation NER found and the KB does not name
    begins its name and gives its sector: «شركة [كونوكو فيليبس]», «صحيفة [نيويورك
    تايمز]»; not «الشركة [X]» (an apposition), nor «قناة [الجزيرة]» (the KB's name)."""
    taken = _cover(found)
    for mention in found:
        i = mention.start - 1
        if mention.source != "ner" or mention.type != "ORG" or i < 0 or i in taken \
                or best(tokens[i]).article:
            continue
        head = org_head_at(tokens, i)
        leading = _leading_actor(tokens[mention.start:mention.end])
        if head and head.end == mention.start and head.values[0].names and (
                leading is None or _a_medium_of(tokens, mention.start, [leading[0]])):
            # (and a medium a body owns: «إذاعة [الجيش الإسرائيلي]»)
            # the name after the head is its own: no country from a place in it
            # («جامعة أكسفورد», «قناة بول»), only from a nisba after it
            mention.start, mention.source = i, "pattern"
            mention.sector = head.values[0].sector_for(None)
            # or a nisba it ends with («نادي [الهلال السعودي]»)
            mention.country = _final_nisba_country(tokens, mention)
            mention.leads = _keys_of(h.form for h in head.values)  # «وشركة» → «شركة»


def _chaired_by(found: list[Found], tokens: list[str]) -> None:
    """Who a body «برئاسة», «بقيادة» or «بزعامة» names right after it heads it: «محكمة
    جنايات القاهرة برئاسة محمد فهمي» is its president (a judge, of Egypt: no Lebanese
    namesake); «حكومة الوفاق برئاسة فايز السراج» its premier, as the titles read."""
    people = {f.start: f for f in found if f.type == "PERSON" and f.source != "title"}
    for body in found:
        if body.type != "ORG" or body.end >= len(tokens):
            continue
        led = _leader_named_after(tokens, body, people)
        if led is None:
            continue
        head, person = led
        words = [head, _without_proclitics(tokens[body.start]), *tokens[body.start + 1:body.end]]
        phrase = read_title(words, 0, set())
        if phrase is not None and phrase.end == len(words):
            _attach(person, phrase)  # an office the titles know («رئيس حكومة الوفاق»)
            continue
        person.titles.append(Title(" ".join(words), country=body.country))
        person.country = person.country or body.country
        person.body = " ".join(words[1:])
        person.sector_hint = person.sector_hint or body.sector


def _leader_named_after(tokens: list[str], body: Found, people: dict[int, Found]
                        ) -> tuple[str, Found] | None:
    """The title the words after a body give whom they name its leader, and that person:
    «برئاسة فايز السراج», or a relative clause, «الذي يتزعمه الرئيس المخلوع علي عبدالله
    صالح» (after a title of his own), unless it describes a noun before the body («وفد
    حماس الذي يرأسه …»: the delegation's head)."""
    i = body.end
    head = leader_titles().get(normalize_key(tokens[i].removeprefix("و")))
    if head is not None:
        # (the name may follow an honorific or a courtesy title: «برئاسة المستشار محمد
        # فهمي», a judge)
        at = past_honorifics(tokens, i + 1)
        person = people.get(at) or (
            people.get(at + 1) if at < len(tokens) and definite(tokens[at]) else None)
        if person is None or (person.titles and person.start > at):
            return None  # (a title after the name is another office: «بزعامة نوري
            # المالكي نائب رئيس الجمهورية»; one before it his own, «برئاسة الرئيس هادي»)
        return head, person
    if i + 2 >= len(tokens) or tokens[i] not in relative_pronouns() or (
            body.start and not led_nouns().isdisjoint(noun_stems(tokens[body.start - 1]))):
        return None
    head = leading_verbs().get(normalize_key(tokens[i + 1]))
    if head is None:
        return None
    at = past_honorifics(tokens, i + 2)
    phrase = read_title(tokens, at, set(people))
    person = people.get(phrase.name_start if phrase else at)
    return (head, person) if person is not None else None


def _without_proclitics(word: str) -> str:
    """``word`` without its proclitics, its article kept: «وحركة» → «حركة», «لمحكمة» →
    «محكمة», «للحكومة» → «الحكومة»."""
    prefix = best(word).prefix
    if prefix.endswith("لل"):
        return "ا" + word[len(prefix) - 1:]  # «ل» + «ال» is written «لل»
    return word[len(prefix) - 2:] if prefix.endswith("ال") else word[len(prefix):]


def _join_split_names(found: list[Found], tokens: list[str]) -> list[Found]:
    """Two person names back to back are one when the first is only a listed given name
    («[عبد الأمير] [رشيد يار الله]»): two people have «و» or a comma between them. Not
    when either names an actor of the KB: «هنأ الملك [سلمان] [بايدن]» is the subject and
    the object."""
    joined: list[Found] = []
    for mention in found:
        last = joined[-1] if joined else None
        if last is not None and last.type == mention.type == "PERSON" and \
                last.end == mention.start and _given_name_only(tokens, last) and \
                not best(tokens[mention.start]).prefix and \
                not any(aliases().match_at(tokens[m.start:m.end], 0) for m in (last, mention)):
            last.end = mention.end
            continue
        joined.append(mention)
    return joined


def _cut_before_titles(found: list[Found], tokens: list[str]) -> None:
    """A person's name ends where a title begins that goes on past it: «[فرنسيس بابا]
    الكنيسة الكاثوليكية», «[أحمد الطيب شيخ] الأزهر» (the tagger's spans); not at a title
    that names nobody there («[أحمد أمين] عام 1930»: «أمين عام» wants its body)."""
    for mention in found:
        if mention.type == "PERSON" and mention.source == "ner":
            mention.end = next((j for j in range(mention.start + 1, mention.end)
                                if _title_past(tokens, j, mention.end)), mention.end)


def _title_past(tokens: list[str], start: int, end: int) -> bool:
    """Whether a title that names someone begins at ``start`` and goes on past ``end``."""
    title = titles().match_at(tokens, start)
    phrase = read_title(tokens, start, set()) if title and title.end > end else None
    return phrase is not None and not phrase.incomplete


MAX_NAME_WORDS = 8  # the longest KB name a thing named after a person is looked for in


def _named_after_people(found: list[Found], tokens: list[str],
                        may_begin: list[bool]) -> list[Found]:
    """A head without the article before a name, maybe with a style between, makes a
    place, a body or a thing named after its bearer: «[مستشفى الملك] [فيصل التخصصي]»,
    «قاعدة الملك [فيصل الجوية]», «مستشفى [الملك فيصل]», «مجمع [محمد بن راشد]» (the
    tagger's spans) are one facility, body or thing; so is a head before a title of the
    KB («كأس خادم الحرمين الشريفين», the King's Cup). ``may_begin``: where a title or a
    KB name may begin."""
    by_end = {m.end: m for m in found}
    gone: set[int] = set()
    for mention in found:
        if mention.source != "ner":
            continue
        # the tagger's name may begin with the style, as a person's or a body's («في
        # مستشفى [الملك فيصل]»), or come after it, whatever its type («قاعدة الملك [فهد]»
        # as a place), or right after the head, as a person's
        start = mention.start - 1 if mention.start > 0 and _style(tokens, mention.start - 1) \
            else mention.start
        if mention.type != "PERSON" and not _style(tokens, start) and \
                not _a_kb_persons_name(tokens[mention.start:mention.end]):
            continue  # («مطار [رفيق الحريري] الدولي», the tagger's MISC, is named after him)
        found_head = _head_named_after(tokens, start - 1)
        listed = None if found_head else _listed_after_head(tokens, mention.start, mention.end)
        if listed:  # «مستشفى بريدة المركزي [والملك] فهد التخصصي»: from the style on
            _name_after(mention, tokens, mention.start - 1, mention.end, listed)
        if found_head is None:
            continue
        before = by_end.get(mention.start)
        if before is not None and before.start == start - 1:
            gone.add(id(before))  # «[مستشفى الملك]»: the tagger's start of it
        _name_after(mention, tokens, start - 1, mention.end, found_head)
    found = [m for m in found if id(m) not in gone]
    return found + _named_after_titles(tokens, _cover(found), may_begin)


def _named_after_titles(tokens: list[str], taken: set[int],
                        may_begin: list[bool]) -> list[Found]:
    """A head before a title or a KB person's name the tagger did not find: «كأس خادم
    الحرمين الشريفين», «مركز الملك سلمان الاجتماعي»."""
    found: list[Found] = []
    for i in range(1, len(tokens)):
        j = _name_start_after_head(tokens, i, may_begin)
        head = _head_named_after(tokens, i - 1) if may_begin[j] and i not in taken else None
        if head is None:
            continue
        title = titles().match_at(tokens, j)
        person = _leading_actor(tokens[j:j + MAX_NAME_WORDS])
        end = max(title.end if title else j,
                  j + person[1] if person and person[0].type == "PERSON" else j)
        if end > j and not set(range(i - 1, end)) & taken:
            mention = Found(i - 1, end, "MISC", "ner")
            _name_after(mention, tokens, i - 1, end, head)
            found.append(mention)
    return found


def _listed_after_head(tokens: list[str], start: int, end: int) -> str | None:
    """The head of the list that a name at [start, end) continues, named after its
    bearer: «مستشفى بريدة المركزي والملك فهد التخصصي» (a hospital: «و» and a style
    before the name, an adjective of the head in it or after it)."""
    style = start - 1
    word = best(tokens[style]) if style >= 1 else None
    if word is None or word.prefix != "وال" or \
            head_stem(word.stem) not in named_after().styles or not any(
            head_stem(w) in named_after().continuations for w in tokens[start:end + 1]):
        return None
    return next((head for i in range(style - 1, max(style - MAX_LIST_REACH, 0) - 1, -1)
                 if (head := _head_named_after(tokens, i))), None)


def _a_kb_persons_name(words: list[str]) -> bool:
    """Whether ``words`` are a KB person's full name, all of them."""
    person = _leading_actor(words)
    return person is not None and person[0].type == "PERSON" and person[1] == len(words)


def _name_start_after_head(tokens: list[str], i: int, may_begin: list[bool]) -> int:
    """Where the name begins after a head ending at ``i``: right there, or after a noun
    between («برنامج ضيوف خادم الحرمين الشريفين»)."""
    if i + 1 < len(tokens) and may_begin[i + 1] and \
            not named_after().between.isdisjoint(noun_stems(tokens[i])):
        return i + 1
    return i


def _head_named_after(tokens: list[str], i: int) -> str | None:
    """The stem key of a head of `named_after` at ``i``, written without the article, and
    with its «ة» as «ة» («في مكتبه وزير الخارجية»: in his office)."""
    if i < 0 or definite(tokens[i]):
        return None
    heads = named_after()
    return next((stem for stem in noun_stems(tokens[i]) if heads.kind(stem) and not (
        stem in heads.with_ta_marbuta and tokens[i].endswith("ه"))), None)


def _name_after(mention: Found, tokens: list[str], start: int, end: int, head: str) -> None:
    """Make ``mention`` the thing a head names after a person: from the head, through
    the adjectives of the head after the name («الدولي», «الجوية») and what it is for
    («للإغاثة», «للطاقة الشمسية»); of the country of the person, if the KB knows him."""
    person = _leading_actor(tokens[start + 1:end])
    while end < len(tokens) and head_stem(tokens[end]) in named_after().continuations:
        end += 1
    if end + 1 < len(tokens) and best(tokens[end]).prefix == "لل":
        end += 1  # «مركز محمد بن راشد للفضاء»
        while end < len(tokens) and definite(tokens[end]) and not titles().match_at(tokens, end):
            end += 1
    mention.start, mention.end, mention.leads = start, end, frozenset({head})
    mention.type = named_after().kind(head)
    title = titles().match_at(tokens, start + 1)
    if person and person[0].type == "PERSON":
        mention.country = person[0].country
    elif title and len({t.country for t in title.values}) == 1:
        mention.country = title.values[0].country  # «سفارة خادم الحرمين الشريفين»: SAU


def _style(tokens: list[str], i: int) -> bool:
    """A style of a name's bearer, with its article («الملك»; «سلطان» is a given name)."""
    return head_stem(tokens[i]) in named_after().styles and definite(tokens[i])


HYPHENS = frozenset("-‐–")


def _join_hyphenated(doc: Doc, found: list[Found]) -> list[Found]:
    """A person's name goes on over a hyphen written between two words without spaces
    («ليندا توماس-غرينفيلد», «جان-إيف لودريان»), which the tokenizer splits and the
    tagger stops at; a name found after the hyphen is the rest of it."""
    by_start = {m.start: m for m in found}
    gone: set[int] = set()
    for mention in found:
        while mention.type == "PERSON" and mention.end + 1 < len(doc) and \
                doc[mention.end].text in HYPHENS and not doc[mention.end - 1].whitespace_ \
                and not doc[mention.end].whitespace_ and doc[mention.end + 1].is_alpha:
            rest = by_start.get(mention.end + 1)
            if (rest is not None and rest.type != "PERSON") or _two_people(doc, mention):
                break  # «قمة ترامب-كيم»: two people the KB knows, joined as a pair
            if rest is not None:
                gone.add(id(rest))
                mention.end = rest.end
            else:
                mention.end += 2
    return [m for m in found if id(m) not in gone]


def _two_people(doc: Doc, mention: Found) -> bool:
    """Whether the name before a hyphen is a KB person's whole, which goes on no further
    («ترامب-كيم» is Trump and Kim; «ليندا توماس-غرينفيلد» is one name)."""
    return any(a.actor.type == "PERSON" for a in aliases().lookup(
        " ".join(t.text for t in doc[mention.start:mention.end])))


def _given_name_only(tokens: list[str], mention: Found) -> bool:
    if tokens[mention.start] in not_given_names():  # «على» folds into «علي»
        return False
    keys = [normalize_key(t) for t in tokens[mention.start:mention.end]]
    return shipped_lexicon().given_name_end(keys, 0) == len(keys)


def _split_run_on_orgs(found: list[Found], names: list[Found], tokens: list[str]) -> None:
    """An NER organisation that runs on from a KB name into another organisation ends
    with the first: «[قوات الدعم السريع] [الجيش السوداني]» (the subject, then the object)
    is two; «حكومة الوفاق الوطني المعترف بها» is one."""
    starts = {n.start: n for n in names if n.type == "ORG" and not n.short}
    name_starts = {n.start for n in names if n.type == "ORG"}
    for mention in found:
        first = starts.get(mention.start) if mention.type == "ORG" else None
        if first is None or first.end >= mention.end:
            continue
        if first.end in name_starts or org_head_at(tokens[:mention.end], first.end):
            mention.end = first.end


def _people_behind_heads(found: list[Found], names: list[Found], tokens: list[str]) -> list[Found]:
    """An NER organisation that is a leader head and a known person's full name
    («حكومة فائز السراج») is that person's mention: the KB knows the name."""
    people = {(n.start, n.end): n for n in names if n.type == "PERSON" and not n.short}
    result = []
    for mention in found:
        head = leader_heads().match_at(tokens, mention.start) if mention.type == "ORG" else None
        person = people.get((head.end, mention.end)) if head else None
        result.append(person or mention)
    return result


def _cover(found: Iterable[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}


def _insides(found: Iterable[Found]) -> set[int]:
    """Token positions inside a mention where no other mention may begin."""
    return {i for f in found for i in range(f.start + 1, f.end)}


def _from_ner(ent: Span, places: dict[int, list[Span]]) -> Found | None:
    kind = NER_TYPES[ent.label_]
    while len(ent) > 1 and ent[-1].text in relative_pronouns():
        ent = ent[:-1]  # «[ميليشيات الوفاق] التي»
    if ent[0].text.removeprefix("و") in leader_markers():
        if len(ent) == 1:
            return None  # «برئاسة» alone
        ent = ent[1:]  # «برئاسة [النائب العام]»
        if kind in {"ORG", "MISC"} and _common_noun(ent):
            return None  # «بقيادة [المدرب]»: a noun the tagger took in, no name
    if kind == "PERSON":  # «[عبدالعزيز بن عبدالرحمن طيب] الله ثراه»: a prayer's first word
        words = [t.text for t in ent.doc[ent.start:ent.end + MAX_PRAYER_WORDS]]
        ent = ent[:next((i for i in range(1, len(ent))
                         if deceased_after().match_at(words, i)), len(ent))]
    if len(ent) == 1 and ent[0].text in not_given_names():
        return None  # «على» ("on") read as the name «علي», «رحمه الله» as a name
    short = aliases().match_at([ent.text], 0) if kind == "PERSON" and len(ent) == 1 else None
    if short and any(a.short for a in short.values) and \
            _a_given_name_after([t.text for t in ent.doc[ent.start:ent.end + 1]], 1):
        ent = ent.doc[ent.start:ent.end + 1]  # «[مشعل] علي مغرم»: his father's name after
    elif short and all(a.short for a in short.values) and _after_like([ent.text], short):
        return None  # «كيلين» (two measures) read as «ك» + Yellen's «يلين»
    if kind in {"ORG", "MISC"} and _quoted_after_place_cue(ent):
        kind = "LOC"  # «منطقة “الفاو”»: a place in Marib, not the FAO
    if kind == "ORG" and _a_place_first(ent, places):
        kind = "GPE"  # «راند بول (كنتاكي)»: the state, no KFC
    if kind == "PERSON" and ent.start > 1 and \
            normalize_key(ent.doc[ent.start - 1].text) == DAUGHTER_OF:
        # «مشاعل بنت [مقرن بن عبدالعزيز]»: the father's name in the daughter's
        ent = ent.doc[ent.start - 2:ent.end]
    if kind in {"ORG", "MISC"}:  # «سيارة مرسيدس», «مسرح مايكروسوفت»: not the company
        kind = thing_of_a_company([t.text for t in ent.doc], ent.start) or kind
    if kind in {"ORG", "MISC", "PERSON"} and _ordinary(ent, kind):
        return None  # «القاعدة العسكرية»: a base, not al-Qaeda; «معصوم الدم», no Masum
    if kind == "PERSON":  # «[ركن] عبد الأمير»: an honorific is no name's
        honorific = honorifics().match_at([t.text for t in ent], 0)
        if honorific and normalize_key(ent[0].text) in honorific_words():
            if honorific.end == len(ent):
                return None  # «العميد [ركن] أحمد عسيري»: the honorific alone
            ent = ent[honorific.end:]  # as listed: «سيد أحمد» is a name
    head = org_head_at([t.text for t in ent], 0) if kind == "PERSON" else None
    if head and any(h.leaders for h in head.values):
        kind = "ORG"  # «ميليشيات حفتر» read as one name: the forces of a leader
    mention = Found(ent.start, ent.end, kind, "ner")
    proclitic = name_proclitic(ent[0].text, shipped_lexicon()) if kind == "PERSON" else ""
    if proclitic:  # «وخالد الحميدان», «لأحمد أمين»: the tagger took the «و» or «ل» in
        mention.leads = frozenset(a.stem for a in analyses(ent[0].text) if a.prefix == proclitic)
    if kind == "NORP":
        countries = {n.iso3 for n in adjectives().lookup(ent.text)}
        mention.country = countries.pop() if len(countries) == 1 else None
    if kind in {"GPE", "LOC", "FAC"}:
        # The places stage's reading: its span ends with the entity and starts at it, one
        # word in («مدينة سرت» → سرت) or one word before («إقليم [كردستان]»).
        span = next((p for p in places.get(ent.end, ())
                     if abs(p.start - ent.start) <= 1 and p._.place is not None), None)
        place = mention.place = span._.place if span else None
        # a longer name read there is another place («[جنوب] السودان» is South Sudan)
        longer = place.country if span and span.start < ent.start else None
        mention.country = longer or country_of_name(ent.text) or (place.country if place else None)
    return mention


def _a_place_first(ent: Span, places: dict[int, list[Span]]) -> bool:
    """Whether the words of an organisation's name that the KB knows only in short are a
    place: in brackets after a person's name, as the places stage reads them («راند بول
    (كنتاكي)»: his state, no KFC), or before a place in brackets, no country, that says
    where they are («الجزيرة (الحسكة)»: a canton, no channel; «الجزيرة (قطر)» is one)."""
    doc = ent.doc
    found = aliases().match_at([t.text for t in ent], 0)
    if not (found and found.end == len(ent) and all(a.short for a in found.values)):
        return False

    def place_at(start: int, end: int) -> bool:
        return any(p.start == start and p._.place is not None
                   and p._.place.feature != "country" for p in places.get(end, ()))

    bracketed = ent.start > 0 and ent.end < len(doc) and doc[ent.start - 1].text == "(" \
        and doc[ent.end].text == ")"
    after_a_person = bracketed and any(e.end == ent.start - 1 and NER_TYPES[e.label_] == "PERSON"
                                       for e in doc.ents)
    return (after_a_person and place_at(ent.start, ent.end)) or (
        ent.end + 1 < len(doc) and doc[ent.end].text == "(" and any(
            place_at(ent.end + 1, end) and end < len(doc) and doc[end].text == ")"
            for end in places))


def _ordinary(ent: Span, kind: str) -> bool:
    """Whether the words of an NER span are an ordinary phrase there (`ordinary_word`)."""
    doc = ent.doc
    # (words around it: «35 «بي بي»», «من القمة إلى القاعدة»)
    start, end = max(ent.start - 3, 0), min(ent.end + 3, len(doc))
    if ordinary_word([t.text for t in doc[start:end]], ent.start - start, ent.end - start):
        return True
    if len(ent) != 1:
        return False
    tokens = [t.text for t in doc]
    # («بحي الجزيرة»: a district; but «ولاية أوباما الثانية» is his second term)
    return (after_a_place_noun(tokens, ent.start) and kind != "PERSON") or \
        _head_of_a_place_before(tokens, ent.start, ent.end)


def _place_cue(word: str) -> bool:
    """Whether a word announces a place («منطقة», «مدينة», «العاصمة»: the places stage's
    cues): a name quoted after it is a place («زوار العاصمة "الرياض"»: the city, not the
    paper)."""
    return normalize_key(word) in place_lexicon().cues


def _quoted_after_place_cue(ent: Span) -> bool:
    """Whether the span is quoted right after a word that announces a place, as the
    press quotes little-known places («منطقة “الفاو”»)."""
    i = ent.start - 1
    return i >= 1 and ent.doc[i].text in OPENING_QUOTES and _place_cue(ent.doc[i - 1].text)


def _names_the_place(word: str) -> bool:
    """Whether a place's first word is its name as written: no clitic, or a letter the
    name itself begins with («بورتسودان», not «لطرابلس», "to Tripoli")."""
    return best(word).prefix in ("", "ال") or bool(gazetteer().search(word))


def _common_noun(span: Span) -> bool:
    """One definite word that names no actor, country or body: «المدرب», «العربة»; not
    «الجيش» («بقيادة الجيش», the army's command)."""
    text = span.text
    return len(span) == 1 and bool(best(text).article) and country_of_name(text) is None \
        and aliases().match_at([text], 0) is None and org_head_at([text], 0) is None


def _places_by_end(doc: Doc) -> dict[int, list[Span]]:
    """The places stage's spans by end token, when that stage ran."""
    if "places" not in doc.spans or not Span.has_extension("place"):
        return {}
    by_end: dict[int, list[Span]] = {}
    for span in doc.spans["places"]:
        by_end.setdefault(span.end, []).append(span)
    return by_end


def _kb_names(tokens: list[str], person_ends: set[int], starts: list[bool]) -> list[Found]:
    """KB aliases of one actor each; short ones are kept on probation (see :func:`link`).
    ``person_ends``: where the tagger's people end (a nisba right after one is a name);
    ``starts``: where an alias may begin."""
    found = []
    index = aliases()
    i = 0
    while i < len(tokens):
        match = index.match_at(tokens, i) if starts[i] else None
        if not match:
            i += 1
            continue
        words = tokens[match.start:match.end]
        actors = {a.actor.id: a.actor for a in match.values if written_alike(words, a.actor)}
        short = all(a.short for a in match.values)
        if not actors or ordinary_word(tokens, match.start, match.end) or \
                _a_parents_name(tokens, match.start, actors.values()) or \
                (short and _after_like(tokens, match)) or \
                (match.end == match.start + 1 and after_a_place_noun(tokens, match.start)
                 and not all(a.type == "PERSON" for a in actors.values())) or \
                _head_of_a_place_before(tokens, match.start, match.end) or \
                _a_medium_of(tokens, match.start, actors.values()) or \
                of_another_country(tokens, match.end, actors.values()) or \
                _another_lineage(tokens[match.start:], match.end - match.start,
                                 actors.values()) or \
                (short and (_another_given_name(tokens, match.start, actors.values())
                            or _a_familys(tokens, match.start)
                            or _a_given_name_after(tokens, match.end))):
            # «معتز الموسى» is not «معتز موسى»; «القاعدة العسكرية» is a base
            i = match.end
            continue
        kinds = {a.type for a in actors.values()}
        thing = thing_of_a_company(tokens, match.start) \
            if all(a.sector == "BUS" for a in actors.values()) else None
        if thing:  # «سيارة تويوتا», «مسرح مايكروسوفت»
            found.append(Found(match.start, match.end, thing, "kb"))
        elif short and match.start not in person_ends and \
                _adjective_not_name(tokens, match.start, match.end):
            pass  # «وزير الدفاع السوداني», «متطرف سوداني»: the adjective, not al-Sudani
        elif len(actors) == 1:
            actor = next(iter(actors.values()))
            found.append(Found(match.start, match.end, actor.type, "kb", actor=actor,
                               short=short, leads=_leads(actor)))
            if actor.type == "PERSON":  # «هاتف الكاظمي السوداني»: two surnames
                person_ends = person_ends | {match.end}
        elif len(kinds) == 1:  # namesakes («حزب العدالة والتنمية»): linking chooses;
            # what they share holds if it cannot («حكومة طرابلس», GNA or GNU: LBY GOV)
            # (a person's sector is his office's, which only the chosen one tells)
            kind = kinds.pop()
            countries = {a.country for a in actors.values()}
            sectors = {a.sector for a in actors.values()} if kind == "ORG" else set()
            found.append(Found(match.start, match.end, kind, "kb", short=short,
                               country=countries.pop() if len(countries) == 1 else None,
                               sector=sectors.pop() if len(sectors) == 1 else None,
                               leads=frozenset().union(*map(_leads, actors.values()))))
        i = match.end
    return found


def _a_medium_of(tokens: list[str], start: int, actors: Iterable[Actor]) -> bool:
    """Whether a body's name follows a head of a medium it owns: «إذاعة الجيش
    الإسرائيلي» is the army's radio, no army."""
    return start > 0 and all(a.type == "ORG" and a.sector != "JRN" for a in actors) and \
        not best(tokens[start - 1]).article and \
        not media_of().isdisjoint(noun_stems(tokens[start - 1]))


def _after_like(tokens: list[str], match) -> bool:
    """Whether a one-word short name is read off «ك» ("like"): «نزيد الكيل كيلين» (two
    measures) is no «ك» + «يلين» (Yellen), as «كبيرا» is no «ك» + Beira."""
    if match.end != match.start + 1:
        return False
    word = normalize_key(tokens[match.start])
    forms = {normalize_key(form) for a in match.values
             for form in (*a.actor.aliases, *a.actor.short)}
    like = any(word == prefix + form for prefix in ("ك", "وك", "فك") for form in forms)
    # («وكاميرون» is «و» + Cameron, whose name begins with the letter)
    return like and not any(word == prefix + form for prefix in ("", "و", "ف", "ب", "ل")
                            for form in forms)


def _a_parents_name(tokens: list[str], start: int, actors: Iterable[Actor]) -> bool:
    """Whether a KB person's name follows «بن» or «بنت»: it is the father's name in a
    longer one («الأميرة مشاعل بنت مقرن بن عبدالعزيز» is his daughter, not Prince Muqrin);
    not a name with a title («ابن الملك فيصل» is the king's son: the name is the king's)."""
    return start > 0 and normalize_key(tokens[start - 1]) in PARENT_WORDS \
        and all(a.type == "PERSON" for a in actors) and not titles().match_at(tokens, start)


def _holders_titles(found: list[Found], tokens: list[str], persons: list[Found]) -> set[int]:
    """The words of a title that a body's name ends with right before the name of the
    title's holder: in «قوات الرئيس السابق علي عبدالله صالح» the title is his too."""
    starts = {p.start for p in persons}
    return {i for f in found if f.type == "ORG" and f.end in starts and f.end - f.start > 1
            and titles().match_at(tokens, f.start + 1) for i in range(f.start + 1, f.end)}


def _head_of_a_place_before(tokens: list[str], start: int, end: int) -> bool:
    """Whether a one-word KB name is the head noun of a place the article named before
    («قاعدة العند» … «السيطرة على القاعدة»: the base), when the article has not named the
    actor by a longer name before it («تنظيم القاعدة»: then the word may be the actor's)."""
    # (through the word's clitics: «استخدام القوات الأمريكية للقاعدة»)
    key = next((k for k in name_stems(tokens[start]) if k in place_heads()), None) \
        if end == start + 1 else None
    head = place_heads().get(key) if key else None
    if head is None:
        return False
    return any((head_stem(t) == head.head and not definite(t) and i + 1 < start)
               or _names_one_of(tokens, i, head.places)
               for i, t in enumerate(tokens[:start])) and not any(
        key in name_stems(tokens[j]) and _in_a_longer_name(tokens, j) for j in range(start))


def _in_a_longer_name(tokens: list[str], j: int) -> bool:
    """Whether the word at ``j`` is inside a KB name of more than one word («تنظيم القاعدة»)."""
    around = [aliases().match_at(tokens, j - 1) if j else None, aliases().match_at(tokens, j)]
    return any(m and m.end - m.start > 1 and m.start <= j < m.end for m in around)


def _names_one_of(tokens: list[str], i: int, places: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of the places (as word keys) is named at ``tokens[i]``, its first word
    through its clitics («وقبرص»)."""
    return any(place[0] in name_stems(tokens[i])
               and tuple(map(head_stem, tokens[i + 1:i + len(place)])) == place[1:]
               for place in places)


def _another_given_name_before(tokens: list[str], start: int, actor: Actor) -> bool:
    """Whether a listed given name, no word of any of the actor's names, stands right
    before a surname the tagger read alone: someone else of that family (unless the
    given name ends a name before: «هنأ الملك سلمان بايدن»)."""
    if start == 0:
        return False
    key = normalize_key(tokens[start - 1])
    if shipped_lexicon().given_name_end([key], 0) != 1:
        return False
    return key not in {normalize_key(w) for form in (*actor.aliases, *actor.short)
                       for spelling in spellings(form) for w in spelling.split()}


def _a_familys(tokens: list[str], start: int) -> bool:
    """Whether a word for a family comes right before a surname: «مجلس أسرة البشير» is a
    Saudi family's council, not Omar al-Bashir."""
    return start > 0 and head_stem(tokens[start - 1]) in family_words()


def _another_given_name(tokens: list[str], start: int, actors: Iterable[Actor]) -> bool:
    """Whether a royal style right before a KB surname makes it someone else's given
    name: «الأمير مشعل» is Prince Mishaal, not Khaled Meshaal («الملك سلمان» is the
    king's own). (:func:`marsad.kb.resolve.resolve_name` applies the same rule to a name
    whose titles include a style.)"""
    style = titles().match_at(tokens, start - 1) if start else None
    return bool(style and style.end == start and any(t.style for t in style.values)
                and not any(given_name(tokens[start], a) for a in actors))


def _a_given_name_after(tokens: list[str], end: int) -> bool:
    """Whether a given name follows a KB surname: the surname is someone's first name, and
    the given name his father's («جندي متدرب: مشعل علي مغرم العسيري», no Khaled Meshaal)."""
    return end < len(tokens) and tokens[end] not in not_given_names() and \
        shipped_lexicon().given_name_end([normalize_key(tokens[end])], 0) == 1


def _predicate_titles(tokens: list[str], persons: list[Found], titled: set[int]) -> set[int]:
    """Attach a title in the accusative right after a name («محمد المنفي رئيساً للمجلس
    الرئاسي»); the tokens such titles cover."""
    covered: set[int] = set()
    for person in persons:
        if person.end in titled or any(not t.style for t in person.titles) or (
                person.start > 0 and head_stem(tokens[person.start - 1]) in past_copulas()):
            continue  # «اختار الرئيس الأمريكي جو بايدن وزيرا للدفاع»: he chose one
        phrase = read_predicate_title(tokens, person.end)
        if phrase is not None and not (phrase.end < len(tokens)
                                       and head_stem(tokens[phrase.end]) in past_copulas()):
            _attach(person, phrase)
            covered |= set(range(phrase.start, phrase.end))
    return covered


def _plural_titles(tokens: list[str], persons: list[Found], titled: set[int]) -> set[int]:
    """Give each of the names joined by «و» or commas after a plural or dual title the
    singular's office («رؤساء الحكومات اللبنانية السابقون نجيب ميقاتي وفؤاد السنيورة»);
    a nisba right before a name is that one's own («الرئيسان الأمريكي جو بايدن والروسي
    فلاديمير بوتين»). Returns the tokens the titles cover."""
    starts = {p.start: p for p in persons}
    covered: set[int] = set()
    for i in range(len(tokens)):
        # (not twice: «الوزراء» in «رؤساء الوزراء السابقون» is no plural of its own)
        plural = plural_titles().match_at(tokens, i) \
            if i not in titled and i not in covered else None
        if plural is None or best(tokens[i]).prefix not in ("", "ال", "و", "وال"):
            continue
        first = next((j for j in range(plural.end, min(plural.end + 4, len(tokens)))
                      if j in starts), None)
        if first is None or not all(w.isalpha() for w in tokens[plural.end:first]):
            continue
        singular = plural.values[0].split()
        words = [plural_adjectives().get(normalize_key(w), w) for w in tokens[plural.end:first]]
        # (the words the names share, and the nisba of the first one's)
        own = len(words) if not words or not _his_nisba(words[-1]) else len(words) - 1
        named = _named_in_a_list(tokens, starts[first], starts)
        if len(named) < 2:
            continue
        for person, nisba in named:
            name = tokens[person.start]  # (read without its «و»)
            phrase = _read_as_title([*singular, *words[:own], *(nisba or words[own:])],
                                    name[1:] if best(name).prefix.startswith("و") else name)
            if phrase is not None:
                _attach(person, phrase)
                covered |= set(range(person.start - len(nisba), person.start))
        covered |= set(range(i, first))
    return covered


def _his_nisba(word: str) -> bool:
    """Whether a word is a nisba of one man («الأمريكي»), not of a plural body («الحكومات
    اللبنانية»)."""
    return adjectives().match_at([word], 0) is not None and not normalize_key(word).endswith("ه")


def _named_in_a_list(tokens: list[str], first: Found, starts: dict[int, Found]
                     ) -> list[tuple[Found, list[str]]]:
    """The names of a list that begins with ``first``, joined by «و» or commas, each with
    the nisba right before it, if any («والروسي فلاديمير بوتين»)."""
    named, person = [(first, [])], first
    while person.end < len(tokens):
        at, nisba = person.end, []
        if tokens[at] in COMMAS:
            at += 1
        if at < len(tokens) and at not in starts and _his_nisba(tokens[at].removeprefix("و")):
            nisba, at = [tokens[at].removeprefix("و")], at + 1
        following = starts.get(at)
        joined = following is not None and (
            tokens[person.end] in COMMAS or nisba or best(tokens[at]).prefix.startswith("و"))
        if not joined:
            break
        named.append((following, nisba))
        person = following
    return named


def _read_as_title(words: list[str], name: str) -> TitlePhrase | None:
    """``words`` read as a title before ``name``, when they all are one."""
    phrase = read_title([*words, name], 0, {len(words)})
    return phrase if phrase is not None and phrase.name_start == len(words) else None


def _adjective_not_name(tokens: list[str], start: int, end: int) -> bool:
    """Whether one word is a nationality adjective, not the surname a KB short alias
    makes it («السوداني» for Mohammed Shia al-Sudani): without the article, which the
    surname has («متطرف سوداني»), or agreeing with the definite noun before it («وزير
    الدفاع السوداني», «الجيش التركي»)."""
    if end != start + 1 or adjectives().match_at(tokens, start) is None:
        return False
    return not definite(tokens[start]) or (start > 0 and definite(tokens[start - 1]))


def _titles(
    tokens, persons: list[Found], taken: set[int], date: dt.date | None, sentence: list[int],
    may_be_title: list[bool]) -> tuple[list[Found], set[int]]:
    """Attach titles to the names they introduce or follow (right after an untitled
    name, or after a comma); titles with
    a country or organisation and no name are mentions of an unnamed person. Returns
    those, and every token the title phrases cover (their nisbas are not NORP mentions).
    ``may_be_title``: where a title may begin."""
    starts = {p.start: p for p in persons}
    person_starts = set(starts)
    ends = {p.end: p for p in persons}
    in_names = _cover(persons)
    standalone, covered = [], set()
    # the person each title after a name describes, by where the title ends: «ولي العهد
    # نائب رئيس مجلس الوزراء وزير الداخلية» are three offices of the name before them
    chained: dict[int, tuple[Found, list[Title]]] = {}
    # titles with no name right before another title, and whether each was read again
    pending: list[tuple[TitlePhrase, bool]] = []

    def place(phrase: TitlePhrase, reread: bool) -> Found | None:
        """Attach ``phrase`` (`_place`); an unnamed holder is a mention of its own, once."""
        holder = _place(tokens, phrase, starts, ends, chained, date)
        if holder is not None and holder.source == "title" and not reread:
            standalone.append(holder)
        return holder

    def settle(named: TitlePhrase | None = None, holder: Found | None = None) -> None:
        """Place the pending titles: each the holder's whom ``named`` names, when the chain
        goes on up to it with no word between and `_chained_before` says so («ولي العهد
        نائب رئيس مجلس الوزراء وزير الداخلية الأمير محمد بن نايف»: three offices of one
        name), else on its own."""
        touching = named is not None and holder is not None and bool(pending) and \
            pending[-1][0].end == named.start and named.name_start == holder.start
        # from the title nearest the name back: the chain ends at the first the KB says is
        # another's («وزير الداخلية وولي ولي العهد الأمير محمد بن سلمان»: the minister is
        # another, and so are the titles before; but a party's title between names none)
        his = set()
        for k, (earlier, _) in reversed(list(enumerate(pending))):
            joined = _joined_by_and(tokens, earlier)
            if touching and joined and named.out_of_office and not earlier.out_of_office:
                # the marker after the last is both titles': «رئيس وزراء الدنمارك وأمين عام
                # حلف شمال الأطلسي (ناتو) سابقا أندريس فوج راسموسين»
                earlier.out_of_office = True
                earlier.titles = [t if t.rank else _out_of_office(t, FORMER)
                                  for t in earlier.titles]
                his.add(k)
            elif touching and _chained_before(tokens, earlier, named, holder, date,
                                              joined=joined):
                his.add(k)
            else:
                touching = touching and not _anothers_in_a_chain(tokens, earlier, named,
                                                                 holder, date)
        for k, (earlier, earlier_reread) in enumerate(pending):  # in the text's order
            if k in his:
                _attach(holder, earlier)
            else:
                place(earlier, earlier_reread)
        pending.clear()

    before = Before()  # the last office read and its holder, for «نظيره»
    subjects: dict[int, Before] = {}  # each sentence's first office read
    i = 0
    while i < len(tokens):
        phrase = read_title(tokens, i, person_starts, in_names, _sentence_start(sentence, i)) \
            if may_be_title[i] and i not in taken else None
        if phrase is not None:
            phrase.forget_unfounded_org(date)
            phrase.date_by_years(date)
        counterpart = phrase is not None and phrase.counterpart
        if counterpart:
            phrase = _counterpart(tokens, phrase,
                                  _antecedent(tokens, before, subjects, sentence, phrase), starts,
                                  date)
        if phrase and phrase.incomplete and not counterpart:
            # («نظيره» after «وزير داخلية مالطا» is another country's minister)
            phrase.country = _possessor_country(tokens, phrase, before, starts)
        if phrase is None or phrase.incomplete:
            i += 1  # «وزير خارجية» names nobody until its country or organisation follows
            continue
        left_out = _first_name_left_out(tokens, phrase.end, starts, taken) \
            if phrase.name_start is None else None
        if left_out is not None:
            person = starts.pop(left_out)  # its mention takes the first name
            person.start = phrase.name_start = phrase.end
            starts[person.start] = person
            person_starts = set(starts)
        if phrase.name_start is not None and not (phrase.qualified or counterpart):
            phrase.country = _domestic_country(tokens, phrase, before, sentence)
        if phrase.name_start in starts and _late(tokens, starts[phrase.name_start],
                                                 phrase.start):
            # «خادم الحرمين الشريفين الملك عبد الله - رحمه الله -»: the late king's titles,
            # written as the press writes a late holder's («الرئيس الراحل»)
            phrase.out_of_office = True
            phrase.titles = _late_titles(phrase.titles)
        # «المبعوث الخاص [للأمين العام] …»: the dependant noun of this title was read as a
        # title of its own, whose person this phrase describes too
        reread = phrase.start < i and phrase.start in covered
        covered |= set(range(phrase.start, phrase.end))
        if _placed_apart(tokens, phrase, starts, ends, date) or phrase.of_post:
            # (and «شغل منصب وزير الخارجية»: the office, not its holder)
            i = max(phrase.end, i + 1)
            continue
        # (after a name or a comma, a title with «و» begins the list's next item: «…،
        # ونائب رئيس الوزراء وزير الخارجية ناصر جودة», «نبيل العربي ونائب رئيس الوزراء …»)
        with_and = best(tokens[phrase.start]).prefix.startswith("و")
        after_a_name = phrase.start in chained or (not with_and and (
            phrase.start in ends
            or (phrase.start > 0 and tokens[phrase.start - 1] in {*COMMAS, "("})))
        if phrase.name_start is None and not after_a_name and \
                _title_follows(tokens, phrase, may_be_title, person_starts, in_names):
            if pending and pending[-1][0].end != phrase.start:
                settle()  # another chain begins
            pending.append((phrase, reread))  # the next title's name may be its holder's
            i = max(phrase.end, i + 1)
            continue
        own = chained.get(phrase.start, (None, None))[1]
        holder = place(phrase, reread)
        settle(phrase, holder)
        if holder is not None and holder.source != "title" and holder.end <= phrase.start:
            # a title right after may describe him too; his titles before the first one
            # after his name are still those that tell his office
            # (`_attach` appended the phrase's titles to his)
            chained[phrase.end] = holder, (own if own is not None else
                                           holder.titles[:len(holder.titles)
                                                         - len(phrase.titles)])
        # (a trade many practise is no office one has a counterpart in: «بحث مسألة
        # الصحافي … مع نظيره الإيراني» is the foreign minister's)
        # (and «الوزير الايراني», a minister of a country: «مع نظيره الكويتي» is a minister)
        if phrase.served is not None or any(
                t.unlisted_of or (t.roles and not all(offices()[r].many for r in t.roles))
                or (t.family and phrase.country) for t in phrase.titles):
            before = Before(phrase.end, phrase.titles, holder, phrase.country)
            subjects.setdefault(sentence[phrase.start], before)
        i = max(phrase.end, i + 1)
    settle()  # a chain of titles no name ends
    return standalone, covered


def _placed_apart(tokens: list[str], phrase: TitlePhrase, starts: dict[int, Found],
                  ends: dict[int, Found], date: dt.date | None) -> bool:
    """Place a title that a relative clause gives the name before it, or that is the
    office of one the name before has; whether it was either."""
    relative = _relative_clauses_name(tokens, phrase.start, ends)
    if relative is not None:
        # (a name after the title is the served office's holder: «…، الذي يشغل أيضا منصب
        # نائب المستشارة الألمانية أنجيلا ميركل»)
        named = starts[phrase.name_start] if phrase.name_start is not None else None
        if named is None or (phrase.served and _ever_held(tokens, named, phrase.served,
                                                          date)):
            if named is not None:
                _attach(named, replace(phrase, titles=phrase.served))
            _attach(relative, phrase)  # «بنكيران، الذي يشغل أيضا أمين عام العدالة والتنمية»
            return True
    # «الملك سلمان، ولي عهده الأمين»: his crown prince
    return phrase.name_start is None and _of_the_name_before(tokens, phrase, ends)


def _of_the_name_before(tokens: list[str], phrase: TitlePhrase,
                        ends: dict[int, Found]) -> bool:
    """Whether a title after a name and a comma has a pronoun on its words that is the
    name's: the office of another, whom the name's bearer has («الملك سلمان، ولي عهده
    الأمين»: his crown prince). (Not a body's pronoun: «راجح بادي، المتحدث باسمها» speaks
    for the government named before.)"""
    if phrase.start < 2 or tokens[phrase.start - 1] not in COMMAS or \
            phrase.start - 1 not in ends or phrase.org is not None or \
            any(t.form.endswith(SPEAKS_FOR) for t in phrase.titles):
        return False
    return any(best(tokens[k]).suffix in POSSESSIVE_SUFFIXES
               for k in range(phrase.start, phrase.title_end))


def _relative_clauses_name(tokens: list[str], start: int,
                           ends: dict[int, Found]) -> Found | None:
    """The name right before a relative clause whose verb in the present («يشغل»,
    «يتولى») gives it the office a title at ``start`` names: «بنكيران، الذي يشغل أيضا أمين
    عام العدالة والتنمية», «…، الذي يشغل منصب نائب الرئيس»."""
    i = start
    for words in (post_words(), holding_adverbs()):
        if i and head_stem(tokens[i - 1]) in words:
            i -= 1
    if not (i >= 2 and head_stem(tokens[i - 1]) in holding_verbs()
            and tokens[i - 2] in relative_pronouns()):
        return None
    i -= 2
    return ends.get(i - 1 if i and tokens[i - 1] in COMMAS else i)


def _title_follows(tokens, phrase: TitlePhrase, may_be_title: list[bool],
                   person_starts: set[int], in_names: set[int]) -> bool:
    """Whether another title phrase begins right where ``phrase`` ends (read from its
    own words or from a noun's it depends on: «نائب [رئيس مجلس الوزراء]»), not «نظيره»
    («استقبل وزير الخارجية الأمريكي نظيره الروسي»: two people)."""
    end = phrase.end
    # (the first title may begin a list's next item: «ونائب رئيس الوزراء وزير الخارجية
    # ناصر جودة»)
    if best(tokens[phrase.start]).prefix not in ("", "ال", "و", "وال") or end >= len(tokens) \
            or best(tokens[end]).prefix not in ("", "ال", "و", "وال"):
        return False  # (not «المستشار السياسي للرئيس»: «ل» joins a dependant's title)
    return any(may_be_title[j] and (p := read_title(tokens, j, person_starts, in_names))
               is not None and p.start == end and not (p.incomplete or p.counterpart)
               for j in range(end, min(end + MAX_DEPENDANT_WORDS + 1, len(tokens))))


def _joined_by_and(tokens, phrase: TitlePhrase) -> bool:
    """Whether «و» joins the title after ``phrase`` to it («نائب الرئيس ورئيس الحكومة»)."""
    return phrase.end < len(tokens) and best(tokens[phrase.end]).prefix.startswith("و")


def _anothers_in_a_chain(tokens, earlier: TitlePhrase, phrase: TitlePhrase, holder: Found,
                         date: dt.date | None) -> bool:
    """Whether a title in a chain before a name is, by the KB or its country, another's
    office than the name's, which ends the chain there."""
    return _of_two_countries(earlier, phrase) or _holder_differs(
        tokens, holder, _in_holders_country(tokens, earlier, holder), earlier.titles, date)


def _of_two_countries(earlier: TitlePhrase, phrase: TitlePhrase) -> bool:
    return None not in (earlier.country, phrase.country) and earlier.country != phrase.country


def _in_holders_country(tokens, earlier: TitlePhrase, holder: Found) -> TitlePhrase:
    """A title that names no country, read as of the country of the name after it."""
    actor = _person_actor(tokens, holder)
    return replace(earlier, country=earlier.country or (
        actor.country if actor else holder.country))


def _chained_before(tokens, earlier: TitlePhrase, phrase: TitlePhrase, holder: Found,
                    date: dt.date | None, joined: bool = False) -> bool:
    """Whether a title right before another that names ``holder`` is his too: of the
    same country (or one of them names none), and no office the KB says another holds on
    the date
    («استقبل ولي العهد وزير الخارجية عادل الجبير»: the crown prince is his host); after
    «و», one the KB says he holds («نائب الرئيس ورئيس الحكومة اليمنية خالد بحاح», not
    «المستشار السياسي للرئيس والأمين العام للحزب محسن مرزوق»: two people)."""
    if _of_two_countries(earlier, phrase) or earlier.org or earlier.counterpart or not all(
            t.office_sector() in national_sectors() | {"GOV"} for t in earlier.titles):
        return False  # (a state's offices: «والتقى البابا المرجع الشيعي الأعلى علي
        # السيستاني» is the Pope's meeting)
    if earlier.out_of_office:  # «رئيس الوزراء السابق نائب رئيس الجمهورية نوري المالكي»
        return _ever_held(tokens, holder, earlier.titles)
    if joined:
        actor = _person_actor(tokens, holder)
        return actor is not None and _office_holder(
            _in_holders_country(tokens, earlier, holder), earlier.titles, date) is actor
    return not _anothers_in_a_chain(tokens, earlier, phrase, holder, date)


@dataclass
class Before:
    """The last office a title named, where its phrase ended, and who holds it."""

    end: int = -COUNTERPART_REACH
    titles: list[Title] = field(default_factory=list)
    holder: Found | None = None
    country: str | None = None


def _antecedent(tokens, before: Before, subjects: dict[int, Before], sentence: list[int],
                phrase: TitlePhrase) -> Before:
    """What «نظيره» refers to: the last office read in its sentence; in a sentence that
    names none before it («وأشار [معاليه] خلال المؤتمر الصحفي … مع نظيره المصري»), the
    subject of the sentence before, its first office («أوضح وزير الخارجية عادل الجبير أن
    لقاء وزير خارجية مصر … مع … ولي العهد وزير الداخلية»: the foreign minister's). One's
    counterpart is of another country: when the last office is of the counterpart's
    («يلتقي كارتر … رئيس الوزراء حيدر العبادي ونظيره العراقي»), the subject's again."""
    here = sentence[phrase.start]
    if before.end > 0 and sentence[before.end - 1] == here - 1 and here - 1 in subjects:
        # as near as the last office: the words and names between are the subject's sentence's
        before = replace(subjects[here - 1], end=before.end)
    if phrase.country is None or _office_country(tokens, before) != phrase.country:
        return before
    end = max(before.end, before.holder.end if before.holder else 0)
    return next((replace(subject, end=end) for s in (here, here - 1)
                 if (subject := subjects.get(s)) is not None and
                 _office_country(tokens, subject) not in (None, phrase.country)), before)


def _office_country(tokens, office: Before) -> str | None:
    """The country of an office read, or else of its holder."""
    actor = _person_actor(tokens, office.holder) if office.holder else None
    return office.country or (actor.country if actor else None)


def _near(tokens, phrase: TitlePhrase, before: Before, starts: dict[int, Found]) -> bool:
    """Whether the office read before is near ``phrase`` and nobody but its holder is
    named between: what «نظيره» or «وزير خارجيته» refers to."""
    holder = _word_keys(tokens, before.holder) if before.holder else set()
    between = [p for start, p in starts.items() if before.end < start < phrase.start]
    return phrase.start - before.end <= COUNTERPART_REACH and \
        all(_word_keys(tokens, p) & holder for p in between)


POSSESSOR_REACH = 6  # words back to the country «وزير خارجيتها» belongs to
SENTENCE_ENDS = {".", "؟", "?", "!", "؛", ";"}


def _possessor_country(tokens, phrase: TitlePhrase, before: Before,
                       starts: dict[int, Found]) -> str | None:
    """«ووزير خارجيته» ("his foreign minister"): a construct title with a pronoun takes
    the country of the office read just before («الرئيس الإيراني إبراهيم رئيسي ووزير
    خارجيته حسين أمير عبد اللهيان»); «ها» ("its"), of the country named just before it,
    none between («من السعودية عبر وزير خارجيتها الأمير سعود الفيصل»)."""
    suffix = best(tokens[phrase.title_end - 1]).suffix
    if suffix and before.country and _near(tokens, phrase, before, starts):
        return before.country
    if suffix != "ها":
        return None
    for i in range(phrase.start - 1, max(phrase.start - POSSESSOR_REACH, 0) - 1, -1):
        if tokens[i] in SENTENCE_ENDS or i in starts:
            return None
        if (named := country_names().match_at(tokens, i)) is not None:
            return named.values[0]
    return None


def _place(tokens, phrase: TitlePhrase, starts: dict[int, Found], ends: dict[int, Found],
           chained: dict[int, tuple[Found, list[Title]]], date: dt.date | None) -> Found | None:
    """Attach the title phrase to the person it describes, or make it the mention of an
    unnamed person; that person (None when the title describes nobody). ``chained``: the
    person a title after a name describes, and his titles before it, by where it ends."""
    # a title joined by «و» to the name before it is another person's
    first = phrase.start  # before the title when a noun takes it («مستشار الرئيس»)
    if ordinal_before(tokens, first):
        first -= 1  # or an ordinal («كان سوكارنو أول رئيس للجمهورية الإندونيسية»)
    apposable = best(tokens[first]).prefix in ("", "ال")
    after_comma = apposable and first >= 2 and tokens[first - 1] in COMMAS \
        and first - 1 in ends
    named = starts[phrase.name_start] if phrase.name_start is not None else None
    if named and phrase.style_start is not None and _holder_differs(
            tokens, named, phrase, phrase.titles, date) and \
            not _ever_held(tokens, named, phrase.titles):
        # «استقبل الرئيس المصري الأمير خالد الفيصل»: the prince is the guest (but
        # «خادم الحرمين الشريفين الملك عبدالله» after his reign is still the late king)
        phrase.name_start = named = None
        phrase.end = phrase.style_start
    # the name right before the title, or before a comma there
    name_before = ends[first - 1] if after_comma else \
        ends.get(first) if apposable else None
    if named and phrase.served and name_before and not _holder_differs(
            tokens, named, phrase, phrase.served, date):
        # «سيف الإسلام القذافي، نجل الزعيم الليبي معمر القذافي»: the son is named
        # before, the leader after (whose country the KB may know: «انتصار السيسي، قرينة
        # الرئيس عبد الفتاح السيسي», «عبدالله مرسي نجل الرئيس المصري المعزول محمد مرسي»)
        holder = _person_actor(tokens, named)
        phrase.country = phrase.country or (holder.country if holder else None)
        _attach(name_before, phrase)
        _attach(named, replace(phrase, titles=phrase.served))
        return named
    if named and phrase.served and (
            _ever_held(tokens, named, phrase.served, date)
            or _surname_of_a_holder(tokens, named, phrase.served, date, starts.values())) and \
            not _ever_held(tokens, named, phrase.titles):
        # the name is the served office's holder, by the KB: «نائب الزعيم الراحل الملا
        # عمر» (Mullah Omar's deputy), «مستشار الرئيس الفلسطيني محمود عباس»
        _attach(named, replace(phrase, titles=phrase.served))
        return named
    if named and apposable and first in ends and not phrase.served and \
            _holder_differs(tokens, named, phrase, phrase.titles, date) and \
            _apposed(tokens, ends[first], phrase, date):
        # between two names, the office of the one before, its holder on the date: «نبيل
        # العربي الأمين العام للجامعة العربية ستيفان دي ميستورا المبعوث …»
        phrase.name_start = None
        _attach(ends[first], phrase)
        return ends[first]
    if named:
        if not phrase.qualified and all(t.style for t in phrase.titles):
            # «الأمير أحمد بن عبدالعزيز»: a prince, not an emir in office
            phrase.titles = [Title(t.form, style=True) for t in phrase.titles]
        _attach(named, phrase)
        return named
    if after_comma and not _anothers_world_office(tokens, ends[first - 1], phrase, date) \
            and not _late_of_one_in_office(tokens, ends[first - 1], phrase, date):
        _attach(ends[first - 1], phrase)  # «أحمد المسماري، المتحدث باسم …»
        return ends[first - 1]
    # (or in brackets or dashes after them: «أحمد داود أوغلو رئيس الوزراء (وزير الخارجية
    # السابق)», «هيلاري كلنتون -وزيرة الخارجية الأمريكية السابقة-», or after a prayer for
    # him: «سعود الفيصل -رحمه الله- وزير الخارجية السعودي السابق»; or after a comma after
    # his title: «الأمير محمد بن نايف، ولي العهد، نائب رئيس مجلس الوزراء»)
    at = _past_a_prayer(tokens, first)
    if at != first:  # «الملك فهد -يرحمه الله- رئيس مجلس الوزراء»: the late holder's office
        phrase.out_of_office = True
        phrase.titles = _late_titles(phrase.titles)
    # (a title between dashes: «تصوير: أحمد الغامدي - أمير منطقة الرياض يفتتح» is a
    # photo's credit and its caption)
    in_dashes = tokens[at - 1] in DASHES and phrase.end < len(tokens) and \
        tokens[phrase.end] in DASHES if at else False
    at = at - 1 if at and (tokens[at - 1] == "(" or in_dashes or (
        tokens[at - 1] in COMMAS and at - 1 in chained)) else at
    person_before, own = (ends[at], None) if at in ends else chained.get(at, (None, None))
    if apposable and person_before and _apposed(tokens, person_before, phrase, date, own):
        _attach(person_before, phrase)  # «بدر محمد باسملة وزير النقل اليمني»
        return person_before
    if apposable and person_before is not None and person_before.start > 0 and \
            not becoming_verbs().isdisjoint(noun_stems(tokens[person_before.start - 1])):
        return None  # «وإذا أصبحت هيلاري كلينتون الرئيسة الأميركية»: what she may become
    if _one_of_many(phrase):
        return None  # «سجل لاعب الاتحاد الدولي هدفا»: one of a team's players, unnamed
    if phrase.qualified or any(t.family or (t.unlisted_of and not t.out_of_office)
                               for t in phrase.titles):
        return _unnamed(phrase)
    return None


def _one_of_many(phrase: TitlePhrase) -> bool:
    """Whether a title without a name is one of a body's many members or a club's players,
    whom it does not tell apart from the others («لاعب الاتحاد», «عضو في الحزب»; but
    «مدرب الهلال» is the one coach, and «المهاجم البرازيلي», with no body, may be the one
    the story is about)."""
    return (phrase.body is not None or phrase.org is not None) and all(
        t.roles and all(offices()[r].one_of_many for r in t.roles) for t in phrase.titles)


def _domestic_country(tokens, phrase: TitlePhrase, before: Before,
                      sentence: list[int]) -> str | None:
    """A national office named without its country, in the sentence of an office of
    country X, is X's: «أعلن الرئيس التونسي قيس سعيد … فيما رفض رئيس البرلمان راشد
    الغنوشي», «تابع الرئيس عبد الفتاح السيسي … بحضور رئيس جهاز المخابرات العامة اللواء
    عباس كامل» (roles.yaml, `national_sectors`). Only for a title that names its holder,
    and not in a sentence that tells of a meeting or a visit: its guest may hold it."""
    if before.end <= 0 or sentence[before.end - 1] != sentence[phrase.start]:
        return None
    if phrase.out_of_office or not all(
            t.rank or (t.office_sector() in national_sectors() and not t.style)
            for t in phrase.titles) or all(t.rank for t in phrase.titles):
        return None  # nor a royal style: «الأمير» before a name holds no office
    start = _sentence_start(sentence, phrase.start)
    if any(head_stem(w) in meeting_words() for w in tokens[start:phrase.start]):
        return None  # «التقى وزير الدفاع الأمريكي … رئيس الأركان»: maybe the host's
    actor = _person_actor(tokens, before.holder) if before.holder else None
    return before.country or (actor.country if actor else None)


def _sentence_start(sentence: list[int], i: int) -> int:
    """Where the sentence of token ``i`` begins (``sentence`` numbers each token's)."""
    return bisect_left(sentence, sentence[i])


def _counterpart(tokens, phrase: TitlePhrase, before: Before, starts: dict[int, Found],
                 date: dt.date | None) -> TitlePhrase | None:
    """«نظيره التركي»: the offices of the last title read before, when it is near, the
    word has its pronoun («استقبل وزير الخارجية السعودي … نظيره التركي هاكان فيدان») and
    nobody but their holder is named between («وبحث جاويش أوغلو مع نظيره»: the pronoun
    is his; «وسيستقبل كيري اليوم نظيره الكوبي» after «وزير الخارجية الأمريكي جون كيري»)."""
    if not best(tokens[phrase.title_end - 1]).suffix or \
            not _near(tokens, phrase, before, starts):
        return None
    # the same office, of the country the counterpart's own nisba gives
    titles = [replace(t, country=None) for t in before.titles
              if not (t.rank or t.style or t.out_of_office)]
    if not titles or _holds_another_office(tokens, starts.get(phrase.name_start), titles, date):
        return None
    phrase.serve(titles)  # «مستشار نظيره»: the counterpart's adviser
    return phrase


def _holds_another_office(tokens, person: Found | None, titles: list[Title],
                          date: dt.date | None) -> bool:
    """Whether «نظيره» names someone the KB gives other offices on the date than those it
    would share: the pronoun was the story's subject's («التقى كارتر رئيس الوزراء حيدر
    العبادي ونظيره خالد العبيدي»: the defence minister, no second prime minister)."""
    actor = _person_actor(tokens, person) if person else None
    held = {r.role for r in actor.roles_on(date)} if actor and date else set()
    return bool(held) and held.isdisjoint(roles_named(titles))


def _late(tokens, person: Found, title_start: int) -> bool:
    """Whether words after a person's name, or before the title at ``title_start`` that
    introduces it, say its bearer is dead."""
    return _deceased(tokens, person) or _deceased_before(tokens, title_start)


def _late_titles(titles: list[Title]) -> list[Title]:
    """Titles as a late holder's («الملك الراحل»), but ranks, styles and titles the text
    already gives out of office («وزير الخارجية الراحل، الأمير سعود الفيصل، رحمه الله»,
    «… وزير الخارجية السعودي السابق»)."""
    return [t if t.rank or t.style or t.out_of_office or _a_late_holders(t)
            else _out_of_office(t, LATE) for t in titles]


def _a_late_holders(title: Title) -> bool:
    """Whether a title says its holder is dead («الرئيس الراحل», «الملكة الراحلة»)."""
    return not {LATE, LATE + "ة"}.isdisjoint(title.form.split())


def _out_of_office(title: Title, word: str) -> Title:
    """``title`` with the adjective of a former or a late holder, agreeing with its noun:
    «الرئيس السابق», «المستشارة الألمانية السابقة», «الملكة الراحلة»."""
    feminine = title.form.split()[0].endswith("ة")
    return title.with_words([word + "ة" if feminine else word], True, True)


def _titles_in_names(tokens: list[str], persons: list[Found]) -> None:
    """A KB name that begins with a title («الملك سعود», «الملك فيصل بن عبدالعزيز -رحمه
    الله-»): the title is the person's, as one before his name, a late holder's where
    words say he is dead. (Written with the article: a given name is none: «سلطان».)"""
    for person in persons:
        first, agreeing = title_at(tokens, person.start)
        if person.source == "kb" and not person.titles and first is not None and \
                first.end < person.end and definite(tokens[person.start]):
            # (a royal style there is no office: «الأمير فيليب» is no emir)
            agreeing = [Title(t.form, style=True) if t.style else t for t in agreeing]
            person.titles.extend(_late_titles(agreeing)
                                 if _late(tokens, person, person.start) else agreeing)


def _deceased_before(tokens, start: int) -> bool:
    """Whether words before ``start``, past commas and «بإذن الله», say whom a title or a
    name there names is dead («المغفور له، بإذن الله، الملك عبدالله»)."""
    i = start
    while i > 0 and (tokens[i - 1].isspace() or tokens[i - 1] in COMMAS):
        i -= 1
    if i >= 2 and normalize_key(tokens[i - 2]) == normalize_key("بإذن") and \
            normalize_key(tokens[i - 1]) == normalize_key("الله"):
        return _deceased_before(tokens, i - 2)
    return any((m := deceased_before().match_at(tokens, j)) is not None and m.end == i
               for j in range(max(i - 2, 0), i))


def _past_a_prayer(tokens: list[str], i: int) -> int:
    """Where a prayer for the dead in brackets or between dashes ending right before ``i``
    begins («سعود الفيصل [-رحمه الله-] وزير الخارجية»), or ``i`` when none does."""
    closer = tokens[i - 1] if i >= 2 else None
    if closer != ")" and closer not in DASHES:
        return i
    for j in range(i - 2, max(i - 3 - MAX_PRAYER_WORDS, -1), -1):
        opens = tokens[j] == "(" if closer == ")" else tokens[j] in DASHES
        if opens:
            prayer = deceased_after().match_at(tokens, j + 1)
            return j if prayer is not None and prayer.end == i - 1 else i
    return i


def _deceased(tokens, person: Found) -> bool:
    """Whether words right after a name, past a dash or a comma, say its bearer is dead."""
    i = person.end
    while i < len(tokens) and (tokens[i].isspace() or tokens[i] in COMMAS or
                               tokens[i] in (*DASHES, "(")):
        i += 1
    return i < len(tokens) and deceased_after().match_at(tokens, i) is not None


def _word_keys(tokens, mention: Found) -> set[str]:
    return {head_stem(w) for w in tokens[mention.start:mention.end]}


def _first_name_left_out(tokens, i: int, starts: dict[int, Found],
                         taken: set[int]) -> int | None:
    """Where the name a title introduces begins when it lacks its given name, a listed
    name of one or two words the tagger left out: «رئيسة الوزراء الإيطالية جورجيا
    [ميلوني]», «المرجع الشيعي الأعلى علي [السيستاني]», «الفريق أول ركن عبد الأمير [رشيد
    يار الله]»."""
    if i >= len(tokens) or i in taken or tokens[i] in not_given_names():
        return None
    keys = [normalize_key(t) for t in tokens[i:i + 3]]
    end = shipped_lexicon().given_name_end(keys, 0)
    return i + end if end is not None and i + end in starts and \
        not taken.intersection(range(i, i + end)) else None


def _apposed(tokens: list[str], person: Found, phrase: TitlePhrase,
             date: dt.date | None, own_titles: list[Title] | None = None) -> bool:
    """Whether a title right after a person's name describes that person: not when the
    name has a title of its own for another office, is of another country, or is not the
    title's known holder on the date, nor a rank («المدرب جميل قاسم الفريق»: the team).
    In «استقبل الملك سلمان وزير الخارجية الأمريكي» and «استقبل مسعود بارزاني وزير
    الخارجية القطري» the name is the subject and the title its object. ``own_titles``:
    the name's titles before the titles after it, for a title that follows another."""
    if all(t.rank for t in phrase.titles):
        return False
    # its own titles, or one its name begins with («الرئيس خوان مانويل سانتوس»); not a
    # construct title, which is a given name there («سلطان بن أحمد الجابر»)
    own = [t for t in (person.titles if own_titles is None else own_titles)
           or title_at(tokens, person.start)[1] if not (t.style or t.construct)]
    if roles_named(own) and roles_named(own).isdisjoint(roles_named(phrase.titles)) and \
            not _another_office_of_his_state(own, phrase, said_before(
                tokens, person.start, meeting_words(), MEETING_REACH)):
        return False  # «الرئيس خوان مانويل سانتوس رئيس جمهورية كولومبيا» is one office
        # (but a staff title names none: «مستشار خادم الحرمين الشريفين الأمير خالد الفيصل
        # أمير منطقة مكة المكرمة»)
    actor = _person_actor(tokens, person)
    country = actor.country if actor else person.country
    if country and phrase.country and country != phrase.country:
        return False
    # (or held it before: «الملا محمد عمر زعيم حركة طالبان توفي قبل عامين», in the week
    # his death was told and his successor named)
    return not _holder_differs(tokens, person, phrase, phrase.titles, date) or \
        _ever_held(tokens, person, phrase.titles, date)


def _another_office_of_his_state(own: list[Title], phrase: TitlePhrase,
                                 hosting: bool) -> bool:
    """Whether the phrase names only offices the KB does not list, of a state and of the
    sector of his own titles' offices: «نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي», «ولي
    ولي العهد الأمير محمد بن سلمان النائب الثاني لرئيس مجلس الوزراء» (a state office's
    staff, of no country the text gives, unless the sentence tells of a meeting, whose
    guest it may be: «استقبل الملك سلمان نائب رئيس مجلس الوزراء …»; not «رئيس الشركة»
    after a king's title: another sector). The state is checked against the person's by
    `_apposed`."""
    sectors = {offices()[r].sector for r in roles_named(own)}
    return not roles_named(phrase.titles) and bool(phrase.titles) and all(
        t.office_sector() in sectors
        and (t.country is not None or (phrase.served is not None and not hosting))
        for t in phrase.titles)


def _holder_differs(tokens, person: Found, phrase: TitlePhrase, titles: list[Title],
                    date: dt.date | None) -> bool:
    """Whether the KB says someone other than ``person`` holds, on the date, the office
    ``titles`` name with the phrase's country or organisation."""
    holder = _office_holder(phrase, titles, date)
    return holder is not None and holder is not _person_actor(tokens, person)


def _office_holder(phrase: TitlePhrase, titles: list[Title], date: dt.date | None
                   ) -> Actor | None:
    """Who the KB says holds, on the date, the office ``titles`` name with the phrase's
    country or organisation."""
    org = phrase.org.actor.id if phrase.org else None
    return resolve_office(Context(date, tuple(titles), phrase.country, org,
                                  posted_to=phrase.posted_to)).choice


def _late_of_one_in_office(tokens, person: Found, phrase: TitlePhrase,
                          date: dt.date | None) -> bool:
    """Whether a late holder's title after a comma follows a name with a title in office,
    or one the KB says holds an office on the date: the verb's object («ونعى رئيس الوزراء
    الهندي، مودي، الرئيس الراحل»), no title of his."""
    if not all(_a_late_holders(t) for t in phrase.titles if not t.rank):
        return False
    actor = _person_actor(tokens, person)
    return any(not (t.out_of_office or t.style or t.rank) for t in person.titles) or (
        actor is not None and date is not None and bool(actor.roles_on(date)))


def _anothers_world_office(tokens, person: Found, phrase: TitlePhrase,
                           date: dt.date | None) -> bool:
    """Whether a title after a comma names an international body's office that the KB
    says another holds on the date: the verb's object, not the name's apposition («دعا
    عز الدين الأصبحي، مفوض الأمم المتحدة السامي لحقوق الإنسان، إلى …»). (The KB lists
    those few holders; a national office's may be missing from it.)"""
    roles = [r for t in phrase.titles for r in t.roles]
    return bool(roles) and all(igo_office(r) for r in roles) and \
        _holder_differs(tokens, person, phrase, phrase.titles, date)


def _ever_held(tokens, person: Found, titles: list[Title],
               by: dt.date | None = None) -> bool:
    """Whether the KB person a mention names held, at any time (or by the date ``by``),
    an office ``titles`` name."""
    actor = _person_actor(tokens, person)
    return actor is not None and _held(actor, titles, by)


def _held(actor: Actor, titles: list[Title], by: dt.date | None) -> bool:
    offices_named = roles_named(titles) | {r for t in titles for r in t.former_of}
    return any(r.role in offices_named and (by is None or r.start is None or r.start <= by)
               for r in actor.roles)


def _surname_of_a_holder(tokens, person: Found, titles: list[Title], by: dt.date | None,
                         persons: Iterable[Found]) -> bool:
    """Whether a one-word name is a KB person's short name, or the last word of the name of
    one the article names, of one person only who held by the date an office ``titles``
    name: «مستشار الرئيس روحاني» is the president's adviser, «السكرتير الخاص للرئيس هادي»
    Hadi's secretary."""
    if person.end != person.start + 1:
        return False
    word = normalize_key(tokens[person.start])
    named = [actor for other in persons if (actor := _person_actor(tokens, other)) is not None
             and normalize_key(tokens[other.end - 1]) == word]
    alias = aliases().match_at(tokens, person.start)
    if alias is not None and alias.end == person.end:
        named += [a.actor for a in alias.values if a.actor.type == "PERSON"]
    return len({actor.id for actor in named if _held(actor, titles, by)}) == 1


def _person_actor(tokens, person: Found) -> Actor | None:
    """The KB actor a person mention names: found by its alias, or its full name."""
    return person.actor or _named_actor(tokens[person.start:person.end])


def _named_actor(words: list[str]) -> Actor | None:
    """The one actor whose full name ``words`` are, if the KB knows it."""
    found = _leading_actor(words)
    return found[0] if found and found[1] == len(words) else None


def _leading_actor(words: list[str], existing_on: dt.date | None = None
                   ) -> tuple[Actor, int] | None:
    """The one actor a full alias at the start of ``words`` names, and where it ends: the
    longest alias, or with ``existing_on`` the longest of a body that existed on that date."""
    for match in aliases().matches_at(words, 0):
        actors = {a.actor.id: a.actor for a in match.values
                  if not a.short and written_alike(words[:match.end], a.actor)
                  and not (existing_on and a.actor.founded_long_after(existing_on))}
        if actors or existing_on is None:
            return (next(iter(actors.values())), match.end) if len(actors) == 1 else None
    return None


def _attach(person: Found, phrase: TitlePhrase) -> None:
    person.titles.extend(phrase.titles)
    person.country = person.country or phrase.country or next(
        (t.country for t in phrase.titles if t.country), None)  # «خادم الحرمين الشريفين»
    person.org = person.org or (phrase.org.actor.id if phrase.org else None)
    person.posted_to = person.posted_to or phrase.posted_to
    person.years = person.years or phrase.years
    if not phrase.out_of_office:  # «العقيد الراحل»: no sector today
        # (a governor's province before another title's body: «أمير منطقة مكة المكرمة رئيس
        # اللجنة الإشرافية العليا الأمير خالد الفيصل» is Mecca's governor)
        of_place = phrase.body_words and any(offices()[r].of_place for t in phrase.titles
                                             for r in t.roles if r in offices())
        person.body = phrase.body_words if of_place else person.body or phrase.body_words
        person.sector_hint = person.sector_hint or (
            phrase.body.sector if phrase.body else None) or next(
            (t.rank for t in phrase.titles if t.rank), None)


def _holders_office(tokens: list[str], holder: Found) -> Found:
    """The office of a holder named by a title alone, when a word for it comes before
    («مكتب رئيس الوزراء الإسرائيلي»): a body of the title's sector and country, which
    speaks for the holder; else the holder."""
    before = holder.start - 1
    word = best(tokens[before]) if before >= 0 else None
    if word is None or word.article or word.suffix or word.stem not in office_heads():
        return holder  # «في مكتبه وزير الخارجية»: his office, and a guest
    # the office's sector: a state's, or an international body's («مكتب الأمين العام للأمم
    # المتحدة», of no country)
    body = load_kb().actors.get(holder.org) if holder.org else None
    sector = "IGO" if body is not None and body.sector == "IGO" else next(
        (s for t in holder.titles if (s := t.office_sector())), "GOV")
    return Found(before, holder.end, "ORG", "pattern", sector=sector,
                 country=None if sector == "IGO" else holder.country,
                 leads=frozenset(noun_stems(tokens[before])))


def _unnamed(phrase: TitlePhrase) -> Found:
    mention = Found(phrase.start, phrase.end, "PERSON", "title",
                    leads=_keys_of(t.form for t in phrase.titles[:1]))
    _attach(mention, phrase)
    return mention


def _patterns(tokens: list[str], inside: set[int],
              places: dict[int, tuple[int, str]]) -> list[Found]:
    found = []
    may_be_head = org_heads().starts(tokens)
    i = 0
    while i < len(tokens):
        pattern = read_org_pattern(tokens, i, places=places) \
            if may_be_head[i] and i not in inside else None
        if pattern and not ordinary_word(tokens, pattern.start, pattern.end):
            found.append(_org_from_pattern(pattern))
            i = pattern.end
        else:
            i += 1
    return found


def _org_from_pattern(pattern: OrgPattern) -> Found:
    side = pattern.side.actor if pattern.side else None
    found = Found(pattern.start, pattern.end, "ORG", "pattern", country=pattern.country,
                  sector=pattern.sector, org=side.id if side else None,
                  leads=_keys_of([pattern.head.form]))
    if side is not None and side.type == "PERSON":  # «قوات الأسد»: the leader's name
        found.led_by = (pattern.side_start, pattern.end)
    return found


def _nisbas(tokens: list[str], found: list[Found], taken: set[int]) -> list[Found]:
    """Nationality adjectives outside other mentions; one right after an organisation of
    the same country («وكالة الأناضول التركية»), or a definite singular one right after
    an organisation NER found with no country known («كونوكو فيليبس الأمريكية»), belongs
    to that organisation. Next to a person's name without a title, one is his
    nationality (see :func:`_nationality`)."""
    ends = {f.end: f for f in found if f.type == "ORG"}
    person_ending_at = {f.end: f for f in found if f.type == "PERSON" and not f.titles}
    person_starting_at = {f.start: f for f in found if f.type == "PERSON" and not f.titles}
    out = []
    for match in adjectives().find_all(tokens):
        if any(j in taken for j in range(match.start, match.end)):
            continue
        countries = {n.iso3 for n in match.values}
        if len(countries) != 1:
            continue
        country = countries.pop()
        person = person_ending_at.get(match.start) or person_starting_at.get(match.end)
        if person and person.nationality is None and \
                _nationality(tokens, match, person, country):
            continue
        owner = ends.get(match.start)
        if owner and country and (_country_of(owner) == country or (
                _country_of(owner) is None and owner.source in ("ner", "pattern")
                and _singular_definite(tokens[match.end - 1])
                and head_stem(tokens[owner.end - 1]) not in family_words())):
            owner.end, owner.country = match.end, country
            continue
        out.append(Found(match.start, match.end, "NORP", "nisba", country=country,
                         leads=_keys_of(n.form for n in match.values)))
    return out


def _nationality(tokens: list[str], nisba: Match, person: Found, country: str) -> bool:
    """Give a person the nationality of a definite singular nisba next to his name, and
    say whether it was his. Right after the name, a masculine one is («أبو عبيدة المصري»:
    an Egyptian, so no Palestinian of the KB); right before, one that opens its phrase is
    («قال البرازيلي رونالدو», «كالبرازيلي رونالدو»). One that may agree with a noun before
    it gives a country only to a person the KB does not know: «الممثلة الأردنية صبا
    مبارك», but not «مدرب المنتخب السعودي هيرفي رينارد» nor «الصحافة الأمريكية ماكرون»."""
    word = tokens[nisba.end - 1]
    if not (_singular_definite(word) or (  # («الجنوب افريقي كاميرون فان دير بورج»)
            nisba.end - nisba.start > 1 and definite(tokens[nisba.start]))):
        return False
    before = nisba.end == person.start
    if not before:
        own = not normalize_key(word).endswith("يه")  # masculine: not the noun's before
    else:
        opens = nisba.start == 0 or not definite(tokens[nisba.start - 1])
        own = opens or best(word).prefix not in ("", "ال")
    if own:
        person.nationality = country
    elif not before or _known_person(tokens, person):
        return False
    person.country = person.country or country
    return True


def _known_person(tokens: list[str], person: Found) -> bool:
    """Whether the KB knows a person by the name of ``person``, even a short form
    («ماكرون»)."""
    name = " ".join(tokens[person.start:person.end])
    return person.actor is not None or any(a.actor.type == "PERSON"
                                           for a in aliases().lookup(name))


def _singular_definite(word: str) -> bool:
    """«الأمريكية», «التركي»: an adjective that may follow a name (not «الأمريكيين»)."""
    return definite(word) and normalize_key(word).endswith(("ي", "يه"))


def _leads(actor: Actor) -> frozenset[str]:
    return _leads_of(actor.id)


@lru_cache(maxsize=10_000)  # by id: hashing an actor hashes all its roles
def _leads_of(actor_id: str) -> frozenset[str]:
    actor = load_kb().actors[actor_id]
    return _keys_of((*actor.aliases, *actor.short))


def _keys_of(forms: Iterable[str]) -> frozenset[str]:
    """The keys of the first words of lexicon forms, as a text token must match them."""
    return frozenset(head_stem(f.split()[0]) for f in forms if f.split())


def _country_of(found: Found) -> str | None:
    return found.actor.country if found.actor else found.country


# --- linking -----------------------------------------------------------------------

def link(doc: Page, found: list[Found], date: dt.date | None) -> list[Draft]:
    """Group mentions into entities, in text order."""
    drafts: list[Draft] = []
    by_key: dict[tuple, Draft] = {}
    last_person: Draft | None = None
    doc.countries = _countries_named(doc, found)
    doc.article_countries = sum(doc.countries, Counter())
    last_org: tuple[Found, Draft] | None = None
    for mention in found:
        if last_org and _bracketed_after(doc, mention, last_org[0]):
            draft = last_org[1]  # «مشاريع الكويت القابضة (كيبكو)»: its own acronym
            mention.actor = draft.actor
        else:
            draft = _link_one(doc, mention, date, drafts, by_key, last_person)
        if draft is None:
            continue
        if draft.key not in by_key:
            drafts.append(draft)
            by_key[draft.key] = draft
        draft.mentions.append(mention)
        _absorb(draft, mention)
        if draft.type == "PERSON":
            last_person = draft
        elif draft.type == "ORG":
            last_org = (mention, draft)
    # A short alias alone («الجزيرة», «عون») is not enough: the actor must be named in
    # full, by NER, or by a title somewhere in the article (a head alone does not: «القناة»
    # after three adjectives «العربية» is no Al Arabiya).
    drafts = [d for d in drafts if not _short_only(d)]
    unknown_people = [m for d in drafts if d.type == "PERSON" and d.actor is None
                      for m in d.mentions if m.source != "anaphor"]
    for draft in list(drafts):
        named = [m for m in draft.mentions if m.source != "anaphor"]
        if draft.type == "PERSON" and named and all(_in_byline(doc.words, m) for m in named):
            if draft.actor is not None and draft.sector != "JRN":
                _unlink(doc, draft)  # «أحمد حجازي – عين اليوم»: the paper's reporter
            draft.sector = draft.sector or "JRN"
            continue
        named_next = _surname_of_one_named_next(doc, draft, drafts)
        if named_next is not None:  # the mention joins him
            drafts.remove(draft)
            for mention in draft.mentions:
                mention.actor = None
            named_next.mentions = sorted(named_next.mentions + draft.mentions,
                                         key=lambda m: m.start)
        elif _word_for_a_body(doc, draft):
            drafts.remove(draft)  # «وركضنا خلفها بحماس»: zeal, no body at all
        elif _unsupported_surname(doc, draft, date) or _nicknamed(doc, draft) or \
                _late_namesake(doc, draft, date) or \
                _listed_among_unknowns(doc, draft, unknown_people):
            _unlink(doc, draft)
        elif draft.actor is not None and any(
                (_of_another_trade(draft.actor, m.titles, date) and not _after_a_style(doc, m))
                or _of_another_body(draft.actor, m) or _of_another_states_body(draft.actor, m)
                for m in draft.mentions):
            # «مدافع الفريق أحمد عسيري … المدافع أحمد عسيري», «رئيس البلدية الأستاذ خالد
            # الحميدان» (a mayor, no intelligence chief), «المتحدث باسم الهلال الأحمر أحمد
            # عسيري» (no spokesman of the coalition)
            _unlink(doc, draft)
            for mention in draft.mentions:
                _absorb(draft, mention)
    return _domestic_bodies(doc, drafts)


def _bracketed_after(doc: Page, mention: Found, before: Found) -> bool:
    """Whether a one-word organisation name stands in brackets right after another's: the
    acronym of the name before («مشاريع الكويت القابضة (كيبكو)» is no KEPCO), unless it
    names a medium, the copy's source («(رويترز)»)."""
    start, end = mention.start, mention.end
    if not (mention.type == "ORG" and end == start + 1 and before.end == start - 1 and
            doc.words[start - 1] == "(" and end < len(doc.words) and doc.words[end] == ")"):
        return False
    return not any(a.actor.sector == "JRN" for a in aliases().lookup(doc.words[start]))


def _word_for_a_body(doc: Page, draft: Draft) -> bool:
    """Whether a body named only by a one-word name that is a common word too
    (common_words.yaml `words_as_names`) stands in a story that names its country nowhere
    else: the word («وركضنا خلفها بحماس»: with zeal, no Hamas)."""
    named = [m for m in draft.mentions if m.source not in ("anaphor", "head_anaphor")]
    actor = draft.actor
    forms, body_after = words_as_names()
    if actor is None or actor.type != "ORG" or actor.country is None or not named or any(
            m.end != m.start + 1 or normalize_key(doc.words[m.start]) not in forms
            or any(head_stem(w) in body_after for w in doc.words[max(m.start - 4, 0):m.start])
            for m in named):
        return False  # (but «اجتمع مسؤولون مصريون بحماس»: they met Hamas)
    return doc.article_countries[actor.country] <= len(named)


def _nicknamed(doc: Page, draft: Draft) -> bool:
    """Whether a KB person named by one word only is the one the story nicknamed so
    before, with the word that makes it a nickname («ميسي اليونان … أن ميسي لا يحسن حتى
    الكنترول»: a Greek player, no Messi)."""
    named = [m for m in draft.mentions if m.source != "anaphor"]
    if draft.actor is None or draft.type != "PERSON" or not named or \
            any(m.end != m.start + 1 for m in named):
        return False
    keys = {normalize_key(doc.words[m.start]) for m in named}
    return any(normalize_key(word) in keys and nickname_at(doc.words, i)
               for i, word in enumerate(doc.words[:named[0].start + 1]))


def _late_namesake(doc: Page, draft: Draft, date: dt.date | None) -> bool:
    """Whether a KB person in office on the date is named by one word only, once right
    after words that say its bearer is dead: a namesake («وأبناء الفقيد مشعل» in an
    obituary, no Khaled Meshaal)."""
    named = [m for m in draft.mentions if m.source != "anaphor"]
    actor = draft.actor
    if actor is None or actor.type != "PERSON" or not named or \
            any(m.end != m.start + 1 for m in named) or not actor.roles_on(date):
        return False
    return any((m.start and head_stem(doc.words[m.start - 1]) in deceased_nouns())
               or _deceased_before(doc.words, m.start) for m in named)


def _unsupported_surname(doc: Page, draft: Draft, date: dt.date | None) -> bool:
    """A KB person named only by a one-word surname, in an article that names neither
    his country nor an office of his, who held none of his offices yet on the date, or
    none any more: a namesake («ماتيس» in an exhibition of 2015 is the painter; «بايدن» in
    2020 is Biden; «المرزوقي» in a Saudi club's story of 2015 is no Tunisian ex-president).
    (Arab family names are shared too, «المالكي» in a Saudi comedy's cast, but «البشير»
    with Sudan's ruling party unnamed is still Omar al-Bashir; but one who never held an
    office the KB lists, by an Arab family name: «مساعد البراك مساعد أمين مجلس الوزراء» in
    a Saudi story is no Kuwaiti opposition leader.)"""
    # (a bare title joined to him names nobody: «العناية بالمعلم … فالوزير لا يتخبط»)
    named = [m for m in draft.mentions if m.source != "anaphor"
             and not (m.source == "title" and m.actor is None)]
    actor = draft.actor
    if actor is None or not named or not all(m.surname for m in named) or \
            actor.country in doc.article_countries or date is None:
        return False
    if all(m.end == m.start + 1 and not words_as_surnames().isdisjoint(
            noun_stems(doc.words[m.start])) for m in named):
        return True  # «بقتل الأسد» in a story of a hunter: the lion
    if not actor.roles:
        return all(writes_article(doc.words[m.start]) and m.end == m.start + 1
                   for m in named)
    return (
        all(r.start is not None and r.start > date for r in actor.roles)
        or all(r.end is not None and r.end <= date for r in actor.roles))


def _in_byline(words: list[str], mention: Found) -> bool:
    """Whether a name is a byline's (roles.yaml `byline`): after its words and a colon
    («رصد وتصوير: أحمد حجازي»), or alone on the story's first line before a dash and a
    place or a desk that end it («أحمد حجازي – عين اليوم»; later, «أم خالد - الرياض» is
    a reader who asks)."""
    cues = byline()
    before = [w for w in words[max(mention.start - 3, 0):mention.start] if not w.isspace()]
    if before and before[-1] == ":" and any(head_stem(w) in cues.words for w in before[:-1]):
        return True
    # (only blank lines or a site's navigation, «Next Previous», before it)
    first_line = all(w.isspace() or (w.isascii() and w.isalpha()) for w in words[:mention.start])
    dash = mention.end < len(words) and words[mention.end] in cues.dashes
    if not (first_line and dash):
        return False
    # the line ends, or a run of spaces lays the byline apart, within a few words
    after = words[mention.end + 1:mention.end + 2 + cues.words_after_dash]
    return any("\n" in w or len(w) >= 3 for w in after if w.isspace())


def _surname_of_one_named_next(doc: Page, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The unknown person whose full name, in the same or the next sentence, has the
    one-word surname a KB person is named by alone, with no title: the surname is his
    («(ديوان العريفي)، … "نظم إبراهيم بن سعد العريفي الخالدي"» is a poet's, no preacher's).
    (One named before is found as the surname is linked: «جيمس كاميرون … وقال كاميرون».)"""
    named = [m for m in draft.mentions if m.source != "anaphor"]
    if draft.actor is None or draft.type != "PERSON" or not named or \
            not all(m.surname and not m.titles for m in named):
        return None
    first = named[0]
    words = [set(noun_stems(w)) for w in doc.content_words(first.start, first.end)]
    reach = doc.sentence[first.start] + 1

    def named_in_full_next(other: Draft) -> bool:
        return any(m.start >= first.end and doc.sentence[m.start] <= reach and
                   m.end - m.start > 1 for m in other.mentions)

    return next((other for other in drafts
                 if other.type == "PERSON" and other.actor is None and
                 named_in_full_next(other) and
                 any(_in_order(words, name) for name in _names(other))), None)


def _listed_among_unknowns(doc: Page, draft: Draft, unknown: list[Found]) -> bool:
    """Whether a KB person, named without a title, is named only inside a list of people
    the KB does not know, a name on either side («ومعاذ عسيري، وأحمد عسيري، وماهر
    السلمي»): a cast, a team, the winners of a prize, where an official's namesake is
    likelier than the official."""
    named = [m for m in draft.mentions if m.source != "anaphor"]
    if draft.actor is None or draft.type != "PERSON" or not named or draft.sector == "CVL" \
            or any(m.titles for m in draft.mentions):
        return False  # (athletes and artists are listed with their teams and casts)
    ends, starts = {m.end for m in unknown}, {m.start for m in unknown}
    words = doc.words

    def before(i: int) -> bool:  # an unknown name ends at i, or at a comma before i
        return i in ends or (i > 0 and words[i - 1] in COMMAS and i - 1 in ends)

    def after(i: int) -> bool:  # an unknown name begins at i, or after a comma at i
        return i in starts or (i < len(words) and words[i] in COMMAS and i + 1 in starts)

    return all(before(m.start) and after(m.end) for m in named)


def _unlink(doc: Page, draft: Draft) -> None:
    """Make a draft an unknown person's: no actor, nor what the KB said of him."""
    draft.name = _display(doc, draft.mentions[0])
    draft.actor, draft.country, draft.sector = None, None, None
    draft.roles, draft.role_keys, draft.other_times = [], set(), set()


def _link_one(doc, mention: Found, date, drafts, by_key, last_person) -> Draft | None:
    if mention.source == "anaphor":
        return last_person
    if mention.source == "head_anaphor":
        return _org_antecedent(doc, mention, drafts) or _bare_body(doc, mention, by_key)
    if mention.source == "title" and _of_a_country_unnamed(doc, mention):
        return None  # «شرعية المرشد» in a story of Egypt: not Iran's Supreme Leader
    text = doc.span_text(mention.start, mention.end)
    context = Context(date, tuple(mention.titles), mention.country, mention.org,
                      mention.type if mention.source == "ner" else None, mention.posted_to,
                      mention.years)
    actor = mention.actor
    # (a product is no misread company: the words before it say what it is, «سيارة تويوتا»)
    misread = mention.source == "ner" and mention.place is None and \
        mention.type not in ("PERSON", "PRODUCT", "FAC", "EVENT")
    if mention.source == "title":
        actor = resolve_office(context).choice
    elif mention.type in {"PERSON", "ORG", "MISC"} and (actor is None or mention.titles):
        resolution = resolve_name(text, context)
        actor = resolution.choice or _namesake(doc, mention, resolution, drafts) \
            or _inner_actor(doc, mention) or actor
        if actor is None and mention.type == "PERSON" and mention.titles:
            actor = _holder_so_named(doc, mention, context)
    if actor is not None and actor.type == "ORG" and mention.source == "ner" and \
            another_body(doc.words, mention.start, mention.end, actor):
        actor = None  # «هيئة كبار العلماء بالأزهر»: Al-Azhar's, no Saudi council
    named = _named_with_a_head(doc, mention, actor, drafts) if actor is not None else None
    if named is not None:
        return named
    if actor is not None and mention.type == "PERSON" and not (mention.country or mention.org):
        # a surname, maybe after a bare title that ties it to nobody («الرئيس المنفي»)
        # («بن مبارك» is one too)
        one_word = mention.end == mention.start + 1 or (
            mention.end == mention.start + 2
            and normalize_key(doc.words[mention.start]) in LINEAGE_WORDS)
        mention.surname = one_word and \
            not _in_full(text, actor)
    if actor is not None and mention.surname and _ranked_otherwise(mention, actor, date):
        actor = None  # «المقدم الغبان», a police officer, no interior minister
    if actor is not None and mention.surname:
        named = _named_before_by_surname(doc, mention, actor, drafts)
        if named is not None:
            return named  # «نوري المالكي … ويتحمل المالكي»: no Palestinian namesake
        if not mention.titles:
            actor = _of_the_storys_country(doc, text, actor)
    if actor is not None and mention.type == "PERSON" and not mention.titles:
        namesake = _person_coref(doc, mention, drafts)
        if namesake is not None and namesake.actor is None and (mention.surname or (
                _by_short_or_kunya(text, actor) and _begins_name(doc, mention, namesake))):
            return namesake  # the one named before: «جيمس كاميرون … وقال كاميرون»
    # (not «جبال [فيفا]», «حي [أرامكو]»: places)
    if actor is None and misread and not (
            ordinary_word(doc.words, mention.start, mention.end)
            or after_a_place_noun(doc.words, mention.start)):
        actor = _known_name(text, Context(date), by_key)
    if actor is not None and actor.founded_long_after(date) and mention.source in ("ner", "kb"):
        # the shorter name inside may name the body of the date: «البنك المركزي اليمني في
        # صنعاء» in 2015, before the bank split, is the one central bank
        leading = _leading_actor(doc.words[mention.start:mention.end], existing_on=date)
        actor = leading[0] if leading else actor
    if actor is not None and (actor.founded_long_after(date) or (
            mention.source == "ner" and _a_medium_of(doc.words, mention.start, [actor])) or (
            mention.nationality not in (None, actor.country) and actor.country is not None
            and (_by_short_or_kunya(text, actor) or not actor.roles_on(date))) or (
            mention.type == "PERSON" and another_ruler(doc.words, mention.start, mention.end,
                                                       actor)) or (
            mention.surname and (_a_familys(doc.words, mention.start) or (
                _another_given_name_before(doc.words, mention.start, actor)
                and not any(m.end == mention.start for d in drafts for m in d.mentions))))):
        actor = None  # «أبو عبيدة المصري» is an Egyptian, not Hamas's spokesman (nor «الكندي
        # محمد فهمي» a Lebanese minister of 2020: no office of his on the date); «بشرى
        # [العبيدي]», the tagger's surname alone, no defence minister; «إذاعة [الجيش
        # الإسرائيلي]», the army's radio
    if actor is not None:
        mention.actor = actor
        mention.leads = mention.leads or _leads(actor)
        return by_key.get(("actor", actor.id)) or _actor_draft(actor, date)
    if mention.place is not None:
        key = ("place", mention.place.id)
        return by_key.get(key) or Draft(mention.type, mention.place.name, key=key)
    if mention.type == "PERSON" or misread:
        joined = _person_coref(doc, mention, drafts)
        if joined is not None:
            return joined
    if mention.source == "ner" and mention.type in {"ORG", "MISC"}:
        _classify(doc, mention)
    key = _plain_key(doc, mention)
    return by_key.get(key) or Draft(mention.type, _display(doc, mention), key=key)


def _of_a_country_unnamed(doc: Page, mention: Found) -> bool:
    """Whether a title of one country that names its holder only where the article
    names that country (``named_country_only``) stands in an article that does not, or
    names it once in passing and another country more."""
    named = doc.article_countries
    most = max(named.values(), default=0)
    # (named once in passing, «آيات إيران», in a story of Egypt, is not enough)
    return any(named[t.country] < min(2, most) or not named[t.country]
               for t in _named_country_only(mention))


def _named_country_only(mention: Found) -> list[Title]:
    """The mention's titles of one country that name its holder only where that country
    is named (its own country names nothing)."""
    return [t for t in mention.titles if t.country and " " not in t.form
            and head_stem(t.form) in named_country_only()]


def _after_a_style(doc: Page, mention: Found) -> bool:
    """Whether a royal style stands a few words before a name: «الأمير الشاعر خالد الفيصل»
    is the prince, whom a trade may describe too."""
    return any(_style(doc.words, j) for j in range(max(mention.start - 3, 0), mention.start))


def _of_another_body(actor: Actor, mention: Found) -> bool:
    """Whether a title with his name gives the KB person an office of a KB body
    (``mention.org``) that he holds, by the KB, only of other bodies, and never one of that
    body: a namesake. (Not a title alone, which may have joined him wrongly.)"""
    if actor.type != "PERSON" or mention.org is None or mention.source == "title":
        return False
    named = roles_named(mention.titles)
    held = [r for r in actor.roles if r.role in named]
    return bool(held) and all(r.org is not None for r in held) and \
        all(r.org != mention.org for r in actor.roles)


def _of_another_states_body(actor: Actor, mention: Found) -> bool:
    """Whether a title with his name gives the KB person an office of a state's body the
    KB does not list, of another country than his («محكمة جنايات القاهرة برئاسة محمد
    فهمي»: an Egyptian judge, no Lebanese minister): a namesake."""
    return actor.type == "PERSON" and mention.source != "title" and mention.body is not None \
        and mention.sector_hint in domestic_sectors() and actor.country is not None \
        and mention.country not in (None, actor.country)


def _of_another_trade(actor: Actor, titles: Sequence[Title], date: dt.date | None) -> bool:
    """Whether a title names a trade (roles.yaml `trade`: a footballer, a coach, an
    attaché) the KB person never practised, of another sector than his on the date: the
    person named is a namesake."""
    trades = {r for t in titles for r in t.roles if offices()[r].trade}
    if actor.type != "PERSON" or not trades or any(r.role in trades for r in actor.roles):
        return False
    sector = state(actor, date).sector
    return all(offices()[r].sector != sector for r in trades)


def _countries_named(doc: Page, found: list[Found]) -> list[Counter[str]]:
    """How often each sentence names each country before linking: by a place or a
    nationality («في إسطنبول», «التركية»), or a person or body whose country is known by
    then («البرلمان التركي», «حزب الشعب الجمهوري»); not a person named by a KB short
    form, whose country is the one in question («المنفي» in «الرئيس المنفي» is no Libyan
    by itself), nor a company or a medium, whose home says nothing of where the story is
    («كتبها خالد بحاح على موقع «فيسبوك»»)."""
    named: list[Counter[str]] = [Counter() for _ in range(doc.sentence[-1] + 1)] \
        if doc.sentence else []
    for mention in found:
        country = _country_of(mention)
        foreign_voice = mention.actor is not None and (
            mention.actor.sector == "BUS" or (mention.actor.sector == "JRN"
                                             and mention.actor.id not in state_agencies()))
        if country and not (mention.short and mention.type == "PERSON") and not foreign_voice \
                and not _named_country_only(mention):
            named[doc.sentence[mention.start]][country] += 1
    return named


def _namesake(doc: Page, mention: Found, resolution: Resolution,
              drafts: list[Draft]) -> Actor | None:
    """Of namesakes of different countries the resolver could not tell apart («حزب العدالة
    والتنمية», Turkey's or Morocco's), the one the article named before, or else whose
    country its sentence names, or else the article, more often than the others'. Among
    companies, the companies named before in the sentence count («الاتصالات، موبايلي،
    زين»: the Saudi operators, Zain KSA)."""
    tied = [c.actor for c in resolution.candidates
            if c.score == resolution.candidates[0].score] if resolution.choice is None else []
    if len(tied) < 2:
        return None
    named = [actor for actor in tied if any(d.actor is actor for d in drafts)]
    if len(named) == 1:
        return named[0]
    countries = {actor.id: actor.country for actor in tied}
    here = doc.sentence[mention.start]
    sentence = doc.countries[here]
    if all(actor.sector == "BUS" for actor in tied):
        sentence = sentence + Counter(
            d.actor.country for d in drafts if d.actor and d.actor.sector == "BUS"
            for m in d.mentions if doc.sentence[m.start] == here)
    for counts in (sentence, doc.article_countries):
        scores = sorted(((counts[countries[a.id]], a) for a in tied if countries[a.id]),
                        key=lambda pair: -pair[0])
        if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
    return None


def _short_only(draft: Draft) -> bool:
    """Whether an actor is named only by a short alias without a title, and maybe by a
    head alone («وبابا الكنيسة الكاثوليكية فرنسيس» names the pope by his title)."""
    named = [m for m in draft.mentions if m.source != "head_anaphor"]
    return bool(named) and all(m.short and not m.titles for m in named)


def _org_antecedent(doc: Page, mention: Found, drafts: list[Draft]) -> Draft | None:
    """The one organisation named before whose name begins with the head ``mention`` is
    alone («الجيش» after «الجيش السوداني», «الحركة» after «حركة حماس»); None when there
    are none, or two («المجلس» after «مجلس الأمن» and «مجلس التعاون»)."""
    head = next(iter(mention.leads))
    named = [d for d in drafts if d.type == "ORG" and head in _heads_of(doc, d)]
    return named[0] if len(named) == 1 else None


def _named_before_by_surname(doc: Page, mention: Found, actor: Actor,
                             drafts: list[Draft]) -> Draft | None:
    """The one other KB person named before whose short name a surname alone is, when
    the KB gave it to another: the story goes on about the one it named («رئيس الوزراء
    السابق نوري المالكي … ويتحمل المالكي»: Iraq's, not Palestine's minister)."""
    key = normalize_key(doc.span_text(mention.start, mention.end))
    named = [d for d in drafts if d.type == "PERSON" and d.actor not in (None, actor)
             and key in map(normalize_key, d.actor.short)]
    return named[0] if len(named) == 1 else None


def _ranked_otherwise(mention: Found, actor: Actor, date: dt.date | None) -> bool:
    """Whether a rank before a surname alone gives a sector other than the office the KB
    person of that name holds on the date: a namesake («المقدم الغبان» in a police story is
    no interior minister; but «العقيد القذافي», out of office, is the colonel)."""
    ranks = {t.rank for t in mention.titles if t.rank}
    return bool(ranks) and date is not None and bool(actor.roles_on(date)) and \
        state(actor, date).sector not in ranks


def _of_the_storys_country(doc: Page, text: str, actor: Actor) -> Actor:
    """A surname alone the KB gives people of several countries: the one of the country
    the story names most («حذر المالكي» in a story of Iraq is Nouri al-Maliki, whatever
    the date favours), else ``actor``."""
    people = {a.actor for a in aliases().lookup(text) if a.actor.type == "PERSON"}
    counts = {person: doc.article_countries[person.country] for person in people}
    most = max(counts.values(), default=0)
    top = [person for person, count in counts.items() if count == most]
    return top[0] if len(people) > 1 and most > 0 and len(top) == 1 else actor


def _named_with_a_head(doc: Page, mention: Found, actor: Actor,
                       drafts: list[Draft]) -> Draft | None:
    """The one organisation of the KB named before with a head word before the word a
    mention names alone, which is another actor's short name only: «مجلة الجزيرة» (the
    Saudi paper) … «أحد أعمدة الجزيرة», no Qatari channel."""
    text = doc.span_text(mention.start, mention.end)
    if mention.type != "ORG" or mention.end - mention.start != 1 or \
            _in_full(text, actor) or (
            mention.start and not broadcast_words().isdisjoint(
                noun_stems(doc.words[mention.start - 1]))):
        return None  # (and «مراسل الجزيرة»: the channel's)
    key = normalize_key(text)
    named = [d for d in drafts if d.type == "ORG" and d.actor not in (None, actor) and any(
        m.end - m.start == 2 and normalize_key(doc.words[m.end - 1]) == key
        and org_head_at(doc.words, m.start) is not None for m in d.mentions)]
    return named[0] if len(named) == 1 else None


def _heads_of(doc: Page, draft: Draft) -> set[str]:
    """The stems of the first words of an organisation's names: its mentions' (a head
    alone not counted) and, for a KB actor, its aliases' («حركة» for «حماس»)."""
    words = [doc.words[m.start] for m in draft.mentions if m.source != "head_anaphor"]
    if draft.actor is not None:
        words += [form.split()[0] for form in draft.actor.aliases]
    return {key for word in words for key in noun_stems(word)}


def _bare_body(doc: Page, mention: Found, by_key: dict) -> Draft | None:
    """A head alone that names no body before it: a national body of a domestic sector
    («البرلمان», «المحكمة»), whose country its sentence may give (:func:`_domestic_bodies`);
    otherwise no mention («الحكومة» with no government named)."""
    if mention.sector not in domestic_sectors():
        return None
    key = _plain_key(doc, mention)
    return by_key.get(key) or Draft(mention.type, _display(doc, mention), key=key)


def _domestic_bodies(doc: Page, drafts: list[Draft]) -> list[Draft]:
    """An organisation the KB does not know, of a domestic sector and with no country
    («مجلس النواب», «البرلمان»), takes the country of a place right after it («وزارة
    الصحة في غزة»), or else of the people and bodies named before it in its sentence,
    when they name one and the sentence tells of no meeting or visit: «أعلنت حركة النهضة
    التونسية رفضها قرارات الرئيس قيس سعيد تجميد عمل البرلمان». What follows it is mostly
    what it acts on («طالب البرلمان بطرد السفير الأمريكي», «قضت المحكمة بسجن مواطن
    أمريكي»); nationalities, towns, the media other than a state's agency and diplomats,
    who serve abroad, do not count, countries and capitals do («قضت المحكمة الاتحادية
    العليا في العراق بإنهاء عضوية رئيس مجلس النواب»), but not for a government body,
    nor armed forces (org_patterns.yaml `domestic_sectors`). A head alone that still has
    no country is dropped. A person whose title is of a national sector and names no
    country (roles.yaml `national_sectors`) takes the country the same way: «أعلنت النيابة
    العامة السعودية برئاسة النائب العام سعود المعجب». A government body takes it only from
    civil voices that speak for their own state (not heads of state or government, nor
    foreign ministers: `outward_offices`), and none when its sentence names another
    country."""
    _located_bodies(doc, drafts)
    bodies = [d for d in drafts if d.actor is None and not d.country and (
        (d.type == "ORG" and d.sector in domestic_sectors() and not _of_an_igo(doc, d))
        or (d.type == "PERSON" and d.sector in national_sectors() and not d.former))]
    if not bodies:
        return drafts
    speakers = [d for d in drafts if _speaks_for_a_country(d)]
    named = [(m.start, d.country) for d in speakers + [d for d in drafts if _a_country(d)]
             for m in d.mentions]
    # a government body: only civil voices that speak for their own state
    civil = [(m.start, d.country) for d in speakers
             if d.sector not in armed_sectors() and not _speaks_abroad(d) for m in d.mentions]
    meetings = {doc.sentence[i] for i, word in enumerate(doc.words)
                if head_stem(word) in meeting_words()}
    for body in bodies:
        government = body.sector == "GOV"
        countries = {country for m in body.mentions if doc.sentence[m.start] not in meetings
                     for start, country in (civil if government else named)
                     if start < m.start and doc.sentence[start] == doc.sentence[m.start]}
        if government and len(countries) == 1 and any(
                set(doc.countries[doc.sentence[m.start]]) - countries for m in body.mentions):
            continue  # «حث بومبيو الحكومة على إصلاح الاقتصاد اللبناني»: maybe the other's
        if len(countries) == 1:
            body.country = countries.pop()
    return [d for d in drafts
            if d.country or any(m.source != "head_anaphor" for m in d.mentions)]


def _located_bodies(doc: Page, drafts: list[Draft]) -> None:
    """A state body or a university the KB does not know and with no country takes that
    of the place right after it and «في» («وزارة الصحة في غزة», «جامعة الإسراء في
    غزة»); not armed forces, who fight abroad («قوات التحالف في اليمن»), nor companies,
    whose branch it may be («شركتها في مصر»), nor international bodies' («وزراء خارجية
    الاتحاد الأوروبي في بروكسل»)."""
    places = {m.start: draft.country for draft in drafts
              if draft.type in PLACE_TYPES and draft.country for m in draft.mentions}
    located = domestic_sectors() | {"EDU"}
    for draft in drafts:
        if draft.type != "ORG" or draft.actor is not None or draft.country or \
                draft.sector not in located or _of_an_igo(doc, draft) \
                or all(m.end - m.start == 1 for m in draft.mentions):
            continue  # (a head alone names no body there: «هي جامعة بحثية في لشبونة»)
        draft.country = next((places[m.end + 1] for m in draft.mentions
                              if m.end + 1 in places and m.end < len(doc.words)
                              and doc.words[m.end] == "في"), None)


def _of_an_igo(doc: Page, draft: Draft) -> bool:
    """Whether an organisation's name holds an international body's («خارجية الاتحاد
    الأوروبي»): in Brussels, and not Belgian."""
    return any(a.actor.sector == "IGO" for m in draft.mentions
               for match in aliases().find_all(doc.words[m.start:m.end]) for a in match.values)


def _speaks_abroad(draft: Draft) -> bool:
    """A head of state or government or a foreign minister, whose words are often about
    another state's government (org_patterns.yaml `outward_offices`)."""
    return bool(draft.role_keys & outward_offices())


def _a_country(draft: Draft) -> bool:
    """A country named as a place («في العراق») or by its capital («وفي طهران»), not a
    town, whose name may be a word («وقف» is a town in Egypt)."""
    place = draft.mentions[0].place
    if place is None or place.country is None:
        return False
    capital = gazetteer().capital(place.country)
    return place.feature == "country" or (
        capital is not None and capital.geonames_id == place.geonames_id)


def _speaks_for_a_country(draft: Draft) -> bool:
    """A person or body of a country, other than a company («عبر حسابه على تويتر»), a
    medium (a state's news agency is one) or a diplomat posted abroad."""
    state_agency = draft.actor is not None and draft.actor.id in state_agencies()
    return bool(draft.country) and draft.type in ("PERSON", "ORG") and \
        draft.sector != "BUS" and (draft.sector != "JRN" or state_agency) and \
        not any(offices()[k].posted for k in draft.role_keys if k in offices())


def _known_name(text: str, context: Context, by_key: dict) -> Actor | None:
    """NER's type can be wrong («باشاغا» as LOC): a KB name still links, a short one
    only to an actor already in the article."""
    resolution = resolve_name(text, context)
    actor = resolution.choice
    if actor is None:
        return None
    full = _in_full(text, actor)
    return actor if full or ("actor", actor.id) in by_key else None


def _classify(page: Page, mention: Found) -> None:
    """Country and sector of an organisation the KB does not know, from its own words."""
    tokens = page.words
    pattern = read_org_pattern(tokens, mention.start, limit=mention.end)
    if pattern is not None and pattern.end == mention.end:
        found = _org_from_pattern(pattern)
        mention.type, mention.country, mention.sector = "ORG", found.country, found.sector
        mention.org, mention.leads = found.org, found.leads
        return
    head = org_head_at(tokens[:mention.end], mention.start)
    if head is not None:  # «ميليشيات طرابلس»: the sector from the head, the country
        mention.type = "ORG"  # from a place inside
        mention.leads = _keys_of(h.form for h in head.values)
        mention.sector = next((h.sector for h in head.values if not h.derived),
                              head.values[0].default)
        # a construct head that a city may complete («ميليشيات طرابلس»); not «الجيش
        # العثماني» (an adjective), nor «جامعة أكسفورد» (its own name)
        if head.values[0].places and not best(tokens[mention.start]).article:
            mention.country = _inner_country(page.doc, mention)
    if mention.country is None:  # «حركة النهضة التونسية»: the nisba it ends with
        mention.country = _final_nisba_country(tokens, mention)
    if head is None and CLUBS_TOPIC in story_topics() and _a_club(tokens, mention):
        # «ريال مدريد», «الأهلي المصري» in a football story (not «التعليم الأهلي»)
        mention.sector = org_heads().get(CLUB_HEAD)[0].sector


def _a_club(tokens: list[str], mention: Found) -> bool:
    """Whether an NER span is a sports club's name, maybe with its nisba."""
    words = tokens[:mention.end]
    club = clubs().match_at(words, mention.start)
    nisba = adjectives().match_at(words, club.end) if club and club.end < mention.end else None
    return club is not None and (club.end == mention.end
                                 or (nisba is not None and nisba.end == mention.end))


def _final_nisba_country(tokens: list[str], mention: Found) -> str | None:
    last = next((m for m in adjectives().find_all(tokens[mention.start:mention.end])
                 if m.end == mention.end - mention.start), None)
    # a word before it, not one after which it is a family's name («دار السويدي»)
    before = mention.start + last.start - 1 if last else -1
    countries = {n.iso3 for n in last.values} if last and last.start > 0 and \
        head_stem(tokens[before]) not in family_words() else set()
    return countries.pop() if len(countries) == 1 and \
        _singular_definite(tokens[mention.end - 1]) else None


def _inner_country(doc, mention: Found) -> str | None:
    if "places" not in doc.spans or not Span.has_extension("place"):
        return None
    countries = {s._.place.country for s in doc.spans["places"]
                 if mention.start <= s.start and s.end <= mention.end and s._.place}
    return countries.pop() if len(countries) == 1 else None


def _actor_draft(actor: Actor, date: dt.date | None) -> Draft:
    now = state(actor, date)
    if date is None:
        # undated text may be of any year: the KB's offices of today are not its (its
        # titles are; an archive of 2006 names Annan, Solana, Nasrallah in office), and
        # those ended are earlier ones, which Lebanon's courtesy «الرئيس» recalls
        return Draft(actor.type, actor.name, actor, now.country, now.sector, [], set(),
                     key=("actor", actor.id), other_times=set(),
                     earlier={r.role for r in actor.roles if r.end is not None})
    held = actor.roles_on(date)
    near = {r.role for r in actor.roles if _near_date(r, date)}
    other_times = {r.role for r in actor.roles} - near
    earlier = {r.role for r in actor.roles if r.role in other_times
               and r.end is not None and r.end <= date}
    return Draft(actor.type, actor.name, actor, now.country, now.sector, list(now.roles),
                 {r.role for r in held}, key=("actor", actor.id), other_times=other_times,
                 earlier=earlier)


def _near_date(role: Role, date: dt.date) -> bool:
    """Whether a title may still, or already, name an office held within
    ``COURTESY_DAYS`` of the date (a minister dismissed yesterday, a leader killed last
    month after ten weeks in office)."""
    first, last = date - dt.timedelta(days=COURTESY_DAYS), date + dt.timedelta(days=COURTESY_DAYS)
    return (role.start is None or role.start <= last) and (role.end is None or role.end > first)


def _inner_actor(doc, mention: Found) -> Actor | None:
    """An NER span longer than the alias it starts with («حكومة الوفاق الوطني المعترف»)."""
    words = doc.words[mention.start:mention.end]
    found = _leading_actor(words)
    if found is None and (after_head := _named_after_head(words)) is not None and \
            after_head.sector == "JRN":
        return after_head  # «إذاعة [بي بي سي]», «قناة [بي بي سي]»: the medium itself
    if found is None or ordinary_word(words, 0, found[1]):
        return None  # «أورانج كاونتي» is a county, not the company
    if found[1] < len(words) and (after_head := _named_after_head(words)) is not None:
        return after_head  # «قوات الجيش السوري الحر» is the FSA's, not «قوات الجيش السوري»
    if found[0].type == "ORG" and another_body(doc.words, mention.start,
                                               mention.start + found[1], found[0]):
        return None  # «الاف بي اي المغربي»: Morocco's bureau, not the FBI
    if found[0].sector == "BUS" and _name_goes_on(words, found[1]):
        return None  # «شركة أكس جت للطيران»: another company than X Corp («شركة إكس»)
    if found[0].type == "PERSON" and (_family_name_at(words, found[1])
                                      or (found[1] < len(words) and _another_family_after(
                                          doc.words, mention.start + found[1], found[0]))
                                      or _foreign_nisba_at(words, found[1], found[0])
                                      or _another_lineage(words, found[1], [found[0]])):
        return None  # a longer name is another person's: «عبدالله بن عبدالعزيز الربيعة»,
        # «أبو عبيدة المصري» (an Egyptian of ISIS, not Hamas's spokesman), «عبدالله بن
        # عبدالعزيز بن مساعد»
    return found[0] if _fits(found[0].type, mention.type) else None


def _named_after_head(words: list[str]) -> Actor | None:
    """The one organisation a full alias names from the word after an organisation head
    to the span's end: «قوات [الجيش السوري الحر]»."""
    if org_head_at(words, 0) is None:
        return None
    match = aliases().match_at(words, 1)
    actors = {a.actor.id: a.actor for a in match.values if a.actor.type == "ORG"
              and not a.short} if match and match.end == len(words) else {}
    return next(iter(actors.values())) if len(actors) == 1 else None


def _name_goes_on(words: list[str], i: int) -> bool:
    """Whether a bare word at ``words[i]`` goes on with a name: no article, clitic, digit,
    nationality or word of a company's name («موتورز», org_patterns.yaml `brand_words`)."""
    if i >= len(words):
        return False
    word = words[i]
    return word.isalpha() and not definite(word) and not best(word).prefix \
        and normalize_key(word) not in brand_words() and adjectives().match_at(words, i) is None


def _foreign_nisba_at(words: list[str], i: int, actor: Actor) -> bool:
    """Whether a nationality of another country than ``actor``'s is at ``words[i]`` (an
    official of no country, the UN's, has none to clash with)."""
    match = adjectives().match_at(words, i) if i < len(words) and actor.country else None
    return match is not None and actor.country not in {n.iso3 for n in match.values}


def _another_lineage(words: Sequence[str], i: int, actors: Iterable[Actor]) -> bool:
    """Whether «بن» at ``words[i]`` goes on with a father other than the one each actor's
    listed lineage gives («عبد الله بن عبد العزيز بن عبد الرحمن»): «عبدالله بن عبدالعزيز
    بن مساعد» is not King Abdullah. An actor listed without a lineage of three
    generations may be anyone's grandson."""
    if i + 1 >= len(words) or normalize_key(words[i]) not in LINEAGE_WORDS:
        return False
    said = "".join(normalize_key(w) for w in words[:i + 2])
    for actor in actors:
        lineages = ["".join(normalize_key(w) for w in form.split()) for form in actor.aliases
                    if sum(normalize_key(w) in LINEAGE_WORDS for w in form.split()) >= 2]
        if not lineages or any(lineage.startswith(said) or said.startswith(lineage)
                               for lineage in lineages):  # (a longer lineage still his)
            return False
    return True


def _another_family_after(tokens: list[str], i: int, actor: Actor) -> bool:
    """Whether a KB name of given names alone («حسن عبد الله»: a man and his father) goes on,
    within the tagger's span, with a family name: «حسن عبدالله قيسي» is another man (not
    with a nisba, a title, or a title in the accusative: «نعيم قاسم أمينا عاما للحزب»)."""
    if not _given_names_only(actor.name):
        return False
    word = normalize_key(tokens[i])
    accusative = word.endswith("ا") and titles().match_at([word[:-1]], 0) is not None
    return not (accusative or adjectives().match_at(tokens, i) or titles().match_at(tokens, i))


@lru_cache(maxsize=4096)
def _given_names_only(name: str) -> bool:
    """Whether a name is given names alone, with no family name nor lineage («بن»)."""
    keys, i = [normalize_key(w) for w in name.split()], 0
    if not LINEAGE_WORDS.isdisjoint(keys):
        return False
    while i < len(keys):
        end = shipped_lexicon().given_name_end(keys, i)
        if end is None:
            return False
        i = end
    return len(keys) > 1


def _family_name_at(words: list[str], i: int) -> bool:
    """Whether a family name of its own follows a KB name within the tagger's span: a
    definite word that is no dynasty («آل سعود»), nationality or title."""
    return i < len(words) and definite(words[i]) and words[i] not in ("آل", "ال") \
        and not adjectives().match_at(words, i) and not titles().match_at(words, i)


def _fits(actor_type: str, mention_type: str) -> bool:
    return actor_type == mention_type or (actor_type == "ORG" and mention_type == "MISC")


def _person_coref(doc, mention: Found, drafts: list[Draft]) -> Draft | None:
    """An unlinked person mention joins the latest person it names or describes:
    «كاميلاري» after «بويرون كاميلاري», «الوزير التركي» after the Turkish minister."""
    persons = [d for d in reversed(drafts) if d.type == "PERSON"]
    if mention.source == "title":
        return next((d for d in persons if _describes(mention, d)
                     and not _another_in_sentence(doc, mention, d)), None)
    words = [set(noun_stems(w)) for w in doc.content_words(mention.start, mention.end)]
    return next((d for d in persons if words and any(
        _in_order(words, name) for name in _names(d))), None)


def _in_order(words: list[set[str]], name: list[str]) -> bool:
    """Whether the words (each a set of stems) come in a name in their order, others
    between allowed: «كاميلاري» in «بويرون كاميلاري», «صالح الجبواني» in «صالح أحمد
    الجبواني»; but «عبدالعزيز بن سلمان» is not «سلمان بن عبدالعزيز», and a name of two
    words or more begins as the other does, unless with a word that links a name's parts
    («أبو ردينة» is «نبيل أبو ردينة»): «معمر القذافي» is the father, not «سيف الإسلام معمر
    القذافي»."""
    if len(words) > 1 and name and name[0] not in words[0] and \
            words[0].isdisjoint(name_links()[0]):  # («أبو ردينة» after «نبيل أبو ردينة»)
        return False
    rest = iter(name)
    return all(any(key in word for key in rest) for word in words)


def _begins_name(doc: Page, mention: Found, draft: Draft) -> bool:
    """Whether an unlinked person's longer name begins with the words of ``mention``:
    «أبو عبيدة المصري» … «يدعى «أبو عبيدة»» (a KB name, but his)."""
    words = [set(noun_stems(w)) for w in doc.content_words(mention.start, mention.end)]
    return any(len(name) > len(words) and _in_order(words, name[:len(words)])
               for name in _names(draft))


def _by_short_or_kunya(text: str, actor: Actor) -> bool:
    """Whether ``text`` names ``actor`` only by a short form or by a kunya («أبو عبيدة»):
    names others may share, unlike a full name."""
    first = normalize_key(text.split()[0]) if text.split() else ""
    return first in KUNYAS or not _in_full(text, actor)


def _in_full(text: str, actor: Actor) -> bool:
    """Whether ``text`` is one of ``actor``'s full names, not only a short form of it."""
    return any(a.actor is actor and not a.short for a in aliases().lookup(text))


def _describes(mention: Found, draft: Draft) -> bool:
    if mention.country and draft.country and mention.country != draft.country:
        return False
    if _posted_elsewhere(mention, draft):
        return False  # «المبعوث الأممي إلى ليبيا» is not the envoy to Yemen named before
    if mention.country and not draft.country and any(t.out_of_office for t in mention.titles):
        return False  # «الرئيس الفرنسي السابق» is not the former president named before
    if _of_the_other_sex(mention, draft):
        return False
    return any(_names_office(t, draft) for t in mention.titles)


def _of_the_other_sex(mention: Found, draft: Draft) -> bool:
    """Whether a feminine title of a trade many practise describes one the text named
    with its masculine before: «الملحن وليد الشامي … الفنانة المغربية» is someone else.
    (An office is written in the masculine for women too: «رئيس الوزراء تيريزا ماي».)"""
    def feminine(title: Title) -> bool:
        return title.form.split()[0].endswith("ة")

    trades = [t for t in mention.titles
              if t.roles and all(offices()[r].many for r in t.roles if r in offices())]
    named = [t for m in draft.mentions for t in m.titles if t.roles]
    return any(feminine(t) for t in trades) and bool(named) and \
        not any(feminine(t) for t in named)


def _posted_elsewhere(mention: Found, draft: Draft) -> bool:
    """Whether a title sends its holder elsewhere than every posting of the draft's
    actor at an international body (the KB gives the UN's envoys their country)."""
    if not mention.posted_to or draft.actor is None:
        return False
    postings = {r.country for r in draft.actor.roles if r.country and igo_office(r.role)}
    return bool(postings) and mention.posted_to not in postings


def _another_in_sentence(doc: Page, mention: Found, draft: Draft) -> bool:
    """A title with a country, in the sentence that named a person of no known country,
    is someone else: «عبدالعزيز بن سلمان وزير الطاقة … مع وزير الطاقة الروسي» (in a later
    sentence, «وزير الخارجية الصومالي» may describe «عبدالسلام عمر، وزير الخارجية»)."""
    if not mention.country or draft.country:
        return False
    last = max(m.end for m in draft.mentions)
    return doc.sentence[last - 1] == doc.sentence[mention.start]


def _names_office(title: Title, draft: Draft) -> bool:
    """Whether ``title`` fits an office of ``draft``: a listed one it names, an unlisted
    one by its words («وزير النقل» again), or either by its family («الوزير»)."""
    if any(role_matches(key, title) for key in draft.role_keys):
        return True
    if title.unlisted_of:
        return title.form in draft.roles
    return bool(title.family and not title.roles and title.family in draft.families)


def _names(draft: Draft) -> list[list[str]]:
    """A person's names as word keys: the words of an unlinked name, an actor's aliases."""
    if draft.actor is None:
        return [list(draft.key[1])] if draft.key[0] == "name" else []
    return _actor_names(draft.actor)


def _actor_names(actor: Actor) -> list[list[str]]:
    return [[head_stem(w) for w in form.split()] for form in (*actor.aliases, *actor.short)]


def _holder_so_named(doc, mention: Found, context: Context) -> Actor | None:
    """The holder of a title's office on the date, when the name after it is a part of
    his that no KB alias gives alone: «مكتب رئيس الوزراء أوغلو» in 2015 is Davutoğlu, not
    the Çavuşoğlu the article named before. A title without a country is of one its
    sentence names (not one the article names elsewhere: «لأخيه الملك عبد الله» in a
    Saudi story that names Jordan is no Abdullah II)."""
    words = [set(noun_stems(w)) for w in doc.content_words(mention.start, mention.end)]
    countries = [context.country] if context.country else \
        list(doc.countries[doc.sentence[mention.start]])
    for country in countries:
        holder = resolve_office(replace(context, country=country)).choice
        if holder is not None and holder.type == "PERSON" and words and any(
                _in_order(words, name) and name[-1] in words[-1]  # (his family name)
                for name in _actor_names(holder)):
            return holder
    return None


def _keys(doc, mention: Found) -> tuple[str, ...]:
    """The words of a mention as keys, the first without its clitics when the lexicon
    entry it matched is known («لميليشيات الوفاق» and «ميليشيات الوفاق» are one key)."""
    words = doc.content_words(mention.start, mention.end)
    if not words:
        return ()
    first = next((a.stem for a in analyses(words[0]) if a.stem in mention.leads),
                 head_stem(words[0]))
    return (first, *map(head_stem, words[1:]))


def _plain_key(doc, mention: Found) -> tuple:
    """Unlinked mentions with equal keys are one entity: a country's NORP mentions,
    a country's GPE mentions, otherwise the same words."""
    if mention.type == "NORP" and mention.country:
        return ("NORP", mention.country)
    if mention.type == "GPE" and mention.country and country_of_name(_display(doc, mention)):
        return ("GPE", mention.country)
    if mention.type == "PERSON" and mention.source != "title":
        return ("name", _keys(doc, mention))
    return (mention.type, _keys(doc, mention))


def _display(doc, mention: Found) -> str:
    start, end = _char_span(doc, mention)
    return doc.text[start:end]


def _absorb(draft: Draft, mention: Found) -> None:
    """What a mention adds to its entity: the offices its titles name; for an entity
    the KB does not know, the country and sector the context gives."""
    courtesies = [_courtesy(draft, mention, t) for t in mention.titles]
    titles = [_as_former(draft, t) if _held_formerly(draft, t) else t
              for t, courtesy in zip(mention.titles, courtesies, strict=True)
              if not (courtesy or _epithet(draft, mention, t))]
    if any(courtesies) and (former := _courtesy_for_a_former_office(draft)) is not None:
        titles.append(former)
    titles = [t for t in titles if t is not None]
    # an actor the KB knows only in offices held before or after the date (and one about
    # to take office: «قائد القوات البرية خلوصي أكار» two weeks before his chief of staff's)
    out_of_kb_office = draft.actor is not None and bool(draft.actor.roles) and \
        not draft.role_keys
    for title in titles:
        if title.out_of_office:
            draft.former.add(title.form)
        # «الوزير», not «وزير الطاقة» nor an office of a body («رئيس النادي», «رئيس الديوان
        # الأميري»), which the KB's people hold too; but «زوجة الرئيس» is no role of his,
        # and staff of an office are («نائب رئيس دولة الإمارات»: an office the KB lacks)
        # («الرئيس المنتخب», «رئيس الوزراء المكلف»: an office to come, which says more than
        # the KB's office of the day, «رجل الأعمال» for Trump in December 2016)
        incoming = bool(offices_to_come(head_stem(title.form.split()[-1])))
        bare = not (title.roles or title.unlisted_of or title.sector or incoming) and \
            (" " not in title.form or (draft.actor is not None and not mention.body))
        if title.rank or (bare and draft.roles) or (title.style and draft.actor) or \
                _an_office_held(draft, title):
            continue  # ranks give a sector only; «الوزير» adds nothing to a known minister,
            # nor «الأمير» to a prince the KB knows
        keys = [k for k in title.roles if k in offices()]
        if draft.role_keys.intersection(keys) and draft.actor is not None:
            _as_the_text_names(draft, title, keys)
            continue  # the actor's own office already says it
        office = offices()[keys[0]] if len(keys) == 1 else None
        if office and office.of_place and mention.body and \
                not writes_article(title.form.split()[-1]):
            label = f"{title.form} {mention.body}"  # «محافظ مأرب», «أمير منطقة الرياض»
        elif office and office.sector:
            label = office.label
        elif office:  # an office of the body it serves: «المتحدث باسم الجيش الليبي»
            label = _written(Title(office.label), mention)
        else:  # unlisted, or a title that may name several offices
            label = _written(title, mention) if keys else title.form
        _add_role(draft.roles, label)
        draft.role_keys |= set(keys)
        if title.unlisted_of and not title.out_of_office:  # «الوزير» is no former minister
            draft.families.add(title.unlisted_of)
    if draft.actor is None:
        draft.country = draft.country or mention.country
        draft.sector = draft.sector or mention.sector or _title_sector(mention, titles)
    elif draft.sector == "ELI" or out_of_kb_office:
        # the KB knows no office held on the date, only offices held before or after it;
        # the text's title is newer news («يائير لابيد زعيم المعارضة»: OPP; «السيناتور
        # ماركو روبيو» in 2015: LEG), unless a courtesy (above)
        draft.sector = _title_sector(mention, titles) or draft.sector


def _an_office_held(draft: Draft, title: Title) -> bool:
    """Whether a staff title read as a dependant's («نائب رئيس الجمهورية») also reads as an
    office the KB gives the person on the date (vice-president): it adds nothing."""
    if title.roles or not title.sector or draft.actor is None:
        return False
    words = title.form.split()
    found = titles().match_at(words, 0)  # (the whole form, or a construct and its body)
    return found is not None and any(
        not draft.role_keys.isdisjoint(t.roles) and (found.end == len(words) or t.construct)
        for t in found.values)


def _epithet(draft: Draft, mention: Found, title: Title) -> bool:
    """Whether a bare one-word title before an artist's or an athlete's name (the KB's
    CVL) is what the press calls him, no office he ever held nor a trade: «الزعيم عادل
    إمام», the actor (but «المدرب وليد الركراكي»)."""
    return draft.actor is not None and draft.sector == "CVL" and " " not in title.form \
        and not (title.country or title.rank or title.style or mention.body) \
        and not any(offices()[r].trade for r in title.roles if r in offices()) \
        and not any(r.role in title.roles for r in draft.actor.roles)


def _held_formerly(draft: Draft, title: Title) -> bool:
    """Whether a title in office is the courtesy title of one the person held before:
    «السفير فرنانديز» after «السفير السابق ألبرتو فرنانديز», or of an office the KB says
    they hold at another time than the date («الرئيس دونالد ترامب» in 2022): no office
    now, no sector."""
    if title.out_of_office:
        return False
    if _named_former(draft, title):
        return True
    return bool(title.roles) and draft.role_keys.isdisjoint(title.roles) and \
        not draft.other_times.isdisjoint(title.roles)


def _as_former(draft: Draft, title: Title) -> Title | None:
    """A title of an office the KB says the person left long before the date, as a former
    holder's: the story tells of his time («الرئيس الإيراني أحمدي نجاد الذي زار السودان في
    العام 2012»: «الرئيس السابق»); none for an office held only later, nor when the text
    named it a former one already («السفير السابق ألبرتو فرنانديز» … «السفير فرنانديز»)."""
    if _named_former(draft, title) or draft.earlier.isdisjoint(title.roles):
        return None
    return _out_of_office(title, FORMER)


def _named_former(draft: Draft, title: Title) -> bool:
    """Whether the text named the office of ``title`` a former one of the person's
    («السفير السابق ألبرتو فرنانديز» before «السفير فرنانديز»)."""
    return any(f.startswith(title.form + " ") for f in draft.former)


def _courtesy(draft: Draft, mention: Found, title: Title) -> bool:
    """Whether a bare «الرئيس» before a KB person who never held a head of state's office
    is Lebanon's courtesy for a premier or a speaker, now or before («الرئيس تمام سلام»,
    «الرئيس نبيه بري», «الرئيس نجيب ميقاتي», «الرئيس الشهيد رفيق الحريري»): no office, nor
    a sector."""
    keys = [k for k in title.roles or title.former_of if k in offices()]
    return draft.actor is not None and bool(draft.actor.roles) and bool(keys) and \
        not (mention.country or mention.org) and \
        all(offices()[k].family == "head_of_state" for k in keys) and \
        not any(r.role in keys for r in draft.actor.roles) and (
            bool(title.roles) or any(offices()[r.role].family in COURTESY_FAMILIES
                                     for r in draft.actor.roles))  # (not FIFA's «المستقيل»)


def _courtesy_for_a_former_office(draft: Draft) -> Title | None:
    """The office Lebanon's courtesy «الرئيس» recalls when the KB says the person held
    none on the date: the premiership or the speakership he held last before it
    («حكومة الرئيس سعد الحريري» in 2015: a former prime minister)."""
    earlier = [r for r in draft.actor.roles if r.role in draft.earlier
               and offices()[r.role].family in COURTESY_FAMILIES] if not draft.role_keys else []
    if not earlier:
        return None
    last = max(earlier, key=lambda r: r.end)
    return _out_of_office(Title(offices()[last.role].label, roles=(last.role,)), FORMER)


def _as_the_text_names(draft: Draft, title: Title, keys: list[str]) -> None:
    """Show the actor's office as the text names it when the title names it by another
    office's label too: the KB lists Kuwait's oil minister with the energy ministers, and
    «وزير النفط الكويتي علي العمير» is shown «وزير النفط», not «وزير الطاقة»."""
    named = [k for k in keys if offices()[k].label == title.form and k not in draft.role_keys]
    held = [k for k in keys if k in draft.role_keys]
    if len(named) == 1 and len(held) == 1 and offices()[held[0]].label in draft.roles and \
            offices()[named[0]].family == offices()[held[0]].family is not None:
        draft.roles[draft.roles.index(offices()[held[0]].label)] = offices()[named[0]].label


def _add_role(roles: list[str], label: str) -> None:
    """Add a role label, keeping the longest of those one starts another: «المتحدث باسم
    الشرطة» and «المتحدث باسم الشرطة التشادية» are one role."""
    if any(r.startswith(label) for r in roles):
        return
    roles[:] = [r for r in roles if not label.startswith(r)] + [label]


def _written(title: Title, mention: Found) -> str:
    """A title that may name several offices («رئيس», «الأمين العام»), as written, with the
    organisation it names: «رئيس حزب القوات اللبنانية»; with none, a title that ends in its
    preposition loses that («القيادي في» → «القيادي»)."""
    org = _org_of(mention)
    if org is None:
        construct = not writes_article(title.form.split()[-1])  # «رئيس حزب …»
        return f"{title.form} {mention.body}" if construct and mention.body \
            else title.form.removesuffix(" في")
    return written_with(title.form, org.name)


def _org_of(mention: Found) -> Actor | None:
    return load_kb().actors.get(mention.org) if mention.org else None


def _title_sector(mention: Found, titles: list[Title]) -> str | None:
    """The sector a mention's ``titles`` give: the organisation's they name («زعيم تنظيم
    داعش», «رئيس حزب القوات اللبنانية»), else their offices' when these agree; ELI for a
    former holder only («الوزير السابق»), none for a shadow or incoming one."""
    current = [t for t in titles if not t.out_of_office]
    org = _org_of(mention)
    org_sector = state(org, None).sector if org is not None else None
    if org_sector and (current or not titles):
        return org_sector
    if not current and any(t.former for t in titles):
        return "ELI"
    return next((s for t in current if (s := t.office_sector())), mention.sector_hint)


# --- records -------------------------------------------------------------------------

def records(page: Page, drafts: list[Draft]) -> tuple[list[Entity], list[Span]]:
    entities, spans = [], []
    for n, draft in enumerate(drafts):
        entity_id = f"e{n}"
        mentions = []
        for mention in sorted(draft.mentions, key=lambda m: m.start):
            start, end = _char_span(page, mention)
            # Valid by construction: no validation per mention.
            mentions.append(MentionRecord.model_construct(start=start, end=end,
                                                          text=page.text[start:end]))
            spans.append(Span(page.doc, mention.start, mention.end, label=draft.type,
                              span_id=entity_id))
        entities.append(Entity(
            id=entity_id, type=draft.type, name=visible(draft.name),
            name_en=draft.actor.name_en if draft.actor else None,
            kb_id=draft.actor.id if draft.actor else None,
            country=draft.country, sector=draft.sector,
            roles=[visible(role) for role in draft.roles], mentions=mentions,
        ))
    return entities, spans


def _char_span(doc: Page, mention: Found) -> tuple[int, int]:
    """Character offsets of a mention without the conjunction or preposition glued to
    its first word («لأكار» → «أكار», «بحكومة الوفاق» → «حكومة الوفاق»); the article
    stays, and so does a fused «لل», which cannot be cut. Places keep the places stage's
    offsets («وتركيا» → «تركيا»)."""
    start, end = doc.idx[mention.start], doc.end_char(mention.end)
    if mention.place is not None:
        same = [m.start for m in mention.place.mentions if m.end == end and m.start >= start]
        if same:
            return same[0], end
    return start + _proclitic_length(doc.words[mention.start], mention.leads), end


def _proclitic_length(word: str, leads: frozenset[str]) -> int:
    for analysis in analyses(word):
        if analysis.stem not in leads:
            continue
        prefix = analysis.prefix.removesuffix("ال") if analysis.article else analysis.prefix
        if not prefix or prefix.endswith("لل") or (analysis.article and prefix.endswith("ل")
                                                   and analysis.prefix.endswith("لل")):
            return 0
        return normalize(word).to_original(0, len(prefix))[1]
    return 0
