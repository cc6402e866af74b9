"""A replica board that never answers ends its own crawl after the board timeout; the other
boards of the run still load (and the crawl subprocess as a whole has a deadline too)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from spiders.demo import DemoBoard, DemoServer, FaultPlan
from spiders.run import crawl_subprocess

FAST = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RETRY_BACKOFF_BASE": 0.01,
    "LOG_LEVEL": "WARNING",
    "DOWNLOAD_TIMEOUT": 120,  # longer than the board timeout: the board timeout must act
}


def test_hung_board_fails_alone(
    small_board: DemoBoard, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    boards = [c.board for c in small_board.companies if c.kind == "greenhouse"]
    plan = FaultPlan(FaultPlan.hang(f"/greenhouse/v1/boards/{boards[0]}/"))
    with DemoServer(small_board, faults=plan) as srv:
        sources = [s for s in srv.sources() if s.kind in ("greenhouse", "lever")]
        started = time.monotonic()
        records = crawl_subprocess(
            sources, tmp_path, "run-hung", {**FAST, "JOBTRENDS_BOARD_TIMEOUT": 4}
        )
        elapsed = time.monotonic() - started
    by_board = {r["board"]: r for r in records}
    hung = by_board[boards[0]]
    assert hung["status"] == "failed" and hung["listing_complete"] is False
    assert any("timed out" in m for m in hung["error_messages"])
    others = [r for r in records if r["board"] != boards[0]]
    assert others and all(r["status"] == "ok" and r["items"] > 0 for r in others)
    assert all("stats" in r for r in others) and all(r["stats"]["requests"] > 0 for r in others)
    assert elapsed < 100  # not held until the 120 s download timeout
    progress = capfd.readouterr().err.splitlines()  # one progress line per board
    for rec in records:
        line = next(x for x in progress if x.startswith(f"{rec['source']}:{rec['board']} "))
        assert f" {rec['status']}" in line and f"items={rec['items']}" in line
        assert "retries=" in line and "kb=" in line


def test_crawl_subprocess_deadline_kills_the_child(small_board: DemoBoard, tmp_path: Path) -> None:
    boards = [c.board for c in small_board.companies if c.kind == "greenhouse"]
    plan = FaultPlan(FaultPlan.hang(f"/greenhouse/v1/boards/{boards[0]}/"))
    with DemoServer(small_board, faults=plan) as srv:
        source = next(s for s in srv.sources() if s.board == boards[0])
        records = crawl_subprocess([source], tmp_path, "run-deadline", FAST, timeout=6)
    assert records[0]["status"] == "failed"
    assert "timed out after 6s" in records[0]["error_messages"][0]
