"""Security: `jobtrends sql` stays read-only end to end, robots.txt disallow is honoured, and no
secret from the environment reaches logs, the lake or crawl records."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import pytest
from fault_kit import FAST, crawl_sources, pick

from analytics.db import connect
from analytics.readonly import run_readonly_query
from spiders.demo import DemoBoard, DemoServer
from spiders.source_config import SourceConfig

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]
ROOT = Path(__file__).resolve().parents[2]
SECRETS = {
    "JOBTRENDS_TEST_SECRET": "s3cr3t-value",
    "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzz",
}


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "wh.duckdb"
    con = connect(path)
    con.execute(
        "insert into dim_roles values ('ai-engineer', 'AI Engineer', true), ('other', 'Other', false)"
    )
    con.close()
    return path


@pytest.mark.parametrize(
    "query",
    [
        "insert into dim_roles values ('x', 'x', false)",
        "delete from dim_roles",
        "attach '{tmp}/other.duckdb' as other",
        "copy (select * from roles) to '{tmp}/out.csv'",
        "pragma enable_profiling",
        "export database '{tmp}/dump'",
        "select * from read_csv('{tmp}/secret.csv')",
        "select 1; drop table dim_roles",
        "update extensions",
    ],
)
def test_sql_cli_refuses_writes_and_file_access(
    warehouse: Path, tmp_path: Path, query: str
) -> None:
    (tmp_path / "secret.csv").write_text("a\n1\n")
    before = digest(warehouse)
    proc = cli("sql", query.format(tmp=tmp_path), "--warehouse", str(warehouse), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in proc.stderr
    assert digest(warehouse) == before
    assert not {"other.duckdb", "out.csv", "dump"} & {p.name for p in tmp_path.iterdir()}
    assert run_readonly_query(warehouse, "select count(*) from roles")[1] == [(2,)]


@pytest.mark.parametrize(
    "query",
    [
        "checkpoint",
        "vacuum",
        "load httpfs",
        "use memory",
        "create secret s (type s3, key_id 'a')",
        "select * from glob('/*')",
        "select * from duckdb_secrets()",
        "update extensions",
    ],
)
def test_more_statements_are_refused_in_process(warehouse: Path, query: str) -> None:
    before = digest(warehouse)
    with pytest.raises(Exception):  # noqa: B017 - ReadOnlyViolation or a DuckDB permission error
        run_readonly_query(warehouse, query)
    assert digest(warehouse) == before


def test_robots_disallow_is_honoured(demo: Demo, lake: Path) -> None:
    srv = demo()
    private = SourceConfig(
        kind="jsonld",
        board="preview",
        base_url=f"{srv.base_url}/private",
        start_url=f"{srv.base_url}/private/preview",
    )
    res = crawl_sources([private, *srv.sources(("jsonld", "greenhouse"))], lake)
    rec = res.records[private.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert "robots" in rec["error_messages"][0].lower() or "Forbidden" in rec["error_messages"][0]
    assert srv.count("/robots.txt") >= 1
    assert srv.count("/private") == 0  # listing pages link to /private/preview: never fetched


def test_no_secret_reaches_logs_lake_or_records(
    demo: Demo, board: DemoBoard, tmp_path: Path
) -> None:
    srv = demo()
    sources = [pick(srv, k)[0] for k in ("greenhouse", "lever", "ashby", "jsonld", "hn", "wwr")]
    spec = tmp_path / "sources.json"
    spec.write_text(json.dumps([asdict(s) for s in sources]))
    lake = tmp_path / "lake"
    settings = {**FAST, "LOG_LEVEL": "DEBUG"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "spiders.run",
            "--sources-json",
            str(spec),
            "--lake",
            str(lake),
            "--settings-json",
            json.dumps(settings),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **SECRETS},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Overridden settings" in proc.stderr  # the debug log really was written
    blobs = [proc.stdout, proc.stderr] + [p.read_text() for p in lake.rglob("*") if p.is_file()]
    assert len(blobs) > 4
    for value in SECRETS.values():
        assert not any(value in blob for blob in blobs)
