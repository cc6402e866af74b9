"""Scale-out speed-up: the Prefect + Dask extraction flow with 1 vs 2 LocalCluster workers.

Why one process for both runs: Prefect's temporary API server starts once per process, so both
runs pay the same orchestration cost and the difference is the workers. Each run extracts every
partition again (force) into its own derived root.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from bench.measure import emit, run_child

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


def run(lake: Path, workdir: Path, parquet: bool) -> dict[str, Any]:
    from flows.scale import run_scaled_extract
    from pipelines.lake_parquet import convert_lake

    parquet_root = None
    if parquet:
        parquet_root = workdir / "lake_parquet"
        convert_lake(lake, parquet_root)
    out: dict[str, Any] = {"parquet": parquet}
    # warm-up with no partitions: the API server's first flow run pays its own set-up costs
    run_scaled_extract(lake, workdir / "derived_warmup", run_ids=[], workers=1)
    for workers in (1, 2):
        res = run_scaled_extract(
            lake,
            workdir / f"derived_{workers}",
            parquet_root=parquet_root,
            workers=workers,
            force=True,
        )
        out[f"w{workers}"] = {k: res[k] for k in ("workers", "extracted", "seconds", "worker_pids")}
        out[f"w{workers}"]["task_seconds"] = [round(u["seconds"], 2) for u in res["units"]]
    out["speedup"] = out["w1"]["seconds"] / out["w2"]["seconds"] if out["w2"]["seconds"] else None
    return out


def measure(lake: Path, workdir: Path, parquet: bool = True) -> dict[str, Any]:
    args = [str(lake), str(workdir)] + (["--parquet"] if parquet else [])
    return run_child("bench.scaleout", args, timeout=1800)


def main() -> None:
    parser = argparse.ArgumentParser(description="Dask scale-out 1 vs 2 workers (child)")
    parser.add_argument("lake", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--parquet", action="store_true")
    args = parser.parse_args()
    emit(run(args.lake, args.workdir, args.parquet))


if __name__ == "__main__":
    main()
