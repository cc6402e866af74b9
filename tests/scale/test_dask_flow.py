"""Scale-out extraction through Prefect's DaskTaskRunner on a 2-worker LocalCluster.

One flow run (Prefect starts a temporary API server, ~10-20 s): one task per lake partition,
results written next to the lake, identical to the in-process extract stage.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from flows.scale import run_scaled_extract, unit_output
from pipelines.extract_stage import iter_lake_records
from pipelines.lake_parquet import convert_lake, partitions


@pytest.fixture
def temporary_api():
    """Stop the per-process temporary Prefect server before pytest closes its output streams."""
    yield
    from prefect.logging.handlers import APILogWorker
    from prefect.server.api.server import SubprocessASGIServer

    APILogWorker.drain_all(timeout=10)  # send queued run logs while the server still answers
    SubprocessASGIServer().stop()


@pytest.mark.slow
@pytest.mark.usefixtures("temporary_api")
def test_dask_local_cluster_extracts_each_partition(small_lake, tmp_path: Path) -> None:
    lake, written = small_lake
    root = tmp_path / "lake_parquet"
    convert_lake(lake, root)
    derived = tmp_path / "extracted"
    result = run_scaled_extract(lake, derived, "tv-test", parquet_root=root, workers=2)

    assert result["workers"] == 2
    assert len(result["units"]) == len(written)  # one task per partition, never per posting
    assert result["extracted"] == sum(len(v) for v in written.values())
    assert os.getpid() not in result["worker_pids"]  # ran on Dask worker processes
    assert 1 <= len(result["worker_pids"]) <= 2
    for part in partitions(root):
        out = unit_output(derived, "tv-test", part)
        run_id = part.parent.name.removeprefix("run_id=")
        source = part.name.removeprefix("source=")
        rows = list(iter_lake_records(out))
        assert len(rows) == len(written[(run_id, source)])
        first = rows[0]
        assert first["posting_key"].startswith(f"{source}:acme:")
        assert "python" in {s["slug"] for s in first["skills"]}
        assert first["salary"] is not None
    # a second run finds every derived file and extracts nothing (cached per taxonomy version)
    again = run_scaled_extract(lake, derived, "tv-test", parquet_root=root, workers=2)
    assert again["extracted"] == 0
    assert all(u["files_cached"] == 1 for u in again["units"])
    assert json.loads(
        (derived / "tv-test")
        .joinpath(next(iter(written))[0], "greenhouse.jsonl")
        .read_text()
        .splitlines()[0]
    )["posting_key"]
