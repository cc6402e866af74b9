"""The warehouse under contention and crashes, at the db level: a reader holding the DuckDB file
while a load runs gives a wait or one clear WarehouseLocked line, never corruption; `jobtrends
sql` waits for a short writer; a writer SIGKILLed mid-load leaves whole transactions only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from analytics.db import WarehouseLocked, connect, scalar
from analytics.load import load_raw
from analytics.readonly import run_readonly_query

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from analytics.db import connect
con = connect(sys.argv[1], read_only=sys.argv[3] == "ro", migrate=False)
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""
#: loads batches of 500 new postings forever, one transaction each, reporting each commit
LOADER = """
import sys
from analytics.db import connect
from analytics.load import load_raw
con = connect(sys.argv[1])
n = 0
while True:
    rows = [{"source": "greenhouse", "board": "crash", "source_id": f"{n}-{i}", "title": "AI Engineer",
             "description_text": "x" * 2000, "fetched_at": "2026-11-01T06:00:00Z"} for i in range(500)]
    load_raw(con, rows, f"20261101T060000Z-{n:06x}")
    n += 1
    print(n, flush=True)
"""


def rows(n: int, board: str = "acme") -> list[dict[str, Any]]:
    return [
        {
            "source": "greenhouse",
            "board": board,
            "source_id": str(i),
            "title": f"AI Engineer {i}",
            "fetched_at": "2026-11-01T06:00:00Z",
        }
        for i in range(n)
    ]


def hold(path: Path, seconds: float, mode: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def counts(path: Path) -> tuple[int, int]:
    con = connect(path, read_only=True)
    try:
        return con.execute("select count(*), count(distinct posting_id) from postings").fetchone()  # type: ignore[return-value]
    finally:
        con.close()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "wh.duckdb"
    con = connect(path)
    load_raw(con, rows(50), "20261101T060000Z-aaaaaa")
    con.close()
    return path


def test_load_while_a_reader_holds_the_file_gives_one_clear_line(warehouse: Path) -> None:
    reader = hold(warehouse, 30, "ro")
    try:
        with pytest.raises(WarehouseLocked) as err:
            connect(warehouse, timeout=0.5)
        message = str(err.value)
        assert "\n" not in message and str(warehouse) in message
        assert f"process {reader.pid}" in message and "wait for that run" in message
    finally:
        reader.kill()
        reader.wait()
    assert counts(warehouse) == (50, 50)  # untouched, still opens


def test_load_waits_for_a_short_reader_then_runs(warehouse: Path) -> None:
    reader = hold(warehouse, 1.0, "ro")
    try:
        con = connect(warehouse, timeout=20)
        load_raw(con, rows(80), "20261102T060000Z-bbbbbb")
        con.close()
    finally:
        reader.wait()
    assert counts(warehouse) == (80, 80)


def test_sql_cli_waits_for_a_short_writer(warehouse: Path) -> None:
    writer = hold(warehouse, 1.5, "rw")
    try:
        t0 = time.monotonic()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "flows.cli",
                "sql",
                "select count(*) as n from postings",
                "--warehouse",
                str(warehouse),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        assert "50" in proc.stdout and time.monotonic() - t0 >= 1.0
    finally:
        writer.wait()


def test_query_against_a_long_writer_is_one_clear_error(warehouse: Path) -> None:
    writer = hold(warehouse, 30, "rw")
    try:
        with pytest.raises(WarehouseLocked, match=r"is locked by process \d+.*wait for that run"):
            run_readonly_query(warehouse, "select 1", timeout=0.5)
    finally:
        writer.kill()
        writer.wait()


def test_sigkill_mid_load_leaves_whole_transactions(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "wh.duckdb"
    loader = subprocess.Popen(
        [sys.executable, "-c", LOADER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert loader.stdout is not None
    committed = 0
    deadline = time.monotonic() + 60
    while committed < 3 and time.monotonic() < deadline:  # bounded: a few commits, then kill
        committed = int(loader.stdout.readline() or committed)
    time.sleep(0.05)
    os.kill(loader.pid, signal.SIGKILL)
    loader.wait()
    request.node.faults_injected = 1
    assert committed >= 3
    total, distinct = counts(path)  # reopens cleanly (WAL replayed or dropped)
    assert total == distinct and total % 500 == 0 and total >= committed * 500
    con = connect(path)
    load_raw(con, rows(10), "20261103T060000Z-cccccc")  # and takes new loads
    assert scalar(con, "select count(*) from postings") == total + 10
    con.close()
