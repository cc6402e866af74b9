"""Measure the import stage on a synthetic JobSpy-format file: rows/s and peak memory.

Run: python -m importers.bench_import --rows 1000000 [--keep DIR] [--load]
     python -m importers.bench_import --write-only --keep DIR; then --file DIR/jobs.csv
Writes the file with Polars (not timed), then imports it into a scratch lake (timed) and, with
--load, loads the run into a scratch warehouse (timed, no extraction: that has its own bench).
Peak RSS is the process's high-water mark: import a --file in a fresh process to see the
import's own peak.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import polars as pl


def synthetic_jobspy(path: Path, rows: int) -> Path:
    """JobSpy columns, distinct ids, short Markdown descriptions, pay on 60% of rows."""
    i = pl.int_range(0, rows, eager=True)
    sites = ["linkedin", "indeed", "glassdoor", "zip_recruiter"]
    frame = pl.DataFrame({"n": i}).with_columns(
        id=pl.format("li-{}", pl.col("n") + 10**9),
        site=pl.lit(sites[0]),
        job_url=pl.format("https://www.example.com/jobs/view/{}", pl.col("n")),
        title=pl.format("Machine Learning Engineer {}", pl.col("n") % 50),
        company=pl.format("Company {}", pl.col("n") % 5000),
        location=pl.lit("New York, NY, US"),
        date_posted=pl.lit("2026-10-14"),
        job_type=pl.lit("fulltime"),
        interval=pl.when(pl.col("n") % 5 < 3).then(pl.lit("yearly")).otherwise(None),
        min_amount=pl.when(pl.col("n") % 5 < 3).then(pl.lit(150000.0)).otherwise(None),
        max_amount=pl.when(pl.col("n") % 5 < 3).then(pl.lit(190000.0)).otherwise(None),
        currency=pl.lit("USD"),
        is_remote=(pl.col("n") % 3 == 0),
        description=pl.format(
            "**About us**\n\nWe build data products.\n\n* Python, SQL and PyTorch\n* {} years of experience",
            pl.col("n") % 7,
        ),
        company_industry=pl.lit("Software Development"),
    )
    frame = frame.with_columns(
        site=pl.Series([sites[k % 4] for k in range(rows)]) if rows <= 4 else pl.col("site")
    ).drop("n")
    frame.write_csv(path)
    return path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process (all threads): steadier than wall time on a shared machine."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--load", action="store_true", help="also load the run into a warehouse")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--file", type=Path, help="import this file instead of writing one")
    ap.add_argument("--write-only", action="store_true", help="write the file and stop")
    ap.add_argument("--workers", type=int, default=1, help="import processes")
    args = ap.parse_args(argv)
    from importers.run import import_files

    work = args.keep or Path(tempfile.mkdtemp(prefix="jobtrends-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        src = args.file or synthetic_jobspy(work / "jobs.csv", args.rows)
        if args.write_only:
            print(f"wrote {src} ({src.stat().st_size / 1e6:.0f} MB)")
            return
        base = peak_rss_mb()
        size = src.stat().st_size / 1e6
        t0, c0 = time.perf_counter(), cpu_seconds()
        result = import_files([src], work / "lake", source="bench", workers=args.workers)
        took, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        print(
            f"import: {result.written} rows of {size:.0f} MB CSV in {took:.1f} s wall = "
            f"{result.written / took:,.0f} rows/s ({cpu:.1f} s CPU = {result.written / cpu:,.0f} "
            f"rows per CPU-s); peak RSS {peak_rss_mb():.0f} MB (before the import {base:.0f} MB; "
            f"CPU and RSS of this process only: --workers {args.workers})"
        )
        if args.load:
            from flows.load import load_stage

            t0, c0 = time.perf_counter(), cpu_seconds()
            stats = load_stage(work / "w.duckdb", work / "lake", result.run_id, [])
            took, cpu = time.perf_counter() - t0, cpu_seconds() - c0
            new = stats.get("new", 0)
            print(
                f"load:   {new} postings in {took:.1f} s wall = {new / took:,.0f} rows/s "
                f"({cpu:.1f} s CPU = {new / cpu:,.0f} rows per CPU-s); "
                f"peak RSS {peak_rss_mb():.0f} MB"
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
