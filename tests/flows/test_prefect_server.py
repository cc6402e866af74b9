"""Against a real `prefect server start`: `jobtrends serve --once` runs, and its state and artifacts
are visible through the Prefect client."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def prefect_server(tmp_path: Path):  # noqa: ANN201
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_API_URL": "",
    }
    env.pop("PREFECT_API_URL")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("prefect server did not become healthy within 120 s")
    yield api, env
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


async def _runs_and_artifacts(api: str) -> tuple[list, list]:
    from prefect.client.orchestration import PrefectClient

    async with PrefectClient(api) as client:
        runs = await client.read_flow_runs()
        artifacts = await client.read_artifacts()
    return runs, artifacts


def test_serve_once_against_a_real_server(prefect_server, tmp_path: Path) -> None:  # noqa: ANN001
    api, env = prefect_server
    (tmp_path / "jobtrends.toml").write_text(
        '[paths]\nwarehouse = "w.duckdb"\nlake = "data/raw"\nreports = "reports"\n'
        "[demo]\npostings = 150\nseed = 3\n"
    )
    run_env = {**env, "PREFECT_API_URL": api}
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--once"],
        cwd=tmp_path,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    # DuckDB's bindings print leak reports at interpreter exit; keep the error above them
    errors = [line for line in proc.stderr.splitlines() if "leaked" not in line]
    assert proc.returncode == 0, "\n".join(errors)[-3000:]
    assert (tmp_path / "w.duckdb").exists()

    runs, artifacts = asyncio.run(_runs_and_artifacts(api))
    by_name = {r.name: r for r in runs}
    daily = [r for r in runs if r.state and r.state.is_completed()]
    assert daily, f"no completed flow run among {[(r.name, r.state_name) for r in runs]}"
    keys = {a.key for a in artifacts}
    assert {"daily-summary", "daily-numbers"} <= keys
    summary = next(a for a in artifacts if a.key == "daily-summary")
    assert "postings_new" in str(summary.data)
    del by_name
