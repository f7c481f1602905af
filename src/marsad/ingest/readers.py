"""Read every kind of input ``marsad analyze`` accepts into Documents.

``read_inputs`` yields, in input order, a :class:`Document` per article or an
:class:`InputError` per input (or JSONL line) that cannot be read.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from marsad.ingest.dateline import dateline_date
from marsad.ingest.decode import check_text, decode
from marsad.ingest.document import Document, InputError, ReadOptions
from marsad.ingest.fetch import fetch_url
from marsad.ingest.html import parse_iso_date, read_html

Item = Document | InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz"}
# JSONL fields with a meaning; every other field is kept as metadata.
_TEXT_FIELDS = ("text", "content")
_DATE_FIELDS = ("published", "date")
_KNOWN_FIELDS = {*_TEXT_FIELDS, *_DATE_FIELDS, "title", "url", "source"}


def read_inputs(inputs: list[str], options: ReadOptions) -> Iterator[Item]:
    """Documents from paths, directories, URLs and ``-`` (standard input)."""
    for name in inputs:
        try:
            if name == "-":
                yield from read_bytes(read_stdin(options), "<stdin>", None, options)
            elif name.startswith(("http://", "https://")):
                data, url = fetch_url(name, options)
                yield from read_bytes(data, name, url, options, kind="html")
            else:
                yield from read_path(Path(name), options)
        except InputError as error:
            yield error


# Standard input is read whole (it may hold JSONL or --lines documents): a memory bound.
STDIN_MAX_BYTES = 256 * 2**20


def read_stdin(options: ReadOptions) -> bytes:
    """Standard input, refused beyond 256 MB or what --max-chars allows, whichever is more;
    each document in it is then held to --max-chars."""
    limit = max(STDIN_MAX_BYTES, options.max_chars * 4)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError("<stdin>", f"too large: over {limit:,} bytes; pass a file instead")
    return data


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_name(p))
        if not files:
            yield InputError(str(path), "directory holds no .txt, .html or .jsonl files")
        for file in files:
            try:
                yield from read_path(file, options)
            except InputError as error:
                yield error
        return
    if not path.exists():
        raise InputError(str(path), "no such file or directory")
    if _kind_of(path) == "jsonl":  # a corpus: streamed, the size limit is per article
        yield from read_jsonl_file(path, options)
        return
    size = path.stat().st_size
    if size > options.max_chars * 4:  # at most 4 bytes a character in UTF-8
        raise InputError(
            str(path),
            f"too large: {size:,} bytes, over the limit of {options.max_chars:,} characters "
            "(raise it with --max-chars)",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    yield from read_bytes(data, str(path), None, options, kind=_kind_of(path))


def _readable_name(path: Path) -> bool:
    return not path.name.startswith(".") and _kind_of(path) is not None


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if any(name.endswith(s) for s in JSONL_SUFFIXES):
        return "jsonl"
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "text"
    return None


def read_bytes(
    data: bytes, origin: str, url: str | None, options: ReadOptions, kind: str | None = None
) -> Iterator[Item]:
    """Documents from the raw bytes of one input; ``kind`` is sniffed when not given."""
    text = decode(data, origin, options)
    kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from read_jsonl(text, origin, options)
    elif options.lines:
        yield from read_lines(text, origin, options)
    else:
        check_text(text, origin, options)
        if kind == "html":
            yield _with_fallback_date(read_html(text, origin, url), options)
        else:
            yield read_text(text, origin, options)


def _sniff(text: str) -> str:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        if first.rstrip().endswith("}"):
            return "jsonl"
    return "text"


def read_text(text: str, origin: str, options: ReadOptions) -> Document:
    """Plain text: the first non-empty line is the title when more lines follow."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = lines[0] if len(lines) > 1 else None
    document = Document(text=text, origin=origin, title=title)
    if published := dateline_date(_after_title(text, title)):
        document.published, document.published_source = published, "dateline"
    return _with_fallback_date(document, options)


def _after_title(text: str, title: str | None) -> str:
    if not title:
        return text
    return text[text.index(title) + len(title) :].lstrip()


