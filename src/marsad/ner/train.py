"""``marsad train ner``: the whole recipe from ../shared to the shipped model folder.

Data: ANERcorp's train file, split into sentences; the last ``DEV_FRACTION`` of the
sentences (in file order) is the dev split, never trained on. Wojood's sample (train +
val), mapped onto the ANERcorp types, is added to the BiLSTM's training sentences (by
default: it lifts the ensemble, while it lowers the CRF; ``wojood="all"`` adds it to both).
Everything is deterministic: the clusters and the BiLSTM are seeded (the BiLSTM trains
on one thread), CRFsuite's L-BFGS is exact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
from marsad.ner.bilstm import read_context, read_vectors, write_context, write_vectors
from marsad.ner.card import crf_micro, write_card
from marsad.ner.conll import Sentence, read_anercorp, read_wojood
from marsad.ner.evaluate import Score, score
from marsad.ner.features import GROUPS
from marsad.ner.groups import (
    BILSTM_MINUTES,
    CLUSTER_MINUTES,
    CONTEXT_MINUTES,
    WOJOOD_TAGGERS,
    WOJOOD_USES,
)
from marsad.ner.lexicon import build_gazetteer, write_gazetteer
from marsad.ner.model import (
    BILSTM,
    CARD,
    CLUSTER_FILES,
    CONTEXT,
    CRF_SHARE,
    EXPORTED_WEIGHTS,
    GAZETTEER,
    METADATA,
    VECTORS,
    WEIGHTS,
    NerModel,
    export_weights,
    load_featurizer,
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
LEXICONS = (GAZETTEER, *CLUSTER_FILES.values(), VECTORS)


def _learn_clusters(corpus: Path, folder: Path) -> dict[str, tuple[int, ...]]:
    return cluster_files.learn(corpus, seed=SEED)


def _learn_skipgram(corpus: Path, folder: Path) -> dict[str, tuple[int, ...]]:
    """The skip-gram clusters; their vectors are kept for the BiLSTM (``vectors.npz``)."""
    words, vectors = cluster_files.skipgram_vectors(corpus, seed=SEED)
    write_vectors(words, vectors, folder / VECTORS)
    return cluster_files.cluster(words, vectors, SEED)


# How each word-cluster table is learned from the corpus (writing any other file it comes
# with into the folder), and the header of its file.
CLUSTER_LEARNERS = {
    "clusters": (_learn_clusters, cluster_files.HEADER),
    "skipgram": (_learn_skipgram, cluster_files.SKIPGRAM_HEADER),
}
# The files that come with a table, copied with it when it is reused.
COMPANIONS = {"skipgram": (VECTORS,)}

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
        files = (file, *COMPANIONS.get(name, ()))
        if reuse is not None and all((reuse / f).is_file() for f in files):
            log(f"reusing the word clusters in {reuse / file}")
            if reuse.resolve() != folder.resolve():
                for f in files:
                    shutil.copyfile(reuse / f, folder / f)
            continue
        learn, header = CLUSTER_LEARNERS[name]
        log(f"learning the word clusters of {file} from SaudiNewsNet "
            f"(about {CLUSTER_MINUTES[name]} min)")
        cluster_files.write(learn(shared / CORPUS, folder), folder / file, header)
        learned = True
    return time.perf_counter() - started, not learned


def prepare_context(
    shared: Path, folder: Path, reuse: Path | None, log: Log
) -> tuple[dict, bool]:
    """Write the BiLSTM's context language model into ``folder`` (after the word vectors
    it reads): copied from ``reuse`` when it is there and was trained on the same vectors
    with the same settings, else pre-trained on the corpus. The record of its training,
    and whether it was reused."""
    from marsad.ner.bilstm_train import CONTEXT_SETTINGS

    vectors = (folder / VECTORS).read_bytes()
    digest = hashlib.sha256(vectors).hexdigest()
    if reuse is not None and (reuse / CONTEXT).is_file():
        _, record = read_context(reuse / CONTEXT)
        same = {k: record.get(k) for k in CONTEXT_SETTINGS} == CONTEXT_SETTINGS
        if same and record.get("vectors_sha256") == digest:
            log(f"reusing the context model in {reuse / CONTEXT}")
            if reuse.resolve() != folder.resolve():
                shutil.copyfile(reuse / CONTEXT, folder / CONTEXT)
            return record, True
        log(f"the context model in {reuse / CONTEXT} was trained on other word vectors or "
            "with other settings")
    from marsad.ner.bilstm_train import pretrain_context, require_torch

    require_torch()
    log(f"pre-training the context model on SaudiNewsNet (about {CONTEXT_MINUTES} min)")
    skipgram = cluster_files.read((folder / CLUSTER_FILES["skipgram"]).read_text("utf-8"))
    finest = {word: int(ids.rpartition(",")[2]) for word, ids in skipgram.items()}
    parameters, record = pretrain_context(shared / CORPUS, read_vectors(vectors), finest, log)
    record["vectors_sha256"] = digest
    write_context(parameters, record, folder / CONTEXT)
    return record, False


def fit_bilstm(sentences: list[Sentence], folder: Path, log: Log, context: bool) -> dict:
    """Train the BiLSTM on ``sentences`` with the vectors and gazetteer in ``folder`` (and
    its context model, when ``context``) and write ``bilstm.npz``; the record of the run."""
    from marsad.ner.bilstm_train import fit_bilstm as fit_network

    lexicon = load_featurizer(folder, ()).lexicon
    parameters = read_context(folder / CONTEXT)[0] if context else None
    tagger, record = fit_network(sentences, read_vectors(folder / VECTORS), lexicon, log,
                                 parameters)
    tagger.save(folder / BILSTM)
    return record


def train(
    shared: Path,
    output: Path,
    *,
    groups: Sequence[str] = GROUPS,
    wojood: str = "bilstm",
    bilstm: bool = True,
    context: bool = False,
    ablation: bool = False,
    cv_folds: int | None = None,
    jobs: int = 2,
    reuse_clusters: Path | None = None,
    log: Log = print,
) -> dict:
    """Train, evaluate on the dev split, and write the model folder; returns metadata."""
    if wojood not in WOJOOD_USES:
        raise ValueError(f"wojood must be one of {WOJOOD_USES}, not {wojood!r}")
    if context and not bilstm:
        raise ValueError("the context model feeds the BiLSTM: train it with bilstm=True")
    if bilstm:  # before anything in ``output`` is overwritten
        from marsad.ner.bilstm_train import require_torch

        require_torch()
    output.mkdir(parents=True, exist_ok=True)
    train_split, dev = anercorp_splits(shared)
    # the taggers trained here that also read Wojood's sentences
    wojood_users = [t for t in WOJOOD_TAGGERS[wojood] if t == "crf" or bilstm]
    extra = wojood_sentences(shared) if wojood_users else []
    crf_extra = extra if "crf" in wojood_users else []
    bilstm_extra = extra if "bilstm" in wojood_users else []
    lexicon_seconds, reused = prepare_lexicons(shared, output, reuse_clusters, log)
    context_record, context_reused = None, False
    if context:
        context_record, context_reused = prepare_context(shared, output, reuse_clusters, log)
    else:  # the folder holds what its model reads
        (output / CONTEXT).unlink(missing_ok=True)
    log(f"training the CRF on {len(train_split) + len(crf_extra)} sentences")
    crf_seconds = fit(train_split + crf_extra, output, groups)
    (output / BILSTM).unlink(missing_ok=True)
    network = None
    if bilstm:
        log(f"training the BiLSTM on {len(train_split) + len(bilstm_extra)} sentences "
            f"(about {BILSTM_MINUTES} min)")
        network = fit_bilstm(train_split + bilstm_extra, output, log, context)
    measured = measure(output, groups, dev, log)
    metadata = {
        "name": "marsad-ner-crf-bilstm" if bilstm else "marsad-ner-crf",
        "created": dt.date.today().isoformat(),
        "licence": "CC BY-SA 4.0",
        "features": list(groups),
        "crf": CRF_PARAMS,
        "bilstm": network,
        "context_model": context_record,
        "crf_share": CRF_SHARE if bilstm else 1.0,
        "data": _data_record(train_split, dev, extra, wojood_users),
        "training_seconds": {
            "lexicons_and_clusters": round(lexicon_seconds, 1),
            "crf": round(crf_seconds, 1),
            "bilstm": network["seconds"] if network else 0.0,
            "context_model": context_record["seconds"] if context and not context_reused
            else 0.0,
        },
        "clusters_reused": reused,
        "context_reused": context_reused,
        **measured,
    }
    _finish(output, metadata)  # a complete model folder before the long ablation
    if cv_folds:
        metadata["cross_validation"] = cross_validate(
            read_anercorp(shared / ANERCORP), output, groups, cv_folds, log, jobs, bilstm,
            crf_extra, bilstm_extra, context,
        )
        _finish(output, metadata)
    if ablation:
        metadata["ablation"] = run_ablation(
            shared, output, train_split, dev, groups, log, jobs
        )
        metadata["ablation_reference"] = crf_micro(metadata)
        _finish(output, metadata)
    return metadata


def measure(folder: Path, groups: Sequence[str], dev: list[Sentence], log: Log) -> dict:
    """The metadata's dev scores of the model in ``folder`` (the model's, its CRF's alone
    mended alike and unmended), its tagging speed, and the consistency step's settings
    they were measured with."""
    model = NerModel.load_with(folder, groups)
    scores = evaluate(model, dev)
    crf_alone = score((s.tags for s in dev), model.crf_tags(s.tokens for s in dev))
    crf_consistent = evaluate(model.crf_only(), dev)  # mended as the model mends its tags
    log(f"dev micro F1 {scores['micro'].f1:.4f} ({crf_alone['micro'].f1:.4f} by the CRF alone)")
    return {
        "dev": {kind: s.to_dict() for kind, s in scores.items()},
        "dev_crf_alone": {kind: s.to_dict() for kind, s in crf_alone.items()},
        "dev_crf_consistent": {kind: s.to_dict() for kind, s in crf_consistent.items()},
        "speed_tokens_per_second": round(tokens_per_second(folder, groups, dev)),
        "consistency": {"window": consistency.WINDOW, "min_stem": consistency.MIN_STEM,
                        "max_untagged": consistency.MAX_UNTAGGED,
                        "max_untagged_crf_alone": consistency.MAX_UNTAGGED_CRF},
    }


def rescore(shared: Path, folder: Path, log: Log = print) -> dict:
    """Measure the model in ``folder`` again with the code as it is now, without
    retraining, after a change to what happens around the taggers (the look-ups, the
    decoding, the cut after «و», the consistency step), and rewrite its metadata (dated
    ``rescored``) and card. The cross-validation and the ablation it records stay the
    training's, and so does the CRF score the ablation is compared with."""
    metadata = json.loads((folder / METADATA).read_text(encoding="utf-8"))
    _, dev = anercorp_splits(shared)
    if "ablation" in metadata:  # its rows were scored beside the CRF as it was then
        metadata.setdefault("ablation_reference", crf_micro(metadata))
    metadata.update(measure(folder, metadata["features"], dev, log))
    metadata["rescored"] = dt.date.today().isoformat()
    _finish(folder, metadata)
    return metadata


