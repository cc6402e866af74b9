"""Extract, load and report one lake run the way `process-run` does, as plain function calls.

Why not the Prefect flow: an import or a backfill is one short local job started by a person;
it reuses the stage functions the flow's tasks wrap (run_extract, load_stage, build_report_files,
record_run) under the same warehouse lock, without starting a Prefect server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flows.config import Settings


def process_lake_run(
    settings: Settings,
    run_id: str,
    started: datetime,
    flow_name: str,
    *,
    workers: int = 1,
    reports: bool = True,
) -> dict[str, Any]:
    """Extract the run's lake files, load them, rebuild reports; returns load stats and numbers."""
    from flows.daily import known_hashes
    from flows.extract import run_extract
    from flows.load import load_stage
    from flows.lock import warehouse_lock
    from flows.report import build_report_files, report_dir
    from flows.summary import record_run

    with warehouse_lock(settings.warehouse):
        derived, extract_stats = run_extract(
            settings.lake, [run_id], known_hashes(settings.warehouse), workers
        )
        load_stats = load_stage(settings.warehouse, settings.lake, run_id, derived)
        out_dir = report_dir(settings.reports)
        if reports:
            build_report_files(settings.warehouse, out_dir, lake=settings.lake)
        numbers = record_run(
            settings.warehouse, run_id, started, load_stats, extract_stats, {}, flow_name
        )
    return {
        "run_id": run_id,
        "load": load_stats,
        "extract": extract_stats,
        "numbers": numbers,
        "reports_dir": str(out_dir.resolve()) if reports else None,
    }
