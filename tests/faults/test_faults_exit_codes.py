"""Exit codes say what happened: `jobtrends run` exits 0 when complete, 3 when partial (a source
failed or lake lines were skipped) and 4 when it stored nothing, with the same outcome as the
flow's state (Completed, Partial, NothingStored) in flow_runs; `jobtrends extract` with a bad
byte writes every good line and one error line for the bad one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from analytics.db import connect
from flows.errors import EXIT_NOTHING_STORED, EXIT_OK, EXIT_PARTIAL, run_outcome
from spiders.demo import DemoServer, FaultRule
from spiders.sources_file import save_sources

Demo = Callable[..., DemoServer]
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JOBTRENDS_WAREHOUSE": str(cwd / "wh.duckdb"),
        "JOBTRENDS_LAKE": str(cwd / "data" / "raw"),
        "JOBTRENDS_REPORTS": str(cwd / "reports"),
        "JOBTRENDS_SOURCES": str(cwd / "sources.toml"),
    }
    env.pop("JOBTRENDS_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        cwd=cwd,
        timeout=600,
        env=env,
        input=stdin,
    )


@pytest.mark.faults
@pytest.mark.parametrize(
    "errors, stats, code, state",
    [
        ({}, {"new": 3}, EXIT_OK, "Completed"),
        ({}, {"unchanged": 3}, EXIT_OK, "Completed"),
        ({"lever": "1 board(s) failed"}, {"new": 3}, EXIT_PARTIAL, "Partial"),
        ({}, {"new": 3, "lake_lines_skipped": 1}, EXIT_PARTIAL, "Partial"),
        ({"lever": "1 board(s) failed"}, {}, EXIT_NOTHING_STORED, "NothingStored"),
        ({}, {"new": 0, "unchanged": 0}, EXIT_NOTHING_STORED, "NothingStored"),
    ],
)
def test_outcome_of_a_run(errors: dict, stats: dict, code: int, state: str) -> None:
    got_code, got_state, reason = run_outcome(errors, stats)
    assert (got_code, got_state) == (code, state) and reason.split(":")[0] in (
        "complete",
        "partial",
        "nothing stored",
    )


@pytest.mark.faults
def test_extract_with_a_bad_byte_keeps_every_good_line(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    good = [
        {"id": i, "title": "Senior ML Engineer", "description": "Python, PyTorch and SQL."}
        for i in range(1, 5)
    ]
    lines = [json.dumps(g).encode() for g in good]
    lines.insert(2, b'{"id": 99, "title": "AI Eng\xff\xfeineer", "description": "x"}')
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    request.node.faults_injected = 1
    for args, stdin in (
        ((str(src), "-o", str(tmp_path / "out.jsonl")), None),
        (("-",), src.read_bytes()),
    ):
        proc = cli("extract", *args, cwd=tmp_path, stdin=stdin)
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr[-800:]
        text = (
            (tmp_path / "out.jsonl").read_text("utf-8") if args[0] != "-" else proc.stdout.decode()
        )
        rows = [json.loads(x) for x in text.splitlines()]
        assert [r["id"] for r in rows if "error" not in r] == [1, 2, 3, 4]
        (bad,) = [r for r in rows if "error" in r]
        assert bad["line"] == 3 and "invalid UTF-8" in bad["error"]
        assert b"5 lines written" in proc.stderr and b"1 with errors" in proc.stderr


def flow_states(warehouse: Path) -> list[str]:
    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute("select state from flow_runs order by started_at").fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


@pytest.mark.faults_slow
@pytest.mark.timeout(1500)
def test_run_exit_codes_nothing_partial_complete(
    demo: Demo, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    srv = demo()
    boards = [s for s in srv.sources() if s.kind == "lever"][:2]
    broken, healthy = boards
    srv.add_fault(FaultRule(prefix=f"/lever/v0/postings/{broken.board}", times=None, status=500))
    save_sources(tmp_path / "sources.toml", [broken])
    nothing = cli("run", cwd=tmp_path)
    save_sources(tmp_path / "sources.toml", [broken, healthy])
    partial = cli("run", cwd=tmp_path)
    srv.faults.rules.clear()
    complete = cli("run", cwd=tmp_path)
    request.node.faults_injected = 2
    for proc, code in ((nothing, 4), (partial, 3), (complete, 0)):
        assert proc.returncode == code, proc.stdout.decode()[-1500:] + proc.stderr.decode()[-1500:]
    assert b"outcome:   nothing stored" in nothing.stdout
    assert b"outcome:   partial: 1 source(s) failed" in partial.stdout
    assert b"outcome:   complete" in complete.stdout
    assert flow_states(tmp_path / "wh.duckdb") == ["NothingStored", "Partial", "Completed"]


@pytest.mark.faults_slow
@pytest.mark.timeout(1500)
def test_process_run_exit_codes_nothing_partial_complete(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """`process-run` ends like `run`: a run that stored nothing exits 4 (flow state
    NothingStored), a run with a configured board never crawled exits 3 (Partial), a whole run
    exits 0 (Completed); each prints the run summary with its outcome."""
    from test_faults_lake_read import line, write_run

    from spiders.source_config import SourceConfig

    lake = tmp_path / "data" / "raw"
    empty, some = "20261101T060000Z-aaaaaa", "20261102T060000Z-bbbbbb"
    write_run(lake, empty, {}, {})
    posts = b"".join(line("greenhouse", "acme", i) for i in "123")
    write_run(lake, some, {"greenhouse.jsonl": posts}, {"greenhouse:acme": 3})
    acme, beta = (
        SourceConfig(kind="greenhouse", board=b, base_url="http://127.0.0.1:9/greenhouse")
        for b in ("acme", "beta")
    )
    request.node.faults_injected = 2  # a run with no posting, a board with no crawl
    nothing = cli("process-run", "--run-id", empty, cwd=tmp_path)
    save_sources(tmp_path / "sources.toml", [acme, beta])
    partial = cli("process-run", "--run-id", some, cwd=tmp_path)
    save_sources(tmp_path / "sources.toml", [acme])
    complete = cli("process-run", "--run-id", some, cwd=tmp_path)
    for proc, code in ((nothing, 4), (partial, 3), (complete, 0)):
        out = proc.stdout.decode()[-1500:] + proc.stderr.decode()[-1500:]
        assert proc.returncode == code and b"Traceback" not in proc.stderr, out
    assert b"processed run " + empty.encode() + b": NothingStored" in nothing.stdout
    assert b"outcome:   nothing stored" in nothing.stdout
    assert b": Partial" in partial.stdout and b"outcome:   partial: 1 source(s)" in partial.stdout
    assert b"greenhouse" in partial.stdout and b"beta" in partial.stdout
    assert b": Completed" in complete.stdout and b"outcome:   complete" in complete.stdout
    # the Partial processing of `some` is replaced by the completed one (one row per run)
    assert flow_states(tmp_path / "wh.duckdb") == ["NothingStored", "Completed"]