def read_lines(text: str, origin: str, options: ReadOptions) -> Iterator[Document]:
    """``--lines``: every non-empty line is a document of its own."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            where = f"{origin}:{number}"
            try:
                check_text(line, where, options)
            except InputError as error:
                yield error
                continue
            yield _with_fallback_date(Document(text=line, origin=where), options)


def read_jsonl(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    """One JSON object a line; a bad line is an error for that line only."""
    yield from _read_jsonl_lines(enumerate(text.split("\n"), start=1), origin, options)


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A JSONL file (or .jsonl.gz), streamed line by line: corpora can be large."""
    opener = gzip.open if path.name.endswith(".gz") else open
    limit = _line_limit(options)
    try:
        with opener(path, "rb") as f:
            lines = enumerate(_bounded_lines(f, limit), start=1)
            yield from _read_jsonl_lines(lines, str(path), options)
    except (OSError, EOFError) as error:
        raise InputError(str(path), f"cannot read: {error}") from None


def _line_limit(options: ReadOptions) -> int:
    """Bytes a JSONL line may have: room for the text, escaped (\\u0627 is 6 bytes), and
    its metadata; longer lines are refused without being held in memory."""
    return 8 * options.max_chars


def _bounded_lines(f, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over ``limit`` bytes, skipped in chunks."""
    while line := f.readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        while not line.endswith(b"\n") and (line := f.readline(1 << 20)):
            pass
        yield None


def _read_jsonl_lines(lines, origin: str, options: ReadOptions) -> Iterator[Item]:
    for number, line in lines:
        where = f"{origin}:{number}"
        try:
            if line is None:
                raise InputError(where, f"line over {_line_limit(options):,} bytes: over the "
                                 f"limit of {options.max_chars:,} characters (raise it with "
                                 "--max-chars)")
            if isinstance(line, bytes):
                if not line.strip():
                    continue
                line = decode(line, where, options)
            if not line.strip():
                continue
            yield _with_fallback_date(json_document(line, where, options), options)
        except InputError as error:
            yield error


def json_document(line: str, where: str, options: ReadOptions) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    except ValueError:  # an integer of more digits than Python converts
        raise InputError(where, "invalid JSON (number too long)") from None
    if not isinstance(record, dict):
        raise InputError(where, "a JSONL line must be an object with a 'text' or 'content' field")
    record = {name: _valid_unicode(value, name, where, options) for name, value in record.items()}
    body = next((record[f] for f in _TEXT_FIELDS if record.get(f) is not None), None)
    if body is None:
        raise InputError(where, "no 'text' or 'content' field")
    for name in ("title", "url", "source", *_TEXT_FIELDS, *_DATE_FIELDS):
        if record.get(name) is not None and not isinstance(record[name], str):
            wrong = _json_type(record[name])
            raise InputError(where, f"field '{name}' must be a string, not {wrong}")
    title = (record.get("title") or "").strip() or None
    text = f"{title}\n\n{body}" if title and not body.lstrip().startswith(title) else body
    check_text(text, where, options)
    raw_date = next((record[f] for f in _DATE_FIELDS if record.get(f)), None)
    published = parse_iso_date(raw_date)
    if raw_date and published is None:
        raise InputError(where, f"date {raw_date!r} is not YYYY-MM-DD (ISO 8601)")
    return Document(
        text=text,
        origin=where,
        title=title,
        published=published,
        published_source="metadata" if published else None,
        url=record.get("url"),
        source=record.get("source"),
        metadata={k: v for k, v in record.items() if k not in _KNOWN_FIELDS},
    )


# JSON can escape what is not text: half a UTF-16 pair ("\\ud800"), which no encoder takes,
# and NUL ("\\u0000"), which PostgreSQL refuses.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _valid_unicode(value, field: str, where: str, options: ReadOptions):
    """``value`` without NUL or unpaired surrogates: refused, or replaced with --errors
    replace."""
    if isinstance(value, list):
        return [_valid_unicode(v, field, where, options) for v in value]
    if isinstance(value, dict):
        return {_valid_unicode(k, field, where, options): _valid_unicode(v, field, where, options)
                for k, v in value.items()}
    if not isinstance(value, str) or not (found := _NOT_TEXT.search(value)):
        return value
    if options.errors == "replace":
        return _NOT_TEXT.sub("\ufffd", value)
    what = "a NUL character" if found.group() == "\x00" else \
        f"an unpaired surrogate \\u{ord(found.group()):x}"
    raise InputError(where, f"invalid Unicode: {what} in field '{field}' (fix the producer, "
                            "or pass --errors replace)")


def _json_type(value) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _with_fallback_date(document: Document, options: ReadOptions) -> Document:
    """Use ``--date`` when the input itself gives no publication date."""
    if document.published is None and options.date is not None:
        document.published, document.published_source = options.date, "option"
    return document
