"""Actor and recipient of a trigger, from the participants of its clause.

Arabic news clauses are verb-subject-object («وهددت أنقرة») or, after أن/إن, in
headlines and before relative clauses, subject-verb-object («أنقرة أرسلت», «مصر، التي
تدعم الجيش، هددت»). Prepositions mark the other roles: إلى/مع/ضد/على/ل the recipient,
«من قبل»/«على يد» the agent of a passive. A pronoun suffix on the trigger (استقبله،
زيارته) stands for an earlier actor. Coordinated mentions («باشاغا، ووزير داخلية
مالطا») are all taken; an apposition («وزير الداخلية، فتحي باشاغا،») is one participant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from marsad.events.lexicon import PREPOSITIONS, lexicon
from marsad.events.participants import Participant
from marsad.events.triggers import Mention
from marsad.events.words import keys_of, texts_of
from marsad.text.clitics import best
from marsad.text.normalize import normalize_key

RECIPIENT_PREPOSITIONS = frozenset(normalize_key(w) for w in (
    "إلى", "الى", "مع", "ضد", "على", "لدى", "نحو", "تجاه", "ل", "بحق", "إزاء"))
AGENT_MARKERS = (("من", "قبل"), ("علي", "يد"), ("بواسطه",), ("من", "جانب"))
PLACE_PREPOSITIONS = frozenset({"في", "ب", "الي", "داخل", "قرب"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})
# Words that may stand between a preverbal subject and its verb without counting.
FILLERS = frozenset({"قد", "كان", "كانت", "،", ",", "ايضا", "بدوره", "بدورها", "امس", "اليوم",
                     "مؤخرا", "بدورهم", "وقد", "فقد"})
COMPLEMENTIZERS = frozenset({"ان", "بان"})
PLURAL_PRONOUNS = frozenset({"هما", "هم", "هن", "كما", "كم"})  # dual and plural suffixes
SVO_DISTANCE = 2  # other words allowed between a preverbal subject and its verb
VSO_DISTANCE = 8  # words between a verb and its subject («وصل وزير ...، فتحي باشاغا»)
OBJECT_WINDOW = 8  # words after the verb (or its subject) where its objects stand
AGENT_WINDOW = 3  # words between a passive trigger (or its patient) and «من قبل» X
TITLE_WORDS = 4  # words of a title between a coordinating و and the name it introduces


@dataclass
class Arguments:
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place: Participant | None = None


def preposition(doc: Doc, p: Participant) -> str | None:
    """The preposition governing ``p``: the word before it or a ب/ل proclitic on it;
    "agent" after «من قبل»; "ل" after «لدعم»."""
    before = keys_of(doc)[max(0, p.start - 3) : p.start]
    for marker in AGENT_MARKERS:
        if tuple(before[-len(marker):]) == marker:
            return "agent"
    if before[-2:] == ["كل", "من"]:  # «مع كل من قطر وتركيا»
        before = before[:-2]
    if before and before[-1] in PREPOSITIONS:
        return before[-1]
    if before and before[-1] in lexicon().beneficiary:
        return "ل"
    prefix = best(texts_of(doc)[p.start]).prefix.lstrip("وف")
    for letter in ("ب", "ل", "ك"):
        if prefix.startswith(letter):
            return letter
    return None


def roles_of(doc: Doc, parts: list[Participant]) -> dict[int, str | None]:
    """The preposition governing each participant, by its first token."""
    return {p.start: preposition(doc, p) for p in parts}


def group(doc: Doc, first: Participant, pool: list[Participant]) -> list[Participant]:
    """``first`` with the mentions coordinated to it; appositions are dropped."""
    texts = texts_of(doc)
    members = [first]
    last = first
    for p in pool:
        if p.start < last.end:
            continue
        gap = texts[last.end : p.start]
        conjoined = best(texts[p.start]).prefix.startswith("و") or gap[-1:] == ["و"]
        if gap in ([], ["،"], [","], ["و"], ["،", "و"]) and conjoined:
            members.append(p)
        elif not gap and last.kind == "generic" and p.person:
            members[-1] = p  # «الناشط علاء عبد الفتاح»: the noun is the person's title
        elif _titled(doc, gap, last.end):
            if p.kind == "place":
                continue  # «ووزير داخلية مالطا بويرون كاميلاري»: the place is in the title
            members.append(p)
        elif gap in (["،"], [","]) and p.key() != last.key():
            if not members[-1].entity and p.entity:
                members[-1] = p  # apposition: the named, linked mention wins
        else:
            break
        last = p
    return _unique(members)


def _titled(doc: Doc, gap: list[str], start: int) -> bool:
    """A coordinated mention behind its title: «، ووزير داخلية مالطا» before the name."""
    words = [w for w in gap if w not in ("،", ",")]
    return (0 < len(words) <= TITLE_WORDS and all(w.isalpha() for w in words)
            and best(words[0]).prefix.startswith("و") and gap[0] in ("،", ",", words[0]))


def _unique(items: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for p in items:
        seen.setdefault(p.key(), p)
    return list(seen.values())


def extract(doc: Doc, m: Mention, parts: list[Participant], roles: dict[int, str | None],
            antecedent: list[Participant], shared_subject: list[Participant],
            complement: bool = False) -> Arguments:
    """Actor, recipient and place of mention ``m``; ``roles`` are the participants'
    prepositions (:func:`roles_of`). ``antecedent`` is what a pronoun suffix
    refers to; ``shared_subject`` the subject of the verb before, in the same sentence,
    which a coordinated verb without its own subject shares («ورددوا شعارات»);
    ``complement`` says that a noun trigger completes the trigger before it («هددت
    بالدفع بقوات»), whose subject it shares."""
    lo, hi = m.clause
    clause = [p for p in parts if lo <= p.start and p.end <= hi and not _inside(p, m)]
    args = Arguments()
    pronoun = best(texts_of(doc)[m.start]).suffix

    if m.verbal and not m.passive:
        head = m.light if m.light is not None else m.start
        subject, after = _subject(doc, head, m, clause, roles, parts)
        if not subject and not pronoun and m.reading.pos == "verb":
            subject = shared_subject
        args.actors = subject
        if pronoun and antecedent:
            args.recipients = antecedent
        else:
            objects = [] if m.reading.intransitive else _objects(clause, roles, subject, after)
            args.recipients = group(doc, objects[0], clause) if objects else []
    elif m.reading.voice == "host":
        args.actors, args.recipients = _reception(doc, m, clause, roles, parts, pronoun,
                                                  antecedent)
    else:
        genitive = [p for p in clause if p.start in (m.end, m.end + 1)
                    and roles[p.start] is None]
        patient = m.type in lexicon().genitive_patient
        if pronoun and antecedent and not patient:
            args.actors = antecedent
        if genitive:
            members = group(doc, genitive[0], clause)
            if patient:
                args.recipients = members
            elif not args.actors:
                args.actors = members
        if not args.actors and (m.prefix.lstrip("وف").startswith("ل") or complement):
            # «استعدادات أنقرة لدعم ...», «هددت بالدفع بقوات»: the governing subject acts
            bare = _bare_before(doc, m, parts, roles)
            args.actors = (shared_subject or bare) if complement else (bare or shared_subject)
    # «من قبل X»: the agent of a passive trigger, close after it or after its patient;
    # further on it belongs to something else («الحظر المفروض من قبل مجلس الأمن»).
    reach = max([m.end] + [p.end for p in args.actors + args.recipients])
    agent = [p for p in clause if roles[p.start] == "agent"
             and m.end <= p.start <= reach + AGENT_WINDOW]
    if agent:
        args.recipients = args.recipients or args.actors
        args.actors = group(doc, agent[0], clause)
    if not args.recipients:
        taken = {a.key() for a in args.actors}
        indirect = [p for p in clause if p.start >= m.end and p.key() not in taken
                    and roles[p.start] in RECIPIENT_PREPOSITIONS]
        args.recipients = group(doc, indirect[0], clause) if indirect else []
    if m.reading.voice == "host" or m.victim:
        args.actors, args.recipients = args.recipients, args.actors
    args.place = _place(clause, roles, args, m)
    args.actors = [p for p in args.actors if p.can_act]
    args.recipients = [p for p in args.recipients if p.can_act or _visited(p, m, roles)]
    return args


def _reception(doc, m, clause, roles, parts, pronoun: str,
               antecedent: list[Participant]) -> tuple[list[Participant], list[Participant]]:
    """(host, visitors) of a verbal noun of receiving. «لدى استقباله الرئيس عباس»: the
    pronoun is the host and the mention after the noun the visitor; «لدى استقبالهما»: a
    dual or plural pronoun stands for the visitors, whom the clause's subject receives;
    «استقبال الملك للرئيس»: the genitive hosts (the visitor comes with ل, found later)."""
    after = [p for p in clause if p.start in (m.end, m.end + 1) and roles[p.start] is None]
    following = group(doc, after[0], clause) if after else []
    if pronoun in PLURAL_PRONOUNS:
        return _bare_before(doc, m, parts, roles), antecedent
    if pronoun:
        return antecedent, following
    return following, []


def _objects(clause, roles, subject, after: int) -> list[Participant]:
    """Direct objects: bare mentions after the verb (or its subject), before any
    prepositional phrase («اجتمع بوتين مع أردوغان، ورئيس وزراء العراق ...»)."""
    found = []
    for p in clause:
        if p.start < after or p in subject:
            continue
        if p.start > after + OBJECT_WINDOW or roles[p.start] is not None:
            break
        if p.can_act or p.place:
            found.append(p)
    return found


def _bare_before(doc, m, parts, roles) -> list[Participant]:
    """The latest mention before ``m`` in its clause that no preposition governs."""
    before = [p for p in parts if m.clause[0] <= p.start and p.end <= m.start
              and roles[p.start] is None and (p.can_act or (p.end == m.start and p.place))]
    return before[-1:]  # «استعدادات أنقرة لدعم»: a capital right before acts for its state


def _inside(p: Participant, m: Mention) -> bool:
    return p.start < m.end and m.start < p.end


def _visited(p: Participant, m: Mention, roles: dict) -> bool:
    return m.mode == "visit" and roles[p.start] in ("الي", "ل") and p.place is not None


def _subject(doc, head, m, clause, roles, parts) -> tuple[list[Participant], int]:
    """The subject of the verb at ``head`` and the token where its objects may start."""
    before = _preverbal(doc, head, m, parts, roles)
    head_end = m.end if m.light is None or m.light > m.start else head + 1
    if before:
        return group(doc, before, clause), head_end
    after = [p for p in clause if head_end <= p.start <= head_end + VSO_DISTANCE
             and roles[p.start] is None and not _inside(p, m)]
    visit = m.mode == "visit"  # «يزور قطر»: a place after a visit verb is where, not who
    if after and (after[0].agent if visit else after[0].can_act):
        members = group(doc, after[0], clause)
        return members, members[-1].end
    return _kana_subject(doc, head, m, parts), head_end


def _preverbal(doc, head, m, parts, roles) -> Participant | None:
    """Walk back from the verb over fillers and relative clauses to a bare subject."""
    texts, keys = texts_of(doc), keys_of(doc)
    ends = {p.end: p for p in parts}
    budget, j = SVO_DISTANCE, head - 1
    while j >= m.sent.start:
        p = ends.get(j + 1)
        if p is not None:
            return p if roles[p.start] is None and p.can_act else None
        key = keys[j]
        if key in COMPLEMENTIZERS or texts[j] in lexicon().clause_punctuation:
            return None
        if key in RELATIVES:  # «مصر، التي تدعم ...»: the relative's antecedent
            j -= 2 if j > 0 and texts[j - 1] in "،," else 1
            continue
        if texts[j] in "،,":
            relative = _relative_before(doc, j, m.sent.start)
            if relative is not None:
                j = relative
                continue
        elif key not in FILLERS:
            budget -= 1
            if budget < 0:
                return None
        j -= 1
    return None


def _relative_before(doc, comma: int, start: int) -> int | None:
    """«X، التي ...، VERB»: the token before the relative clause that ``comma`` closes."""
    texts, keys = texts_of(doc), keys_of(doc)
    for r in range(comma - 1, max(start, comma - 12) - 1, -1):
        if keys[r] in RELATIVES and r > 0 and texts[r - 1] in "،,":
            return r - 2
    return None


def _kana_subject(doc, head, m, parts) -> list[Participant]:
    """«وكان خلوصي أكار، زعم»: the subject follows كان at the start of the sentence."""
    keys = keys_of(doc)
    for i in range(m.sent.start, min(head, m.sent.start + 2)):
        if keys[i].lstrip("و") in ("كان", "كانت"):
            after = [p for p in parts if p.start == i + 1 and p.can_act]
            return after[:1]
    return []


def _place(clause, roles, args: Arguments, m: Mention) -> Participant | None:
    taken = {p.key() for p in args.actors}
    places = [p for p in clause if p.place and p.key() not in taken]
    located = [p for p in places if roles[p.start] in PLACE_PREPOSITIONS]
    if m.type == "CONSULT" and m.mode == "visit":
        located = [p for p in places if roles[p.start] in ("الي", "ل")] + located
    return (located or [None])[0]
