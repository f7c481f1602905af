"""HTML pages: main text and title with trafilatura, publication date from metadata only.

trafilatura's own date search may fall back to any date on the page, copyright footers
included; for event data a wrong date is worse than none, so the date comes only from
publication metadata (meta tags, JSON-LD, <time> marked as the publication time) or from a
dateline at the start of the article (:mod:`marsad.ingest.dateline`).
"""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import trafilatura

from marsad.ingest.dateline import dateline_date
from marsad.ingest.document import Document, InputError

# <meta> names and properties that carry the publication time, most specific first.
_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publish-date",
    "publish_date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of an ISO 8601 date or datetime, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def metadata_date(tree) -> dt.date | None:
    """Publication date from meta tags, JSON-LD or a <time> element marked as such."""
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and key not in metas:
            metas[key] = meta.get("content")
    for key in _META_KEYS:
        if found := parse_iso_date(metas.get(key)):
            return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        if found := _json_ld_date(script.text or ""):
            return found
    for time in tree.xpath('//time[@itemprop="datePublished" or @pubdate]'):
        if found := parse_iso_date(time.get("datetime")):
            return found
    return None


def _json_ld_date(payload: str) -> dt.date | None:
    try:
        data = json.loads(payload)
    except json.JSONDecodeError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if found := parse_iso_date(item.get("datePublished")):
                return found
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def read_html(html: str, origin: str, url: str | None = None) -> Document:
    """Extract one article from an HTML page."""
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise InputError(origin, f"unreadable HTML ({error})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 drops what lies deeper than 256 elements: the article would be cut silently
        raise InputError(origin, "HTML nested more than 255 elements deep: its text cannot "
                                 "be read whole")
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = (extracted.text if extracted else "") or ""
    if not body.strip():
        raise InputError(origin, "no article text found in the HTML page")
    title = (extracted.title or "").strip() or None
    published, source = metadata_date(tree), "metadata"
    if published is None:
        published, source = dateline_date(body), "dateline"
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Document(
        text=text,
        origin=origin,
        title=title,
        published=published,
        published_source=source if published else None,
        url=url or extracted.url,
        source=extracted.sitename or extracted.hostname,
    )
