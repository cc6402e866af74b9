"""Loaders: lake rows, dims and run records -> warehouse tables, set-based, idempotent.

Extraction-derived tables load through analytics.derived (re-exported here).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import polars as pl

from analytics.db import first_row, run_sql, sql, transaction
from analytics.dedup import assign_dup_groups
from analytics.derived import (
    DERIVED,
    load_extraction_batches,
    load_extractions,
    replace_derived,
)
from analytics.lifecycle import apply_closures, load_crawl_runs
from analytics.staging import (
    collapse_staged,
    drop_staged,
    stage,
    stage_lake_file,
    stage_raw,
    staged_posting_ids,
    staged_table_exists,
)

__all__ = [
    "DERIVED",
    "GrainError",
    "LoadStats",
    "apply_closures",
    "check_grain",
    "coverage",
    "load_crawl_runs",
    "load_dims",
    "load_extraction_batches",
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
            added = run_sql(con, "load/insert_raw_postings").fetchall()[0][0]
            run_sql(con, "load/update_posting_versions")
            run_sql(con, "load/insert_posting_versions")
            run_sql(con, "load/update_postings_content")
            run_sql(con, "load/update_postings_lifecycle")
            inserted = run_sql(con, "load/insert_new_postings").fetchall()[0][0]
            check_grain(con, classes.height, inserted, counts.get("new", 0))
    finally:
        drop_staged(con)
    changed = classes.filter(pl.col("change") != "unchanged")["posting_id"]
    stats = LoadStats(
        new=counts.get("new", 0),
        updated=counts.get("updated", 0),
        unchanged=counts.get("unchanged", 0),
        versions=added,
        changed_ids=tuple(changed.to_list()),  # one conversion, not a Python loop per id
    )
    if dedup and stats.changed_ids:
        assign_dup_groups(con, stats.changed_ids)
    return stats


class GrainError(RuntimeError):
    """A key repeated in a table whose grain the loaders guarantee (the load is rolled back)."""


def check_grain(con: duckdb.DuckDBPyConnection, classified: int, inserted: int, new: int) -> None:
    """Raise inside the load transaction if the batch's keys now repeat (primary keys are not
    indexed since migration 0004, so this check is what enforces them).

    postings_core is checked from what the merge already counted: the classification (a left
    join of the batch's postings, one row each, to postings_core before any change) has one
    row per posting only if no batch key was repeated, and the insert adds each 'new' posting
    once. raw_postings is counted after the insert (load/check_batch_grain).
    """
    batch = first_row(con, "select count(*) from stg_postings_latest")
    extra_core = classified - (batch[0] if batch else 0) + inserted - new
    extra_raw = first_row(con, sql("load/check_batch_grain"))
    extra_raw_versions = extra_raw[0] if extra_raw else 0
    if extra_core or extra_raw_versions:
        raise GrainError(
            f"load would repeat keys ({extra_core} extra postings_core rows, "
            f"{extra_raw_versions} extra raw_postings versions for this batch's keys); rolled back"
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
