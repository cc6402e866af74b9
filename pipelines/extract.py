"""Extraction of one posting: role, seniority, skills with evidence, and normalised salary."""

from __future__ import annotations

import json
import re
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
    from pipelines.nlp import get_analyser
    from pipelines.salary import extract_salary

    text = record_text(record)
    if analysis is None:
        analysis = get_analyser().analyse(
            str(record.get("title") or ""), text, record.get("company")
        )
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
    """Stream extractions in bounded batches so memory stays flat in corpus size."""
    from pipelines.nlp import get_analyser

    analyser = get_analyser()
    for batch in chunks(records, batch_size):
        texts = [record_text(r) for r in batch]
        items = [
            (str(r.get("title") or ""), t, r.get("company"))
            for r, t in zip(batch, texts, strict=True)
        ]
        for rec, text, analysis in zip(batch, texts, analyser.analyse_many(items), strict=True):
            yield extract_record(dict(rec, description_text=text), analysis)


def _error_line(rid: Any, message: str, lineno: int | None = None) -> tuple[str, bool]:
    data: dict[str, Any] = {"id": rid}
    if lineno is not None:
        data["line"] = lineno
    data["error"] = message
    return json.dumps(data), False


#: what `bytes.decode("utf-8", "surrogateescape")` turns an undecodable byte into
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def decode_lines(raw: Iterable[bytes]) -> Iterator[str]:
    """Lines of a byte stream as text; a byte that is not UTF-8 stays visible as a surrogate, so
    that line alone becomes an error line instead of stopping the whole input."""
    for line in raw:
        yield line.decode("utf-8", errors="surrogateescape")


def extract_json_lines(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """The `jobtrends extract` engine: (output line, ok) per input line; bad lines yield an error."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        bad = _UNDECODABLE.search(line)  # bytes kept as surrogates by decode_lines
        if bad:
            yield _error_line(None, f"invalid UTF-8 at character {bad.start() + 1}", lineno)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error_line(None, f"invalid JSON: {exc.msg}", lineno)
            continue
        if not isinstance(record, dict) or record.get("id") is None:
            rid = record.get("id") if isinstance(record, dict) else None
            yield _error_line(rid, "each line must be a JSON object with an 'id'", lineno)
            continue
        try:
            result = extract_record(record)
        except Exception as exc:  # one bad posting must not stop the run
            yield _error_line(record["id"], f"{type(exc).__name__}: {exc}")
            continue
        result.pop("posting_key", None)
        result.pop("content_hash", None)
        yield json.dumps({"id": record["id"], **result}, ensure_ascii=False, default=str), True
