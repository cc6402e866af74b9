"""Crawl runner: every configured board in one process (reactorless AsyncCrawlerRunner on asyncio),
or the same crawl in a child process (`python -m spiders.run`) for isolation.

Boards of one kind run one after another (they share a host); kinds run side by side. A board
that fails gets a `failed` crawl record and never stops the others. Safe to call repeatedly in
one process: no Twisted reactor is installed, each call builds a fresh runner.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from pipelines.lake_read import read_crawl_records
from spiders.base import utc_now
from spiders.lake import append_jsonl, new_run_id
from spiders.settings import build_settings
from spiders.source_config import SourceConfig

__all__ = ["crawl", "crawl_async", "crawl_subprocess", "new_run_id", "progress_line"]
MAX_PARALLEL_KINDS = 4
#: seconds one board may take before it is stopped and recorded failed (JOBTRENDS_BOARD_TIMEOUT)
BOARD_TIMEOUT = 1800.0
#: seconds a stopped board gets to close (write its record) before its task is cancelled
STOP_GRACE = 15.0
logger = logging.getLogger("jobtrends.crawl")


class _DropExperimentalWarning(logging.Filter):
    """Reactorless mode needs the aiohttp handler; its 'experimental' warning per crawler is
    known and would otherwise repeat for every board in flow logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "is experimental" not in record.getMessage()


_HANDLER_LOGGER = logging.getLogger("scrapy.core.downloader.handlers._base_streaming")
if not any(isinstance(f, _DropExperimentalWarning) for f in _HANDLER_LOGGER.filters):
    _HANDLER_LOGGER.addFilter(_DropExperimentalWarning())


def _failed_record(cfg: SourceConfig, run_id: str, started: str, message: str) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "source": cfg.kind,
        "board": cfg.board,
        "started_at": started,
        "finished_at": utc_now(),
        "pages": 0,
        "items": 0,
        "errors": 1,
        "status": "failed",
        "listing_complete": False,
        "skipped": {},
        "ignored": {},
        "repaired": {},
        "stats": {},
        "error_messages": [message],
    }


async def _stop_hung(crawler: Any, task: asyncio.Task[None], why: str) -> None:
    """Stop a board that ran out of time: the spider records why and closes (its listing is
    incomplete); a crawl that does not stop within STOP_GRACE is cancelled."""
    spider = getattr(crawler, "spider", None)
    if spider is not None and hasattr(spider, "record_error"):
        spider.record_error(why)
        spider.listing_failed = True
    try:
        await asyncio.wait_for(crawler.stop_async(), STOP_GRACE)
    except (TimeoutError, Exception):  # noqa: BLE001 - stopping a stuck engine may fail too
        pass
    done, _ = await asyncio.wait({task}, timeout=STOP_GRACE)
    if not done:
        task.cancel()


def progress_line(rec: dict[str, Any]) -> str:
    """One line per board: status, pages, items, retries, errors, skips and bytes."""
    stats = rec.get("stats") or {}
    skipped = sum((rec.get("skipped") or {}).values())
    ignored = sum((rec.get("ignored") or {}).values())
    started, finished = rec.get("started_at"), rec.get("finished_at")
    seconds = ""
    try:
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        span = datetime.strptime(finished, fmt) - datetime.strptime(started, fmt)
        seconds = f" {span.total_seconds():.0f}s"
    except (TypeError, ValueError):
        pass
    return (
        f"{rec.get('source')}:{rec.get('board')} {rec.get('status')}"
        f"{'' if rec.get('listing_complete') else ' (listing incomplete)'}"
        f" pages={rec.get('pages', 0)} items={rec.get('items', 0)}"
        f" retries={stats.get('retries', 0)} errors={rec.get('errors', 0)}"
        f" skipped={skipped} ignored={ignored}"
        f" kb={int(stats.get('bytes', 0)) // 1024}{seconds}"
    )


