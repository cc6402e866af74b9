"""SmartRecruiters Posting API: list pages (offset/limit/totalFound) and per-posting details."""

from __future__ import annotations

import json
from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import clean_str, finish, iso_utc, items_of, parse_each, require_id

_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def parse_smartrecruiters(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """One list page; postings lack descriptions until merged with their detail."""
    return parse_each(
        items_of(payload, "content"),
        lambda item: parse_smartrecruiters_detail(
            require_id(item), board=board, fetched_at=fetched_at
        ),
    )


def next_offset(payload: dict[str, Any]) -> int | None:
    """Offset of the next list page, None when this page was the last."""
    content = payload.get("content") or []
    offset = int(payload.get("offset") or 0)
    total = int(payload.get("totalFound") or 0)
    if not content or offset + len(content) >= total:
        return None
    return offset + len(content)


def _label(obj: Any) -> str | None:
    return clean_str(obj.get("label")) if isinstance(obj, dict) else None


def parse_smartrecruiters_detail(
    item: dict[str, Any],
    *,
    board: str,
    fetched_at: str | None = None,
    listed: Posting | None = None,
) -> Posting:
    """A list item or a detail object; `listed` supplies fields the detail omits."""
    loc = item.get("location") or {}
    sections = ((item.get("jobAd") or {}).get("sections")) or {}
    html_parts = []
    for key in _SECTIONS:
        sec = sections.get(key) or {}
        if clean_str(sec.get("text")):
            title = clean_str(sec.get("title"))
            html_parts.append((f"<h3>{title}</h3>" if title else "") + sec["text"])
    if loc.get("remote") is True:
        work = "remote"
    elif loc.get("hybrid") is True:
        work = "hybrid"
    elif loc.get("remote") is False and loc.get("hybrid") is False:
        work = "onsite"
    else:
        work = "unknown"
    country = clean_str(loc.get("country"))
    country = country.upper() if country else None
    full = clean_str(loc.get("fullLocation")) or ", ".join(
        x for x in (clean_str(loc.get("city")), clean_str(loc.get("region")), country) if x
    )
    posting = Posting(
        source="smartrecruiters",
        board=board,
        source_id=str(item["id"]),
        url=clean_str(item.get("postingUrl")),
        apply_url=clean_str(item.get("applyUrl")),
        title=clean_str(item.get("name")) or "",
        company=clean_str((item.get("company") or {}).get("name")),
        locations=[full] if full else [],
        country_codes=[country] if country else [],
        workplace_type=work,
        workplace_raw=None
        if not loc
        else f"remote={json.dumps(loc.get('remote'))},hybrid={json.dumps(loc.get('hybrid'))}",
        employment_type=_label(item.get("typeOfEmployment")),
        department=_label(item.get("department")) or _label(item.get("function")),
        posted_at=iso_utc(item.get("releasedDate")),
        description_html="\n".join(html_parts) or None,
        fetched_at=fetched_at,
    )
    if listed is not None:
        for name in ("company", "employment_type", "department", "posted_at", "title"):
            if not getattr(posting, name):
                setattr(posting, name, getattr(listed, name))
        if not posting.locations:
            posting.locations = list(listed.locations)
            posting.country_codes = list(listed.country_codes)
    return finish(posting)
