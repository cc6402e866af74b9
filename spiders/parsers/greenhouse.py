"""Greenhouse Job Board API -> Posting (list with content=true; job detail with pay_transparency)."""

from __future__ import annotations

from typing import Any

from parsel import Selector

from pipelines.records import Posting
from spiders.parsers.common import (
    clean_str,
    finish,
    iso_utc,
    items_of,
    parse_each,
    require_id,
    unescape_html,
    unique,
    workplace,
)


def parse_greenhouse(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """All postings of one board response (`{"jobs": [...], "meta": {...}}`)."""
    return parse_each(
        items_of(payload, "jobs"),
        lambda job: parse_greenhouse_job(require_id(job), board=board, fetched_at=fetched_at),
    )


def parse_greenhouse_job(
    job: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> Posting:
    """One job object, from the list or the single-job endpoint (which adds pay_input_ranges)."""
    html = unescape_html(job.get("content"))
    meta = _metadata(job.get("metadata"))
    location = (job.get("location") or {}).get("name")
    # an office's `location` is its place ("San Francisco, CA"); its name may be a label
    # ("SF HQ") or an office group ("Australia Locations", cleaned by finish)
    offices = _office_places(job.get("offices"))
    departments = [d.get("name") for d in job.get("departments") or [] if isinstance(d, dict)]
    work_raw = meta.get("workplace type") or meta.get("remote") or None
    pay = job.get("pay_input_ranges")
    return finish(
        Posting(
            source="greenhouse",
            board=board,
            source_id=str(job["id"]),
            url=clean_str(job.get("absolute_url")),
            title=clean_str(job.get("title")) or "",
            company=clean_str(job.get("company_name")),
            locations=unique([location, *offices]),
            workplace_type=_workplace(work_raw, location),
            workplace_raw=work_raw,
            employment_type=meta.get("employment type"),
            department=clean_str(departments[0]) if departments else None,
            posted_at=iso_utc(job.get("first_published")),
            updated_at=iso_utc(job.get("updated_at")),
            description_html=html,
            salary_raw=pay if pay else None,
            salary_text=pay_text_from_html(html),
            fetched_at=fetched_at,
        )
    )


def _office_places(items: Any) -> list[str]:
    """Office places of a job. An office whose child office is also listed is a group ("Australia
    Locations" above "Sydney"): the child says where. An office's `location` is its place
    ("Sydney, NSW, Australia"); its name may be a label ("SYD HQ")."""
    offices = [o for o in items or [] if isinstance(o, dict)]
    ids = {o.get("id") for o in offices}
    return [
        o.get("location") or o.get("name")
        for o in offices
        if not ids.intersection(o.get("child_ids") or [])
    ]


def _metadata(items: Any) -> dict[str, str]:
    """Board custom fields by lower-cased name; only string values (lists/None are skipped)."""
    out: dict[str, str] = {}
    for item in items or []:
        if isinstance(item, dict) and isinstance(item.get("value"), str) and item.get("name"):
            out[str(item["name"]).strip().lower()] = item["value"].strip()
    return out


def _workplace(raw: str | None, location: str | None) -> str:
    """Metadata label first; else a leading Remote/Hybrid word in the location text."""
    mapped = workplace(raw)
    if mapped != "unknown":
        return mapped
    lowered = (location or "").lower()
    for word in ("hybrid", "remote"):
        if lowered.startswith(word) or f"({word}" in lowered or f"- {word}" in lowered:
            return word
    return "unknown"


def pay_text_from_html(html: str | None) -> str | None:
    """Pay range text Greenhouse renders inside `content` (div.content-pay-transparency)."""
    if not html or "pay-range" not in html:
        return None
    sel = Selector(text=html)
    parts = []
    for block in sel.css(".content-pay-transparency, .pay-input"):
        title = " ".join(" ".join(block.css(".title ::text").getall()).split())
        rng = " ".join(" ".join(block.css(".pay-range ::text").getall()).split())
        if rng:
            parts.append(f"{title}: {rng}" if title else rng)
    if not parts:
        rng = " ".join(" ".join(sel.css(".pay-range ::text").getall()).split())
        parts = [rng] if rng else []
    return "; ".join(unique(parts)) or None
