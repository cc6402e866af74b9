"""Crawl flow: one task per source kind, run in parallel; a failing board fails only its own task."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task

from spiders.source_config import SourceConfig


class BoardsFailed(RuntimeError):
    """Some boards of a source kind could not be crawled completely in this run."""


def crawled_ok(lake: Path, run_id: str) -> set[str]:
    """Boards ("kind:board") already crawled successfully in this run (for retries and catch-up)."""
    from pipelines.lake_read import read_crawl_records

    done: set[str] = set()
    for rec in read_crawl_records(lake / run_id / "_crawl_runs.jsonl"):
        if rec.get("status") != "failed" and listing_fetched(rec):
            done.add(f"{rec['source']}:{rec['board']}")
    return done


def listing_fetched(rec: dict[str, Any]) -> bool:
    """Every listing page was read (items may still have been skipped: then the listing is not
    complete and closes nothing, but a retry would fetch the same unreadable items again)."""
    return bool(rec.get("listing_fetched", rec.get("listing_complete")))


def crawl_boards(
    sources: list[SourceConfig],
    lake: Path,
    run_id: str,
    scrapy_settings: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Crawl the boards not yet done in this run (isolated `scrapy` subprocess); raise if any failed."""
    from spiders.run import crawl_subprocess

    pending = [s for s in sources if s.key not in crawled_ok(lake, run_id)]
    if not pending:
        return []
    records = crawl_subprocess(pending, lake, run_id, settings_overrides=scrapy_settings or {})
    # a failed pay/detail call leaves a board "partial" but its listing complete: data is usable
    failed = [
        f"{r['source']}:{r['board']} ({r.get('status')})"
        for r in records
        if r.get("status") == "failed" or not listing_fetched(r)
    ]
    if failed:
        raise BoardsFailed(f"{len(failed)} board(s) failed: {', '.join(failed)}")
    return records


# no Prefect timeout: these tasks run in worker threads, where Prefect cannot interrupt them and
# only warns (ten warnings per run); the crawl child process is bounded by its per-board timeout
@task(name="crawl-source", retries=2, retry_delay_seconds=[2, 10])
def crawl_source_task(
    kind: str, sources: list[SourceConfig], lake: Path, run_id: str, scrapy_settings: dict[str, Any]
) -> list[dict[str, Any]]:
    logger = get_run_logger()
    logger.info("crawling %d %s board(s) into %s", len(sources), kind, lake / run_id)
    return crawl_boards(sources, lake, run_id, scrapy_settings)


def group_by_kind(sources: list[SourceConfig]) -> dict[str, list[SourceConfig]]:
    groups: dict[str, list[SourceConfig]] = defaultdict(list)
    for src in sources:
        groups[src.kind].append(src)
    return dict(groups)


def crawl_kinds(
    sources: list[SourceConfig], lake: Path, run_id: str, scrapy_settings: dict[str, Any]
) -> dict[str, str]:
    """Submit one crawl task per source kind (inside a flow) and return {kind: error} of failures."""
    futures = {
        kind: crawl_source_task.submit(kind, group, lake, run_id, scrapy_settings)
        for kind, group in group_by_kind(sources).items()
    }
    errors: dict[str, str] = {}
    for kind, fut in futures.items():
        fut.wait()
        if not fut.state.is_completed():
            errors[kind] = fut.state.message or "failed"
    return errors


@flow(name="crawl")
def crawl_flow(
    sources: list[SourceConfig],
    lake: Path,
    run_id: str,
    scrapy_settings: dict[str, Any] | None = None,
) -> dict[str, str]:
    """Crawl every source kind concurrently; returns {kind: "ok" | error message}."""
    errors = crawl_kinds(sources, lake, run_id, scrapy_settings or {})
    return {kind: errors.get(kind, "ok") for kind in group_by_kind(sources)}
