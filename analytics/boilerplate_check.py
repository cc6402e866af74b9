"""How much the warehouse's asked flags agree with a labelled file, with and without the
boilerplate found across postings (analytics.derived.refresh_asked).

Why: boilerplate works across postings, so it cannot be scored per posting like the extractor
(`jobtrends eval --asked`); this loads the labelled postings into an in-memory warehouse (one
company per id prefix when the prefix names a company, else one company per posting) and
scores the posting-level asked skills four ways.

Usage: python -m analytics.boilerplate_check ../shared/eval/asked_dev.jsonl [company_prefix ...]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

from analytics.db import connect
from analytics.load import load_extractions, load_raw
from pipelines.extract import extract_record
from pipelines.records import compute_content_hash, posting_key

#: how a posting asks for a skill, per mode (an aggregate over its mentions in int_mention_asked)
MODES = {
    "every mention": "true",
    "boilerplate only": "bool_or(asked_reason not in ('boilerplate', 'template'))",
    "extractor": "bool_or(coalesce(extracted_asked, true))",
    "extractor+boilerplate": "bool_or(asked)",
}


def load(rows: list[dict[str, Any]], companies: set[str]) -> duckdb.DuckDBPyConnection:
    """The labelled postings extracted and loaded; ids 'prefix-n' share a company when the
    prefix is in `companies`."""
    con = connect(":memory:")
    records, extractions = [], []
    for row in rows:
        prefix = row["id"].rsplit("-", 1)[0]
        rec = {
            "source": "greenhouse",
            "board": prefix,
            "source_id": row["id"],
            "title": row["title"],
            "company": prefix if prefix in companies else row["id"],
            "description_text": row["description_text"],
            "fetched_at": "2026-11-01T00:00:00Z",
        }
        rec["content_hash"] = compute_content_hash(rec)
        ext = extract_record(rec)
        ext["posting_key"] = posting_key(rec["source"], rec["board"], rec["source_id"])
        records.append(rec)
        extractions.append(ext)
    load_raw(con, records, "20261101T000000Z-check0")
    load_extractions(con, extractions)
    return con


def score(rows: list[dict[str, Any]], got: dict[str, set[str]]) -> dict[str, float | int]:
    """Micro P/R/F1 of asked skills and how many mentioned-only skills were counted."""
    tp = fp = fn = counted = mentioned = 0
    for row in rows:
        gold, pred, only = set(row["asked"]), got.get(row["id"], set()), set(row["mentioned_only"])
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        counted, mentioned = counted + len(only & pred), mentioned + len(only)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"f1": f1, "mentioned_only_counted": counted, "mentioned_only": mentioned}


def main(path: str, companies: list[str]) -> None:
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    con = load(rows, set(companies))
    parts = sorted({r["id"].rsplit("-", 1)[0] for r in rows})
    for mode, expr in MODES.items():
        got: dict[str, set[str]] = defaultdict(set)
        query = f"select posting_id, skill_slug from int_mention_asked group by all having {expr}"
        for pid, slug in con.sql(query).fetchall():
            got[pid.rsplit(":", 1)[1]].add(slug)
        for part in [*parts, "all"]:
            subset = [r for r in rows if part == "all" or r["id"].rsplit("-", 1)[0] == part]
            s = score(subset, got)
            print(
                f"{mode:22s} {part:10s} F1 {s['f1']:.4f}  mentioned-only counted "
                f"{s['mentioned_only_counted']}/{s['mentioned_only']}"
            )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m analytics.boilerplate_check FILE.jsonl [company_prefix ...]")
    main(sys.argv[1], sys.argv[2:])
