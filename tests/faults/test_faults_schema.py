"""Schema guard: a warehouse written by a newer jobtrends (schema version above this build's) is
refused by every writer with one line naming both versions, and never downgraded; `sql` and
`status` still read it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.db import connect, scalar
from analytics.migrate import SchemaTooNew, latest_version

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG", "JOBTRENDS_WAREHOUSE"):
        env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )


@pytest.fixture
def newer(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A warehouse whose schema_version says a later build wrote it."""
    path = tmp_path / "newer.duckdb"
    con = connect(path)
    con.execute(
        "insert into schema_version values ($v, '9999_from_the_future.sql', now()::timestamp)",
        {"v": latest_version() + 1},
    )
    con.execute("create or replace view postings_by_future_build as select 1 as x")
    con.close()
    request.node.faults_injected = 1
    return path


def _versions(path: Path) -> tuple[int, int]:
    con = connect(path, read_only=True, migrate=False)
    try:
        return (
            int(scalar(con, "select max(version) from schema_version")),
            int(scalar(con, "select count(*) from schema_version")),
        )
    finally:
        con.close()


def test_writer_refuses_a_newer_schema_and_changes_nothing(newer: Path) -> None:
    before = _versions(newer)
    with pytest.raises(SchemaTooNew) as err:
        connect(newer)
    message = str(err.value)
    assert f"schema version {latest_version() + 1}" in message
    assert f"schema {latest_version()}" in message and "upgrade jobtrends" in message
    assert _versions(newer) == before


def test_cli_run_refuses_in_one_line_before_crawling(newer: Path, tmp_path: Path) -> None:
    proc = cli("run", "--warehouse", str(newer), "--lake", str(tmp_path / "lake"), cwd=tmp_path)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr[-800:]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    assert "newer than this jobtrends build" in lines[0]
    assert not (tmp_path / "lake").exists()  # refused before the crawl


def test_sql_and_status_still_read_a_newer_schema(newer: Path, tmp_path: Path) -> None:
    proc = cli(
        "sql", "select x from postings_by_future_build", "--warehouse", str(newer), cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-800:]
    assert "1" in proc.stdout
    proc = cli("status", "--warehouse", str(newer), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert _versions(newer)[0] == latest_version() + 1
