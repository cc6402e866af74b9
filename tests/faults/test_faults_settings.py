"""Bad configuration is one line and exit 2, never a traceback, never a hang: validated
jobtrends.toml (ranges, URLs, unknown keys with the nearest valid key, types), sources.toml
(nearest key, case-insensitive duplicates), files that are folders, FIFOs or not UTF-8, warehouse
files that are empty, folders or not DuckDB, read-only folders and `report --out` onto a file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
    for key in ("JOBTRENDS_SOURCES", "JOBTRENDS_CONFIG", "JOBTRENDS_WAREHOUSE", "JOBTRENDS_LAKE"):
        if key not in env_extra:
            env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,  # a hang fails the case
        env=env,
    )


def one_line(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-800:])
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


TOML_CASES: dict[str, tuple[bytes, list[str]]] = {
    "typo key": (
        b"[crawl]\nconcurency_per_domain = 4\n",
        ["unknown key 'crawl.concurency_per_domain'", "did you mean 'concurrency_per_domain'"],
    ),
    "typo table": (b"[dmo]\npostings = 5\n", ["unknown key 'dmo'", "did you mean 'demo'"]),
    "concurrency 0": (
        b"[crawl]\nconcurrency_per_domain = 0\n",
        ["concurrency_per_domain = 0", "greater than or equal to 1"],
    ),
    "postings 0": (b"[demo]\npostings = 0\n", ["demo.postings = 0", "greater than 0"]),
    "postings bool": (b"[demo]\npostings = true\n", ["demo.postings", "integer"]),
    "ftp contact": (b'[crawl]\ncontact_url = "ftp://x.org"\n', ["contact_url", "http(s) URL"]),
    "negative wait": (b"[run]\nlock_wait_seconds = -1\n", ["lock_wait_seconds"]),
    "bad day": (b'[demo]\nas_of = "2026-13-01"\n', ["demo.as_of", "2026-11-01"]),
    "table as value": (b"paths = 5\n", ["paths must be a table"]),
    "not utf-8": (b'[paths]\nlake = "d\xe9j\xe0"\n', ["not UTF-8"]),
}


@pytest.mark.parametrize("case", list(TOML_CASES))
def test_bad_jobtrends_toml(case: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    text, words = TOML_CASES[case]
    (tmp_path / "jobtrends.toml").write_bytes(text)
    request.node.faults_injected = 1
    one_line(cli("sources", "list", cwd=tmp_path), *words)


SOURCES_CASES: dict[str, tuple[bytes, list[str]]] = {
    "typo key": (
        b'[[source]]\nkind = "lever"\nbord = "acme"\n',
        ["unknown key", "did you mean 'board'", "allowed"],
    ),
    "same board, other case": (
        b'[[source]]\nkind = "lever"\nboard = "acme"\n[[source]]\nkind = "lever"\nboard = "ACME"\n',
        ["listed twice", "entry #2"],
    ),
    "not utf-8": (b'[[source]]\nkind = "lever"\nboard = "caf\xe9"\n', ["not UTF-8"]),
}


@pytest.mark.parametrize("case", list(SOURCES_CASES))
def test_bad_sources_toml(case: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    text, words = SOURCES_CASES[case]
    (tmp_path / "sources.toml").write_bytes(text)
    request.node.faults_injected = 1
    one_line(cli("sources", "list", cwd=tmp_path), *words)


@pytest.mark.parametrize("which", ["config", "sources"])
@pytest.mark.parametrize("shape", ["folder", "fifo"])
def test_config_paths_that_are_not_files(
    which: str, shape: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    odd = tmp_path / "odd.toml"
    odd.mkdir() if shape == "folder" else os.mkfifo(odd)
    request.node.faults_injected = 1
    if which == "config":
        proc = cli("sources", "list", "--config", str(odd), cwd=tmp_path)
    else:
        proc = cli("sources", "list", cwd=tmp_path, JOBTRENDS_SOURCES=str(odd))
    one_line(proc, str(odd), "folder" if shape == "folder" else "not a regular file")


@pytest.fixture(params=["empty", "text", "folder"])
def bad_warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    path = tmp_path / "w.duckdb"
    if request.param == "empty":
        path.write_bytes(b"")
        words = "empty file"
    elif request.param == "text":
        path.write_text("id,title\n1,AI Engineer\n" * 50)
        words = "not a DuckDB database"
    else:
        path.mkdir()
        words = "is a folder"
    request.node.faults_injected = 1
    yield path, words


@pytest.mark.parametrize("command", [("sql", "select 1"), ("status",), ("run",)])
def test_unusable_warehouse_file(
    command: tuple[str, ...], bad_warehouse: tuple[Path, str], tmp_path: Path
) -> None:
    path, words = bad_warehouse
    before = path.read_bytes() if path.is_file() else None
    one_line(cli(*command, "--warehouse", str(path), cwd=tmp_path), str(path), words)
    assert (path.read_bytes() if path.is_file() else None) == before


def test_cli_override_out_of_range(tmp_path: Path) -> None:
    one_line(cli("run", "--demo-postings", "0", cwd=tmp_path), "demo postings", "above 0")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write: a read-only tmpfs as root (root ignores modes), else 0o555."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)])
        if done.returncode != 0:
            pytest.skip("cannot mount a read-only tmpfs")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


@pytest.mark.parametrize("target", ["lake", "reports", "warehouse"])
def test_read_only_folders_refused_before_the_crawl(
    target: str, read_only: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    paths = {
        "lake": str(tmp_path / "lake"),
        "reports": str(tmp_path / "reports"),
        "warehouse": str(tmp_path / "w.duckdb"),
    }
    paths[target] = str(read_only / "sub" / ("w.duckdb" if target == "warehouse" else target))
    request.node.faults_injected = 1
    proc = cli(
        "run",
        *(
            "--lake",
            paths["lake"],
            "--reports",
            paths["reports"],
            "--warehouse",
            paths["warehouse"],
        ),
        cwd=tmp_path,
    )
    one_line(proc, "read-only", str(read_only))
    assert not (tmp_path / "lake").exists()


def test_report_out_onto_a_file(tmp_path: Path) -> None:
    from analytics.db import connect

    connect(tmp_path / "w.duckdb").close()
    target = tmp_path / "report.html"
    target.write_text("mine")
    proc = cli(
        "report", "--warehouse", str(tmp_path / "w.duckdb"), "--out", str(target), cwd=tmp_path
    )
    one_line(proc, str(target), "is a file")
    assert target.read_text() == "mine"
