"""Report flow: warehouse -> reports/<date>/ (Markdown, HTML with charts, CSV, JSON, Parquet)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, task

DEFAULT_FORMATS = ("md", "html", "csv", "json", "parquet")


def report_dir(reports_root: Path, day: str | None = None) -> Path:
    return reports_root / (day or datetime.now(UTC).strftime("%Y-%m-%d"))


def build_report_files(
    warehouse: Path,
    out_dir: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    lake: Path | None = None,
    **filters: Any,
) -> dict[str, list[Path]]:
    """Run every report on a read-only connection so analysts and reports never block each other.
    `lake`: its recorded import/backfill coverage feeds the trend reports' panel and notes."""
    from dataclasses import replace

    from analytics.db import connect
    from analytics.reports import build_reports
    from analytics.reports.context import ReportParams
    from analytics.reports.coverage import lake_coverage

    skipped: list[str] = []
    spans = lake_coverage(lake, skipped)
    if spans or skipped:
        filters["params"] = replace(
            filters.get("params") or ReportParams(),
            source_coverage=spans,
            coverage_skipped=tuple(skipped),
        )
    con = connect(warehouse, read_only=True)
    try:
        return build_reports(con, out_dir, formats=formats, **filters)
    finally:
        con.close()


@task(name="build-reports", retries=1, retry_delay_seconds=[5], timeout_seconds=1800)
def report_task(
    warehouse: Path,
    out_dir: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    lake: Path | None = None,
) -> dict[str, list[Path]]:
    from flows.progress import log, report_lines

    written = build_report_files(warehouse, out_dir, formats, lake=lake)
    log(report_lines(written))
    return written


@flow(name="report")
def report_flow(
    warehouse: Path,
    reports_root: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    lake: Path | None = None,
) -> dict[str, list[Path]]:
    """Reports on their own (a schedule of their own); `lake` gives the trend reports the
    recorded coverage of imported and backfilled boards, as the pipeline run does."""
    return report_task(warehouse, report_dir(reports_root), formats, lake=lake)