def _finish(output: Path, metadata: dict) -> None:
    metadata["size_bytes"] = {
        name: (output / name).stat().st_size
        for name in (WEIGHTS, EXPORTED_WEIGHTS, *LEXICONS, BILSTM, CONTEXT)
        if (output / name).is_file()
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
    """Dev scores of the CRF alone without each feature group, and with Wojood added
    (``jobs`` variants trained at once, in separate processes)."""
    variants: list[tuple[str, list[str], list[Sentence]]] = [
        (f"without {g}", [x for x in groups if x != g], train_split) for g in groups if g != "word"
    ]
    variants.append(("with Wojood sample", list(groups), train_split + wojood_sentences(shared)))
    rows = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(_fit_and_score, sentences, dev, variant_groups, folder, False)
            for _, variant_groups, sentences in variants
        ]
        for (name, *_), future in zip(variants, futures, strict=True):
            scores, _, seconds = future.result()
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
    bilstm: bool = True,
    crf_extra: Sequence[Sentence] = (),
    bilstm_extra: Sequence[Sentence] = (),
    context: bool = False,
) -> dict:
    """Scores pooled over ``folds`` contiguous folds of ``sentences``, each scored by a
    model (the CRF, and the BiLSTM when ``bilstm``) trained on the others (each tagger
    with its extra training sentences, as ``train`` gives them): ten times the
    dev split's spans, so differences between two models that the dev split cannot tell
    from noise show here. Contiguous, because a story's sentences are: a random split
    would score names seen in the same story."""
    size = math.ceil(len(sentences) / folds)
    parts = [sentences[i : i + size] for i in range(0, len(sentences), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(
                _fit_and_score, [s for other in parts if other is not part for s in other],
                part, list(groups), folder, bilstm, list(crf_extra), list(bilstm_extra),
                context,
            )
            for part in parts
        ]
        outcomes = [future.result() for future in futures]
    results = [scores for scores, _, _ in outcomes]
    pooled = _pool(results)
    log(f"{len(parts)}-fold cross-validation: micro F1 {pooled['micro'].f1:.4f}")
    record = {
        "folds": len(parts),
        "sentences": len(sentences),
        "pooled": {kind: s.to_dict() for kind, s in pooled.items()},
        "per_fold_micro_f1": [round(r["micro"].f1, 4) for r in results],
    }
    if bilstm:
        crf = _pool([crf_scores for _, crf_scores, _ in outcomes])
        record["pooled_crf_consistent"] = {kind: s.to_dict() for kind, s in crf.items()}
    return record


def _pool(results: list[dict[str, Score]]) -> dict[str, Score]:
    """Span counts summed over folds, type by type (micro last, as in each)."""
    kinds = dict.fromkeys(kind for r in results for kind in r)
    return {kind: sum((r[kind] for r in results if kind in r), Score(0, 0, 0)) for kind in kinds}


def _fit_and_score(
    sentences: list[Sentence], test: list[Sentence], groups: list[str], folder: Path,
    bilstm: bool, crf_extra: Sequence[Sentence] = (), bilstm_extra: Sequence[Sentence] = (),
    context: bool = False,
) -> tuple[dict[str, Score], dict[str, Score], float]:
    """Scores on ``test`` of a model trained on ``sentences`` (plus each tagger's extra
    sentences) with ``folder``'s lexicons (the CRF, and the BiLSTM when ``bilstm``), of its
    CRF alone, and the seconds the CRF's training took."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for lexicon in (*LEXICONS, CONTEXT) if context else LEXICONS:
            shutil.copyfile(folder / lexicon, work / lexicon)
        seconds = fit(sentences + list(crf_extra), work, groups)
        if bilstm:
            fit_bilstm(sentences + list(bilstm_extra), work, lambda message: None, context)
        model = NerModel.load_with(work, groups)
        crf = evaluate(model.crf_only(), test) if bilstm else None
        scores = evaluate(model, test)
        return scores, crf or scores, seconds


def _data_record(train_split: list[Sentence], dev: list[Sentence], extra: list,
                 used_by: list[str]) -> dict:
    def size(sentences: list[Sentence]) -> dict:
        return {"sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences)}

    return {
        "train": {"source": ANERCORP, **size(train_split)},
        "dev": {
            "source": ANERCORP,
            "split": f"the last {DEV_FRACTION:.0%} of the sentences, in file order",
            **size(dev),
        },
        "wojood": {"source": list(WOJOOD), **size(extra), "used_by": used_by} if extra else None,
        "clusters_corpus": CORPUS,
    }


def _write_metadata(folder: Path, metadata: dict) -> None:
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    (folder / METADATA).write_text(text, encoding="utf-8")
