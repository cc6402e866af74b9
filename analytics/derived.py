"""Extraction-derived tables (extractions, skill mentions, posting-skill pairs, salaries):
replaced by posting key after an extraction, or swapped whole after a re-extraction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import duckdb

from analytics.db import scalar, sql, transaction
from analytics.frames import extraction_frames
from analytics.staging import stage
from pipelines.batching import chunks

__all__ = [
    "BOILERPLATE",
    "DERIVED",
    "REPLACE_BATCH",
    "load_extraction_batches",
    "load_extractions",
    "refresh_asked",
    "replace_derived",
]

#: extraction-derived tables and the staging view each is filled from
DERIVED = {
    "extractions": "stg_extractions",
    "skill_mentions_core": "stg_skill_mentions",
    "posting_skills_core": "stg_posting_skills",
    "salaries_core": "stg_salaries",
}

#: boilerplate rules (sql/load/insert_*_boilerplate.sql): a sentence of >= min_words words in
#: >= min_texts distinct posting texts and >= min_text_share of a company's texts is company
#: text; one of >= template_min_words words in >= min_companies companies' postings is a template
BOILERPLATE: dict[str, Any] = {
    "min_texts": 3,
    "min_text_share": 0.5,
    "min_words": 6,
    "min_companies": 5,
    "template_min_words": 8,
}

#: extractions per staged batch of a full re-extraction (memory follows the batch, not the lake)
REPLACE_BATCH = 20_000


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


def _replace_staged_keys(con: duckdb.DuckDBPyConnection, prefix: str = "") -> None:
    """Replace the staged postings' rows in every derived table (`new_`: the swap copies)."""
    for table, view in DERIVED.items():
        con.execute(
            f"delete from {prefix}{table} where posting_id in (select posting_id from stg_extractions)"
        )
        con.execute(f"insert into {prefix}{table} by name select * from {view}")


def _refresh_scope(con: duckdb.DuckDBPyConnection, loaded: str) -> str:
    """The loaded postings, or every extracted posting while boilerplate was never looked for
    across the warehouse (a warehouse migrated from before 0006)."""
    if scalar(con, "select count(*) from asked_refresh_state"):
        return loaded
    return "select posting_id from extractions"


def refresh_asked(con: duckdb.DuckDBPyConnection, scope: str) -> int:
    """Recompute boilerplate for the companies and sentences of the postings `scope` selects
    (a query returning posting_id), then posting_skills_core.asked of every posting affected.

    Why at load: whether a sentence is company text depends on the company's other postings,
    so a new posting can turn an old posting's sentence into boilerplate; doing it here, once,
    keeps the report marts a plain filter on posting_skills_core.asked. Set-based SQL, run
    inside the caller's transaction. Returns the number of boilerplate sentences now known.
    """
    steps = (
        ("asked_scope", scope),
        ("asked_companies", sql("load/asked_scope_companies")),
        ("asked_hashes", sql("load/asked_scope_hashes")),
    )
    try:
        for name, query in steps:
            con.execute(f"create or replace temp table {name} as {query}")
        for name in ("company", "template"):
            con.execute(sql(f"load/delete_{name}_boilerplate"))
            query = sql(f"load/insert_{name}_boilerplate")
            con.execute(query, {k: v for k, v in BOILERPLATE.items() if f"${k}" in query})
        con.execute(
            f"create or replace temp table asked_affected as {sql('load/asked_affected_postings')}"
        )
        con.execute(sql("load/update_posting_skills_asked"))
        found = int(scalar(con, "select count(*) from boilerplate_sentences") or 0)
        con.execute("delete from asked_refresh_state")
        con.execute(
            "insert into asked_refresh_state values (now()::timestamp, $scope, $n)",
            {"scope": scope, "n": found},
        )
        return found
    finally:
        for name in ("asked_affected", "asked_hashes", "asked_companies", "asked_scope"):
            con.execute(f"drop table if exists {name}")


def load_extractions(
    con: duckdb.DuckDBPyConnection, extractions: Iterable[Mapping[str, Any]]
) -> dict[str, int]:
    """Replace extraction, mentions and salary rows of the extracted postings (one transaction),
    then refresh the asked flags their companies' boilerplate decides."""
    counts = _stage_extractions(con, extractions)
    with transaction(con):
        _replace_staged_keys(con)
        refresh_asked(con, _refresh_scope(con, "select posting_id from stg_extractions"))
    return counts


def _stage_run(
    con: duckdb.DuckDBPyConnection, extractions: Iterable[Mapping[str, Any]], batch_size: int
) -> None:
    """Stream extractions into temp copies `new_<table>` of every derived table, in bounded
    batches; a later extraction of a posting replaces an earlier one (the lake's run order)."""
    _stage_extractions(con, [])  # empty staging views give the temp copies their columns
    for table, view in DERIVED.items():
        con.execute(f"create or replace temp table new_{table} as select * from {view}")
    for batch in chunks(extractions, batch_size):
        _stage_extractions(con, batch)
        _replace_staged_keys(con, "new_")


def _staged_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        name: int(scalar(con, f"select count(*) from new_{table}") or 0)
        for name, table in (
            ("extractions", "extractions"),
            ("skill_mentions", "skill_mentions_core"),
            ("salaries", "salaries_core"),
        )
    }


def _swap_in_run(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Mapping[str, Any]],
    batch_size: int,
    replaced: str,
) -> dict[str, int]:
    """Stage a run's extractions in temp copies, then in one transaction delete the derived
    rows matching `replaced` (a where clause) and insert the staged ones; temp copies dropped."""
    try:
        _stage_run(con, extractions, batch_size)
        with transaction(con):
            for table in DERIVED:
                con.execute(f"delete from {table} where {replaced}")
                con.execute(f"insert into {table} by name select * from new_{table}")
            refresh_asked(con, _refresh_scope(con, "select posting_id from new_extractions"))
        return _staged_counts(con)
    finally:
        for table in DERIVED:
            con.execute(f"drop table if exists new_{table}")


def load_extraction_batches(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Mapping[str, Any]],
    batch_size: int = REPLACE_BATCH,
) -> dict[str, int]:
    """Replace the derived rows of every posting a run extracted, in one transaction.

    Why not load_extractions per batch: each call scans every derived table of the warehouse to
    delete the batch's keys, so a 1M-posting run in 20k batches scanned them 50 times; here the
    batches are staged in temp tables (memory bounded by the batch and DuckDB's buffer pool) and
    each warehouse table is scanned once.
    """
    replaced = "posting_id in (select posting_id from new_extractions)"
    return _swap_in_run(con, extractions, batch_size, replaced)


def replace_derived(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Mapping[str, Any]],
    batch_size: int = REPLACE_BATCH,
) -> dict[str, int]:
    """Swap every extraction-derived table for a full re-extraction, all or nothing.

    Extractions stream in bounded batches into temp tables; the swap transaction is then short
    and readers never see a half-replaced taxonomy version.
    """
    return _swap_in_run(con, extractions, batch_size, "true")
