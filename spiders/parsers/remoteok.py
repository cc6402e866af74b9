"""RemoteOK JSON API (`/api`): element 0 is a legal notice; strings may carry mojibake."""

from __future__ import annotations

import json
from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import (
    clean_str,
    finish,
    fix_mojibake,
    iso_utc,
    items_of,
    parse_each,
    require_id,
)

_EMPLOYMENT_TAGS = (
    "full-time",
    "full time",
    "part-time",
    "part time",
    "contract",
    "contractor",
    "internship",
    "freelance",
)


def _fix(value: Any) -> Any:
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [_fix(v) for v in value]
    if isinstance(value, dict):
        return {k: _fix(v) for k, v in value.items()}
    return value


def parse_remoteok(
    payload: bytes | str | list[Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """Jobs of the feed; bytes are decoded as UTF-8 whatever the Content-Type claims."""
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    if isinstance(payload, str):
        payload = json.loads(payload)

    def one(raw: Any) -> Posting | None:
        if isinstance(raw, dict) and "legal" in raw:
            return None  # the API's terms notice, element 0
        require_id(raw)
        job = _fix(raw)
        tags = [str(t) for t in job.get("tags") or []]
        emp = next((t for t in tags if t.lower() in _EMPLOYMENT_TAGS), None)
        lo, hi = job.get("salary_min") or 0, job.get("salary_max") or 0
        return finish(
            Posting(
                source="remoteok",
                board=board,
                source_id=str(job["id"]),
                url=clean_str(job.get("url")),
                apply_url=clean_str(job.get("apply_url")),
                title=clean_str(job.get("position")) or "",
                company=clean_str(job.get("company")),
                locations=[loc] if (loc := clean_str(job.get("location"))) else [],
                workplace_type="remote",
                workplace_raw=clean_str(job.get("location")),
                employment_type=emp,
                posted_at=iso_utc(job.get("epoch")) or iso_utc(job.get("date")),
                description_html=clean_str(job.get("description")),
                salary_raw={
                    "salary_min": raw.get("salary_min"),
                    "salary_max": raw.get("salary_max"),
                }
                if (lo or hi)
                else None,
                fetched_at=fetched_at,
            )
        )

    return parse_each(items_of(payload), one)
