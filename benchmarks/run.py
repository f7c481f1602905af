"""`make bench`: measure marsad against references in the same run and write BENCHMARKS.md.

Every figure is reported next to a reference measured in the same run, on the same data and
cores, as a ratio, so the numbers stay comparable across machines. Sections whose stage is
not installed are reported as skipped, with the reason.

    .venv/bin/python benchmarks/run.py [--articles 1000 10000] [--only pipeline ner ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from marsad.health import shared_dir  # noqa: E402

SECTIONS: dict[str, Callable[[argparse.Namespace], dict]] = {}


def section(name: str):
    """Register a benchmark section; it returns {"markdown": str, "results": dict}."""

    def register(function):
        SECTIONS[name] = function
        return function

    return register


class Skipped(Exception):
    """A section that cannot run here; the message says why."""


# --- data ------------------------------------------------------------------------------


def corpus_path() -> Path:
    shared = shared_dir()
    if shared is None:
        raise Skipped("../shared not found (set MARSAD_SHARED)")
    return shared / "data" / "corpus" / "saudinewsnet.jsonl.gz"


def corpus_articles(count: int) -> list[dict]:
    """``count`` SaudiNewsNet articles with a text, as marsad JSONL records: a systematic
    sample (every k-th record, k = corpus size // count), so every outlet and the corpus's
    length distribution are represented; the file is ordered by outlet, and its first
    articles are twice as long as the average."""
    with gzip.open(corpus_path(), "rt", encoding="utf-8") as f:
        lines = f.readlines()
    step = max(1, len(lines) // count)
    articles = []
    for line in lines[::step]:
        raw = json.loads(line)
        if not (raw.get("content") or "").strip():
            continue  # a handful of corpus records have no text
        articles.append({
            "title": raw.get("title"), "text": raw["content"], "url": raw.get("url"),
            "source": raw.get("source"), "published": (raw.get("date_extracted") or "")[:10],
        })
    return articles[:count]


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --- measuring ---------------------------------------------------------------------------


class PeakMemory:
    """Peak proportional set size (PSS) of a process and its children, sampled."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.is_set():
            total = 0
            try:
                for p in [self.process, *self.process.children(recursive=True)]:
                    total += p.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_cli(args: list[str]) -> tuple[float, int]:
    """Seconds and peak memory (bytes) of one `marsad` command."""
    marsad = Path(sys.executable).parent / "marsad"
    started = time.perf_counter()
    process = subprocess.Popen([str(marsad), *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    with PeakMemory(process.pid) as memory:
        _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"marsad {' '.join(args)} failed: {stderr.decode()[-500:]}")
    return seconds, memory.peak


BENCH_PYTHON = REPO / ".venv-bench" / "bin" / "python"


def bert_reference(texts: list[str]) -> dict:
    """A BERT-base token classifier with AraBERT's configuration and random weights (nothing
    downloaded), on the same texts and cores: see benchmarks/bert_reference.py."""
    if not BENCH_PYTHON.exists():
        raise Skipped("the transformer reference needs .venv-bench (created by `make bench`)")
    result = subprocess.run([str(BENCH_PYTHON), str(REPO / "benchmarks" / "bert_reference.py")],
                            input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


# --- sections ------------------------------------------------------------------------------


SHORT_RUN, SHORT_RUN_REPEATS = 2_000, 3


@section("pipeline")
def pipeline_section(options) -> dict:
    """Full pipeline throughput and memory on N articles, scaling, per-stage breakdown."""
    workers = options.workers or len(os.sched_getaffinity(0))
    rows, results = [], {"workers": workers, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        for count in options.articles:
            articles = corpus_articles(count)
            path = write_jsonl(articles, Path(tmp) / f"articles-{count}.jsonl")
            # A short run is at the mercy of whatever else the machine does for a few
            # seconds: it is repeated and its median reported, with the spread.
            timings = [run_cli(["analyze", str(path), "--format", "jsonl", "--output",
                                str(Path(tmp) / "out.jsonl"), "--workers", str(workers)])
                       for _ in range(SHORT_RUN_REPEATS if count <= SHORT_RUN else 1)]
            times = sorted(seconds for seconds, _ in timings)
            seconds, peak = statistics.median(times), max(peak for _, peak in timings)
            words = sum(len(a["text"].split()) for a in articles)
            run = {"articles": count, "seconds": seconds, "articles_per_s": count / seconds,
                   "runs_seconds": times, "words_per_article": words / count,
                   "peak_memory_mb": peak / 2**20}
            results["runs"].append(run)
    sample = [a["text"] for a in corpus_articles(options.reference_articles)]
    reference = bert_reference(sample)
    reference_rate = reference["texts"] / reference["seconds"]
    results["bert_reference_articles_per_s"] = reference_rate
    for run in results["runs"]:
        run["ratio_to_bert"] = run["articles_per_s"] / reference_rate
        times = run["runs_seconds"]
        spread = (f"{len(times)}: {times[0]:.1f}–{times[-1]:.1f}" if len(times) > 1 else "1")
        rows.append(f"| {run['articles']:,} | {run['words_per_article']:.0f} | {spread} | "
                    f"{run['seconds']:.1f} | **{run['articles_per_s']:.1f}** | "
                    f"{run['peak_memory_mb']:.0f} | {run['ratio_to_bert']:.0f}× |")
    runs = results["runs"]
    if len(runs) >= 2:  # per word: two samples never have quite the same article lengths
        small, large = runs[0], runs[-1]
        results["scaling"] = (
            (large["seconds"] / (large["articles"] * large["words_per_article"]))
            / (small["seconds"] / (small["articles"] * small["words_per_article"])))
    stages = stage_breakdown(corpus_articles(min(options.articles[0], 500)))
    results["stages"] = stages
    total = sum(stages.values())
    stage_rows = [f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |"
                  for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1])]
    scaling = results.get("scaling")
    markdown = "\n".join([
        f"Full pipeline (`marsad analyze --workers {workers}`, every stage on) over SaudiNewsNet "
        "articles, as a user runs it (start-up, reading and writing included). Peak memory is "
        "the proportional set size of the process and its workers. Reference: a BERT-base "
        "token classifier with AraBERT's configuration (random weights) on "
        f"{reference['texts']} of the same articles, same cores: "
        f"{reference_rate:.2f} articles/s.",
        "",
        f"Runs of up to {SHORT_RUN:,} articles are repeated {SHORT_RUN_REPEATS} times and "
        "their median reported (runs: how many, and their seconds from fastest to slowest).",
        "",
        "| articles | words/article | runs | seconds | articles/s | peak memory (MB) "
        "| × BERT-base |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        (f"Scaling: cost per word at {runs[-1]['articles']:,} articles is {scaling:.2f}× the "
         f"cost at {runs[0]['articles']:,} (1.00 = linear; below 1, start-up is amortised)."
         if scaling else ""),
        "",
        "Per-stage time, in one process, on "
        f"{min(options.articles[0], 500)} articles:",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
        *stage_rows,
    ])
    return {"markdown": markdown, "results": results}


def stage_breakdown(articles: list[dict]) -> dict[str, float]:
    """Seconds spent in the tokenizer, each component, and building the records."""
    from marsad.ingest.document import Document
    from marsad.pipeline import _make_doc, load
    from marsad.record import to_analysis

    started = time.perf_counter()
    nlp = load()
    timings = {"(loading the pipeline)": time.perf_counter() - started}
    documents = [
        Document(text=a["text"], origin="bench", title=a["title"],
                 published=dt.date.fromisoformat(a["published"]) if a["published"] else None)
        for a in articles
    ]
    started = time.perf_counter()
    docs = [_make_doc(nlp, d) for d in documents]
    timings["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [
            component(doc) for doc in docs]
        timings[name] = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        to_analysis(doc).to_json()
    timings["record + JSON"] = time.perf_counter() - started
    return timings


@section("startup")
def startup_section(options) -> dict:
    """Time to load every model and index, in a fresh process, against Python's own start."""
    code = "import time; t=time.perf_counter(); import marsad; marsad.load(); " \
           "print(time.perf_counter()-t)"
    bare = "import time; t=time.perf_counter(); import json; print(time.perf_counter()-t)"
    loads = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3)]
    started = time.perf_counter()
    subprocess.check_output([sys.executable, "-c", bare])
    python_start = time.perf_counter() - started
    best = min(loads)
    return {
        "markdown": f"Loading every model and index (`import marsad; marsad.load()`), best of 3 "
                    f"fresh processes: **{best:.2f} s** (target < 2 s); a bare Python "
                    f"interpreter starts in {python_start:.2f} s on this machine "
                    f"({best / python_start:.1f}×).",
        "results": {"load_seconds": best, "python_start_seconds": python_start},
    }


