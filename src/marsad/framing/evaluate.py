"""Loaded-language spans measured on ArMPro (``marsad eval framing``).

ArMPro (CC BY-NC-SA) is read from ``../shared`` for measurement and error analysis only;
nothing here learns from it. Each paragraph is tokenised (no other stage runs) and our
loaded terms are compared with its ``Loaded_Language`` spans, two ways:

* overlap (the issue's measure): a predicted span is correct when it shares at least
  one character with a gold span; a gold span is found when some predicted span shares
  a character with it. P = correct predicted / predicted, R = found gold / gold.
* partial credit (ArAIEval 2024's "modified F1" restricted to this one technique):
  P = Σ_pred Σ_gold |p ∩ g| / |p| over all predicted, R = Σ_gold Σ_pred |p ∩ g| / |g|
  over all gold spans.

Paragraphs are split into two fixed halves by a hash of their id: "tune" may be read
for error analysis, "check" is only ever scored, so its figure is the honest one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from marsad.framing import lexicon as lexicons
from marsad.framing.terms import loaded_terms

TECHNIQUE = "Loaded_Language"
ARMPRO_DEV = Path("data/framing/armpro/ArMPro_span_dev_V2.jsonl")
# Categories that are loaded language in ArMPro's sense. Its technique list files
# disparaging names for people and groups (pejorative labels, dehumanising names) under
# Name_Calling-Labeling and distancing verbs and «ما يسمى» under Doubt and labelling, so
# those are not counted as Loaded_Language predictions.
EVALUATED = frozenset({"emotive", "charged", "exaggeration", "intensifier", "glorifying"})

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    gold: Spans

    @property
    def half(self) -> str:
        return "tune" if hashlib.sha1(self.id.encode()).digest()[0] % 2 == 0 else "check"


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    correct: int = 0  # predicted spans overlapping a gold span
    found: int = 0  # gold spans overlapped by a predicted span
    credit_p: float = 0.0  # partial-credit sums (see the module docstring)
    credit_r: float = 0.0
    categories: Counter = field(default_factory=Counter)  # predicted, by category
    categories_correct: Counter = field(default_factory=Counter)

    def add(self, gold: Spans, predicted: list[tuple[int, int, str]]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        for start, end, category in predicted:
            hit = any(_overlap((start, end), g) for g in gold)
            self.correct += hit
            self.categories[category] += 1
            self.categories_correct[category] += hit
            self.credit_p += sum(_overlap((start, end), g) for g in gold) / (end - start)
        for g in gold:
            self.found += any(_overlap((s, e), g) for s, e, _ in predicted)
            self.credit_r += sum(_overlap((s, e), g) for s, e, _ in predicted) / (g[1] - g[0])

    def overlap(self) -> tuple[float, float, float]:
        return _prf(self.correct / (self.predicted or 1), self.found / (self.gold or 1))

    def partial(self) -> tuple[float, float, float]:
        return _prf(self.credit_p / (self.predicted or 1), self.credit_r / (self.gold or 1))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_armpro(path: Path) -> Iterator[Paragraph]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold = [(label["start"], label["end"]) for label in row["labels"]
                    if label["technique"] == TECHNIQUE]
            yield Paragraph(row["paragraph_id"], row["paragraph"], gold)


def predict(nlp: Language, text: str) -> list[tuple[int, int, str]]:
    """Our loaded-term spans of ``text`` in the evaluated categories (tokens only)."""
    doc = nlp.make_doc(text)
    spans = loaded_terms(doc, lexicons.load(), lexicons.grammar())
    return [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text), m.category)
            for m in spans if m.category in EVALUATED]


def tokenizer_only() -> Language:
    """Just marsad's tokenizer: loaded terms need tokens and nothing else."""
    from marsad.doc import register_extensions
    from marsad.text.tokenizer import ArabicTokenizer

    register_extensions()
    nlp = spacy.blank("ar")
    nlp.tokenizer = ArabicTokenizer(nlp.vocab)
    return nlp


def evaluate(nlp: Language, paragraphs: Iterable[Paragraph]) -> dict[str, Score]:
    """Scores for all paragraphs and for each half."""
    scores = {"all": Score(), "tune": Score(), "check": Score()}
    for paragraph in paragraphs:
        predicted = predict(nlp, paragraph.text)
        for name in ("all", paragraph.half):
            scores[name].add(paragraph.gold, predicted)
    return scores
