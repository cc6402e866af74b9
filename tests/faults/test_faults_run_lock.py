"""A second run is refused (or waits) before it crawls: a process holding the DuckDB file or
another run holding the run lock gives one line and exit 2 within the configured wait, with no
lake folder written and no Prefect traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analytics.db import connect
from flows.lock import RunLocked, warehouse_lock

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
HOLD_DUCKDB = """
import sys, time
from analytics.db import connect
con = connect(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
"""
HOLD_RUN_LOCK = """
import sys, time
from pathlib import Path
from flows.lock import warehouse_lock
with warehouse_lock(Path(sys.argv[1])):
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def holder(script: str, warehouse: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(warehouse), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def run_cli(tmp_path: Path, warehouse: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    (tmp_path / "jobtrends.toml").write_text("[run]\nlock_wait_seconds = 1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG", "JOBTRENDS_WAREHOUSE", "JOBTRENDS_LAKE"):
        env.pop(key, None)
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--warehouse", str(warehouse)]
        + ["--lake", str(tmp_path / "lake"), "--demo-postings", "20"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=180,
        env=env,
    )
    return proc, time.monotonic() - start


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    connect(path).close()
    return path


@pytest.mark.parametrize("script", [HOLD_DUCKDB, HOLD_RUN_LOCK], ids=["duckdb-writer", "run-lock"])
def test_held_warehouse_refused_before_the_crawl(
    script: str, warehouse: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    request.node.faults_injected = 1
    hold = holder(script, warehouse, 120)
    try:
        proc, _ = run_cli(tmp_path, warehouse)
    finally:
        hold.kill()
        hold.wait()
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr[-800:]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    assert str(hold.pid) in lines[0] and str(warehouse) in lines[0]
    assert not (tmp_path / "lake").exists(), "crawled before finding the lock"
    assert "jobtrends run" not in proc.stdout


def test_a_second_run_waits_for_the_first(warehouse: Path) -> None:
    hold = holder(HOLD_RUN_LOCK, warehouse, 1.5)
    try:
        start = time.monotonic()
        with warehouse_lock(warehouse, wait_seconds=30):
            waited = time.monotonic() - start
        assert waited > 0.5  # it waited for the holder instead of failing at once
        hold.wait(timeout=10)
    finally:
        hold.kill()


def test_no_wait_refuses_naming_the_holder(warehouse: Path) -> None:
    hold = holder(HOLD_RUN_LOCK, warehouse, 60)
    try:
        with pytest.raises(RunLocked, match=str(hold.pid)):
            with warehouse_lock(warehouse, wait_seconds=0):
                pass
    finally:
        hold.kill()
        hold.wait()


@pytest.mark.parametrize("script", [HOLD_DUCKDB, HOLD_RUN_LOCK], ids=["duckdb-writer", "run-lock"])
def test_held_warehouse_refuses_process_run_before_it_extracts(
    script: str, warehouse: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """`process-run` takes the same guard as `run`: a held warehouse is one line and exit 2
    before extraction (it printed Prefect's traceback first, and a DuckDB holder was found only
    by the load, after extracting the whole run)."""
    request.node.faults_injected = 1
    run_id = "20261101T060000Z-aaaaaa"
    (tmp_path / "lake" / run_id).mkdir(parents=True)
    (tmp_path / "lake" / run_id / "greenhouse.jsonl").write_text(
        '{"source": "greenhouse", "board": "acme", "source_id": "1", "title": "AI Engineer"}\n',
        encoding="utf-8",
    )
    (tmp_path / "jobtrends.toml").write_text("[run]\nlock_wait_seconds = 1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JOBTRENDS_WAREHOUSE": str(warehouse)}
    env.update(JOBTRENDS_LAKE=str(tmp_path / "lake"), JOBTRENDS_REPORTS=str(tmp_path / "rep"))
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG"):
        env.pop(key, None)
    hold = holder(script, warehouse, 120)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "flows.cli", "process-run", "--run-id", run_id],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=300,
            env=env,
        )
    finally:
        hold.kill()
        hold.wait()
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr[-800:]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    assert str(hold.pid) in lines[0] and str(warehouse) in lines[0]
    assert not (tmp_path / "extracted").exists() and not (tmp_path / "rep").exists()