@section("ner")
def ner_section(options) -> dict:
    """NER tagging speed against a transformer tagger on the same sentences."""
    from marsad.pipeline import load

    nlp = load()
    if "marsad_ner" not in nlp.pipe_names:
        raise Skipped("the NER component is not in the pipeline")
    texts = [a["text"] for a in corpus_articles(300)]
    docs = [nlp.make_doc(t) for t in texts]
    for name, component in nlp.pipeline:
        if name == "marsad_ner":
            break
        docs = [component(d) for d in docs]
    from marsad.ner.component import EntityRecognizer
    from marsad.ner.model import NerModel

    tokens = sum(len(d) for d in docs)

    def rate(ner) -> float:
        started = time.perf_counter()
        for doc in docs:
            ner(doc)
        return tokens / (time.perf_counter() - started)

    marsad_rate = rate(nlp.get_pipe("marsad_ner"))
    # a fresh model, so its per-word caches start empty too (the clitic analyses stay warm)
    crf_rate = rate(EntityRecognizer(NerModel.load().crf_only()))
    reference = bert_reference(texts[: options.reference_articles])
    bert_rate = reference["tokens"] / reference["seconds"]
    return {
        "markdown": "\n".join([
            f"Tagging {tokens:,} tokens of SaudiNewsNet on one core after loading, article by "
            "article; the CRF alone (`bilstm = false` in the pipeline config) is timed second, "
            "with a fresh model.",
            "",
            "| tagger | tokens/s | ratio |",
            "|---|---:|---:|",
            f"| marsad NER (CRF + BiLSTM) | **{marsad_rate:,.0f}** | "
            f"{marsad_rate / bert_rate:,.0f}× |",
            f"| marsad NER, CRF alone | {crf_rate:,.0f} | {crf_rate / bert_rate:,.0f}× |",
            f"| BERT-base token classifier (AraBERT config, random weights) | "
            f"{bert_rate:,.0f} | 1× |",
        ]),
        "results": {"marsad_tokens_per_s": marsad_rate, "crf_alone_tokens_per_s": crf_rate,
                    "bert_tokens_per_s": bert_rate},
    }


