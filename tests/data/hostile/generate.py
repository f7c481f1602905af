"""Hostile inputs for marsad's readers, CLI, store and API, written at test time.

Nothing here is committed as data: one input is 50 MB, and every one is cheaper to describe
than to store. ``python tests/data/hostile/generate.py DIR`` writes them all into DIR;
tests call :func:`write_corpus`.

Each :class:`Case` says what must happen to its file: the one-line errors (``errors``, the
problem part of each message, in order) and the number of analyses (``records``). Nothing
else is acceptable: no traceback, and the other files of a batch are still analysed.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000
SENTENCE = "وصل وزير الخارجية المصري إلى بغداد في زيارة رسمية تستمر يومين لبحث العلاقات."
ARTICLE = "\n".join([
    "زيارة رسمية",
    SENTENCE,
    "والتقى الوزير نظيره العراقي في بغداد وبحثا ملفات المياه والطاقة والحدود المشتركة.",
])
# What an attacker writes into a page: markup that must be shown as text, never run.
PAYLOADS = ('<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
            '<svg onload="window.__pwned=1">', '"><iframe src="javascript:window.__pwned=1">')
PAYLOAD = " ".join(PAYLOADS)


@dataclass(frozen=True)
class Case:
    name: str  # the file name; its suffix picks the reader
    make: Callable[[], bytes]
    errors: tuple[str, ...] = ()  # the problem of each one-line error, in order
    records: int = 1  # analyses the file yields
    text: str | None = None  # the analysed text, when it is known exactly
    language: str | None = None  # the detected language, when it is known


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _jsonl(*records) -> bytes:
    """JSONL lines: objects are dumped, strings are written as they are (broken JSON)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return _utf8("\n".join(lines) + "\n")


def _binary() -> bytes:
    rng = random.Random(10)
    return b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randrange(256) for _ in range(4096))


