"""Readable progress and summary lines for long steps (extraction, load, reports, reextract).

Why: a first-time user watches `jobtrends run` for a minute; Python dict reprs and bare
"Finished in state Completed()" lines do not say what happened. Every line here names the step
and its counts in words. (Each crawled board gets its line from spiders.run.progress_line, live
as the board finishes.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from flows.terminal import strip_controls


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


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
    if stats.get("derived_lines_skipped"):
        line += f"; {_n(stats['derived_lines_skipped'])} extraction lines skipped"
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


def run_summary_lines(result: Mapping[str, Any]) -> list[str]:
    """The end of `jobtrends run`: where things are, what changed, what failed, how it ended.

    Error texts and skipped-line names come from boards and files, so controls are stripped.
    """
    n = result["numbers"]
    lines = [
        f"jobtrends run {result['run_id']} finished",
        f"  warehouse: {result['warehouse']}",
        f"  reports:   {result['reports_dir']}/index.html",
        f"  postings:  {_n(n['postings_total'])} in the warehouse, {_n(n['postings_open'])} open; "
        f"this run: {_n(n['postings_new'])} new, {_n(n['postings_updated'])} updated, "
        f"{_n(n['postings_closed'])} closed",
        f"  extracted: {_n(n.get('extracted', 0))} postings "
        f"({_n(n.get('skipped_unchanged', 0))} unchanged since their last extraction)",
        f"  coverage:  role {n['extraction_coverage']:.0%}, salary {n['salary_coverage']:.0%} "
        "of postings",
    ]
    for kind, error in result.get("crawl_errors", {}).items():
        lines.append(f"  FAILED {strip_controls(str(kind))}: {strip_controls(str(error))[:200]}")
    skipped = result.get("skipped_lines", [])
    for line in skipped[:10]:
        lines.append(f"  SKIPPED lake line {strip_controls(str(line))}")
    if len(skipped) > 10:
        lines.append(f"  ... {len(skipped) - 10} more skipped lake lines (jobtrends status)")
    if "outcome" in result:
        lines.append(f"  outcome:   {result['outcome']} (exit {result['exit_code']})")
    return lines
