"""Readable progress and summary lines for long steps (crawl, extraction, load, reports, runs).

Why: a first-time user watches `jobtrends run` for a minute; Python dict reprs and bare
"Finished in state Completed()" lines do not say what happened. Every line here names the step
and its counts in words. Board names and error texts are scraped, so they pass through
`strip_controls` before they reach a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from flows.terminal import strip_controls

#: crawl record keys shown by name; any other numeric Scrapy stat of a board is listed after them
_CRAWL_SHOWN = {"pages", "items", "errors", "run_id", "source", "board", "status"}


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _dropped(record: Mapping[str, Any]) -> int:
    dropped = record.get("dropped") or record.get("items_dropped") or 0
    if isinstance(dropped, Mapping):
        return sum(int(v) for v in dropped.values() if isinstance(v, int | float))
    return int(dropped) if isinstance(dropped, int | float) else 0


def board_line(record: Mapping[str, Any]) -> str:
    """``crawl greenhouse  acme-ai  3 pages  52 postings  ok`` (+ drops, errors, listing)."""
    kind = strip_controls(str(record.get("source", "?")))
    board = strip_controls(str(record.get("board", "?")))
    parts = [
        f"crawl {kind:<15} {board:<28}",
        f"{_n(record.get('pages', 0)):>4} pages",
        f"{_n(record.get('items', 0)):>6} postings",
        strip_controls(str(record.get("status", "?"))),
    ]
    if _dropped(record):
        parts.append(f"{_dropped(record)} dropped")
    if record.get("errors"):
        parts.append(f"{_n(record['errors'])} errors")
    if record.get("listing_complete") is False:
        parts.append("listing incomplete: nothing closed")
    messages = record.get("error_messages") or []
    if messages:
        parts.append(strip_controls(str(messages[0]))[:120])
    return "  ".join(parts)


def extraction_line(stats: Mapping[str, Any]) -> str:
    """``extract 1,510 postings: 1,510 extracted, 0 unchanged, 0 errors (10 files, 0 cached)``."""
    return (
        f"extract {_n(stats.get('postings', 0))} postings: "
        f"{_n(stats.get('extracted', 0))} extracted, "
        f"{_n(stats.get('skipped_unchanged', 0))} unchanged, {_n(stats.get('errors', 0))} errors "
        f"({_n(stats.get('files', 0))} files, {_n(stats.get('files_cached', 0))} cached)"
    )


def load_line(stats: Mapping[str, Any]) -> str:
    """``load    1,510 new, 0 updated, 0 unchanged, 0 closed; 52 board crawls recorded``."""
    line = (
        f"load    {_n(stats.get('new', 0))} new, {_n(stats.get('updated', 0))} updated, "
        f"{_n(stats.get('unchanged', 0))} unchanged, {_n(stats.get('closed', 0))} closed; "
        f"{_n(stats.get('crawl_boards', 0))} board crawls recorded"
    )
    skipped = stats.get("skipped_lines") or []
    if skipped:
        line += f"; {len(skipped)} lake lines skipped"
    return line


def report_lines(written: Mapping[str, Sequence[Path]]) -> list[str]:
    """One line per report: its name and the formats written."""
    lines = []
    for name, paths in written.items():
        if not paths:
            continue
        folder = Path(paths[0]).parent
        formats = ", ".join(Path(p).suffix.lstrip(".") for p in paths)
        lines.append(f"report  {name:<22} {formats}  -> {folder}")
    return lines


def reextract_lines(stats: Mapping[str, Any]) -> list[str]:
    """The `jobtrends reextract` summary: what was read, what was extracted, what was kept."""
    lines = [extraction_line(stats)]
    if "postings" in stats:
        lines.append(f"swap    {_n(stats['postings'])} postings' extractions replaced atomically")
    return lines


def log(lines: str | Sequence[str]) -> None:
    """To the Prefect run log inside a flow (shown on the console too), else to stderr."""
    import sys

    lines = [lines] if isinstance(lines, str) else list(lines)
    try:
        from prefect import get_run_logger

        logger = get_run_logger()
    except Exception:  # outside a flow or task run
        for line in lines:
            print(line, file=sys.stderr)
        return
    for line in lines:
        logger.info(line)
