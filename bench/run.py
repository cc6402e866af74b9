"""`python -m bench.run` (make bench): every benchmark, one table, results kept for regressions.

Why profiles: the default (quick) run must finish in < 20 min on the 2-core machine, so the
end-to-end run uses 20k postings; `--full` runs the issue's sizes (100k end-to-end). The table
says which size each row ran at.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import rows as R
from bench import rows_runs as RR
from bench.calibrate import calibration_rows
from bench.measure import run_child
from bench.results import (
    Row,
    comparable_sizes,
    compare,
    failed_row,
    load_baseline,
    render,
    save,
)

PROFILES: dict[str, dict[str, Any]] = {
    "quick": {
        "corpus": 20_000,
        "speed_n": 20_000,
        "real_n": 3_000,
        "mem": (4_000, 20_000),
        "load_rows": 200_000,
        "load_full": 20_000,
        "queries": 1_000_000,
        "crawl": 5_000,
        "e2e": 20_000,
        "scale_per_partition": 2_000,
    },
    "full": {
        "corpus": 100_000,
        "speed_n": 20_000,
        "real_n": 10_000,
        "mem": (10_000, 100_000),
        "load_rows": 500_000,
        "load_full": 50_000,
        "queries": 1_000_000,
        "crawl": 20_000,
        "e2e": 100_000,
        "scale_per_partition": 3_000,
    },
}
#: seconds-long harness check (not a measurement): `--smoke`
PROFILES["smoke"] = {
    "corpus": 600,
    "speed_n": 600,
    "real_n": 200,
    "mem": (200, 600),
    "load_rows": 5_000,
    "load_full": 500,
    "queries": 20_000,
    "crawl": 300,
    "e2e": 300,
    "scale_per_partition": 50,
}
BENCHES = ("cpu", "extract", "realtext", "load", "queries", "crawl", "e2e", "scale")
FULL_E2E = 100_000
SCALE_PARTITIONS = 6


def _log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _calib(p: dict[str, Any], work: Path) -> dict[str, Any]:
    from bench.calibrate import measure

    return measure()


def _extract(p: dict[str, Any], work: Path) -> dict[str, Any]:
    from bench.corpus import write_lake
    from bench.extraction import measure

    _log(f"corpus: {p['corpus']:,} postings")
    (lake_file,) = write_lake(work / "lake", p["corpus"], partitions=1)
    return measure(lake_file, p["speed_n"], p["mem"])


def _realtext(p: dict[str, Any], work: Path) -> dict[str, Any]:
    from bench.realtext import measure

    corpus = p.get("real_corpus") or []
    if not corpus:
        raise RuntimeError("no real-text corpus: pass --corpus FILE.jsonl (extract input format)")
    _log(f"real-text corpus: {', '.join(Path(c).name for c in corpus)}")
    return measure([Path(c) for c in corpus], p["real_n"])


def _load(p: dict[str, Any], work: Path) -> dict[str, Any]:
    short = run_child("bench.loadbench", [str(work / "load.duckdb"), "--rows", str(p["load_rows"])])
    full = run_child(
        "bench.loadbench",
        [str(work / "load_full.duckdb"), "--rows", str(p["load_full"]), "--full-text"],
    )
    return {"short": short, "full": full}


def _queries(p: dict[str, Any], work: Path) -> dict[str, Any]:
    return run_child("bench.queries", [str(work / "wh1m.duckdb"), "--postings", str(p["queries"])])


def _crawl(p: dict[str, Any], work: Path) -> dict[str, Any]:
    return run_child(
        "bench.crawlbench",
        ["crawl", "--postings", str(p["crawl"]), "--lake", str(work / "crawl_lake")],
    )


def _e2e(p: dict[str, Any], work: Path) -> dict[str, Any]:
    from bench.e2e import measure

    return measure(p["e2e"], work / "e2e")


def _scale(p: dict[str, Any], work: Path) -> dict[str, Any]:
    from bench.corpus import write_lake
    from bench.scaleout import measure

    n = SCALE_PARTITIONS * p["scale_per_partition"]
    write_lake(work / "scale_lake", n, seed=9, partitions=SCALE_PARTITIONS)
    return measure(work / "scale_lake", work / "scale_work", parquet=True)


RUNNERS: dict[str, tuple[Callable[..., dict[str, Any]], Callable[..., list[Row]], str]] = {
    "cpu": (_calib, calibration_rows, "machine calibration"),
    "extract": (_extract, R.extraction_rows, "extraction, generated text"),
    "realtext": (_realtext, R.realtext_rows, "extraction, real text"),
    "load": (_load, R.load_rows, "load"),
    "queries": (_queries, R.query_rows, "report queries"),
    "crawl": (_crawl, RR.crawl_rows, "replica crawl"),
    "e2e": (_e2e, RR.e2e_rows, "end-to-end"),
    "scale": (_scale, RR.scaleout_rows, "scale-out"),
}


def run_all(
    profile: dict[str, Any], only: list[str], work: Path
) -> tuple[list[Row], dict[str, Any]]:
    """Run each selected benchmark; a failing one becomes a FAIL row, never stops the others."""
    rows: list[Row] = []
    raw: dict[str, Any] = {}
    for name in only:
        runner, to_rows, label = RUNNERS[name]
        first = len(rows)
        _log(f"{label} ...")
        started = time.perf_counter()
        try:
            raw[name] = runner(profile, work)
            if name == "e2e":
                rows += to_rows(raw[name], profile["e2e"], FULL_E2E)
            else:
                rows += to_rows(raw[name])
        except Exception as exc:  # noqa: BLE001 - report and continue
            rows.append(failed_row(f"{name}.error", label, exc))
            raw[name] = {"error": f"{type(exc).__name__}: {exc}"}
        _log(f"{label} done in {time.perf_counter() - started:.0f}s")
        print(render(rows[first:], label), file=sys.stderr, flush=True)
    return rows, raw


def _jsonable(profile: dict[str, Any]) -> dict[str, Any]:
    """The profile as it reads back from JSON (tuples become lists), for comparing sizes."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in profile.items()}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--quick", action="store_true", help="default: end-to-end at 20k postings (< 20 min)"
    )
    size.add_argument(
        "--full", action="store_true", help="the issue's sizes: end-to-end at 100k postings"
    )
    size.add_argument(
        "--smoke", action="store_true", help="tiny sizes: checks the harness, measures nothing"
    )
    parser.add_argument("--e2e-size", type=int, help="end-to-end postings (overrides the profile)")
    parser.add_argument(
        "--only", default=",".join(BENCHES), help=f"comma list of {', '.join(BENCHES)}"
    )
    parser.add_argument(
        "--save-baseline", action="store_true", help="also write bench/results/baseline.json"
    )
    parser.add_argument(
        "--workdir", type=Path, help="scratch directory (default: a temp dir, removed after)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="real postings (JSONL, `jobtrends extract` input format) for the real-text rows; "
        "repeatable; default ../shared/eval/*.jsonl when that folder exists",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    name = "full" if args.full else "smoke" if args.smoke else "quick"
    profile = dict(PROFILES[name])
    if args.e2e_size:
        profile["e2e"] = args.e2e_size
    from bench.realtext import default_corpus

    corpus = args.corpus or default_corpus()
    missing = [str(c) for c in corpus if not c.is_file()]
    if missing:
        raise SystemExit(f"--corpus file not found: {', '.join(missing)}")
    only = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = set(only) - set(BENCHES)
    if unknown:
        raise SystemExit(
            f"unknown benchmark(s) {sorted(unknown)}; choose from {', '.join(BENCHES)}"
        )
    if not corpus and "realtext" in only:
        only.remove("realtext")
        _log("no real-text corpus (no --corpus, no ../shared/eval): generated text only")
    runtime = {**profile, "real_corpus": [str(c) for c in corpus]}
    work = args.workdir or Path(tempfile.mkdtemp(prefix="jobtrends-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        rows, raw = run_all(runtime, only, work)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    baseline = load_baseline()
    differ = comparable_sizes(_jsonable(profile), baseline.get("sizes") if baseline else None)
    factor = compare(rows, baseline) if baseline and not differ else None
    total = time.perf_counter() - started
    if not baseline:
        versus = "no baseline"
    elif differ:
        versus = (
            f"baseline {baseline['timestamp']} ran other sizes ({', '.join(differ)}): not compared"
        )
    elif factor is None:
        versus = f"vs baseline {baseline['timestamp']} (no calibration row: speeds unscaled)"
    else:
        versus = (
            f"vs baseline {baseline['timestamp']}, its speeds scaled by this machine's "
            f"calibration (x{factor:.2f})"
        )
    corpus_note = f"real text: {', '.join(c.name for c in corpus)}" if corpus else "real text: none"
    title = (
        f"jobtrends bench, profile {name} (end-to-end {profile['e2e']:,} postings; 1M-posting marts; "
        f"{corpus_note}), "
        f"{os.cpu_count()} cores, {total / 60:.1f} min; {versus}"
    )
    print(render(rows, title))
    if name == "smoke":  # never let a harness check become the regression reference
        print("\n(smoke profile: results not saved)")
        return 0
    meta = {"profile": name, "sizes": profile, "total_seconds": total, "benchmarks": only}
    path = save(rows, meta, raw, args.save_baseline)
    fails = [r.label for r in rows if r.ok is False]
    print(
        f"\n{len(rows)} rows, {sum(r.ok is True for r in rows)} pass, {len(fails)} fail; results: {path}"
    )
    if args.save_baseline:
        print(f"baseline saved: {path.parent / 'baseline.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