@section("time")
def time_section(options) -> dict:
    """Temporal tagging against dateparser, from benchmarks/time_vs_dateparser.py."""
    script = REPO / "benchmarks" / "time_vs_dateparser.py"
    if not script.exists():
        raise Skipped("benchmarks/time_vs_dateparser.py is not there yet")
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        markdown = subprocess.check_output([sys.executable, str(script), "--json", out.name],
                                           text=True)
        results = json.loads(Path(out.name).read_text())
    return {"markdown": markdown.strip(), "results": results}


@section("semantic")
def semantic_section(options) -> dict:
    """Semantic search quality and speed, from benchmarks/semantic_search.py."""
    from marsad.store import semantic

    if problem := semantic.missing_model():
        raise Skipped(problem)
    script = REPO / "benchmarks" / "semantic_search.py"
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        markdown = subprocess.check_output(
            [sys.executable, str(script), "--articles", str(options.semantic_articles),
             "--json", out.name], text=True)
        results = json.loads(Path(out.name).read_text())
    body = markdown.strip().removeprefix("## semantic search").strip()  # the section's heading
    return {"markdown": body, "results": results}


@section("dask")
def dask_section(options) -> dict:
    """The Dask engine on a LocalCluster with 1 and 2 workers, against one plain process."""
    from marsad.ingest.document import Document
    from marsad.pipeline import analyze_documents
    from marsad.scale import dask_engine

    if problem := dask_engine.dask_missing():
        raise Skipped(problem)
    count = options.dask_articles
    documents = [
        Document(text=a["text"], origin="bench", title=a["title"], url=a["url"],
                 published=dt.date.fromisoformat(a["published"]) if a["published"] else None)
        for a in corpus_articles(count)
    ]
    analyze_documents(documents[:2])  # load the pipeline outside the timing
    started = time.perf_counter()
    for _ in analyze_documents(documents):
        pass
    single = count / (time.perf_counter() - started)
    rows, results = [], {"articles": count, "single_process_articles_per_s": single}
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            partitions, _ = dask_engine.plan_partitions(iter(documents), [], size=25)
            started = time.perf_counter()
            dask_engine.run_partitions(partitions, Path(tmp), workers=workers)
            seconds = time.perf_counter() - started
        rate = count / seconds
        results[f"workers_{workers}_articles_per_s"] = rate
        rows.append(f"| Dask LocalCluster, {workers} worker{'s' * (workers > 1)} | "
                    f"{rate:.1f} | {rate / single:.2f}× |")
    return {
        "markdown": "\n".join([
            f"{count} SaudiNewsNet articles analysed and written as partitioned Parquet "
            "(cluster start-up and each worker's model loading included).",
            "",
            "| engine | articles/s | × one process |",
            "|---|---:|---:|",
            f"| one process, no Dask (reference) | {single:.1f} | 1.00× |",
            *rows,
        ]),
        "results": results,
    }


@section("load")
def load_section(options) -> dict:
    """The REST API under concurrent clients (benchmarks/load.py), over a store of real
    articles when ../shared is there, else over examples/."""
    import load

    with tempfile.TemporaryDirectory() as tmp:
        try:
            inputs = [str(write_jsonl(corpus_articles(300), Path(tmp) / "seed.jsonl"))]
        except Skipped:
            inputs = [str(REPO / "examples")]
        return load.run(inputs, analyze=200, events=1000, clients=8, cap=300.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--reference-articles", type=int, default=12)
    parser.add_argument("--dask-articles", type=int, default=1000)
    parser.add_argument("--semantic-articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--only", nargs="+", choices=sorted(SECTIONS))
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    options = parser.parse_args()
    names = options.only or list(SECTIONS)
    parts = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC — "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}. "
        "Do not edit by hand.",
    ]
    results = {}
    for name in names:
        started = time.perf_counter()
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        try:
            outcome = SECTIONS[name](options)
        except Skipped as reason:
            outcome = {"markdown": f"Skipped: {reason}.", "results": {"skipped": str(reason)}}
        parts += ["", f"## {name}", "", outcome["markdown"]]
        results[name] = outcome["results"]
        print(f"bench: {name} done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    options.output.write_text("\n".join(parts) + "\n", encoding="utf-8")
    results_path = options.output.with_suffix(".json")
    results_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"bench: wrote {options.output} and {results_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
