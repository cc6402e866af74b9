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
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from spiders.base import utc_now
from spiders.lake import append_jsonl, new_run_id
from spiders.settings import build_settings
from spiders.source_config import SourceConfig

__all__ = ["crawl", "crawl_async", "crawl_subprocess", "new_run_id"]
MAX_PARALLEL_KINDS = 4


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
        "error_messages": [message],
    }


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

    async def one(cfg: SourceConfig) -> None:
        started = utc_now()
        crawler = None
        try:
            crawler = runner.create_crawler(SPIDERS[cfg.kind])
            await runner.crawl(crawler, source=cfg, run_id=run_id, lake_dir=str(lake_dir))
        except Exception as exc:  # bad config, spider init error, engine failure: this board only
            spider = getattr(crawler, "spider", None)
            if getattr(spider, "crawl_record", None) is None:
                rec = _failed_record(cfg, run_id, started, f"{type(exc).__name__}: {exc}")
                append_jsonl(lake_dir / run_id / "_crawl_runs.jsonl", rec)
                records[cfg.key] = rec
                return
        record = getattr(getattr(crawler, "spider", None), "crawl_record", None)
        if record is None:
            record = _failed_record(cfg, run_id, started, "spider did not start")
            append_jsonl(lake_dir / run_id / "_crawl_runs.jsonl", record)
        records[cfg.key] = record

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
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
            failure = f"crawl subprocess exited {proc.returncode}: {proc.stderr.strip()[-300:]}"
        except subprocess.TimeoutExpired:
            failure = f"crawl subprocess timed out after {timeout}s"
    found: dict[str, dict[str, Any]] = {}
    if runs_file.exists():
        with runs_file.open("rb") as fh:
            fh.seek(offset)
            for line in fh.read().decode("utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    found[f"{rec['source']}:{rec['board']}"] = rec
    out = []
    for cfg in sources:
        rec = found.get(cfg.key)
        if rec is None:
            rec = _failed_record(cfg, run_id, started, failure)
            append_jsonl(runs_file, rec)
        out.append(rec)
    return out


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