def _huge_text() -> bytes:
    """50 MB of ordinary Arabic: refused from its size, before it is read."""
    line = _utf8(SENTENCE + "\n")
    return line * (50 * MB // len(line) + 1)


def _long_word(size: int) -> str:
    """One "word" of ``size`` characters, no space: the worst case for a tokenizer."""
    return ("وال" * (size // 3 + 1))[:size]


def _html(title: str, body: str, head: str = "") -> bytes:
    return _utf8(f"<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                 f"<title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
                 f"{body}</article></body></html>")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hostile_page() -> bytes:
    """Payloads as text (escaped, so they reach the article text and title) and as markup
    (live elements, which extraction must drop)."""
    shown = _escaped(PAYLOAD)
    paragraphs = f"<p>{SENTENCE} {shown}</p>" + f"<p>{ARTICLE}</p>" * 4
    live = "".join(PAYLOADS) + '<a href="javascript:window.__pwned=1">رابط</a>'
    return _html(f"خبر {shown}", paragraphs + f"<p onmouseover=\"window.__pwned=1\">{live}"
                 f"{SENTENCE}</p>", head="<script>window.__pwned=1</script>")


def _deep_html(depth: int) -> bytes:
    return _html("صفحة متداخلة",
                 "<div>" * depth + f"<p>{SENTENCE} {SENTENCE}</p>" + "</div>" * depth)


def _entity_page() -> bytes:
    """Thousands of HTML character references in one sentence."""
    letters = "".join(f"&#{ord(c)};" if i % 2 else f"&#x{ord(c):x};"
                      for i, c in enumerate(SENTENCE))
    amps = " &amp; ".join(["القاهرة", "بغداد"] * 1000)
    return _html("كيانات", f"<p>{letters} {amps}.</p>")


NAMES = ["أنقرة", "القاهرة", "بغداد", "دمشق", "الرياض", "طهران", "بيروت", "عمان", "تونس",
         "الرئيس التركي", "وزير الخارجية المصري", "قوات حفتر", "الجيش السوداني", "حزب الله"]


def _crowded_sentence(count: int = 1000) -> str:
    """One sentence naming ``count`` actors and places, joined by «و»."""
    return "التقى " + " و".join(NAMES[i % len(NAMES)] for i in range(count)) + " في اجتماع"


BIDI = ("وصل \u202eالوزير\u202c إلى \u202dBaghdad 2020\u202c يوم \u2067الاثنين\u2069 "
        "\u200fوقال\u200e «OK» \u2066إن\u2069 الزيارة \u061cناجحة.")
ZALGO = "وصل" + "\u0651\u064b\u0670" * 2000 + " الوزير" + "\u0301" * 3000 + " إلى بغداد."
FOREIGN = {
    "english.txt": ("The minister arrived in Baghdad on Monday for talks.", "en"),
    "french.txt": ("Le ministre est arrivé à Bagdad lundi pour des entretiens.", "fr"),
    "russian.txt": ("Министр прибыл в Багдад в понедельник.", "ru"),
    "hebrew.txt": ("השר הגיע לבגדד ביום שני לשיחות.", "he"),
    "chinese.txt": ("部长周一抵达巴格达进行会谈。", "zh"),
    "persian.txt": ("وزیر امور خارجه روز دوشنبه برای گفتگو به بغداد رسید.", "fa"),
}

# JSONL lines that are wrong in every way a producer gets them wrong, each with the
# problem reported for it; one good line at the end must still be analysed.
BAD_LINES: list[tuple[object, str]] = [
    ({"title": "بلا نص"}, "no 'text' or 'content' field"),
    ({"text": None, "content": None}, "no 'text' or 'content' field"),
    ({"text": 42}, "field 'text' must be a string, not a number"),
    ({"text": ["وصل", "الوزير"]}, "field 'text' must be a string, not an array"),
    ({"text": {"ar": SENTENCE}}, "field 'text' must be a string, not an object"),
    ({"text": SENTENCE, "title": ["x"]}, "field 'title' must be a string, not an array"),
    ({"text": SENTENCE, "published": 20200706}, "field 'published' must be a string, not a number"),
    ({"text": SENTENCE, "url": {"href": "x"}}, "field 'url' must be a string, not an object"),
    ({"text": SENTENCE, "source": True}, "field 'source' must be a string, not a boolean"),
    ({"text": SENTENCE, "published": "أمس"}, "date 'أمس' is not YYYY-MM-DD (ISO 8601)"),
    ({"text": "   \n\t "}, "empty input: nothing to analyse"),
    ([SENTENCE], "a JSONL line must be an object with a 'text' or 'content' field"),
    ('"وصل الوزير"', "a JSONL line must be an object with a 'text' or 'content' field"),
    ("null", "a JSONL line must be an object with a 'text' or 'content' field"),
    ('{"text": "وصل', "invalid JSON (Invalid control character at at column 14)"),
    ('{"text": NaN}', "field 'text' must be a string, not a number"),
    ('{"text": ' + "9" * 5000 + "}", "invalid JSON (number too long)"),
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "invalid JSON (nested too deeply)"),
    ({"text": "وصل\u0000الوزير"},
     "invalid Unicode: a NUL character in field 'text' (fix the producer, or pass --errors "
     "replace)"),
    ({"text": SENTENCE, "title": "خبر\u0000"},
     "invalid Unicode: a NUL character in field 'title' (fix the producer, or pass --errors "
     "replace)"),
    ('{"text": "\\ud800 وصل الوزير"}',
     "invalid Unicode: an unpaired surrogate \\ud800 in field 'text' (fix the producer, or pass "
     "--errors replace)"),
]


def _bad_jsonl() -> bytes:
    good = {"text": SENTENCE, "published": "2020-07-06", "title": "زيارة"}
    return _jsonl(*(line for line, _ in BAD_LINES), good)


def _huge_line_jsonl(size: int) -> bytes:
    """A line of about ``size`` bytes (one word), then an ordinary article: the reader must
    go on to the next line, and must not hold a line far over the limit in memory."""
    return _jsonl({"text": _long_word(size // 2)}, {"text": SENTENCE})


def _broken_gzip() -> bytes:
    whole = gzip.compress(_jsonl({"text": SENTENCE}, {"text": ARTICLE}) * 50)
    return whole[: len(whole) // 2]


def _too_large(chars: str) -> str:
    return f"too large: {chars} bytes, over the limit of 1,000,000 characters " \
           "(raise it with --max-chars)"


CASES: list[Case] = [
    Case("empty.txt", lambda: b"", ("empty input: nothing to analyse",), 0),
    Case("whitespace.txt", lambda: _utf8(" \n\t\r\n\u00a0\u3000\u2003\n"),
         ("empty input: nothing to analyse",), 0),
    Case("bom-only.txt", lambda: codecs.BOM_UTF8, ("empty input: nothing to analyse",), 0),
    Case("binary.txt", _binary,
         ("binary file, not text (expected UTF-8 text, HTML or JSONL)",), 0),
    Case("image.html", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
         ("binary file, not text (expected UTF-8 text, HTML or JSONL)",), 0),
    Case("truncated.txt", lambda: _utf8(ARTICLE + "ة")[:-1],  # half of the last letter
         ("invalid UTF-8 at byte 312; re-encode the file as UTF-8 or pass --errors replace",),
         0),
    Case("nul-inside.txt", lambda: _utf8(ARTICLE * 40) + b"\x00" + _utf8(ARTICLE),
         ("NUL character at offset 6,800: not text (expected UTF-8 text, HTML or JSONL)",), 0),
    Case("utf16-bom.txt", lambda: ARTICLE.encode("utf-16"), text=ARTICLE, language="ar"),
    Case("utf16be-bom.txt", lambda: codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
         text=ARTICLE, language="ar"),
    Case("huge-50mb.txt", _huge_text, (_too_large("50,000,020"),), 0),
    Case("huge-line-50mb.jsonl", lambda: _huge_line_jsonl(50 * MB),
         ("line over 8,000,000 bytes: over the limit of 1,000,000 characters "
          "(raise it with --max-chars)",), text=SENTENCE),
    Case("long-line-5mb.txt", lambda: _utf8(_long_word(5 * MB // 2)),
         (_too_large("5,000,000"),), 0),
    Case("long-line-5mb.jsonl", lambda: _huge_line_jsonl(5 * MB),
         ("too large: 2,500,000 characters over the limit of 1,000,000 (raise it with "
          "--max-chars)",), text=SENTENCE),
    Case("long-word.txt", lambda: _utf8(_long_word(100_000)), text=_long_word(100_000)),
    Case("deep-5000.html", lambda: _deep_html(5000),
         ("HTML nested more than 255 elements deep: its text cannot be read whole",), 0),
    Case("deep-100000.html", lambda: _deep_html(100_000),
         ("too large: 1,100,323 characters over the limit of 1,000,000 (raise it with "
          "--max-chars)",), 0),
    Case("deep-200.html", lambda: _deep_html(200), language="ar"),
    Case("hostile.html", _hostile_page, language="ar"),
    Case("entities.html", _entity_page, language="ar"),
    Case("crowded.txt", lambda: _utf8(_crowded_sentence()), text=_crowded_sentence(),
         language="ar"),
    Case("bidi.txt", lambda: _utf8(BIDI), text=BIDI, language="ar"),
    Case("zalgo.txt", lambda: _utf8(ZALGO), text=ZALGO, language="ar"),
    Case("numbers.txt", lambda: _utf8("١٢٣ 456 ٧٨٩٠ 2020/07/06 3.5% 1,000,000 -42"),
         language="und"),
    Case("punctuation.txt", lambda: _utf8("!!! ... ؟؟ ، ؛ :: ---- «» () [] {} ** ## @@"),
         language="und"),
    *(Case(name, lambda t=text: _utf8(t), text=text, language=lang)
      for name, (text, lang) in FOREIGN.items()),
    Case("bad-fields.jsonl", _bad_jsonl, tuple(problem for _, problem in BAD_LINES), 1,
         text="زيارة\n\n" + SENTENCE),
    Case("broken.jsonl.gz", _broken_gzip, ("cannot read: Compressed file ended before the "
                                           "end-of-stream marker was reached",), 1),
]


def write_corpus(folder: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    """Write every case into ``folder``; returns its path by case name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.make())
        paths[case.name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for name, path in write_corpus(target).items():
        print(f"{path.stat().st_size:>12,}  {name}")
