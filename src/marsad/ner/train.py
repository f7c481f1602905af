"""``marsad train ner``: the whole recipe from ../shared to the shipped model folder.

Data: ANERcorp's train file, split into sentences; the last ``DEV_FRACTION`` of the
sentences (in file order) is the dev split, never trained on. Optionally Wojood's sample
(train + val), mapped onto the ANERcorp types, is added to the training sentences.
Everything is deterministic: the clusters are seeded, CRFsuite's L-BFGS is exact.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pycrfsuite

from marsad.ner import clusters as cluster_files
from marsad.ner import consistency
from marsad.ner.card import write_card
from marsad.ner.conll import Sentence, read_anercorp, read_wojood
from marsad.ner.evaluate import Score, score
from marsad.ner.features import GROUPS
from marsad.ner.groups import CLUSTER_MINUTES
from marsad.ner.lexicon import build_gazetteer, write_gazetteer
from marsad.ner.model import (
    CARD,
    CLUSTER_FILES,
    EXPORTED_WEIGHTS,
    GAZETTEER,
    METADATA,
    WEIGHTS,
    NerModel,
    export_weights,
)

DEV_FRACTION = 0.1
SEED = 13
# L1 keeps the model small (most n-gram and context features get zero weight). Chosen
# by 5-fold cross-validation (`--cv 5`) with the skip-gram clusters in: c1=0.03 c2=0.05
# 0.7588; c1=0.05 with c2=0.01 0.7471, 0.03 0.7530, 0.05 0.7550; c1=0.1 c2=0.01 0.7474.
# Re-checked with the name lists (0.7731 then): (0.05, 0.05) 0.7711, (0.02, 0.05) 0.7740.
CRF_PARAMS = {
    "c1": 0.03,
    "c2": 0.05,
    "max_iterations": 100,  # converged: 300 iterations scored the same on dev (0.717 vs 0.720)
    "feature.possible_transitions": True,
}
ANERCORP = "data/ner/anercorp/train.txt"
WOJOOD = ("data/ner/wojood-sample/train.txt", "data/ner/wojood-sample/val.txt")
CORPUS = "data/corpus/saudinewsnet.jsonl.gz"
# How each word-cluster table is learned from the corpus, and the header of its file.
CLUSTER_LEARNERS = {
    "clusters": (cluster_files.learn, cluster_files.HEADER),
    "skipgram": (cluster_files.learn_skipgram, cluster_files.SKIPGRAM_HEADER),
}
LEXICONS = (GAZETTEER, *CLUSTER_FILES.values())

Log = Callable[[str], None]


def anercorp_splits(shared: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): the dev split is the last tenth of ANERcorp's sentences."""
    sentences = read_anercorp(shared / ANERCORP)
    cut = len(sentences) - math.ceil(len(sentences) * DEV_FRACTION)
    return sentences[:cut], sentences[cut:]


def wojood_sentences(shared: Path) -> list[Sentence]:
    return [s for name in WOJOOD for s in read_wojood(shared / name)]


def fit(sentences: list[Sentence], folder: Path, groups: Sequence[str]) -> float:
    """Train the CRF on ``sentences`` with the lexicons already in ``folder``; seconds."""
    from marsad.ner.model import load_featurizer

    started = time.perf_counter()
    featurizer = load_featurizer(folder, groups)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(CRF_PARAMS)
    for sentence in sentences:
        trainer.append(featurizer.sentence(sentence.tokens), list(sentence.tags))
    trainer.train(str(folder / WEIGHTS))
    export_weights(folder)
    return time.perf_counter() - started


def evaluate(model: NerModel, sentences: list[Sentence]) -> dict[str, Score]:
    predicted = model.tag_all(s.tokens for s in sentences)
    return score((s.tags for s in sentences), predicted)


