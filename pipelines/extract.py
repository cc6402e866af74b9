"""Extraction of one posting: role, seniority, skills with evidence, and normalised salary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pipelines.batching import chunks
from pipelines.geo import infer_country
from pipelines.records import compute_content_hash, posting_key
from pipelines.text import html_to_text

#: Keys of the fixed `jobtrends extract` output contract (plus provenance extras).
OUTPUT_KEYS = (
    "role",
    "role_confidence",
    "role_provenance",
    "seniority",
    "seniority_confidence",
    "seniority_provenance",
    "skills",
    "salary",
    "taxonomy_version",
)


def record_text(record: dict[str, Any]) -> str:
    """Plain description text: the source's text if given, else derived from its HTML."""
    text = record.get("description_text")
    if text:
        return str(text)
    return html_to_text(record.get("description_html"))


def _salary_input(record: dict[str, Any], text: str) -> dict[str, Any]:
    data = dict(record)
    data["description_text"] = text
    if "locations" not in data and record.get("location"):
        data["locations"] = [record["location"]]
    return data


def extract_record(
    record: dict[str, Any], analysis: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Extraction dict for a Posting dict or an `extract` input line (see docs/contracts.md)."""
    if analysis is None:
        return extract_batch([record])[0]
    return _finish(record, record_text(record), analysis)


def extract_batch(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`extract_record` of each record, each stage over the whole batch (the analyser's
    stages, then pay): a stage keeps its tables in the CPU cache while it reads the batch."""
    from pipelines.nlp import get_analyser

    texts = [record_text(r) for r in records]
    analyses = get_analyser().analyse_batch(
        [
            (str(r.get("title") or ""), text, r.get("company"))
            for r, text in zip(records, texts, strict=True)
        ]
    )
    return [_finish(*args) for args in zip(records, texts, analyses, strict=True)]


def _finish(record: dict[str, Any], text: str, analysis: dict[str, Any]) -> dict[str, Any]:
    """The output of one record: its analysis, country, pay and (for lake records) keys."""
    from pipelines.salary import extract_salary

    result = {k: analysis.get(k) for k in OUTPUT_KEYS if k in analysis}
    result.update(
        infer_country(
            record.get("locations") or record.get("location"), record.get("country_codes")
        )
    )
    result["salary"] = extract_salary(_salary_input(record, text))
    if record.get("source") and record.get("board") and record.get("source_id"):
        result["posting_key"] = posting_key(
            record["source"], record["board"], str(record["source_id"])
        )
        result["content_hash"] = record.get("content_hash") or compute_content_hash(record)
    return result


def extract_records(
    records: Iterable[dict[str, Any]], batch_size: int = 128
) -> Iterator[dict[str, Any]]:
    """Stream extractions in bounded batches so memory stays flat in corpus size. Each record
    carries its plain text on, so its content hash covers the text read (lake records)."""
    for batch in chunks(records, batch_size):
        yield from extract_batch([dict(r, description_text=record_text(r)) for r in batch])
