"""Warehouse connections and named SQL: one place that knows about DuckDB locks and sql/ files."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

#: SQL layers under analytics/sql/, searched in this order when a bare name is given
LAYERS = ("staging", "intermediate", "views", "marts", "load", "tests", "migrations")

_LOCK_RE = re.compile(r"Conflicting lock is held in (?P<prog>.+?) \(PID (?P<pid>\d+)\)")


class WarehouseLocked(RuntimeError):
    """Another process holds the warehouse file lock (DuckDB allows one writer, no mixed readers)."""


class SqlNotFound(LookupError):
    """No analytics/sql/<layer>/<name>.sql file has that name."""


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _lock_message(path: str, exc: Exception, waited: float, read_only: bool) -> str:
    match = _LOCK_RE.search(str(exc))
    holder = f"process {match['pid']} ({Path(match['prog']).name})" if match else "another process"
    mode = "read-only" if read_only else "read-write"
    return (
        f"warehouse {path} is locked by {holder}, which holds it open for writing or reading; "
        f"gave up opening it {mode} after {waited:.1f}s: wait for that run to finish or stop it"
    )


#: the buffer-pool cap of the load stage's connection (DuckDB spills to <warehouse>.tmp past
#: it): DuckDB's own default, 80% of RAM, lets a large run's staged lake fill memory next to
#: Scrapy and the extraction pool. Readers (reports, `jobtrends sql`) keep DuckDB's default.
LOAD_MEMORY_LIMIT = "1GB"


def memory_limit(default: str | None = None) -> str | None:
    """JOBTRENDS_DUCKDB_MEMORY_LIMIT (e.g. "4GB") when set, else `default` (None = DuckDB's)."""
    return os.environ.get("JOBTRENDS_DUCKDB_MEMORY_LIMIT") or default


def connect(
    path: str | Path = ":memory:",
    read_only: bool = False,
    *,
    timeout: float = 30.0,
    migrate: bool = True,
    memory_limit_default: str | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting with backoff while another process holds the lock.

    DuckDB fails at once on a held lock, so short-lived writers would make readers flaky without
    the retry. Opening a file of an older schema applies pending migrations (a read-only open
    upgrades it first through a short read-write open); `migrate=False` never writes.
    `memory_limit_default` caps DuckDB's buffer pool (see LOAD_MEMORY_LIMIT).
    """
    target = str(path)
    if target != ":memory:" and read_only and not Path(target).exists():
        raise FileNotFoundError(f"warehouse {target} does not exist yet: load some data first")
    if target != ":memory:" and not read_only:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(target, read_only=read_only)
            break
        except duckdb.IOException as exc:
            waited = time.monotonic() - start
            if not _is_lock_error(exc):
                raise
            if waited >= timeout:
                raise WarehouseLocked(_lock_message(target, exc, waited, read_only)) from None
            time.sleep(min(delay, max(timeout - waited, 0.01)))
            delay = min(delay * 2, 1.0)
    con.execute("set TimeZone = 'UTC'")
    limit = memory_limit(memory_limit_default)
    if limit:
        con.execute("set memory_limit = $limit", {"limit": limit})
    if migrate and not read_only:
        from analytics.migrate import migrate as apply_migrations

        try:
            apply_migrations(con)
        except BaseException:  # e.g. SchemaTooNew: never leave the file open behind the error
            con.close()
            raise
    elif migrate and target != ":memory:" and _behind(con):
        # a reader of a file written by an older version: upgrade it once (a short read-write
        # open), then read; the reports are written against the latest tables and views
        con.close()
        connect(target, timeout=timeout).close()
        return connect(
            target, True, timeout=timeout, migrate=False, memory_limit_default=memory_limit_default
        )
    return con


def connect_for_load(path: str | Path, *, timeout: float = 30.0) -> duckdb.DuckDBPyConnection:
    """A write connection for bulk loads: the buffer pool capped (LOAD_MEMORY_LIMIT) and
    insertion order not preserved, so DuckDB appends and reads files in parallel without
    re-sequencing rows (~10-35% off a 1M-row load here). Every loader query that needs an
    order says ORDER BY or uses ordered window functions; none reads rows in insertion order."""
    con = connect(path, timeout=timeout, memory_limit_default=LOAD_MEMORY_LIMIT)
    con.execute("set preserve_insertion_order = false")
    return con


def _behind(con: duckdb.DuckDBPyConnection) -> bool:
    from analytics.migrate import current_version, latest_version

    return 0 < current_version(con) < latest_version()


def _sql_root() -> Any:
    return resources.files("analytics") / "sql"


@cache
def sql(name: str) -> str:
    """Text of a named SQL file: "layer/name" or a bare name unique across layers.

    Read through importlib.resources so it works from an installed wheel, not only a checkout.
    """
    root = _sql_root()
    if "/" in name:
        layer, _, base = name.partition("/")
        candidates = [root / layer / f"{base}.sql"]
    else:
        candidates = [root / layer / f"{name}.sql" for layer in LAYERS]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise SqlNotFound(f"no analytics/sql/<layer>/{name}.sql (layers: {', '.join(LAYERS)})")


def sql_names(layer: str) -> list[str]:
    """Names of the .sql files of one layer, sorted (migrations sort by their number prefix)."""
    folder = _sql_root() / layer
    if not folder.is_dir():
        return []
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql"))


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> duckdb.DuckDBPyConnection:
    """Execute a named SQL file with `$param` placeholders bound from keyword arguments."""
    text = sql(name)
    return con.execute(text, params) if params else con.execute(text)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN/COMMIT, ROLLBACK on any error: each load is all-or-nothing."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply pending schema migrations; see analytics.migrate (kept here as the public entry)."""
    from analytics.migrate import migrate as apply_migrations

    return apply_migrations(con, target)


def first_row(
    con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any] | None = None
) -> tuple[Any, ...] | None:
    """First row of a query, result drained: DuckDB 2.0 blocks register()/sql() on a half-read one."""
    rows = con.execute(query, params).fetchall() if params else con.execute(query).fetchall()
    return rows[0] if rows else None


def temp_table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether this connection has a temp table `name` (staging and report scratch tables)."""
    return bool(
        scalar(
            con,
            "select count(*) from duckdb_tables() where temporary and table_name = $name",
            {"name": name},
        )
    )


def scalar(con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any] | None = None) -> Any:
    """First column of the first row (None when there is no row)."""
    row = first_row(con, query, params)
    return row[0] if row else None
