"""Ad-hoc SQL for `jobtrends sql`: a read-only connection that only ever runs queries."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb

from analytics.db import connect

#: statement kinds an analyst query may contain (DESCRIBE/SHOW/SUMMARIZE parse as SELECT)
ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class ReadOnlyViolation(ValueError):
    """The query contains a statement that is not a read (DML, DDL, ATTACH, COPY, SET, ...)."""


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> int:
    """Reject anything but SELECT/EXPLAIN; returns the statement count.

    A read-only connection already refuses writes to the warehouse, but ATTACH, COPY TO and
    SET would still reach other files or change the session, so statements are checked too.
    """
    statements = con.extract_statements(query)
    if not statements:
        raise ReadOnlyViolation("empty query")
    for stmt in statements:
        try:
            stmt_type = stmt.type
        except ValueError:  # a statement kind the Python binding cannot name: not a read
            stmt_type = None
        if stmt_type not in ALLOWED:
            kind = (
                str(stmt_type).rsplit(".", 1)[-1]
                if stmt_type is not None
                else "unsupported statement"
            )
            raise ReadOnlyViolation(
                f"only read queries are allowed, got {kind}: {stmt.query.strip()[:80]}"
            )
    return len(statements)


class QueryTimeout(RuntimeError):
    """The query ran past its time limit and was interrupted."""


def run_readonly_query(
    db_path: str | Path,
    query: str,
    *,
    timeout: float = 30.0,
    max_rows: int | None = None,
    query_timeout: float | None = None,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of the last statement; waits for a writer, raises WarehouseLocked.

    ``max_rows`` is pushed into the query as a LIMIT on its relation, so DuckDB stops early
    instead of materialising every row; ``query_timeout`` interrupts a query that runs longer
    (raises QueryTimeout).
    """
    con = connect(db_path, read_only=True, timeout=timeout, migrate=False)
    timer = threading.Timer(query_timeout, con.interrupt) if query_timeout else None
    try:
        check_read_only(con, query)
        # no file or network access beyond the warehouse itself from analyst SQL
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        if timer is not None:
            timer.start()
        try:
            return _fetch(con, query, max_rows)
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"query stopped after {query_timeout:g} s") from exc
    finally:
        if timer is not None:
            timer.cancel()
        con.close()


def _fetch(
    con: duckdb.DuckDBPyConnection, query: str, max_rows: int | None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    if max_rows is None:
        cur = con.execute(query)
        return [d[0] for d in cur.description or []], cur.fetchall()
    rel = con.sql(query)  # earlier statements run; the last one becomes a lazy relation
    if rel is None:
        return [], []
    limited = rel.limit(max_rows)
    return list(limited.columns), limited.fetchall()
