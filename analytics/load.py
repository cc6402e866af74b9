"""Loaders: lake rows and extractions -> warehouse tables, set-based through Arrow, idempotent."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import polars as pl

from analytics.db import first_row, run_sql, scalar, sql, transaction
from analytics.dedup import assign_dup_groups
from analytics.frames import extraction_frames
from analytics.lifecycle import apply_closures, load_crawl_runs
from analytics.staging import (
    collapse_staged,
    drop_staged,
    stage_lake_file,
    stage_raw,
    staged_posting_ids,
    staged_table_exists,
)

__all__ = [
    "GrainError",
    "LoadStats",
    "apply_closures",
    "check_grain",
    "coverage",
    "load_crawl_runs",
    "load_dims",
    "load_extractions",
    "load_raw",
    "merge_staged_raw",
    "stage_lake_file",
    "stage_raw",
    "staged_posting_ids",
    "pending_extractions",
    "record_flow_run",
    "replace_derived",
]

#: extraction-derived tables and the staging view each is filled from
DERIVED = {
    "extractions": "stg_extractions",
    "skill_mentions_core": "stg_skill_mentions",
    "posting_skills_core": "stg_posting_skills",
    "salaries_core": "stg_salaries",
}


@dataclass(frozen=True, slots=True)
class LoadStats:
    """What a load changed: postings first seen, with new content, or seen again unchanged."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    versions: int = 0
    #: posting ids that are new or have new content (what cross-source dedup must look at again)
    changed_ids: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "versions": self.versions,
        }

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


def stage(
    con: duckdb.DuckDBPyConnection, batch: str, frame: pl.DataFrame, view: str | None = None
) -> None:
    """Expose a frame as `batch` (Arrow, zero-copy) and optionally its typed staging view."""
    # string views: Polars' own layout, so the hand-over copies nothing (DuckDB reads them)
    con.register(batch, frame.to_arrow(compat_level=pl.CompatLevel.newest()))
    if view:
        con.execute(f"create or replace temp view {view} as\n{sql(f'staging/{view}')}")


def load_raw(
    con: duckdb.DuckDBPyConnection,
    postings: Iterable[Mapping[str, Any]] | pl.DataFrame,
    run_id: str | None = None,
    *,
    dedup: bool = True,
) -> LoadStats:
    """Load lake rows: every content version into raw_postings, current state into postings_core.

    With dedup (the default) cross-source duplicate groups are recomputed when anything is new
    or changed, so callers never see a fresh posting without its dup_group_id.
    """
    stage_raw(con, postings, run_id)
    return merge_staged_raw(con, dedup=dedup)


def merge_staged_raw(con: duckdb.DuckDBPyConnection, *, dedup: bool = True) -> LoadStats:
    """Merge everything staged by stage_raw into the warehouse in one transaction, then clear it."""
    if not staged_table_exists(con):
        return LoadStats()
    try:
        collapse_staged(con)
        with transaction(con):
            classes = con.sql(sql("load/classify_postings_batch")).pl()
            counts = dict(classes["change"].value_counts().iter_rows())
            before = _count(con, "raw_postings")
            run_sql(con, "load/insert_raw_postings")
            added = _count(con, "raw_postings") - before
            run_sql(con, "load/update_posting_versions")
            run_sql(con, "load/insert_posting_versions")
            run_sql(con, "load/update_postings_content")
            run_sql(con, "load/update_postings_lifecycle")
            run_sql(con, "load/insert_new_postings")
            check_grain(con)
    finally:
        drop_staged(con)
    changed = classes.filter(pl.col("change") != "unchanged")["posting_id"]
    stats = LoadStats(
        new=counts.get("new", 0),
        updated=counts.get("updated", 0),
        unchanged=counts.get("unchanged", 0),
        versions=added,
        changed_ids=tuple(changed),
    )
    if dedup and stats.changed_ids:
        assign_dup_groups(con, stats.changed_ids)
    return stats


class GrainError(RuntimeError):
    """A key repeated in a table whose grain the loaders guarantee (the load is rolled back)."""


def check_grain(con: duckdb.DuckDBPyConnection) -> None:
    """Raise inside the load transaction if the batch's keys now repeat (primary keys are not
    indexed since migration 0004, so this check is what enforces them)."""
    rows = run_sql(con, "load/check_batch_grain").fetchall()
    extra_core, extra_raw = rows[0] if rows else (0, 0)
    if extra_core or extra_raw:
        raise GrainError(
            f"load would repeat keys ({extra_core} extra postings_core rows, {extra_raw} extra "
            "raw_postings versions for this batch's keys); rolled back"
        )


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(scalar(con, f"select count(*) from {table}") or 0)


def _stage_extractions(
    con: duckdb.DuckDBPyConnection, extractions: Iterable[Mapping[str, Any]]
) -> dict[str, int]:
    frames = extraction_frames(extractions)
    stage(con, "batch_extractions", frames["extractions"], "stg_extractions")
    stage(con, "batch_skill_mentions", frames["skill_mentions"], "stg_skill_mentions")
    con.execute(
        f"create or replace temp view stg_posting_skills as\n{sql('staging/stg_posting_skills')}"
    )
    stage(con, "batch_salaries", frames["salaries"], "stg_salaries")
    return {name: frame.height for name, frame in frames.items()}


def load_extractions(
    con: duckdb.DuckDBPyConnection, extractions: Iterable[Mapping[str, Any]]
) -> dict[str, int]:
    """Replace extraction, mentions and salary rows of the extracted postings (one transaction)."""
    counts = _stage_extractions(con, extractions)
    with transaction(con):
        for table, view in DERIVED.items():
            con.execute(
                f"delete from {table} where posting_id in (select posting_id from stg_extractions)"
            )
            con.execute(f"insert into {table} by name select * from {view}")
    return counts


