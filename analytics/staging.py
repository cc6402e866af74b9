"""Staging of lake rows for a load: one `load_batch` temp table per connection, filled from
lake files (DuckDB's JSON reader) or frames (Polars), then collapsed to one row per version and
per posting for analytics.load.merge_staged_raw.

Why stage: appending costs what the batch costs, while every merge statement scans the
warehouse tables; staging a whole run and merging once keeps a load linear in its size.
DuckDB holds the staged rows in its buffer pool (spilling past memory_limit), not Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.db import first_row, scalar, sql, temp_table_exists
from analytics.frames import fill_content_hash, postings_frame
from pipelines.lake_read import LakeSkip, LakeSkips, read_lake_file

__all__ = [
    "collapse_staged",
    "stage",
    "drop_staged",
    "lake_rows_query",
    "stage_lake_file",
    "stage_raw",
    "staged_posting_ids",
    "staged_table_exists",
]


def stage(
    con: duckdb.DuckDBPyConnection, batch: str, frame: pl.DataFrame, view: str | None = None
) -> None:
    """Expose a frame as `batch` (Arrow, zero-copy) and optionally its typed staging view."""
    # string views: Polars' own layout, so the hand-over copies nothing (DuckDB reads them)
    con.register(batch, frame.to_arrow(compat_level=pl.CompatLevel.newest()))
    if view:
        con.execute(f"create or replace temp view {view} as\n{sql(f'staging/{view}')}")


def stage_raw(
    con: duckdb.DuckDBPyConnection,
    postings: Iterable[Mapping[str, Any]] | pl.DataFrame,
    run_id: str | None = None,
) -> int:
    """Append lake rows (dicts or a frame, typed by Polars) to `load_batch`."""
    df = postings_frame(postings, run_id)
    if df.is_empty():
        return 0
    con.register("batch_frame", df.to_arrow(compat_level=pl.CompatLevel.newest()))
    try:
        if not staged_table_exists(con):
            con.execute("create temp table load_batch as select * from batch_frame limit 0")
        con.execute("insert into load_batch by name select * from batch_frame")
    finally:
        con.unregister("batch_frame")
    return df.height


def lake_rows_query(path: Path) -> tuple[str, dict[str, Any]]:
    """The typed staging query of one lake unit and its reader's parameters: a JSONL lake file
    (DuckDB's JSON reader) or a Parquet partition directory / part file (read in place).
    `$run_id` is left for the caller to bind."""
    if path.is_dir() or path.suffix == ".parquet":
        files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
        if not files:
            raise FileNotFoundError(f"no part-*.parquet files in lake partition {path}")
        reader, params = "lake_lines_parquet", {"files": [str(f) for f in files]}
    else:
        reader, params = "lake_lines_jsonl", {"path": str(path)}
    query = (
        f"with lake_lines as (\n{sql(f'staging/{reader}')}\n)\n"
        f"select * from (\n{sql('staging/stg_lake_file')}\n)"
    )
    return query, params


def stage_lake_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    run_id: str | None = None,
    skips: LakeSkips | None = None,
) -> int:
    """Append one lake unit (a JSONL file or a Parquet partition) to `load_batch`, read and
    typed inside DuckDB.

    Why not frames: DuckDB's readers fill the staging table in one parallel statement (1M JSONL
    rows in ~1.3-2 s here, the same rows as Parquet in ~0.5 s); as 20k-row Polars frames they
    took ~7 s, mostly per-insert cost of wide rows. Rows without a content hash (not written by
    our spiders) get the spiders' hash in collapse_staged, once for everything staged.

    Lines DuckDB could not use (torn, corrupt, invalid UTF-8, no keys) must not vanish silently:
    they arrive as rows without keys, counted and removed in the same statement that keeps the
    file's rows; when there are any, the file's rows are taken back and the file is staged from
    pipelines.lake_read instead, the reader extraction uses, which names each skipped line in
    `skips` (the loader keeps those boards open). A clean file costs no second read.
    """
    query, params = lake_rows_query(path)
    params["run_id"] = run_id
    exists = staged_table_exists(con)
    start = (
        int(scalar(con, "select coalesce(max(rowid) + 1, 0) from load_batch") or 0) if exists else 0
    )
    if exists:
        added = con.execute(f"insert into load_batch by name {query}", params).fetchall()
    else:
        added = con.execute(f"create temp table load_batch as {query}", params).fetchall()
    unkeyed = con.execute(
        "delete from load_batch where rowid >= $start "
        "and (coalesce(source, '') = '' or coalesce(board, '') = '' "
        "or coalesce(source_id, '') = '')",
        {"start": start},
    ).fetchall()
    if skips is not None and (path.is_dir() or path.name == "part-00000.parquet"):
        from pipelines.lake_parquet import partition_skips  # lines its conversion did not copy

        skips.extend(partition_skips(path if path.is_dir() else path.parent))
    if not unkeyed[0][0]:
        return int(added[0][0])
    if path.is_dir() or path.suffix == ".parquet":  # no lines to name: count the rows
        part = path if path.is_dir() else path.parent
        source = part.name.removeprefix("source=")
        if skips is not None:
            skips.add(
                LakeSkip(str(path), 0, f"{unkeyed[0][0]} Parquet row(s) without keys", source)
            )
        return int(added[0][0]) - int(unkeyed[0][0])
    con.execute("delete from load_batch where rowid >= $start", {"start": start})
    file_skips = LakeSkips()
    count = stage_raw(con, list(read_lake_file(path, file_skips)), run_id)
    if skips is not None:
        skips.extend(file_skips)
    return count


def _fill_staged_hashes(con: duckdb.DuckDBPyConnection) -> None:
    missing = con.sql("select * from load_batch where content_hash is null").pl()
    if missing.is_empty():
        return
    con.register(
        "batch_hashes", fill_content_hash(missing).select("posting_id", "content_hash").to_arrow()
    )
    try:
        con.execute(
            "update load_batch set content_hash = h.content_hash from batch_hashes as h "
            "where load_batch.content_hash is null and load_batch.posting_id = h.posting_id"
        )
    finally:
        con.unregister("batch_hashes")


def staged_posting_ids(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """board (source:board) -> posting ids staged for it: what closures compare against."""
    if not staged_table_exists(con):
        return {}
    rows = con.execute(
        "select source || ':' || board, list(distinct posting_id) from load_batch group by 1"
    ).fetchall()
    return {board: set(ids) for board, ids in rows}


def staged_table_exists(con: duckdb.DuckDBPyConnection) -> bool:
    return temp_table_exists(con, "load_batch")


def collapse_staged(con: duckdb.DuckDBPyConnection) -> None:
    """batch_versions / batch_latest from load_batch: views when every posting appears once
    (the common case, no copy), else the collapsed rows materialised once."""
    _fill_staged_hashes(con)
    row = first_row(con, "select count(*), count(distinct posting_id) from load_batch")
    if row and row[0] == row[1]:
        for name in ("batch_versions", "batch_latest"):
            con.execute(
                f"create or replace temp view {name} as select * exclude (seen_at), "
                "seen_at as first_seen_at, seen_at as last_seen_at, "
                "run_id as first_run_id, run_id as last_run_id from load_batch"
            )
    else:
        for name in ("batch_versions", "batch_latest"):
            con.execute(f"create temp table {name} as {sql(f'load/collapse_{name}')}")
    for view in ("stg_posting_versions", "stg_postings_latest"):
        con.execute(f"create or replace temp view {view} as\n{sql(f'staging/{view}')}")


def drop_staged(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the staging relations, views before the tables they read."""
    temp = dict(
        con.execute(
            "select view_name, 'view' from duckdb_views() where temporary union all "
            "select table_name, 'table' from duckdb_tables() where temporary"
        ).fetchall()
    )
    for name in (
        "stg_posting_versions",
        "stg_postings_latest",
        "batch_versions",
        "batch_latest",
        "load_batch",
    ):
        if name in temp:
            con.execute(f"drop {temp[name]} {name}")
