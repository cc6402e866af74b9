"""What period each source's postings cover: written by imports and backfills, read by reports.

Why a file next to the crawl records and not a guess from the data: a trend series must start
where its source's history starts, and only the run that fetched the history knows it asked for
it (a month with no posting is still a covered month). `<lake>/<run_id>/_source_coverage.jsonl`
holds one line per (source, board) a run covered; lake readers skip `_` files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spiders.lake import append_jsonl

COVERAGE_FILE = "_source_coverage.jsonl"


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


def read_coverage(lake: Path, skipped: list[str] | None = None) -> list[dict[str, Any]]:
    """Every coverage line of the lake, oldest run first. An unreadable line (torn JSON, not an
    object, no coverage dates) is left out and, when `skipped` is given, named there with its
    reason ("<run>/_source_coverage.jsonl:<line>: <reason>") for the reports to state."""
    out: list[dict[str, Any]] = []
    for path in sorted(Path(lake).glob(f"*/{COVERAGE_FILE}")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                reason = "not JSON"
            else:
                if not isinstance(rec, dict):
                    reason = "not a JSON object"
                elif not (rec.get("coverage_start") and rec.get("coverage_end")):
                    reason = "no coverage_start/coverage_end"
                else:
                    out.append(rec)
                    continue
            if skipped is not None:
                skipped.append(f"{path.parent.name}/{path.name}:{lineno}: {reason}")
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
