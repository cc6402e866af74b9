"""Seed warehouse helpers: the synthetic lake under tests/fixtures/warehouse, loaded for real."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb

from analytics.db import scalar as db_scalar
from analytics.load import apply_closures, load_crawl_runs, load_raw
from pipelines.records import compute_content_hash, posting_key

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "warehouse"
RUN1 = "20260301T060000Z-a1b2c3"
RUN2 = "20260308T060000Z-d4e5f6"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def lake_postings(run_id: str) -> list[dict[str, Any]]:
    return [
        rec
        for f in sorted((SEEDS / "lake" / run_id).glob("*.jsonl"))
        if not f.name.startswith("_")
        for rec in read_jsonl(f)
    ]


def crawl_records(run_id: str) -> list[dict[str, Any]]:
    return read_jsonl(SEEDS / "lake" / run_id / "_crawl_runs.jsonl")


def seen_by_board(postings: list[dict[str, Any]]) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    for rec in postings:
        key = posting_key(rec["source"], rec["board"], rec["source_id"])
        seen.setdefault(f"{rec['source']}:{rec['board']}", set()).add(key)
    return seen


def seed_extractions(run_id: str = RUN1) -> list[dict[str, Any]]:
    """Extraction dicts with content hashes of the given run's postings filled in."""
    hashes = {
        posting_key(r["source"], r["board"], r["source_id"]): compute_content_hash(r)
        for r in lake_postings(run_id)
    }
    out = []
    for ext in read_jsonl(SEEDS / "extractions.jsonl"):
        ext["content_hash"] = hashes.get(ext["posting_key"])
        out.append(ext)
    return out


def seed_dims() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    def rows(name: str) -> list[dict[str, Any]]:
        with open(SEEDS / name, newline="") as f:
            return [
                {k: (v == "True" if v in ("True", "False") else (v or None)) for k, v in r.items()}
                for r in csv.DictReader(f)
            ]

    return rows("skills.csv"), rows("roles.csv")


def load_run(con: duckdb.DuckDBPyConnection, run_id: str) -> Any:
    """What the load flow does for one run: raw rows, crawl records, closures."""
    postings = lake_postings(run_id)
    stats = load_raw(con, postings, run_id)
    records = crawl_records(run_id)
    load_crawl_runs(con, records)
    apply_closures(con, records, seen_by_board(postings))
    return stats


def scalar(con: duckdb.DuckDBPyConnection, query: str, **params: Any) -> Any:
    return db_scalar(con, query, params or None)