async def crawl_async(
    sources: list[SourceConfig],
    lake_dir: Path,
    run_id: str,
    settings_overrides: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Crawl all boards on the running asyncio loop; returns one crawl record per board."""
    from scrapy.crawler import AsyncCrawlerRunner
    from scrapy.settings import Settings

    from spiders.kinds import SPIDERS

    settings = build_settings({**(settings_overrides or {}), "TWISTED_REACTOR_ENABLED": False})
    runner = AsyncCrawlerRunner(Settings(settings))
    lake_dir = Path(lake_dir)
    records: dict[str, dict[str, Any]] = {}
    gate = asyncio.Semaphore(int(settings.get("JOBTRENDS_MAX_PARALLEL_KINDS", MAX_PARALLEL_KINDS)))

    board_timeout = float(settings.get("JOBTRENDS_BOARD_TIMEOUT", BOARD_TIMEOUT))

    async def one(cfg: SourceConfig) -> None:
        started = utc_now()
        crawler = None
        failure = "spider did not start"
        try:
            crawler = runner.create_crawler(SPIDERS[cfg.kind])
            task = runner.crawl(crawler, source=cfg, run_id=run_id, lake_dir=str(lake_dir))
            done, _ = await asyncio.wait({task}, timeout=board_timeout)
            if not done:  # a hung board: stop it, its record says why, the others go on
                failure = f"board timed out after {board_timeout:.0f}s (JOBTRENDS_BOARD_TIMEOUT)"
                await _stop_hung(crawler, task, failure)
            else:
                task.result()
        except Exception as exc:  # bad config, spider init error, engine failure: this board only
            failure = f"{type(exc).__name__}: {exc}"
        record = getattr(getattr(crawler, "spider", None), "crawl_record", None)
        if record is None:
            record = _failed_record(cfg, run_id, started, failure)
            append_jsonl(lake_dir / run_id / "_crawl_runs.jsonl", record)
        records[cfg.key] = record
        logger.info("%s", progress_line(record))

    async def kind_group(group: list[SourceConfig]) -> None:
        async with gate:
            for cfg in group:
                await one(cfg)

    groups: dict[str, list[SourceConfig]] = defaultdict(list)
    for cfg in sources:
        groups[cfg.kind].append(cfg)
    await asyncio.gather(*(kind_group(g) for g in groups.values()))
    return [records[cfg.key] for cfg in sources if cfg.key in records]


def crawl(
    sources: list[SourceConfig],
    lake_dir: Path,
    run_id: str,
    settings_overrides: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Blocking entry point for flows and the CLI. Uses its own event loop (in a helper thread
    when the caller already runs one); falls back to a subprocess if a Twisted reactor is
    installed in this process, since reactorless Scrapy cannot run next to one."""
    from scrapy.utils.reactor import is_reactor_installed

    if is_reactor_installed():
        return crawl_subprocess(sources, lake_dir, run_id, settings_overrides)
    coro_args = (sources, lake_dir, run_id, settings_overrides)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(crawl_async(*coro_args))
    result: list[list[dict[str, Any]]] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(crawl_async(*coro_args)))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target, name="jobtrends-crawl")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


def crawl_subprocess(
    sources: list[SourceConfig],
    lake_dir: Path,
    run_id: str,
    settings_overrides: dict[str, Any] | None = None,
    timeout: float | None = None,
    progress: bool = True,
) -> list[dict[str, Any]]:
    """Same crawl in a child `python -m spiders.run` (strongest isolation, ~1 s start-up).
    Records come back through `_crawl_runs.jsonl`; boards without one are reported failed."""
    lake_dir = Path(lake_dir)
    runs_file = lake_dir / run_id / "_crawl_runs.jsonl"
    offset = runs_file.stat().st_size if runs_file.exists() else 0
    started = utc_now()
    with tempfile.TemporaryDirectory(prefix="jobtrends-crawl-") as tmp:
        spec = Path(tmp) / "sources.json"
        spec.write_text(json.dumps([asdict(s) for s in sources]), encoding="utf-8")
        cmd = [
            sys.executable,
            "-m",
            "spiders.run",
            "--sources-json",
            str(spec),
            "--lake",
            str(lake_dir),
            "--run-id",
            run_id,
            "--settings-json",
            json.dumps(settings_overrides or {}),
        ]
        if timeout is None:  # every board may use its own timeout, plus start-up
            per_board = float(
                (settings_overrides or {}).get("JOBTRENDS_BOARD_TIMEOUT", BOARD_TIMEOUT)
            )
            timeout = per_board * max(1, len(sources)) + 2 * STOP_GRACE + 60
        failure = _run_child(cmd, timeout)
    found: dict[str, dict[str, Any]] = {}
    # the child's records only; a torn line (child killed mid-write) is not a record
    for rec in read_crawl_records(runs_file, start=offset):
        found[f"{rec['source']}:{rec['board']}"] = rec
    out = []
    for cfg in sources:
        rec = found.get(cfg.key)
        if rec is None:
            rec = _failed_record(cfg, run_id, started, failure)
            append_jsonl(runs_file, rec)
        out.append(rec)
        if progress:
            print(progress_line(rec), file=sys.stderr, flush=True)
    return out


def _run_child(cmd: list[str], timeout: float) -> str:
    """Run the crawl child in its own process group; past `timeout` the whole group is
    killed (Scrapy's helpers too). Returns the failure text for boards left without a record."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        _, stderr = proc.communicate(timeout=timeout)
        return f"crawl subprocess exited {proc.returncode}: {stderr.strip()[-300:]}"
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        return f"crawl subprocess timed out after {timeout:.0f}s"


def main(argv: list[str] | None = None) -> int:
    """`python -m spiders.run --sources sources.toml --lake data/raw [--run-id ID]`."""
    parser = argparse.ArgumentParser(prog="python -m spiders.run", description=main.__doc__)
    parser.add_argument("--sources", type=Path, help="sources.toml")
    parser.add_argument("--sources-json", type=Path, help="JSON list of SourceConfig fields")
    parser.add_argument("--lake", type=Path, default=Path("data/raw"))
    parser.add_argument("--run-id", default=None)
    parser.add_argument("--settings-json", default="{}")
    args = parser.parse_args(argv)
    if args.sources_json:
        raw = json.loads(args.sources_json.read_text(encoding="utf-8"))
        sources = [
            SourceConfig(**{**r, "title_keywords": tuple(r.get("title_keywords") or ())})
            for r in raw
        ]
    elif args.sources:
        from spiders.sources_file import load_sources

        sources = load_sources(args.sources)
    else:
        parser.error("give --sources or --sources-json")
    overrides = json.loads(args.settings_json)
    from scrapy.settings import Settings
    from scrapy.utils.log import configure_logging

    configure_logging(Settings(build_settings(overrides)))
    records = asyncio.run(crawl_async(sources, args.lake, args.run_id or new_run_id(), overrides))
    for rec in records:
        print(json.dumps(rec, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
