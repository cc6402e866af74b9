"""Extract flow: raw lake files of a run -> derived extraction files (cached by taxonomy version)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task

from pipelines.extract_stage import extract_lake, lake_files


def taxonomy_version() -> str:
    from pipelines.nlp import get_analyser

    return str(get_analyser().version)


def derived_root(lake: Path) -> Path:
    """Derived extraction files live next to the raw lake: <lake>/../extracted/<taxonomy>/<run>/."""
    return lake.parent / "extracted"


def run_extract(
    lake: Path,
    run_ids: list[str] | None,
    known_hashes: set[tuple[str, str]] | None = None,
    workers: int = 1,
    force: bool = False,
) -> tuple[list[Path], dict[str, Any]]:
    files = lake_files(lake, run_ids)
    outputs, stats = extract_lake(
        files, derived_root(lake), taxonomy_version(), known_hashes, workers, force
    )
    return outputs, asdict(stats)


@task(name="extract-lake", retries=1, retry_delay_seconds=[5], timeout_seconds=7200)
def extract_task(
    lake: Path, run_ids: list[str] | None, known_hashes: set[tuple[str, str]], workers: int
) -> tuple[list[Path], dict[str, Any]]:
    outputs, stats = run_extract(lake, run_ids, known_hashes, workers)
    from flows.progress import extraction_line

    get_run_logger().info(extraction_line(stats))
    return outputs, stats


@flow(name="extract")
def extract_flow(lake: Path, run_ids: list[str] | None = None, workers: int = 1) -> dict[str, Any]:
    _, stats = extract_task(lake, run_ids, set(), workers)
    return stats
