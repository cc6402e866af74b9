"""Disk full while the lake is written (a 2 MB tmpfs; needs root): no torn lines, no crash, and a
board that could not store every posting never claims a complete listing."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_kit import FAST, lake_lines

from spiders.demo import DemoServer
from spiders.run import crawl, new_run_id

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()[:200]}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_lake_has_no_torn_lines_and_closes_nothing(
    demo: Demo, small_disk: Path, request: pytest.FixtureRequest
) -> None:
    srv = demo()
    ballast = small_disk / "ballast"
    ballast.write_bytes(b"\0" * 1_200_000)  # leaves ~0.8 MB: the crawl fills it part way
    lake = small_disk / "lake"
    run_id = new_run_id()
    records = crawl(srv.sources(), lake, run_id, FAST)  # must not raise
    request.node.faults_injected = 1
    lines = lake_lines(lake, run_id)
    rows = [
        json.loads(line) for name, ls in lines.items() if name != "_crawl_runs.jsonl" for line in ls
    ]
    assert rows, "some postings fit before the disk filled"
    failed = [r for r in records if any("lake write failed" in m for m in r["error_messages"])]
    assert failed, "the disk really filled up"
    for rec in failed:
        assert rec["listing_complete"] is False and rec["status"] != "ok"
    keys = [f"{r['source']}:{r['board']}:{r['source_id']}" for r in rows]
    assert len(keys) == len(set(keys))
    stored = {}
    for row in rows:
        stored[f"{row['source']}:{row['board']}"] = (
            stored.get(f"{row['source']}:{row['board']}", 0) + 1
        )
    for rec in records:
        assert rec["items"] == stored.get(f"{rec['source']}:{rec['board']}", 0)
    ballast.unlink()  # space back: the next run writes normally
    again = crawl(srv.sources(("greenhouse",))[:1], lake, new_run_id(), FAST)
    assert again[0]["status"] == "ok"
