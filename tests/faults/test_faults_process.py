"""Process hygiene: SIGTERM or SIGKILL of the main `jobtrends run` process only (not its group),
while the crawl subprocess and Prefect's temporary server run, leaves none of them running:
the watchdog (flows/watchdog.py) stops every process the command started. Slow: a real run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from flows.watchdog import MARK, marked, stop_marked

ROOT = Path(__file__).resolve().parents[2]


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def cmdline(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return ""


@pytest.mark.faults_slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_the_main_process_leaves_nothing_running(
    sig: signal.Signals, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    (tmp_path / "jobtrends.toml").write_text("[demo]\npostings = 2000\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JOBTRENDS_WAREHOUSE": str(tmp_path / "wh.duckdb"),
        "JOBTRENDS_LAKE": str(tmp_path / "data" / "raw"),
        "JOBTRENDS_REPORTS": str(tmp_path / "reports"),
    }
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG", MARK):
        env.pop(key, None)
    with (tmp_path / "run.log").open("wb") as log:
        main = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "run"],
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 600
        while True:
            kids = descendants(main.pid)
            lines = [cmdline(p) for p in kids]
            crawl = any("spiders.run" in c for c in lines)
            server = any("uvicorn" in c and "prefect" in c for c in lines)
            if crawl and server:
                break
            assert main.poll() is None, (tmp_path / "run.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "crawl and Prefect server never ran together"
            time.sleep(0.05)
        left_behind = [p for p in kids if "flows.watchdog" not in cmdline(p)]
        os.kill(main.pid, sig)  # the main process only: no killpg
        main.wait(60)
        request.node.faults_injected = 1
        deadline = time.monotonic() + 60
        while any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in left_behind):
            assert time.monotonic() < deadline, [cmdline(p) for p in left_behind if p.is_running()]
            time.sleep(0.2)
        assert len(left_behind) >= 2
    finally:
        for proc in descendants(main.pid):
            proc.kill()
        main.kill()


@pytest.mark.faults
def test_watchdog_stops_every_marked_process_and_nothing_else(
    request: pytest.FixtureRequest,
) -> None:
    """Unit of the mechanism: marked processes (a child and its grandchild, in another session)
    are stopped when the owner's pipe closes; an unmarked sibling survives."""
    mark = f"test:{time.time_ns()}"
    sleeper = [sys.executable, "-c", "import time; time.sleep(120)"]
    spawner = [
        sys.executable,
        "-c",
        "import subprocess, sys, time; subprocess.Popen(sys.argv[1:], start_new_session=True); "
        "time.sleep(120)",
        *sleeper,
    ]
    child = subprocess.Popen(spawner, env={**os.environ, MARK: mark})
    other = subprocess.Popen(sleeper, env={k: v for k, v in os.environ.items() if k != MARK})
    try:
        deadline = time.monotonic() + 30
        while len(marked(mark)) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        watchdog = subprocess.Popen(
            [sys.executable, "-m", "flows.watchdog", mark],
            stdin=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert watchdog.stdin is not None
        watchdog.stdin.close()  # the owner is gone
        watchdog.wait(30)
        request.node.faults_injected = 1
        assert marked(mark) == [] and child.wait(5) is not None
        assert other.poll() is None
    finally:
        stop_marked(mark, grace=0.5)
        other.kill()
        child.kill()
