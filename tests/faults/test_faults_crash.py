"""Crash safety of the daily flow: `python -m flows.cli run` on a 200-posting demo board is
SIGKILLed (whole process group: Prefect's server and crawl children too) once the lake, the
derived extraction files or the warehouse show the phase started; the warehouse still opens, and a
rerun ends with every posting of the board exactly once. Also: no environment secret in any
artifact. Slow (two flow runs per case): `make test-faults`."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_kit import TALLY

from analytics.db import connect
from spiders.demo import generate_board

pytestmark = [pytest.mark.faults_slow, pytest.mark.timeout(900)]
POSTINGS, SEED = 200, 7
MAIN_KINDS = ("greenhouse", "lever", "ashby", "jsonld")
SECRETS = {
    "JOBTRENDS_TEST_SECRET": "s3cr3t-value",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzz",
}


def env_for(tmp: Path) -> dict[str, str]:
    env = {
        **os.environ,
        **SECRETS,
        "JOBTRENDS_WAREHOUSE": str(tmp / "wh.duckdb"),
        "JOBTRENDS_LAKE": str(tmp / "data" / "raw"),
        "JOBTRENDS_REPORTS": str(tmp / "reports"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG"):
        env.pop(key, None)
    return env


def start(tmp: Path, log: str) -> subprocess.Popen[bytes]:
    (tmp / "jobtrends.toml").write_text(f"[demo]\npostings = {POSTINGS}\nseed = {SEED}\n")
    with (tmp / log).open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "run"],
            cwd=tmp,
            env=env_for(tmp),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def lines_in(folder: Path, pattern: str) -> int:
    return sum(p.read_bytes().count(b"\n") for p in folder.glob(pattern) if p.is_file())


PHASES: dict[str, Callable[[Path], bool]] = {
    # some postings are in the lake, nothing extracted yet
    "crawl": lambda t: (
        lines_in(t / "data" / "raw", "*/*.jsonl") >= 20 and not (t / "data" / "extracted").exists()
    ),
    # extraction files are being written (tmp files) or the first one is done
    "extract": lambda t: any((t / "data" / "extracted").glob("*/*/*")),
    # extraction finished, so the load task runs; the kill then waits for a write-ahead log
    "load": lambda t: (
        re.search(rb"extract-lake-\w+' - Finished", (t / "killed.log").read_bytes()) is not None
    ),
}


def kill_when(proc: subprocess.Popen[bytes], tmp: Path, phase: str, limit: float = 400) -> None:
    deadline = time.monotonic() + limit
    while not PHASES[phase](tmp):
        assert proc.poll() is None, f"the run ended ({proc.returncode}) before {phase} was seen"
        assert time.monotonic() < deadline, f"{phase} not reached in {limit}s"
        time.sleep(0.02)
    if phase == "load":  # mid-transaction when DuckDB's WAL shows up within a second
        wal_deadline = time.monotonic() + 1.0
        while not (tmp / "wh.duckdb.wal").exists() and time.monotonic() < wal_deadline:
            time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)


def truth_keys() -> set[str]:
    board = generate_board(seed=SEED, n_postings=POSTINGS)
    return {j.posting_key for j in board.snapshot() if j.listed}


def lake_keys(tmp: Path) -> set[str]:
    import json

    newest = sorted(p for p in (tmp / "data" / "raw").iterdir() if p.is_dir())[-1]
    keys = set()
    for path in newest.glob("*.jsonl"):
        if path.name != "_crawl_runs.jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                keys.add(f"{row['source']}:{row['board']}:{row['source_id']}")
    return keys


@pytest.mark.parametrize(
    "phase, warm", [("crawl", False), ("extract", False), ("load", False), ("load", True)]
)
def test_sigkill_then_rerun_loses_and_duplicates_nothing(
    tmp_path: Path, phase: str, warm: bool, request: pytest.FixtureRequest
) -> None:
    """warm: a complete run first, so the killed load updates a populated warehouse."""
    if warm:
        assert start(tmp_path, "first.log").wait(600) == 0
    proc = start(tmp_path, "killed.log")
    try:
        kill_when(proc, tmp_path, phase)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    request.node.faults_injected = 1
    if (tmp_path / "wh.duckdb").exists():  # a killed writer leaves a file that opens cleanly
        connect(tmp_path / "wh.duckdb", read_only=True, timeout=30).close()
    rerun = start(tmp_path, "rerun.log")
    assert rerun.wait(600) == 0, (tmp_path / "rerun.log").read_text()[-3000:]
    con = connect(tmp_path / "wh.duckdb", read_only=True)
    try:
        total, distinct = con.execute(
            "select count(*), count(distinct posting_id) from postings"
        ).fetchone()
        kinds = ", ".join(f"'{k}'" for k in MAIN_KINDS)
        main_open = {
            r[0]
            for r in con.execute(
                f"select posting_id from postings where is_open and source in ({kinds})"
            ).fetchall()
        }
        stored = {r[0] for r in con.execute("select posting_id from postings").fetchall()}
    finally:
        con.close()
    lost = (truth_keys() - stored) | (lake_keys(tmp_path) - stored)
    TALLY["lost"] += len(lost)
    closed_wrongly = (truth_keys() & stored) - main_open  # stored, still listed, not open
    TALLY["wrongly_closed"] += len(closed_wrongly)
    assert not closed_wrongly, f"{len(closed_wrongly)} listed postings closed"
    TALLY["duplicated"] += total - distinct
    assert total == distinct, "duplicated postings"
    assert not lost, f"{len(lost)} postings lost, e.g. {sorted(lost)[:3]}"
    assert main_open == truth_keys()
    blobs = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix not in (".parquet", ".png")]
    for value in SECRETS.values():
        leaks = [str(p) for p in blobs if value.encode() in p.read_bytes()]
        assert not leaks, f"secret found in {leaks}"
