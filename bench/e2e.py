"""End-to-end: replica crawl -> extract (2 processes) -> load -> reports, wall time and peak RSS.

Why the daily flow itself: the number that matters is what `jobtrends run` costs, Prefect's
temporary server, the Scrapy subprocesses and the extraction pool included; the parent samples the
summed RSS of that whole process tree. The replica board is served from the parent process and
handed to the flow as a sources.toml, like real boards: its memory is not the pipeline's.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from bench.measure import emit, maxrss_mb, run_child


def run(workdir: Path, sources_file: Path, workers: int) -> dict[str, Any]:
    from bench.crawlbench import FAST_SCRAPY
    from flows.config import Settings
    from flows.daily import daily_flow

    workdir.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        warehouse=workdir / "jobtrends.duckdb",
        lake=workdir / "data" / "raw",
        reports=workdir / "reports",
        sources_file=sources_file,
        scrapy_settings=dict(FAST_SCRAPY),
    )
    started = time.perf_counter()
    state = daily_flow(settings, workers=workers, return_state=True)
    wall = time.perf_counter() - started
    result = state.result(raise_on_failure=False)
    data = result if isinstance(result, dict) else getattr(result, "data", None) or {}
    return {
        "seconds": wall,
        "state": state.name,
        "message": (state.message or "")[:300],
        "postings_loaded": _count(settings.warehouse),
        "crawl_errors": data.get("crawl_errors") if isinstance(data, dict) else None,
        "maxrss_mb": maxrss_mb(),
    }


def _count(warehouse: Path) -> int | None:
    if not warehouse.exists():
        return None
    from analytics.db import connect

    con = connect(warehouse, read_only=True)
    try:
        row = con.execute("select count(*) from postings_core").fetchone()
        return int(row[0]) if row else None
    finally:
        con.close()


def measure(
    postings: int, workdir: Path, workers: int = 2, timeout: float = 3600
) -> dict[str, Any]:
    """Parent side: serve a replica of ~`postings` open postings, run the child under a sampler."""
    from bench.crawlbench import AS_OF, open_postings_board
    from spiders.demo.server import DemoServer
    from spiders.sources_file import save_sources

    board = open_postings_board(postings)
    workdir.mkdir(parents=True, exist_ok=True)
    sources_file = workdir / "sources.toml"
    with DemoServer(board, as_of=AS_OF) as server:
        save_sources(sources_file, server.sources())
        args = [
            "--workdir",
            str(workdir),
            "--sources",
            str(sources_file),
            "--workers",
            str(workers),
        ]
        result = run_child("bench.e2e", args, timeout=timeout, sample_tree=True)
    result["board_jobs"] = len(board.jobs)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="end-to-end daily flow on the replica (child)")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--sources", type=Path, required=True, help="sources.toml of the replica")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    emit(run(args.workdir, args.sources, args.workers))


if __name__ == "__main__":
    main()
