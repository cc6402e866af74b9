"""Recorded source coverage for the reports: which period each imported or backfilled board covers.

Why: a trend needs to know whether a month holds a source's whole record (a backfilled HN
thread, an imported export) or only what a crawl happened to see, and whether a board was there
for both windows it compares. Imports and backfills record this in the lake
(`importers.coverage`); the report flow reads it once and passes it in ReportParams.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from analytics.reports.context import SourceSpan


def lake_coverage(lake: Path | None, skipped: list[str] | None = None) -> tuple[SourceSpan, ...]:
    """Every (source, board) the lake's coverage lines name, with its merged span; empty when
    the lake or its lines are missing (a warehouse without imports or backfills). Lines and
    spans it cannot read are named in `skipped` (with their reason) when given."""
    if lake is None or not Path(lake).is_dir():
        return ()
    from importers.coverage import read_coverage, source_coverage
    from pipelines.lake_read import LakeSkips

    skips = LakeSkips()
    records = read_coverage(Path(lake), skips)
    if skipped is not None:  # named by run and file, as the lake lays them out
        skipped.extend(
            f"{Path(s.file).parent.name}/{Path(s.file).name}:{s.line}: {s.reason}"
            for s in skips.items
        )
    hows: dict[tuple[str, str], set[str]] = {}
    for rec in records:
        key = (str(rec.get("source")), str(rec.get("board")))
        hows.setdefault(key, set()).add(str(rec.get("how") or ""))
    spans = []
    for (source, board), (start, end) in sorted(source_coverage(Path(lake), records).items()):
        try:
            first, last = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
        except ValueError:
            if skipped is not None:  # a span with an unreadable date says nothing about coverage
                skipped.append(f"{source}/{board}: unreadable coverage dates {start!r} to {end!r}")
            continue
        how = "+".join(sorted(h for h in hows.get((source, board), set()) if h))
        spans.append(SourceSpan(source=source, board=board, start=first, end=last, how=how))
    return tuple(spans)


_WHAT = {
    "backfill": "every posting of those months",
    "import": "the postings the imported files hold",
}


def skipped_note(skipped: tuple[str, ...]) -> list[str]:
    """Coverage lines the lake holds but the report could not read: named, never dropped silently
    (a board they describe counts with its crawls only)."""
    if not skipped:
        return []
    shown = "; ".join(skipped[:3]) + (f"; and {len(skipped) - 3} more" if len(skipped) > 3 else "")
    return [
        f"{len(skipped)} recorded-coverage line(s) of the lake could not be read and were left "
        f"out ({shown}): the boards they describe count with their crawls only."
    ]


def reach_note(spans: tuple[SourceSpan, ...], skipped: tuple[str, ...] = ()) -> list[str]:
    """How far back each imported or backfilled board reaches, and what its months hold; then
    the coverage lines that could not be read."""
    if not spans:
        return skipped_note(skipped)
    parts = [
        f"{s.key} ({s.how or 'recorded'} {s.start:%Y-%m} to {s.end:%Y-%m}: "
        f"{_WHAT.get(s.how, 'what its runs recorded')})"
        for s in spans
    ]
    return [
        "Recorded coverage of imported and backfilled boards, whose months do not depend on "
        "the first crawl: " + "; ".join(parts) + "."
    ] + skipped_note(skipped)


def coverage_panel_note(spans: tuple[SourceSpan, ...], panel: list[str]) -> list[str]:
    """Which imported or backfilled boards the stable panel kept (coverage spans both windows)."""
    if not spans:
        return []
    kept = [s.key for s in spans if s.key in panel]
    out = [s.key for s in spans if s.key not in panel]
    return [
        "An imported or backfilled board counts in the panel only when its recorded coverage "
        "spans both windows whole"
        + (f"; kept: {', '.join(kept)}" if kept else "")
        + (f"; left out: {', '.join(out)}" if out else "")
        + "."
    ]
