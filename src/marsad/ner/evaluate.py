"""Span-level scores: an entity counts when its type and both boundaries match exactly
(the CoNLL convention, as conlleval computes it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from marsad.ner.conll import spans


@dataclass(frozen=True)
class Score:
    correct: int
    predicted: int
    gold: int

    def __add__(self, other: Score) -> Score:
        """Pooled counts (scores of folds or parts add up to the whole's)."""
        return Score(
            self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold
        )

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.gold,
        }


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Scores per entity type and ``"micro"`` over all, from parallel tag sequences."""
    correct: Counter[str] = Counter()
    n_predicted: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(spans(gold_tags))
        predicted_spans = set(spans(predicted_tags))
        for kind, *_ in gold_spans:
            n_gold[kind] += 1
        for span in predicted_spans:
            n_predicted[span[0]] += 1
            correct[span[0]] += span in gold_spans
    kinds = sorted(set(n_gold) | set(n_predicted))
    scores = {k: Score(correct[k], n_predicted[k], n_gold[k]) for k in kinds}
    scores["micro"] = Score(sum(correct.values()), n_predicted.total(), n_gold.total())
    return scores


def table(scores: dict[str, Score]) -> str:
    """A plain-text table of the scores, one line a type, micro last."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for kind, s in scores.items():
        lines.append(
            f"{kind:<6} {s.precision:6.4f} {s.recall:6.4f} {s.f1:6.4f} {s.gold:6d}"
        )
    return "\n".join(lines)
