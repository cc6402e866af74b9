"""Crawling spread over Prefect workers by source group, processed afterwards as one run.

Why: crawling is I/O-bound and polite per host, so it scales by running groups of source kinds
side by side on different workers (one Prefect work pool per group), not by more CPU. Every
group of one day writes the same lake run directory (the day's run id, one file per source kind,
so two groups never share a lake file); one processing flow then extracts, loads and reports that
run on the host that owns the warehouse (DuckDB has one writer).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.config import Settings, load_settings
from flows.crawl import crawl_kinds, crawled_ok, group_by_kind
from flows.daily import configured_sources, outcome_state, process_run, scrapy_settings_for
from flows.lock import warehouse_lock
from pipelines.records import SOURCE_KINDS
from spiders.source_config import SourceConfig


class GroupConfigError(ValueError):
    """A crawl group names no configured source, or a source kind that does not exist."""


def day_run_id(day: date) -> str:
    """The run id shared by every crawl group and the processing flow of one scheduled day."""
    digest = hashlib.sha1(f"jobtrends:{day.isoformat()}".encode()).hexdigest()[:6]
    return f"{day:%Y%m%d}T000000Z-{digest}"


def group_sources(sources: list[SourceConfig], kinds: list[str]) -> list[SourceConfig]:
    """The configured boards of a group's source kinds."""
    unknown = sorted(set(kinds) - set(SOURCE_KINDS))
    if unknown:
        raise GroupConfigError(
            f"crawl group names unknown source kind(s) {unknown}; use: {', '.join(SOURCE_KINDS)}"
        )
    chosen = [s for s in sources if s.kind in kinds]
    if not chosen:
        raise GroupConfigError(
            f"no configured source of kind(s) {sorted(kinds)} in the sources file: "
            "a crawl group must name kinds that have boards"
        )
    return chosen


def unfinished_boards(sources: list[SourceConfig], lake: Path, run_id: str) -> dict[str, str]:
    """{kind: message} for configured boards without a complete crawl in the run (a group that
    failed or has not finished yet): the processing flow reports them, closures skip them."""
    done = crawled_ok(lake, run_id)
    missing: dict[str, list[str]] = {}
    for src in sources:
        if src.key not in done:
            missing.setdefault(src.kind, []).append(src.board)
    return {
        kind: f"{len(boards)} board(s) without a complete crawl in run {run_id}: {', '.join(boards)}"
        for kind, boards in missing.items()
    }


def missing_run_message(lake: Path, run_id: str) -> str:
    return (
        f"run {run_id} has no lake directory under {lake}: crawl it first "
        "(jobtrends crawl-group --run-id ...) or name a crawled run"
    )


@flow(name="crawl-group")
def crawl_group_flow(settings: Settings, kinds: list[str], run_id: str) -> dict[str, str]:
    """Crawl one group's source kinds into the run; returns {kind: "ok" | error}.

    Re-running it for the same run crawls only the boards not yet complete there."""
    sources = group_sources(configured_sources(settings), kinds)
    scrapy_settings = scrapy_settings_for(settings, demo=False)
    errors = crawl_kinds(sources, settings.lake, run_id, scrapy_settings)
    return {kind: errors.get(kind, "ok") for kind in group_by_kind(sources)}


@flow(name="process-run", log_prints=True)
def process_run_flow(settings: Settings, run_id: str, workers: int = 1) -> Any:
    """Extract, load and report a run the crawl groups filled. Ends like the daily flow:
    Completed, Completed named Partial (a board without a complete crawl, lake lines skipped)
    or Failed named NothingStored (no posting of the run reached the warehouse)."""
    started = datetime.now(UTC)
    if not (settings.lake / run_id).is_dir():
        raise FileNotFoundError(missing_run_message(settings.lake, run_id))
    missing = unfinished_boards(configured_sources(settings), settings.lake, run_id)
    with warehouse_lock(settings.warehouse):
        result = process_run(settings, run_id, started, missing, workers, "process-run")
    return outcome_state(result, get_run_logger())


def run_id_or_today(run_id: str | None) -> str:
    """The given run id, else today's shared one (what every group and the processing agree on)."""
    return run_id or day_run_id(datetime.now(UTC).date())


@flow(name="crawl-group-scheduled")
def scheduled_crawl_group(
    kinds: list[str], config: str | None = None, run_id: str | None = None
) -> dict[str, str]:
    """Deployment entry point of one crawl group (JSON parameters; the day's run id by default)."""
    settings = load_settings(Path(config) if config else None)
    return crawl_group_flow(settings, kinds, run_id_or_today(run_id))


@flow(name="process-run-scheduled")
def scheduled_process_run(
    config: str | None = None, run_id: str | None = None, workers: int = 1
) -> Any:
    """Deployment entry point of the processing flow (the day's run id by default)."""
    settings = load_settings(Path(config) if config else None)
    return process_run_flow(settings, run_id_or_today(run_id), workers)
