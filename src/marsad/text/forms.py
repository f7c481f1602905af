"""Answers kept per word form: most look-ups over a text ask the same question of the
same few thousand word forms again and again («may a phrase begin at this word?»)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

# A large corpus has millions of distinct forms; past this many the memo starts again.
MAX_FORMS = 200_000


class FormMemo(Generic[T]):
    """``function`` of a word form (never None), computed once per form (up to ``limit``
    forms)."""

    def __init__(self, function: Callable[[str], T], limit: int = MAX_FORMS):
        self.function = function
        self.limit = limit
        self.answers: dict[str, T] = {}

    def __call__(self, form: str) -> T:
        answer = self.answers.get(form)
        return self._learn(form) if answer is None else answer

    def all(self, forms: Sequence[str]) -> list[T]:
        """The answer for each of ``forms``: for known forms, one dictionary pass in C."""
        answers = list(map(self.answers.get, forms))
        if None in answers:
            for i, answer in enumerate(answers):
                if answer is None:
                    answers[i] = self._learn(forms[i])
        return answers

    def _learn(self, form: str) -> T:
        if len(self.answers) >= self.limit:
            self.answers.clear()
        answer = self.answers[form] = self.function(form)
        return answer
