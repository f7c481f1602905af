"""The human-readable view of analyses: ``marsad analyze --format table``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.analysis import Analysis


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """The trigger with some words around it, on one line."""
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    return f"…{left}[{text[start:end]}]{right}…"


def render(analysis: Analysis, console: Console) -> None:
    """Print a readable summary of one analysis."""
    a = analysis.article
    header = Text()
    header.append(a.title or a.text[:80].replace("\n", " "), style="bold")
    header.append(f"\n  id {a.id} · published {a.published or '—'}")
    header.append(f" ({a.published_source or 'unknown'}) · language {a.language}")
    tokens = sum(len(s.tokens) for s in analysis.sentences)
    header.append(f" · {len(analysis.sentences)} sentences, {tokens} tokens")
    console.print(header)
    for warning in analysis.warnings:
        console.print(f"  [yellow]warning:[/] {warning}")
    for title, rows, columns in _sections(analysis):
        if not rows:
            continue
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[str(cell) if cell is not None else "—" for cell in row])
        console.print(table)
    if analysis.framing.scores:
        console.print(f"  [bold]framing:[/] {_framing_summary(analysis.framing.scores)}")
    console.print()


def _sections(analysis: Analysis):
    text = analysis.article.text
    yield (
        "Entities",
        [(e.type, e.name, e.country, e.sector, ", ".join(e.roles), len(e.mentions))
         for e in analysis.entities],
        ["type", "name", "country", "sector", "roles", "mentions"],
    )
    yield (
        "Places",
        [(p.name, p.name_en, p.country, p.feature, _coords(p.lat, p.lon)) for p in analysis.places],
        ["name", "English", "country", "feature", "lat, lon"],
    )
    yield (
        "Times",
        [(t.text, t.type, t.value + (" ~" if t.approximate else "")) for t in analysis.times],
        ["expression", "type", "value"],
    )
    places = {p.id: p.name for p in analysis.places}
    sources = {s.id: s.source_text for s in analysis.attributions}
    yield (
        "Events",
        [(e.type + (f"/{e.mode}" if e.mode else ""),
          _actors(e.actor) + " → " + _actors(e.recipient), places.get(e.place, e.place),
          e.date, _flags(e.negated, e.hypothetical),
          _context(text, e.trigger.start, e.trigger.end), sources.get(e.attribution))
         for e in analysis.events],
        ["type", "actor → recipient", "place", "date", "flags", "trigger", "source"],
    )
    yield (
        "Sources",
        [(s.source_text, s.source_type, s.verb, s.stance) for s in analysis.attributions],
        ["source", "type", "verb", "stance"],
    )
    framing = analysis.framing
    yield (
        "Framing",
        [(t.text, t.category, t.neutral) for t in framing.loaded_terms],
        ["loaded term", "category", "neutral wording"],
    )
    yield (
        "Actor labels",
        [(a.actor, "، ".join(a.labels)) for a in framing.actor_labels],
        ["actor", "named as"],
    )


def _coords(lat: float | None, lon: float | None) -> str | None:
    return f"{lat:.3f}, {lon:.3f}" if lat is not None and lon is not None else None


def _actors(actors) -> str:
    named = [f"{a.text} ({a.country or '?'} {a.sector or ''})".strip() for a in actors]
    return " + ".join(named) or "—"


def _flags(negated: bool, hypothetical: bool) -> str:
    return " ".join(f for f, on in (("negated", negated), ("hypothetical", hypothetical)) if on)


def _framing_summary(scores: dict) -> str:
    """One line: loaded-term density, distancing, and sourcing when attributions ran."""
    def share(key: str) -> str:
        value = scores.get(key)
        return "—" if value is None else f"{value:.0%}"

    return (
        f"{scores.get('loaded_terms', 0)} loaded terms "
        f"({scores.get('loaded_per_100_words') or 0} per 100 words) · "
        f"distancing verbs {scores.get('distancing_verbs', 0)}, "
        f"«so-called» {scores.get('distancing_quotes', 0)} · "
        f"claims {scores.get('claims') if scores.get('claims') is not None else '—'}: "
        f"named sources {share('named_source_share')}, "
        f"anonymous {share('anonymous_source_share')}"
    )
