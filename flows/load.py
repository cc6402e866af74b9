"""Load flow: raw lake + derived extraction files of a run -> DuckDB, in one short write session."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task

from pipelines.extract_stage import iter_derived, lake_files
from pipelines.lake_read import LakeSkips, read_crawl_records


def read_crawl_runs(
    lake: Path, run_id: str, skips: LakeSkips | None = None
) -> list[dict[str, Any]]:
    """The crawl records of a run; a board retried within the run keeps its last record.
    Unreadable lines are counted in `skips` by the lake reader's rules."""
    latest: dict[str, dict[str, Any]] = {}
    for rec in read_crawl_records(lake / run_id / "_crawl_runs.jsonl", skips):
        latest[f"{rec['source']}:{rec['board']}"] = rec
    return list(latest.values())


#: extractions staged at a time: Python memory follows the batch, not the run (the run's rows
#: then replace the warehouse's in one transaction)
LOAD_BATCH = 20_000


def load_stage(
    warehouse: Path, lake: Path, run_id: str, derived_files: list[Path]
) -> dict[str, Any]:
    """Stage the run's lake files (DuckDB reads them) and merge them in one transaction, replace
    extractions in bounded batches, regroup duplicates of what changed, record crawls, close
    what vanished."""
    from analytics.db import connect_for_load, migrate
    from analytics.dedup import assign_dup_groups
    from analytics.load import (
        apply_closures,
        load_crawl_runs,
        load_dims,
        load_extraction_batches,
        merge_staged_raw,
    )
    from analytics.staging import stage_lake_file, staged_posting_ids
    from pipelines.nlp import load_roles, load_skill_taxonomy

    totals: Counter[str] = Counter()
    skips, derived_skips = LakeSkips(), LakeSkips()
    crawl_records = read_crawl_runs(lake, run_id, skips)
    con = connect_for_load(warehouse)
    try:
        migrate(con)
        load_dims(con, load_skill_taxonomy(), load_roles())
        for lake_file in lake_files(lake, [run_id]):
            stage_lake_file(con, lake_file, run_id, skips)
        crawl_records = keep_open_where_skipped(crawl_records, skips)
        seen = staged_posting_ids(con)
        raw = merge_staged_raw(con, dedup=False)
        totals.update(raw.counts())
        derived = iter_derived(derived_files, derived_skips)
        totals["extracted"] = load_extraction_batches(con, derived, LOAD_BATCH)["extractions"]
        if raw.changed_ids:
            totals["regrouped"] = assign_dup_groups(con, raw.changed_ids)
        load_crawl_runs(con, crawl_records)
        closed = apply_closures(con, crawl_records, seen)
    finally:
        con.close()
    stats: dict[str, Any] = dict(totals)
    stats.update(closed=closed, crawl_boards=len(crawl_records))
    stats.update(
        lake_lines_skipped=len(skips),
        skip_reasons=skips.by_reason(),
        skipped_lines=[str(s) for s in skips.items[:100]],
        derived_lines_skipped=len(derived_skips),
        derived_skipped_lines=[str(s) for s in derived_skips.items[:100]],
    )
    return stats


def keep_open_where_skipped(
    records: list[dict[str, Any]], skips: LakeSkips
) -> list[dict[str, Any]]:
    """Crawl records of boards with unread lake lines, marked incomplete with the lines named:
    a line not read may be a posting still listed, so the board closes nothing from this run
    (its record in crawl_runs and `status` say why)."""
    if not len(skips):
        return records
    out = []
    for rec in records:
        hit = skips.for_board(str(rec.get("source")), str(rec.get("board")))
        if hit:
            named = ", ".join(str(s) for s in hit[:5]) + (" ..." if len(hit) > 5 else "")
            rec = {
                **rec,
                "listing_complete": False,
                "error_messages": [
                    *(rec.get("error_messages") or []),
                    f"{len(hit)} lake line(s) skipped: {named}",
                ],
            }
        out.append(rec)
    return out


@task(name="load-warehouse", retries=2, retry_delay_seconds=[2, 10], timeout_seconds=3600)
def load_task(
    warehouse: Path, lake: Path, run_id: str, derived_files: list[Path]
) -> dict[str, Any]:
    stats = load_stage(warehouse, lake, run_id, derived_files)
    from flows.progress import load_line

    get_run_logger().info(load_line(stats))
    return stats


@flow(name="load")
def load_flow(
    warehouse: Path, lake: Path, run_id: str, derived_files: list[Path]
) -> dict[str, Any]:
    return load_task(warehouse, lake, run_id, derived_files)
