"""The input side of the pipeline: one article as read, before analysis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PublishedSource = Literal["metadata", "dateline", "option"]


@dataclass
class Document:
    """An article to analyse. ``text`` is exactly what offsets in its analysis refer to."""

    text: str
    origin: str  # where it came from, for messages: "a.txt", "feed.jsonl:12", "<stdin>"
    title: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource | None = None
    url: str | None = None
    source: str | None = None
    metadata: dict = field(default_factory=dict)


class InputError(Exception):
    """An input that cannot be analysed; ``str(error)`` is the one-line message for users."""

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read (the ``marsad analyze`` options of the same names)."""

    date: dt.date | None = None  # publication date for inputs that carry none
    lines: bool = False  # every non-empty line is a document
    errors: Literal["strict", "replace"] = "strict"  # invalid UTF-8
    max_chars: int = 1_000_000
    timeout: float = 20.0  # seconds, for URLs
    max_bytes: int = 10_000_000  # for URLs
    allow_private: bool = False  # fetch URLs on private or loopback addresses
