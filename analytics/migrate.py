"""Schema migrations (numbered sql/migrations files) and the derived views they expose."""

from __future__ import annotations

import re

import duckdb

from analytics.db import scalar, sql, sql_names, transaction


class SchemaTooNew(RuntimeError):
    """The warehouse was written by a newer jobtrends: this build must not write or downgrade it."""


#: layers whose files are `select`s created as views, in dependency order between layers
VIEW_LAYERS = ("intermediate", "views")

_REF_RE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def migrations() -> list[tuple[int, str]]:
    """(version, file name) of every bundled migration, ascending."""
    out = []
    for name in sql_names("migrations"):
        prefix, _, _ = name.partition("_")
        if prefix.isdigit():
            out.append((int(prefix), name))
    return sorted(out)


def latest_version() -> int:
    return migrations()[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration, 0 for an empty file."""
    exists = scalar(
        con, "select count(*) from information_schema.tables where table_name = 'schema_version'"
    )
    if not exists:
        return 0
    return int(scalar(con, "select coalesce(max(version), 0) from schema_version") or 0)


def check_not_newer(con: duckdb.DuckDBPyConnection, path: object = "the warehouse") -> None:
    """Refuse a warehouse whose schema is newer than this build knows: rebuilding its views or
    writing rows of an older shape would silently downgrade it. Readers (`sql`, `status`)
    skip this check and read it as it is."""
    have, known = current_version(con), latest_version()
    if have > known:
        from importlib.metadata import PackageNotFoundError, version

        try:
            build = version("jobtrends")
        except PackageNotFoundError:
            build = "unknown"
        raise SchemaTooNew(
            f"{path} has schema version {have}, newer than this jobtrends build "
            f"({build}, schema {known}); upgrade jobtrends or pass another --warehouse"
        )


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply pending migrations (and refresh views) in one transaction; returns applied versions.

    Views are rebuilt only at the latest version: they are written against the latest tables.
    A warehouse of a newer schema is refused (SchemaTooNew) before anything is written.
    """
    goal = latest_version() if target is None else target
    applied: list[int] = []
    with transaction(con):
        con.execute(
            "create table if not exists schema_version ("
            "version integer primary key, name varchar not null, applied_at timestamp not null)"
        )
        have = current_version(con)
        if have > latest_version():
            check_not_newer(con, _db_path(con))
        for version, name in migrations():
            if have < version <= goal:
                con.execute(sql(f"migrations/{name}"))
                con.execute(
                    "insert into schema_version values ($v, $n, now()::timestamp)",
                    {"v": version, "n": name},
                )
                applied.append(version)
        if goal >= latest_version():
            create_views(con)
    return applied


def _db_path(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(
        "select path from duckdb_databases() where database_name = current_database()"
    ).fetchone()
    return f"warehouse {row[0]}" if row and row[0] else "the warehouse"


def view_definitions() -> dict[str, str]:
    """name -> select text for every intermediate and view file."""
    return {name: sql(f"{layer}/{name}") for layer in VIEW_LAYERS for name in sql_names(layer)}


def _dependency_order(defs: dict[str, str]) -> list[str]:
    """Views referencing other views must be created after them (DuckDB binds at creation)."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise ValueError(f"view dependency cycle through {name}")
        visiting.add(name)
        for ref in _REF_RE.findall(defs[name]):
            ref = ref.lower()
            if ref in defs and ref != name:
                visit(ref)
        visiting.discard(name)
        order.append(name)

    for name in sorted(defs):
        visit(name)
    return order


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create intermediate and analyst views from their .sql files."""
    defs = view_definitions()
    order = _dependency_order(defs)
    for name in order:
        body = defs[name].strip().rstrip(";")
        con.execute(f"create or replace view {name} as\n{body}")
    return order
