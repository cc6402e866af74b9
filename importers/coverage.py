"""What period each source's postings cover: written by imports and backfills, read by reports.

Why a file next to the crawl records and not a guess from the data: a trend series must start
where its source's history starts, and only the run that fetched the history knows it asked for
it (a month with no posting is still a covered month). `<lake>/<run_id>/_source_coverage.jsonl`
holds one line per (source, board) a run covered; lake readers skip `_` files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pipelines.lake_read import LakeSkips, read_lake_file
from spiders.lake import append_jsonl

COVERAGE_FILE = "_source_coverage.jsonl"
#: what a coverage line must carry to say anything
COVERAGE_KEYS = ("coverage_start", "coverage_end")


def month_end(day: date) -> date:
    first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first_next - timedelta(days=1)


def write_coverage(lake: Path, run_id: str, records: Iterable[dict[str, Any]]) -> int:
    """Append coverage lines ({source, board, coverage_start, coverage_end, ...}) to the run."""
    n = 0
    for rec in records:
        append_jsonl(lake / run_id / COVERAGE_FILE, {"run_id": run_id, **rec})
        n += 1
    return n


def read_coverage(lake: Path, skips: LakeSkips | None = None) -> list[dict[str, Any]]:
    """Every coverage line of the lake, oldest run first, read by the lake's one tolerant
    reader: a torn, corrupt or non-object line, or one without its dates, is left out and
    counted in `skips` with its reason for the reports to state."""
    out: list[dict[str, Any]] = []
    for path in sorted(Path(lake).glob(f"*/{COVERAGE_FILE}")):
        out.extend(read_lake_file(path, skips, keys=COVERAGE_KEYS))
    return out


def source_coverage(
    lake: Path, records: list[dict[str, Any]] | None = None
) -> dict[tuple[str, str], tuple[str, str]]:
    """(source, board) -> (earliest coverage_start, latest coverage_end) over all runs
    (`records`: read_coverage's lines when the caller has them already)."""
    spans: dict[tuple[str, str], tuple[str, str]] = {}
    for rec in read_coverage(lake) if records is None else records:
        key = (str(rec.get("source")), str(rec.get("board")))
        start, end = str(rec["coverage_start"]), str(rec["coverage_end"])
        if key in spans:
            start, end = min(start, spans[key][0]), max(end, spans[key][1])
        spans[key] = (start, end)
    return spans
