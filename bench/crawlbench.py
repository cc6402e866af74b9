"""Replica crawl speed (Scrapy spiders vs the demo server) next to the server's own raw speed.

Why the raw client: pages/s of a crawl against a local replica says little alone; an aiohttp
client replaying exactly the URLs the spiders fetched, at the same concurrency, shows how much of
the time is the spiders (parsing, pipelines, lake writes) and how much is the server. Crawler and
client each run in their own process so neither shares the server's GIL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.measure import ROOT, bench_env, emit

#: replica-only settings: no politeness delay (it is our own server on loopback)
FAST_SCRAPY: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "HTTPCACHE_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "WARNING",
}
AS_OF = date(2026, 11, 1)


def open_postings_board(target_open: int, seed: int = 7) -> Any:
    """A demo board whose snapshot at AS_OF shows about `target_open` open postings."""
    from spiders.demo.generator import generate_board

    n = target_open
    for _ in range(4):
        board = generate_board(seed=seed, n_postings=n, as_of=AS_OF)
        open_now = len(board.snapshot(AS_OF))
        if open_now >= target_open * 0.95 or not open_now:
            return board
        n = int(n * target_open / open_now * 1.02) + 1
    return board


def _span_seconds(records: list[dict[str, Any]]) -> float | None:
    """First board start to last board finish, from the crawl records (excludes process start-up)."""
    from datetime import datetime

    try:
        starts = [
            datetime.fromisoformat(str(r["started_at"]).replace("Z", "+00:00")) for r in records
        ]
        ends = [
            datetime.fromisoformat(str(r["finished_at"]).replace("Z", "+00:00")) for r in records
        ]
    except (KeyError, ValueError):
        return None
    return (max(ends) - min(starts)).total_seconds() if starts else None


def _crawl(
    sources: list[Any], lake: Path, run_id: str, per_kind: bool, extra: dict[str, Any] | None = None
) -> tuple[list[dict[str, Any]], float]:
    """One Scrapy subprocess for every board, or one per source kind side by side (flows/crawl.py)."""
    from concurrent.futures import ThreadPoolExecutor

    from flows.crawl import group_by_kind
    from spiders.run import crawl_subprocess

    settings = {**FAST_SCRAPY, **(extra or {})}
    started = time.perf_counter()
    if not per_kind:
        records = crawl_subprocess(sources, lake, run_id, settings_overrides=settings)
    else:
        groups = list(group_by_kind(sources).values())
        with ThreadPoolExecutor(max_workers=len(groups)) as pool:
            futures = [pool.submit(crawl_subprocess, g, lake, run_id, settings) for g in groups]
            records = [rec for f in futures for rec in f.result()]
    return records, time.perf_counter() - started


def _summary(records: list[dict[str, Any]], wall: float, lake: Path, run_id: str) -> dict[str, Any]:
    postings = sum(
        1 for f in (lake / run_id).glob("*.jsonl") if not f.name.startswith("_") for _ in f.open()
    )
    pages = sum(int(r.get("pages") or 0) for r in records)
    span = _span_seconds(records)
    return {
        "boards": len(records),
        "failed_boards": [
            f"{r['source']}:{r['board']}" for r in records if r.get("status") != "ok"
        ],
        "pages": pages,
        "postings": postings,
        "seconds": wall,
        "crawl_span_seconds": span,
        "pages_per_s_in_crawl": pages / span if span else None,
        "pages_per_s": pages / wall if wall else 0.0,
        "postings_per_s": postings / wall if wall else 0.0,
    }


def crawl_replica(target_postings: int, lake: Path, run_id: str) -> dict[str, Any]:
    """Crawl a replica board with the real spiders, in one process and one process per kind."""
    from spiders.demo.server import DemoServer

    board = open_postings_board(target_postings)
    with DemoServer(board, as_of=AS_OF) as server:
        records, wall = _crawl(server.sources(), lake, run_id, per_kind=False)
        requests_logged = len(server.requests)
        urls = [
            f"{server.base_url}{path}"
            for method, path, status in server.requests
            if method == "GET" and status == 200
        ]
        per_kind = _crawl(server.sources(), lake, f"{run_id}k", per_kind=True)
        # the same single-process crawl again: on a shared machine one run can lose a core
        repeat = _crawl(server.sources(), lake, f"{run_id}r", per_kind=False)
        hammer = hammer_subprocess(urls) if urls else {}
    out = _summary(records, wall, lake, run_id)
    out["repeat"] = _summary(*repeat, lake, f"{run_id}r")
    out.update(requests_logged=requests_logged, raw=hammer)
    out["per_kind"] = _summary(*per_kind, lake, f"{run_id}k")
    return out


def hammer_subprocess(
    urls: list[str], concurrency: int = 16, max_seconds: float = 60.0
) -> dict[str, Any]:
    """Run the raw client in its own process over the crawl's URL list."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(urls, fh)
    cmd = [
        sys.executable,
        "-m",
        "bench.crawlbench",
        "hammer",
        fh.name,
        "--concurrency",
        str(concurrency),
        "--max-seconds",
        str(max_seconds),
    ]
    out = subprocess.run(
        cmd, cwd=ROOT, env=bench_env(), capture_output=True, text=True, timeout=max_seconds + 60
    )
    Path(fh.name).unlink(missing_ok=True)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": out.stderr[-500:]}


async def hammer(urls: list[str], concurrency: int, max_seconds: float) -> dict[str, Any]:
    """Fetch each URL once (bounded count and time) with `concurrency` workers; requests/s."""
    import aiohttp

    queue = list(reversed(urls))
    done = errors = 0
    deadline = time.perf_counter() + max_seconds
    conn = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=conn) as session:

        async def worker() -> None:
            nonlocal done, errors
            while queue and time.perf_counter() < deadline:
                url = queue.pop()
                try:
                    async with session.get(url) as resp:
                        await resp.read()
                        done += 1
                except aiohttp.ClientError:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return {
        "requests": done,
        "errors": errors,
        "seconds": seconds,
        "requests_per_s": done / seconds if seconds else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="replica crawl benchmark (child process)")
    sub = parser.add_subparsers(dest="cmd", required=True)
    crawl = sub.add_parser("crawl")
    crawl.add_argument("--postings", type=int, default=5_000)
    crawl.add_argument("--lake", type=Path, required=True)
    ham = sub.add_parser("hammer")
    ham.add_argument("urls", type=Path)
    ham.add_argument("--concurrency", type=int, default=16)
    ham.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()
    if args.cmd == "hammer":
        urls = json.loads(args.urls.read_text(encoding="utf-8"))
        emit(asyncio.run(hammer(urls, args.concurrency, args.max_seconds)))
    else:
        emit(crawl_replica(args.postings, args.lake, "20261101T000000Z-crawl0"))


if __name__ == "__main__":
    main()
