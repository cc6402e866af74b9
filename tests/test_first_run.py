"""A first `jobtrends run` on a slow machine: Prefect's temporary server starts late, the run passes.

The temporary server's start is slowed by a wrapper that sleeps before uvicorn starts, longer
than Prefect's own 20 s limit; the CLI's generous limit must carry the demo flow through, and a
successful run ends without a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: runs `jobtrends <args>` with every start of Prefect's temporary server delayed by SLOW_START_S
DRIVER = """
import subprocess, sys

from flows.cli import main  # first, as the `jobtrends` entry point: it sets Prefect's defaults
import prefect.server.api.server as server

delay = float(sys.argv[1])
popen = subprocess.Popen


def slow_popen(args, *rest, **kwargs):
    if args[1:3] == ["-m", "uvicorn"]:
        wrapper = (
            "import runpy, sys, time; time.sleep(%s); "
            "sys.argv = ['uvicorn', *sys.argv[1:]]; runpy.run_module('uvicorn', run_name='__main__')"
        ) % delay
        args = [args[0], "-c", wrapper, *args[3:]]
    return popen(args, *rest, **kwargs)


server.subprocess.Popen = slow_popen
sys.argv = ["jobtrends", *sys.argv[2:]]
main()
"""


def slowed_run(
    tmp_path: Path, delay_s: float, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    full_env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # a fresh Prefect, as on a new clone
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", DRIVER, str(delay_s), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=full_env,
        timeout=540,
    )


@pytest.mark.slow
def test_demo_run_passes_when_the_temporary_server_starts_slowly(tmp_path: Path) -> None:
    proc = slowed_run(tmp_path, 25, "run", "--demo-postings", "120")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Starting temporary server" in proc.stderr
    assert "finished" in proc.stdout and (tmp_path / "jobtrends.duckdb").exists()
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout
    # progress in words: a line per board, the extraction and load counts, each report written
    assert re.search(r"greenhouse:\S+ ok pages=\d+ items=\d+", proc.stderr)
    assert re.search(r"extract [\d,]+ postings: [\d,]+ extracted", proc.stderr)
    assert re.search(r"load +[\d,]+ new, [\d,]+ updated", proc.stderr)
    assert re.search(r"report +salary_bands +md, html", proc.stderr)
    assert "Timeouts in worker threads" not in proc.stderr  # no warning noise per crawl task


@pytest.mark.slow
def test_a_start_limit_the_user_set_is_kept_and_its_failure_is_one_line(tmp_path: Path) -> None:
    proc = slowed_run(
        tmp_path,
        8,
        "run",
        "--demo-postings",
        "50",
        env={"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "2"},
    )
    assert proc.returncode == 2
    assert "temporary server did not start in time" in proc.stderr
    assert "Traceback" not in proc.stderr
