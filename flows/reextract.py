"""Re-extraction from the raw lake after taxonomy or rule changes; derived tables swap atomically."""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from flows.config import Settings
from flows.extract import run_extract
from flows.lock import warehouse_lock
from pipelines.extract_stage import iter_derived


@task(name="reextract-lake", timeout_seconds=7200)
def reextract_task(settings: Settings, workers: int, force: bool) -> dict[str, Any]:
    from analytics.db import connect_for_load, migrate
    from analytics.load import replace_derived

    outputs, stats = run_extract(settings.lake, None, None, workers, force=force)
    con = connect_for_load(settings.warehouse)
    try:
        migrate(con)
        # streamed in run order, so later runs win: the newest version of each posting
        counts = replace_derived(con, iter_derived(outputs))
    finally:
        con.close()
    return {**stats, "postings": counts["extractions"]}


@flow(name="reextract")
def reextract_flow(settings: Settings, workers: int = 1, force: bool = False) -> dict[str, Any]:
    with warehouse_lock(settings.warehouse):
        return reextract_task(settings, workers, force)
