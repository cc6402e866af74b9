"""History from day one: crawl past months of a source into one lake run and record what period
it covers.

Why only HN: the monthly "Who is hiring?" threads stay online, so one source's past is
fetchable as it was; ATS boards list open postings only and have no past to fetch.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from flows.config import Settings
from importers.coverage import month_end, write_coverage

BACKFILL_SOURCES = ("hn",)
MAX_MONTHS = 120


class BackfillError(ValueError):
    """A backfill cannot run as asked; the message names the problem and the fix."""


def months_in_run(lake: Path, run_id: str, source: str) -> dict[str, dict[str, int]]:
    """board -> {"YYYY-MM": postings} of a run's lake file (postings dated into their month)."""
    path = lake / run_id / f"{source}.jsonl"
    out: dict[str, dict[str, int]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            month = str(rec.get("posted_at") or "")[:7]
            if len(month) == 7:
                per = out.setdefault(str(rec.get("board")), {})
                per[month] = per.get(month, 0) + 1
    return out


def coverage_records(
    per_board: dict[str, dict[str, int]], source: str, months: int
) -> list[dict[str, Any]]:
    """One coverage line per board: first day of its oldest month to the last of its newest."""
    out = []
    for board, counts in sorted(per_board.items()):
        first, last = min(counts), max(counts)
        out.append(
            {
                "source": source,
                "board": board,
                "coverage_start": f"{first}-01",
                "coverage_end": month_end(date.fromisoformat(f"{last}-01")).isoformat(),
                "how": "backfill",
                "months_requested": months,
                "months": dict(sorted(counts.items())),
            }
        )
    return out


def backfill(settings: Settings, source: str, months: int) -> dict[str, Any]:
    """Crawl the last `months` months of `source` into a new run; returns the run id, crawl
    records and coverage lines (processing is the caller's next step)."""
    from flows.daily import configured_sources, demo_board_if_needed
    from spiders.kinds.hn import BACKFILL_SETTING
    from spiders.run import crawl_subprocess, new_run_id
    from spiders.sources_file import make_source

    if source not in BACKFILL_SOURCES:
        raise BackfillError(
            f"cannot backfill {source!r}: only {', '.join(BACKFILL_SOURCES)} keeps past postings "
            "online (ATS boards list open postings only)"
        )
    if not 1 <= months <= MAX_MONTHS:
        raise BackfillError(f"--months {months} is out of range; use 1 to {MAX_MONTHS}")
    configured = configured_sources(settings)
    chosen = [s for s in configured if s.kind == source]
    if configured and not chosen:  # sources are set but none of this kind: the public one
        chosen = [make_source({"kind": source, "board": "whoishiring"})]
    run_id, started = new_run_id(), datetime.now(UTC)
    with demo_board_if_needed(settings, configured) as (served, scrapy_settings):
        if not configured:  # the bundled replica, as `jobtrends run` crawls it
            chosen = [s for s in served if s.kind == source]
        overrides = {**scrapy_settings, BACKFILL_SETTING: months}
        records = crawl_subprocess(chosen, settings.lake, run_id, overrides)
    coverage = coverage_records(months_in_run(settings.lake, run_id, source), source, months)
    write_coverage(settings.lake, run_id, coverage)
    return {
        "run_id": run_id,
        "records": records,
        "coverage": coverage,
        "started": started,
    }
