"""Rows of the benchmarks that run the collectors and flows (replica crawl, end-to-end run,
Prefect + Dask scale-out), with their targets; bench/rows.py holds the per-stage ones."""

from __future__ import annotations

from typing import Any

from bench.results import Row, check
from bench.rows import GIB


def crawl_rows(r: dict[str, Any]) -> list[Row]:
    raw, kind = r.get("raw") or {}, r.get("per_kind") or {}
    note = f"{r['boards']} boards, {r['pages']:,} pages, {r['postings']:,} postings in {r['seconds']:.1f}s"
    failed = r.get("failed_boards", []) + kind.get("failed_boards", [])
    if failed:
        note += f"; FAILED boards: {', '.join(failed[:3])}"
    repeat = (r.get("repeat") or {}).get("pages_per_s")
    best = max(r["pages_per_s"], repeat or 0.0, kind.get("pages_per_s") or 0.0)
    return [
        Row(
            "crawl.pages_s",
            "replica crawl pages/s, 1 Scrapy process",
            r["pages_per_s"],
            "pages/s",
            note=note,
        ),
        Row(
            "crawl.pages_s_repeat",
            "the same crawl again, same process settings",
            repeat,
            "pages/s",
            note="a second sample: shows this machine's run-to-run spread",
        ),
        Row(
            "crawl.pages_s_per_kind",
            "replica crawl pages/s, 1 process per kind (as flows)",
            kind.get("pages_per_s"),
            "pages/s",
            note=f"{kind.get('seconds', 0):.1f}s",
        ),
        Row(
            "crawl.pages_s_best",
            "replica crawl pages/s, best of the three runs",
            best,
            "pages/s",
            ">= 300",
            check(best, 300),
        ),
        Row(
            "crawl.postings_s",
            "replica crawl postings/s, 1 process per kind",
            kind.get("postings_per_s"),
            "postings/s",
        ),
        Row(
            "crawl.raw_req_s",
            "replica raw speed (aiohttp, same URLs, c=16)",
            raw.get("requests_per_s"),
            "req/s",
            note=f"{raw.get('requests', 0):,} requests, own process",
        ),
    ]


def e2e_rows(r: dict[str, Any], target_size: int, full_size: int) -> list[Row]:
    minutes = r["seconds"] / 60
    at_full = target_size >= full_size
    projected = minutes * full_size / max(target_size, 1)
    rss_gib = r.get("tree_peak_rss_mb", 0.0) / GIB
    state = f"state {r['state']}, {r.get('postings_loaded')} postings loaded"
    return [
        Row(
            "e2e.minutes",
            f"end-to-end {target_size:,} postings (crawl->reports)",
            minutes,
            "min",
            "< 15 min @ 100k",
            check(minutes, maximum=15.0) if at_full else None,
            higher_is_better=False,
            note=state
            if at_full
            else f"{state}; linear projection to {full_size:,}: {projected:.1f} min",
        ),
        Row(
            "e2e.peak_rss_gib",
            f"end-to-end peak RSS, whole process tree ({target_size:,})",
            rss_gib,
            "GiB",
            "< 2 GiB",
            check(rss_gib, maximum=2.0),
            higher_is_better=False,
            note=f"largest process {r.get('largest_process_rss_mb', 0) / GIB:.2f} GiB",
        ),
    ]


def scaleout_rows(r: dict[str, Any]) -> list[Row]:
    w1, w2 = r["w1"], r["w2"]
    return [
        Row(
            "scale.dask_1w_s",
            f"Prefect+Dask extraction, 1 worker ({w1['extracted']:,} postings)",
            w1["seconds"],
            "s",
            higher_is_better=False,
        ),
        Row(
            "scale.dask_2w_s",
            "Prefect+Dask extraction, 2 workers",
            w2["seconds"],
            "s",
            higher_is_better=False,
        ),
        Row(
            "scale.dask_speedup",
            "Dask speed-up 2 vs 1 workers",
            r["speedup"],
            "x",
            note="Parquet lake partitions" if r.get("parquet") else "JSONL lake files",
        ),
    ]
