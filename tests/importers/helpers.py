"""Helpers of the import tests: the CLI in-process and warehouse queries."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner


def jobtrends(*args: str):  # noqa: ANN201
    """Run `jobtrends ARGS` in-process; returns the click Result (exit_code, stdout, stderr)."""
    from flows.cli import app

    return CliRunner().invoke(app, list(args))


def query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
