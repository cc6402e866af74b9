"""Small raw lakes for the scale-out tests, in the spiders' JSONL lake format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipelines.records import compute_content_hash

RUN_A = "20261101T060000Z-aaaaaa"
RUN_B = "20261102T060000Z-bbbbbb"
TEXT = (
    "About us: we build an assistant for in-house legal teams. What you'll do: ship retrieval "
    "pipelines in Python and SQL, evaluate LLMs, and deploy on Kubernetes on AWS. "
    "What we're looking for: 4+ years of experience with PyTorch. Salary: $150,000 - $190,000 per year."
)


def posting(source: str, i: int, run_id: str) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "source": source,
        "board": "acme",
        "source_id": str(i),
        "url": f"https://example.invalid/{source}/{i}",
        "title": "Senior AI Engineer" if i % 2 else "Data Scientist",
        "company": "Acme",
        "locations": ["Remote"],
        "country_codes": ["US"],
        "workplace_type": "remote",
        "posted_at": "2026-10-01T12:00:00Z",
        "description_html": f"<p>{TEXT}</p>",
        "description_text": TEXT,
        "salary_raw": {"min": 150000, "max": 190000, "currency": "USD"} if i % 3 == 0 else None,
        "salary_text": None,
        "fetched_at": "2026-11-01T06:00:00Z",
        "run_id": run_id,
    }
    rec["content_hash"] = compute_content_hash(rec)
    return rec


def write_lake(
    lake: Path, layout: dict[str, dict[str, int]]
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """layout: run_id -> {source: n postings}; returns the records written per (run, source)."""
    written = {}
    for run_id, sources in layout.items():
        (lake / run_id).mkdir(parents=True, exist_ok=True)
        for source, n in sources.items():
            recs = [posting(source, i, run_id) for i in range(n)]
            lines = "".join(json.dumps(r) + "\n" for r in recs)
            (lake / run_id / f"{source}.jsonl").write_text(lines, encoding="utf-8")
            written[(run_id, source)] = recs
    return written