def tokens_per_second(folder: Path, groups: Sequence[str], sentences: list[Sentence]) -> float:
    """Steady tagging speed over ``sentences``: one pass fills the per-word feature
    caches, the second is timed (a first pass over unseen words is slower)."""
    model = NerModel.load_with(folder, groups)
    model.tag_all(s.tokens for s in sentences)
    started = time.perf_counter()
    model.tag_all(s.tokens for s in sentences)
    return sum(len(s.tokens) for s in sentences) / (time.perf_counter() - started)


def prepare_lexicons(
    shared: Path, folder: Path, reuse: Path | None, log: Log
) -> tuple[float, bool]:
    """Write the gazetteer and the word-cluster tables into ``folder``: (seconds spent,
    whether every table was reused). A table already in ``reuse`` is copied rather than
    learned again."""
    started = time.perf_counter()
    write_gazetteer(build_gazetteer(shared / "data" / "geo"), folder / GAZETTEER)
    learned = False
    for name, file in CLUSTER_FILES.items():
        if reuse is not None and (reuse / file).is_file():
            log(f"reusing the word clusters in {reuse / file}")
            if reuse.resolve() != folder.resolve():
                shutil.copyfile(reuse / file, folder / file)
            continue
        learn, header = CLUSTER_LEARNERS[name]
        log(f"learning the word clusters of {file} from SaudiNewsNet "
            f"(about {CLUSTER_MINUTES[name]} min)")
        cluster_files.write(learn(shared / CORPUS, seed=SEED), folder / file, header)
        learned = True
    return time.perf_counter() - started, not learned


def train(
    shared: Path,
    output: Path,
    *,
    groups: Sequence[str] = GROUPS,
    wojood: bool = False,
    ablation: bool = False,
    cv_folds: int | None = None,
    jobs: int = 2,
    reuse_clusters: Path | None = None,
    log: Log = print,
) -> dict:
    """Train, evaluate on the dev split, and write the model folder; returns metadata."""
    output.mkdir(parents=True, exist_ok=True)
    train_split, dev = anercorp_splits(shared)
    extra = wojood_sentences(shared) if wojood else []
    lexicon_seconds, reused = prepare_lexicons(shared, output, reuse_clusters, log)
    log(f"training the CRF on {len(train_split) + len(extra)} sentences")
    crf_seconds = fit(train_split + extra, output, groups)
    model = NerModel.load_with(output, groups)
    scores = evaluate(model, dev)
    crf_alone = score((s.tags for s in dev), model.crf_tags(s.tokens for s in dev))
    log(f"dev micro F1 {scores['micro'].f1:.4f} ({crf_alone['micro'].f1:.4f} by the CRF alone)")
    metadata = {
        "name": "marsad-ner-crf",
        "created": dt.date.today().isoformat(),
        "licence": "CC BY-SA 4.0",
        "features": list(groups),
        "crf": CRF_PARAMS,
        "data": _data_record(train_split, dev, extra),
        "training_seconds": {
            "lexicons_and_clusters": round(lexicon_seconds, 1),
            "crf": round(crf_seconds, 1),
        },
        "clusters_reused": reused,
        "consistency": {"window": consistency.WINDOW, "min_stem": consistency.MIN_STEM},
        "dev": {kind: s.to_dict() for kind, s in scores.items()},
        "dev_crf_alone": {kind: s.to_dict() for kind, s in crf_alone.items()},
    }
    metadata["speed_tokens_per_second"] = round(tokens_per_second(output, groups, dev))
    _finish(output, metadata)  # a complete model folder before the long ablation
    if cv_folds:
        metadata["cross_validation"] = cross_validate(
            read_anercorp(shared / ANERCORP), output, groups, cv_folds, log, jobs
        )
        _finish(output, metadata)
    if ablation:
        metadata["ablation"] = run_ablation(
            shared, output, train_split, dev, groups, log, jobs
        )
        _finish(output, metadata)
    return metadata


