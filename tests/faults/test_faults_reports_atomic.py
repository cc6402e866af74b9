"""Reports are built in a work folder and renamed into place: a full disk, an error or a SIGKILL
mid-build leaves the previous report folder byte for byte (never a mix of two builds or a
truncated file), and the next build clears what a killed one left."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import analytics.reports.build as build
from analytics.db import connect
from analytics.reports import build_reports

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("md", "csv", "html")


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = connect(":memory:")
    yield c
    c.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def failing_after(n: int, exc: BaseException | None):  # noqa: ANN201
    """A write_report that writes `n` reports, then raises `exc` (or SIGKILLs its process)."""
    real = build.write_report
    calls = {"n": 0}

    def write(result, out_dir, formats):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] > n:
            (out_dir / f"{result.name}.md").write_text("half a rep", encoding="utf-8")
            if exc is None:
                os.kill(os.getpid(), signal.SIGKILL)
            raise exc
        return real(result, out_dir, formats)

    return write


def test_disk_full_mid_build_keeps_the_previous_reports(
    con: duckdb.DuckDBPyConnection,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    out = tmp_path / "reports" / "2026-12-03"
    build_reports(con, out, formats=FORMATS)
    before = snapshot(out)
    monkeypatch.setattr(build, "write_report", failing_after(3, OSError(errno.ENOSPC, "No space")))
    request.node.faults_injected = 1
    with pytest.raises(OSError):
        build_reports(con, out, formats=FORMATS)
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_sigkill_mid_build_keeps_the_previous_reports(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    out = tmp_path / "reports" / "2026-12-03"
    build_reports(con, out, formats=FORMATS)
    before = snapshot(out)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "import analytics.reports.build as build\n"
        "from analytics.db import connect\n"
        "from test_faults_reports_atomic import failing_after, FORMATS\n"
        "build.write_report = failing_after(3, None)\n"
        "build.build_reports(connect(':memory:'), Path(sys.argv[1]), formats=FORMATS)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(out), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    request.node.faults_injected = 1
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-800:]
    assert snapshot(out) == before
    assert len(leftovers(out)) == 1  # the killed build's work folder, out of the way
    build_reports(con, out, formats=FORMATS)  # the next build clears it
    assert leftovers(out) == [] and snapshot(out) == before


def test_real_full_disk_keeps_the_previous_reports(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        out = mount / "2026-12-03"
        build_reports(con, out, formats=("md", "csv"))
        before = snapshot(out)
        free = os.statvfs(mount)
        (mount / "ballast").write_bytes(b"\0" * max(0, free.f_bavail * free.f_frsize - 40_000))
        request.node.faults_injected = 1
        with pytest.raises(OSError):
            build_reports(con, out, formats=("md", "csv", "html"))
        assert snapshot(out) == before
        assert leftovers(out) == []
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_folder_of_ones_own_keeps_its_files_and_a_file_is_refused(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    build_reports(con, mine, formats=("md",))
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (mine / "index.md").exists() and leftovers(mine) == []
    a_file = tmp_path / "report.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="is a file"):
        build_reports(con, a_file, formats=("md",))
    assert a_file.read_text(encoding="utf-8") == "x"
