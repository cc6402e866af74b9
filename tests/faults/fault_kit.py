"""Helpers for the fault-injection suite: fast crawl settings, crawling the demo replica, and the
three invariants every fault case asserts (nothing collected is lost, no duplicates in the lake
for one run, one well-formed crawl record per board).

Nothing here leaves 127.0.0.1: every source points at a DemoServer or pytest-httpserver.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spiders.demo import DemoBoard, DemoServer
from spiders.run import crawl, new_run_id
from spiders.source_config import SourceConfig

#: crawl settings for fault tests: no throttling, two quick retries, short timeouts
FAST: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RETRY_TIMES": 2,
    "RETRY_BACKOFF_BASE": 0.01,
    "RETRY_BACKOFF_MAX": 0.2,
    "DOWNLOAD_TIMEOUT": 10,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}
RECORD_KEYS = {
    "run_id",
    "source",
    "board",
    "started_at",
    "finished_at",
    "pages",
    "items",
    "errors",
    "status",
    "listing_complete",
    "error_messages",
}

#: running totals for docs/robustness.md (printed by conftest's terminal summary)
TALLY: Counter[str] = Counter()


@dataclass
class CrawlResult:
    """One crawl run: its id, crawl records by "kind:board" and every lake row of the run."""

    run_id: str
    lake: Path
    records: dict[str, dict[str, Any]]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def keys(self, board_key: str | None = None) -> set[str]:
        """Posting keys in the lake (of one "kind:board" when given)."""
        return {
            f"{r['source']}:{r['board']}:{r['source_id']}"
            for r in self.rows
            if board_key is None or f"{r['source']}:{r['board']}" == board_key
        }


def lake_lines(lake: Path, run_id: str) -> dict[str, list[str]]:
    """Raw lines of every JSONL file of a run (file name -> lines), for byte-level checks."""
    folder = lake / run_id
    if not folder.exists():
        return {}
    return {
        p.name: p.read_text(encoding="utf-8").splitlines() for p in sorted(folder.glob("*.jsonl"))
    }


def read_run(lake: Path, run_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(posting rows, crawl records) of a run; every line must be one complete JSON object."""
    rows: list[dict[str, Any]] = []
    runs: list[dict[str, Any]] = []
    for name, lines in lake_lines(lake, run_id).items():
        for line in lines:
            obj = json.loads(line)  # a torn or garbled line fails the test here
            (runs if name == "_crawl_runs.jsonl" else rows).append(obj)
    return rows, runs


def crawl_sources(sources: list[SourceConfig], lake: Path, **overrides: Any) -> CrawlResult:
    """Crawl in-process with FAST settings and check the lake invariants."""
    run_id = new_run_id()
    records = crawl(sources, lake, run_id, {**FAST, **overrides})
    result = CrawlResult(run_id, lake, {f"{r['source']}:{r['board']}": r for r in records})
    result.rows, runs = read_run(lake, run_id)
    assert_invariants(result, runs, sources)
    return result


def assert_invariants(
    result: CrawlResult, runs: list[dict[str, Any]], sources: list[SourceConfig]
) -> None:
    """No duplicate posting in the run, every row keyed, one complete crawl record per board."""
    keys = [f"{r['source']}:{r['board']}:{r['source_id']}" for r in result.rows]
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    TALLY["duplicated"] += len(dupes)
    assert not dupes, f"duplicate postings in one run: {dupes[:5]}"
    assert all(r["source_id"] and r["run_id"] == result.run_id for r in result.rows)
    assert sorted(f"{r['source']}:{r['board']}" for r in runs) == sorted(s.key for s in sources)
    for rec in runs:
        assert RECORD_KEYS <= set(rec), rec
        assert rec["status"] in ("ok", "partial", "failed")
        assert rec["listing_complete"] is False or rec["status"] in ("ok", "partial")
        stored = len(result.keys(f"{rec['source']}:{rec['board']}"))
        assert rec["items"] == stored, f"record says {rec['items']} items, lake has {stored}"


def wrongly_closed(should_be_open: set[str], open_now: set[str]) -> set[str]:
    """Postings still listed (or whose board could not be read) that the warehouse closed,
    counted for the tally; every case that loads a warehouse asserts this is empty."""
    wrong = should_be_open - open_now
    TALLY["wrongly_closed"] += len(wrong)
    return wrong


def assert_kept(result: CrawlResult, expected: set[str], board_key: str | None = None) -> None:
    """Every expected posting is in the lake (counts what would be lost for the tally)."""
    missing = expected - result.keys(board_key)
    TALLY["lost"] += len(missing)
    assert not missing, f"{len(missing)} postings lost, e.g. {sorted(missing)[:3]}"


def truth_keys(board: DemoBoard, board_key: str) -> set[str]:
    """Posting keys a complete crawl of one main board must collect (open and listed)."""
    kind, name = board_key.split(":", 1)
    return {j.posting_key for j in board.company_jobs(name) if j.listed and j.kind == kind}


def pick(srv: DemoServer, kind: str, n: int = 1) -> list[SourceConfig]:
    """The first `n` boards of one kind served by the replica."""
    found = srv.sources((kind,))[:n]
    assert len(found) == n, f"demo board has fewer than {n} {kind} boards"
    return found


def fired(srv: DemoServer) -> int:
    """Faults the server injected so far (also added to the tally by the fixture)."""
    return sum(r.fired for r in srv.faults.rules)