#: extractions per staged batch of a full re-extraction (memory follows the batch, not the lake)
REPLACE_BATCH = 20_000


def replace_derived(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Mapping[str, Any]],
    batch_size: int = REPLACE_BATCH,
) -> dict[str, int]:
    """Swap every extraction-derived table for a full re-extraction, all or nothing.

    Extractions stream in bounded batches into temp tables (a later extraction of a posting
    replaces an earlier one, as in the lake's run order); the swap transaction is then short and
    readers never see a half-replaced taxonomy version.
    """
    try:
        for table in DERIVED:
            con.execute(f"drop table if exists new_{table}")
        for batch in _chunks(extractions, batch_size):
            _stage_extractions(con, batch)
            for table, view in DERIVED.items():
                if _temp_table_exists(con, f"new_{table}"):
                    con.execute(
                        f"delete from new_{table} where posting_id in "
                        "(select posting_id from stg_extractions)"
                    )
                    con.execute(f"insert into new_{table} by name select * from {view}")
                else:
                    con.execute(f"create temp table new_{table} as select * from {view}")
        if not _temp_table_exists(con, "new_extractions"):
            _stage_extractions(con, [])
            for table, view in DERIVED.items():
                con.execute(f"create temp table new_{table} as select * from {view}")
        with transaction(con):
            for table in DERIVED:
                con.execute(f"delete from {table}")
                con.execute(f"insert into {table} by name select * from new_{table}")
        counts = {
            "extractions": int(scalar(con, "select count(*) from new_extractions") or 0),
            "skill_mentions": int(scalar(con, "select count(*) from new_skill_mentions_core") or 0),
            "salaries": int(scalar(con, "select count(*) from new_salaries_core") or 0),
        }
    finally:
        for table in DERIVED:
            con.execute(f"drop table if exists new_{table}")
    return counts


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _temp_table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        scalar(
            con,
            "select count(*) from duckdb_tables() where temporary and table_name = $name",
            {"name": name},
        )
    )


def _rows_frame(
    rows: Iterable[Mapping[str, Any]], schema: dict[str, pl.DataType], aliases: dict[str, str]
) -> pl.DataFrame:
    out = []
    for row in rows:
        rec = {aliases.get(k, k): v for k, v in dict(row).items()}
        out.append({k: rec.get(k) for k in schema})
    frame = pl.DataFrame(out, schema=schema)
    return frame.unique("slug", keep="last", maintain_order=True).filter(
        pl.col("slug").is_not_null()
    )


SKILL_DIM = {
    "slug": pl.String(),
    "name": pl.String(),
    "category": pl.String(),
    "parent_slug": pl.String(),
    "is_core": pl.Boolean(),
}
ROLE_DIM = {"slug": pl.String(), "name": pl.String(), "is_ai_role": pl.Boolean()}
_DIM_ALIASES = {
    "label": "name",
    "parent": "parent_slug",
    "core": "is_core",
    "ai": "is_ai_role",
    "is_ai": "is_ai_role",
}


def load_dims(
    con: duckdb.DuckDBPyConnection,
    skills_rows: Iterable[Mapping[str, Any]],
    roles_rows: Iterable[Mapping[str, Any]],
) -> dict[str, int]:
    """Replace the skills and roles dimensions (taxonomy rows passed in, not imported here)."""
    skills = _rows_frame(skills_rows, SKILL_DIM, _DIM_ALIASES)
    roles = _rows_frame(roles_rows, ROLE_DIM, _DIM_ALIASES)
    stage(con, "batch_skills", skills)
    stage(con, "batch_roles", roles)
    with transaction(con):
        for table, batch in (("dim_skills", "batch_skills"), ("dim_roles", "batch_roles")):
            con.execute(f"delete from {table}")
            con.execute(f"insert into {table} by name select * from {batch}")
    return {"skills": skills.height, "roles": roles.height}


def record_flow_run(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    flow: str,
    state: str,
    started_at: Any = None,
    finished_at: Any = None,
    postings_new: int = 0,
    postings_updated: int = 0,
    postings_closed: int = 0,
    extraction_coverage: float | None = None,
    salary_coverage: float | None = None,
    errors: list[Any] | dict[str, Any] | None = None,
) -> None:
    """Upsert one flow run's outcome (called at start with state=running and again at the end)."""
    con.execute(
        "insert or replace into flow_runs values ("
        "$run_id, $flow, try_cast($started_at as timestamptz) at time zone 'UTC', "
        "try_cast($finished_at as timestamptz) at time zone 'UTC', $state, $new, $updated, "
        "$closed, $ext_cov, $sal_cov, cast($errors as json))",
        {
            "run_id": run_id,
            "flow": flow,
            "started_at": None if started_at is None else str(started_at),
            "finished_at": None if finished_at is None else str(finished_at),
            "state": state,
            "new": postings_new,
            "updated": postings_updated,
            "closed": postings_closed,
            "ext_cov": extraction_coverage,
            "sal_cov": salary_coverage,
            "errors": json.dumps(errors if errors is not None else [], default=str),
        },
    )


def coverage(con: duckdb.DuckDBPyConnection) -> tuple[float | None, float | None]:
    """(share of open postings extracted at their current content, share with a salary)."""
    row = first_row(con, sql("load/coverage"))
    return (row[0], row[1]) if row else (None, None)


def pending_extractions(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pl.DataFrame:
    """Postings whose current content is not extracted yet, with the fields the extractor reads."""
    query = "select * from int_pending_extractions order by posting_id"
    if limit is not None:
        query += f" limit {int(limit)}"
    return con.sql(query).pl()
