"""Connections, named SQL and migrations."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from warehouse_seeds import scalar

from analytics.db import (
    LAYERS,
    SqlNotFound,
    WarehouseLocked,
    connect,
    migrate,
    run_sql,
    sql,
    sql_names,
)
from analytics.migrate import current_version, latest_version, migrations

HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == "ro")
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def hold_lock(path: Path, seconds: float, mode: str = "rw") -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_every_sql_file_loads_by_name():
    for layer in LAYERS:
        for name in sql_names(layer):
            assert sql(f"{layer}/{name}").strip()
    assert sql("postings") == sql("views/postings")
    with pytest.raises(SqlNotFound):
        sql("no_such_relation")


def test_run_sql_executes_named_files_with_parameters(con, monkeypatch):
    import analytics.db as db

    assert run_sql(con, "load/coverage").fetchall() == [(None, None)]
    monkeypatch.setattr(db, "sql", lambda name: "select $x::int + 1")
    assert db.run_sql(con, "anything", x=41).fetchall() == [(42,)]


def test_locked_file_raises_a_clear_one_line_error(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    proc = hold_lock(path, 30)
    try:
        start = time.monotonic()
        with pytest.raises(WarehouseLocked) as err:
            connect(path, read_only=True, timeout=0.6)
        assert time.monotonic() - start >= 0.5  # it retried before giving up
        message = str(err.value)
        assert "\n" not in message
        assert str(path) in message and f"process {proc.pid}" in message
    finally:
        proc.kill()
        proc.wait()


def test_connect_waits_for_a_short_writer(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    proc = hold_lock(path, 0.8)
    try:
        con = connect(path, timeout=20)
        assert current_version(con) == latest_version()
        con.close()
    finally:
        proc.wait()


def test_readers_share_a_file(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    proc = hold_lock(path, 30, "ro")
    try:
        con = connect(path, read_only=True, timeout=1)
        assert scalar(con, "select count(*) from postings") == 0
        con.close()
    finally:
        proc.kill()
        proc.wait()


def test_migrations_are_numbered_and_idempotent(con):
    versions = [v for v, _ in migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert current_version(con) == latest_version()
    assert migrate(con) == []


def test_a_v1_file_is_upgraded_on_open(tmp_path):
    path = tmp_path / "v1.duckdb"
    raw = duckdb.connect(str(path))
    assert migrate(raw, target=1) == [1]
    raw.execute(
        "insert into postings_core (posting_id, source, board, source_id, title, content_hash, "
        "first_seen_at, last_seen_at) values ('lever:acme:1', 'lever', 'acme', '1', 'AI Engineer', "
        "'h1', timestamp '2026-01-01', timestamp '2026-01-02')"
    )
    assert "dup_group_id" not in [r[0] for r in raw.execute("describe postings_core").fetchall()]
    raw.close()

    con = connect(path)
    assert current_version(con) == latest_version()
    assert scalar(con, "select count(*) from schema_version") == latest_version()
    assert con.execute("select posting_id, dup_group_id, is_open from postings").fetchall() == [
        ("lever:acme:1", "lever:acme:1", True)
    ]
    assert scalar(con, "select count(*) from roles") == 0
    con.close()


def test_a_failed_migration_leaves_the_file_untouched(tmp_path, monkeypatch):
    import analytics.migrate as mig

    path = tmp_path / "v1.duckdb"
    raw = duckdb.connect(str(path))
    migrate(raw, target=1)
    real_sql = mig.sql

    def broken(name: str) -> str:
        if name.startswith("migrations/0002"):
            return real_sql(name) + ";\nselect * from no_such_table"
        return real_sql(name)

    monkeypatch.setattr(mig, "sql", broken)
    with pytest.raises(duckdb.CatalogException):
        migrate(raw)
    assert current_version(raw) == 1
    assert (
        scalar(raw, "select count(*) from information_schema.tables where table_name = 'dim_roles'")
        == 0
    )
    raw.close()


def test_a_read_only_open_of_an_older_file_upgrades_it_first(tmp_path):
    path = tmp_path / "v3.duckdb"
    raw = duckdb.connect(str(path))
    migrate(raw, target=3)
    raw.close()
    con = connect(path, read_only=True)
    assert current_version(con) == latest_version()
    assert scalar(con, "select count(*) from posting_skills") == 0
    con.close()
    untouched = tmp_path / "v3b.duckdb"
    raw = duckdb.connect(str(untouched))
    migrate(raw, target=3)
    raw.close()
    con = connect(untouched, read_only=True, migrate=False)
    assert current_version(con) == 3
    con.close()
