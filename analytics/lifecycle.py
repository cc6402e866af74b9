"""Crawl-run bookkeeping and posting closure: only a complete, healthy listing may close postings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import polars as pl

from analytics.db import run_sql, scalar, sql, transaction
from analytics.frames import STR_LIST, parse_ts, run_id_ts

CRAWL_RUN_SCHEMA: dict[str, pl.DataType] = {
    "run_id": pl.String(),
    "source": pl.String(),
    "board": pl.String(),
    "started_at": pl.String(),
    "finished_at": pl.String(),
    "pages": pl.Int32(),
    "items": pl.Int32(),
    "errors": pl.Int32(),
    "status": pl.String(),
    "listing_complete": pl.Boolean(),
    "error_messages": STR_LIST,
}

SeenKeys = Mapping[Any, Iterable[str]]


def crawl_runs_frame(records: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """Typed _crawl_runs.jsonl lines, one per (run_id, source, board) (last line wins)."""
    rows = []
    for rec in records:
        row = {k: rec.get(k) for k in CRAWL_RUN_SCHEMA}
        row["error_messages"] = [
            m if isinstance(m, str) else json.dumps(m, default=str)
            for m in rec.get("error_messages") or []
        ]
        row["listing_complete"] = bool(rec.get("listing_complete"))
        rows.append(row)
    frame = pl.DataFrame(rows, schema=CRAWL_RUN_SCHEMA)
    return frame.with_columns(parse_ts("started_at"), parse_ts("finished_at")).unique(
        ["run_id", "source", "board"], keep="last", maintain_order=True
    )


def load_crawl_runs(con: duckdb.DuckDBPyConnection, records: Iterable[Mapping[str, Any]]) -> int:
    """Upsert crawl run lines; re-loading a run's file is a no-op."""
    frame = crawl_runs_frame(records)
    con.register("batch_crawl_runs", frame.to_arrow())
    con.execute(f"create or replace temp view stg_crawl_runs as\n{sql('staging/stg_crawl_runs')}")
    with transaction(con):
        run_sql(con, "load/upsert_crawl_runs")
    return frame.height


def complete_boards(runs: pl.DataFrame) -> pl.DataFrame:
    """Boards whose listing proves absence: complete, status ok and at least one item.

    A board that suddenly lists zero jobs is far likelier broken than emptied, so it closes nothing.
    """
    run_ts = run_id_ts()
    return (
        runs.filter(
            pl.col("listing_complete")
            & (pl.col("status") == "ok")
            & (pl.col("items").fill_null(0) > 0)
            & pl.col("finished_at").is_not_null()
        )
        .with_columns(
            cutoff_at=pl.min_horizontal(run_ts, pl.col("started_at"), pl.col("finished_at"))
        )
        .sort("finished_at")
        .unique(["source", "board"], keep="last", maintain_order=True)
        .select("source", "board", "finished_at", "cutoff_at")
    )


def _seen_frame(seen_keys_by_board: SeenKeys | None) -> pl.DataFrame:
    ids: list[str] = []
    for keys in (seen_keys_by_board or {}).values():
        ids.extend(str(k) for k in keys if k is not None)
    return pl.DataFrame({"posting_id": sorted(set(ids))}, schema={"posting_id": pl.String()})


def apply_closures(
    con: duckdb.DuckDBPyConnection,
    crawl_run_records: Iterable[Mapping[str, Any]],
    seen_keys_by_board: SeenKeys | None = None,
) -> int:
    """Close open postings of completely listed boards that this run did not see; returns count.

    seen_keys_by_board maps (source, board) (or "source:board") to the posting keys seen; when it
    is omitted, postings last seen before the run started count as unseen (load_raw runs first).
    """
    boards = complete_boards(crawl_runs_frame(crawl_run_records))
    if boards.is_empty():
        return 0
    con.register("batch_complete_boards", boards.to_arrow())
    con.register("batch_seen", _seen_frame(seen_keys_by_board).to_arrow())
    with transaction(con):
        before = _open_count(con)
        run_sql(con, "load/close_unseen_postings")
        closed = before - _open_count(con)
    return closed


def _open_count(con: duckdb.DuckDBPyConnection) -> int:
    return int(scalar(con, "select count(*) from postings_core where is_open") or 0)
