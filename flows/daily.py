"""The daily flow: crawl -> extract -> load -> report, with a summary artifact and a flow_runs row.

A failing board fails its own crawl task; the rest is extracted, loaded and reported, and the run
ends in a visible Partial state. The next run catches up (closures only follow complete listings).
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.states import Completed, Failed

from flows.config import Settings
from flows.crawl import crawl_kinds
from flows.errors import run_outcome
from flows.extract import extract_task
from flows.load import load_task
from flows.lock import warehouse_lock
from flows.report import report_dir, report_task
from flows.summary import publish_summary, record_run
from flows.watchdog import children_die_with_us
from spiders.source_config import SourceConfig


def configured_sources(settings: Settings) -> list[SourceConfig]:
    from spiders.sources_file import load_sources

    if settings.sources_file.exists():
        return load_sources(settings.sources_file)
    return []


#: Our own replica on loopback needs no politeness delay; real boards keep the polite defaults.
LOCAL_REPLICA_SCRAPY = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def scrapy_settings_for(settings: Settings, demo: bool) -> dict[str, Any]:
    base: dict[str, Any] = {
        "CONTACT_URL": settings.contact_url,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency_per_domain,
    }
    if demo:
        base.update(LOCAL_REPLICA_SCRAPY)
    base.update(settings.scrapy_settings)
    return base


@contextlib.contextmanager
def demo_board_if_needed(settings: Settings, sources: list[SourceConfig]):  # noqa: ANN201
    """Start the bundled replica board on a free port when no sources are configured."""
    if sources:
        yield sources, scrapy_settings_for(settings, demo=False)
        return
    from datetime import date

    from spiders.demo.generator import generate_board
    from spiders.demo.server import DemoServer

    board = generate_board(seed=settings.demo_seed, n_postings=settings.demo_postings)
    as_of = date.fromisoformat(settings.demo_as_of) if settings.demo_as_of else None
    with DemoServer(board, as_of=as_of) as server:
        yield server.sources(), scrapy_settings_for(settings, demo=True)


def known_hashes(warehouse: Path) -> set[tuple[str, str]]:
    """(posting_id, content_hash) pairs already extracted, so unchanged postings are skipped."""
    if not warehouse.exists():
        return set()
    from analytics.db import connect

    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute("select posting_id, content_hash from extractions").fetchall()
    except Exception:
        rows = []
    finally:
        con.close()
    return {(r[0], r[1]) for r in rows}


@flow(name="daily", log_prints=True)
def daily_flow(settings: Settings, run_id: str | None = None, workers: int = 1) -> Any:
    from spiders.run import new_run_id

    logger = get_run_logger()
    run_id = run_id or new_run_id()
    started = datetime.now(UTC)
    with children_die_with_us(), warehouse_lock(settings.warehouse):
        with demo_board_if_needed(settings, configured_sources(settings)) as (
            sources,
            scrapy_settings,
        ):
            crawl_errors = crawl_kinds(sources, settings.lake, run_id, scrapy_settings)
        result = process_run(settings, run_id, started, crawl_errors, workers)
    return outcome_state(result, logger)


def outcome_state(result: dict[str, Any], logger: Any) -> Any:
    """The flow's final state from the run's outcome: Completed, Completed named Partial, or
    Failed named NothingStored (its data the NothingStored error carrying the result)."""
    from flows.errors import EXIT_NOTHING_STORED, EXIT_PARTIAL, NothingStored

    code, name, reason = result["exit_code"], result["state"], result["outcome"]
    if code == EXIT_NOTHING_STORED:
        logger.error("%s: %s", reason, result["crawl_errors"])
        return Failed(name=name, message=reason, data=NothingStored(reason, result))
    if code == EXIT_PARTIAL:
        logger.warning("%s: %s", reason, result["crawl_errors"])
        return Completed(name=name, message=f"{reason}: {result['crawl_errors']}", data=result)
    return result


def process_run(
    settings: Settings,
    run_id: str,
    started: datetime,
    crawl_errors: dict[str, str],
    workers: int = 1,
    flow_name: str = "daily",
) -> dict[str, Any]:
    """Extract, load and report one crawled run, then publish its summary (the caller holds
    the warehouse lock). Shared by the daily flow and flows.groups.process_run_flow."""
    derived, extract_stats = extract_task(
        settings.lake, [run_id], known_hashes(settings.warehouse), workers
    )
    load_stats = load_task(settings.warehouse, settings.lake, run_id, derived)
    out_dir = report_dir(settings.reports)
    reports = report_task(settings.warehouse, out_dir, lake=settings.lake)
    code, state, outcome = run_outcome(crawl_errors, load_stats)
    numbers = record_run(
        settings.warehouse,
        run_id,
        started,
        load_stats,
        extract_stats,
        crawl_errors,
        flow_name,
        state=state,
    )
    publish_summary(run_id, numbers, out_dir, crawl_errors)
    print(f"warehouse: {settings.warehouse.resolve()}")
    print(f"reports:   {out_dir.resolve()}")
    return {
        "run_id": run_id,
        "warehouse": str(settings.warehouse.resolve()),
        "reports_dir": str(out_dir.resolve()),
        "reports": reports,
        "numbers": numbers,
        "crawl_errors": crawl_errors,
        "exit_code": code,
        "state": state,
        "outcome": outcome,
        "skipped_lines": load_stats.get("skipped_lines", []),
    }


@flow(name="daily-scheduled")
def scheduled_daily(config: str | None = None, workers: int = 1) -> Any:
    """Deployment entry point: JSON-friendly parameters, settings read from jobtrends.toml."""
    from flows.config import load_settings

    return daily_flow(load_settings(Path(config) if config else None), workers=workers)
