"""Answers kept per word form: most look-ups over a text ask the same question of the
same few thousand word forms again and again («may a phrase begin at this word?»)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

# A large corpus has millions of distinct forms; past this many the memo starts again.
MAX_FORMS = 200_000


class FormMemo:
    """``predicate`` of a word form, computed once per form (up to ``limit`` forms)."""

    def __init__(self, predicate: Callable[[str], bool], limit: int = MAX_FORMS):
        self.predicate = predicate
        self.limit = limit
        self.answers: dict[str, bool] = {}

    def __call__(self, form: str) -> bool:
        answer = self.answers.get(form)
        return self._learn(form) if answer is None else answer

    def all(self, forms: Sequence[str]) -> list[bool]:
        """The answer for each of ``forms``: for known forms, one dictionary pass in C."""
        answers = list(map(self.answers.get, forms))
        if None in answers:
            for i, answer in enumerate(answers):
                if answer is None:
                    answers[i] = self._learn(forms[i])
        return answers

    def _learn(self, form: str) -> bool:
        if len(self.answers) >= self.limit:
            self.answers.clear()
        answer = self.answers[form] = bool(self.predicate(form))
        return answer
