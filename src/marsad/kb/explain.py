"""How a name or a title resolves, as data: what ``marsad kb lookup`` prints."""

from __future__ import annotations

import datetime as dt

from marsad.kb.mentions import MAX_DEPENDANT_WORDS, POSTED_AT, TitlePhrase, read_title
from marsad.kb.resolve import Context, Resolution, resolve_name, resolve_office, state
from marsad.text.tokenizer import tokenize


def explain(text: str, date: dt.date) -> dict:
    words = [w for w in tokenize(text)[0] if not w.isspace()]
    phrase = _title_phrase(words)
    if phrase is not None and phrase.counterpart:
        reading = "counterpart («نظيره»)"
        resolution = Resolution([], None, "«نظيره» holds the office of the person named "
                                          "before it in the text: look up that title")
    elif phrase is not None and phrase.served is not None and phrase.end == len(words):
        reading = "title of someone who serves or is kin to the office's holder"
        resolution = Resolution([], None, f"«{phrase.titles[0].form}» is an office the KB "
                                          "does not list: only a name links its holder")
    elif phrase is not None and phrase.end < len(words) and words[phrase.end] in POSTED_AT:
        reading = "title without a name"
        resolution = Resolution([], None, f"«{words[phrase.end]}» needs a country or an "
                                          "organisation after it: «السفير السعودي لدى اليمن»")
    elif phrase is not None and phrase.end < len(words):
        # A title, then a name: the title is context for the name.
        name = " ".join(w for w in words[phrase.end:] if w not in {"،", ","})
        if not phrase.qualified and all(t.style for t in phrase.titles):
            # «الأمير خالد الفيصل»: a prince's style, no office («أمير قطر» would be one)
            reading = f"name «{name}» after a royal style («{phrase.titles[0].form}»: no office)"
            resolution = resolve_name(name, Context(date))
        else:
            reading = f"name «{name}» with its title"
            resolution = resolve_name(name, _context(phrase, date))
    elif phrase is not None:
        reading, resolution = "title without a name", resolve_office(_context(phrase, date))
    else:
        reading, resolution = "name", resolve_name(text, Context(date))
    return _report(text, reading, date, resolution)


def _title_phrase(words: list[str]) -> TitlePhrase | None:
    """The title phrase that begins the text and reads furthest: «نائب رئيس الوزراء
    الروسي» is a deputy's title (a noun, then «رئيس الوزراء»), not «نائب رئيس» + a name."""
    phrases = [p for start in range(min(MAX_DEPENDANT_WORDS + 1, len(words)))
               if (p := read_title(words, start, set())) is not None and p.start == 0]
    return max(phrases, key=lambda p: p.end, default=None)


def _context(phrase, date: dt.date) -> Context:
    org = phrase.org.actor.id if phrase.org else None
    return Context(date, tuple(phrase.titles), phrase.country, org, posted_to=phrase.posted_to)


def _report(text: str, reading: str, date: dt.date, resolution: Resolution) -> dict:
    candidates = []
    for cand in resolution.candidates:
        now = state(cand.actor, date)
        candidates.append({
            "id": cand.actor.id, "name": cand.actor.name, "name_en": cand.actor.name_en,
            "qid": cand.actor.qid, "score": cand.score, "reasons": cand.reasons,
            "country": now.country, "sector": now.sector, "roles": list(now.roles),
        })
    return {
        "query": text, "reading": reading, "date": date.isoformat(),
        "candidates": candidates,
        "choice": resolution.choice.id if resolution.choice else None,
        "why": resolution.why,
    }
