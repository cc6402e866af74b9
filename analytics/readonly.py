"""Ad-hoc SQL for `jobtrends sql`: a read-only connection that only ever runs queries."""

from __future__ import annotations

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


def run_readonly_query(
    db_path: str | Path, query: str, *, timeout: float = 30.0
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of the last statement; waits for a writer, raises WarehouseLocked."""
    con = connect(db_path, read_only=True, timeout=timeout, migrate=False)
    try:
        check_read_only(con, query)
        # no file or network access beyond the warehouse itself from analyst SQL
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
        cur = con.execute(query)
        columns = [d[0] for d in cur.description or []]
        return columns, cur.fetchall()
    finally:
        con.close()