def _finish(output: Path, metadata: dict) -> None:
    metadata["size_bytes"] = {
        name: (output / name).stat().st_size
        for name in (WEIGHTS, EXPORTED_WEIGHTS, *LEXICONS)
    }
    _write_metadata(output, metadata)
    write_card(metadata, output / CARD)


def run_ablation(
    shared: Path,
    folder: Path,
    train_split: list[Sentence],
    dev: list[Sentence],
    groups: Sequence[str],
    log: Log,
    jobs: int = 2,
) -> list[dict]:
    """Dev scores of the model without each feature group, and with Wojood added
    (``jobs`` variants trained at once, in separate processes)."""
    variants: list[tuple[str, list[str], list[Sentence]]] = [
        (f"without {g}", [x for x in groups if x != g], train_split) for g in groups if g != "word"
    ]
    variants.append(("with Wojood sample", list(groups), train_split + wojood_sentences(shared)))
    rows = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(_fit_and_score, sentences, dev, variant_groups, folder)
            for _, variant_groups, sentences in variants
        ]
        for (name, *_), future in zip(variants, futures, strict=True):
            scores, seconds = future.result()
            rows.append({
                "variant": name,
                "micro_f1": round(scores["micro"].f1, 4),
                "per_type_f1": {k: round(s.f1, 4) for k, s in scores.items() if k != "micro"},
                "crf_seconds": round(seconds, 1),
            })
            log(f"{name}: micro F1 {rows[-1]['micro_f1']:.4f}")
    return rows


def cross_validate(
    sentences: list[Sentence],
    folder: Path,
    groups: Sequence[str],
    folds: int,
    log: Log,
    jobs: int = 2,
) -> dict:
    """Scores pooled over ``folds`` contiguous folds of ``sentences``, each scored by a CRF
    trained on the others: ten times the dev split's spans, so differences between two
    models that the dev split cannot tell from noise show here. Contiguous, because a
    story's sentences are: a random split would score names seen in the same story."""
    size = math.ceil(len(sentences) / folds)
    parts = [sentences[i : i + size] for i in range(0, len(sentences), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(
                _fit_and_score, [s for other in parts if other is not part for s in other],
                part, list(groups), folder,
            )
            for part in parts
        ]
        results = [future.result()[0] for future in futures]
    kinds = dict.fromkeys(kind for r in results for kind in r)  # micro last, as in each
    pooled = {kind: sum((r[kind] for r in results if kind in r), Score(0, 0, 0)) for kind in kinds}
    log(f"{len(parts)}-fold cross-validation: micro F1 {pooled['micro'].f1:.4f}")
    return {
        "folds": len(parts),
        "sentences": len(sentences),
        "pooled": {kind: s.to_dict() for kind, s in pooled.items()},
        "per_fold_micro_f1": [round(r["micro"].f1, 4) for r in results],
    }


def _fit_and_score(
    sentences: list[Sentence], test: list[Sentence], groups: list[str], folder: Path
) -> tuple[dict[str, Score], float]:
    """Scores on ``test`` of a CRF trained on ``sentences`` with ``folder``'s lexicons,
    and the seconds its training took."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for lexicon in LEXICONS:
            shutil.copyfile(folder / lexicon, work / lexicon)
        seconds = fit(sentences, work, groups)
        return evaluate(NerModel.load_with(work, groups), test), seconds


def _data_record(train_split: list[Sentence], dev: list[Sentence], extra: list) -> dict:
    def size(sentences: list[Sentence]) -> dict:
        return {"sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences)}

    return {
        "train": {"source": ANERCORP, **size(train_split)},
        "dev": {
            "source": ANERCORP,
            "split": f"the last {DEV_FRACTION:.0%} of the sentences, in file order",
            **size(dev),
        },
        "wojood": {"source": list(WOJOOD), **size(extra)} if extra else None,
        "clusters_corpus": CORPUS,
    }


def _write_metadata(folder: Path, metadata: dict) -> None:
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    (folder / METADATA).write_text(text, encoding="utf-8")
