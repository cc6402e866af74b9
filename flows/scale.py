"""Scale-out extraction: one Prefect task per raw-lake partition, run on Dask workers.

Why partitions, not postings: a Prefect task run costs milliseconds and each worker loads the spaCy
pipeline once, so the unit of distribution is a lake file (<lake>/<run>/<source>.jsonl) or a
Parquet partition (run_id=<id>/source=<kind>/), never a posting. Results stay on shared storage
(derived JSONL next to the lake); tasks return only small stats dicts.

Local: `DaskTaskRunner` starts a LocalCluster (processes, 1 thread each: spaCy holds the GIL).
Cluster: pass `address="tcp://scheduler:8786"` (or set JOBTRENDS_DASK_ADDRESS); the lake and the
derived root must then be on storage every worker sees (see docs/scaling.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.futures import wait
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings
from prefect_dask import DaskTaskRunner

from pipelines.extract import extract_records
from pipelines.extract_stage import ExtractStats, derived_path, extract_if_changed, lake_files
from pipelines.lake_parquet import iter_partition_records, partitions


def dask_runner(workers: int = 2, address: str | None = None) -> DaskTaskRunner:
    """A task runner on an existing scheduler (address) or a LocalCluster of `workers` processes."""
    address = address or os.environ.get("JOBTRENDS_DASK_ADDRESS") or None
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": ":0",
        },
    )


def partition_units(
    lake: Path, run_ids: list[str] | None = None, parquet_root: Path | None = None
) -> list[Path]:
    """Extraction units: Parquet partition dirs when a Parquet lake is given, else lake files."""
    if parquet_root is not None:
        return partitions(parquet_root, run_ids)
    return lake_files(lake, run_ids)


def unit_output(derived_root: Path, taxonomy_version: str, unit: Path) -> Path:
    """Derived file of a unit; a Parquet partition maps to the same path as its JSONL file."""
    if unit.is_dir():
        run_id = unit.parent.name.removeprefix("run_id=")
        source = unit.name.removeprefix("source=")
        return derived_root / taxonomy_version / run_id / f"{source}.jsonl"
    return derived_path(derived_root, taxonomy_version, unit)


def extract_unit(
    unit: Path, derived_root: Path, taxonomy_version: str, force: bool = False
) -> dict[str, Any]:
    """Extract one partition to its derived file (atomic), skipping it when already extracted."""
    out = unit_output(derived_root, taxonomy_version, unit)
    started = time.perf_counter()
    stats = ExtractStats(files=1)
    if not unit.is_dir():
        extract_if_changed(unit, out, None, 1, stats, force=force)
    elif out.exists() and not force:  # a partition is rewritten whole by convert_lake
        stats.files_cached = 1
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for result in extract_records(iter_partition_records(unit)):
                fh.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
                stats.postings += 1
                stats.extracted += 1
        tmp.replace(out)
    return {
        **asdict(stats),
        "unit": str(unit),
        "output": str(out),
        "seconds": time.perf_counter() - started,
        "pid": os.getpid(),
    }


@task(name="extract-partition", retries=1, retry_delay_seconds=[5])
def extract_partition_task(
    unit: Path, derived_root: Path, taxonomy_version: str, force: bool = False
) -> dict[str, Any]:
    return extract_unit(unit, derived_root, taxonomy_version, force)


@flow(name="extract-scaled")
def scaled_extract_flow(
    lake: Path,
    derived_root: Path,
    taxonomy_version: str,
    run_ids: list[str] | None = None,
    parquet_root: Path | None = None,
    force: bool = False,
) -> list[dict[str, Any]]:
    """Submit one task per partition to the flow's task runner; return the per-partition stats."""
    units = partition_units(lake, run_ids, parquet_root)
    futures = [
        extract_partition_task.submit(u, derived_root, taxonomy_version, force) for u in units
    ]
    wait(futures)
    return [f.result() for f in futures]


@contextlib.contextmanager
def shared_api() -> Iterator[str | None]:
    """One Prefect API for the flow and every Dask worker process.

    Without PREFECT_API_URL each worker process would start its own temporary server (10-20 s of
    CPU each, on the cores meant for extraction); workers inherit the environment at spawn. The
    server is Prefect's own per-process temporary one (a singleton, stopped at exit), so later
    flow runs in this process reuse it and its log handler never points at a stopped server.
    """
    url = get_current_settings().api.url
    if url:
        yield url
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous


def run_scaled_extract(
    lake: Path,
    derived_root: Path,
    taxonomy_version: str | None = None,
    run_ids: list[str] | None = None,
    parquet_root: Path | None = None,
    workers: int = 2,
    address: str | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Run the scaled flow on a Dask cluster; returns totals, wall seconds and per-unit stats."""
    if taxonomy_version is None:
        from flows.extract import taxonomy_version as current_taxonomy_version

        taxonomy_version = current_taxonomy_version()
    started = time.perf_counter()
    runner_flow = scaled_extract_flow.with_options(task_runner=dask_runner(workers, address))
    with shared_api():
        units = runner_flow(lake, derived_root, taxonomy_version, run_ids, parquet_root, force)
    return {
        "workers": workers,
        "units": units,
        "extracted": sum(u["extracted"] for u in units),
        "seconds": time.perf_counter() - started,
        "worker_pids": sorted({u["pid"] for u in units}),
    }
