"""Lever Postings API (`?mode=json`, skip/limit paging, bare array) -> Posting."""

from __future__ import annotations

import html as html_lib
from typing import Any

from pipelines.records import Posting
from pipelines.text import html_to_text
from spiders.parsers.common import (
    clean_str,
    finish,
    iso_utc,
    items_of,
    parse_each,
    require_id,
    unique,
    workplace,
)


def parse_lever(payload: list[Any], *, board: str, fetched_at: str | None = None) -> list[Posting]:
    """One page of postings; the caller pages on `len(payload) == limit`."""
    return parse_each(
        items_of(payload),
        lambda item: _posting(require_id(item), board=board, fetched_at=fetched_at),
    )


def _posting(item: dict[str, Any], *, board: str, fetched_at: str | None) -> Posting:
    cats = item.get("categories") or {}
    primary = cats.get("location")
    lists = [x for x in item.get("lists") or [] if isinstance(x, dict)]
    html_parts = [item.get("description") or ""]
    text_parts = [item.get("descriptionPlain") or ""]
    for block in lists:
        heading = clean_str(block.get("text")) or ""
        html_parts.append(
            f"<h3>{html_lib.escape(heading)}</h3><ul>{block.get('content') or ''}</ul>"
        )
        text_parts.append(f"{heading}\n{html_to_text(block.get('content'))}".strip())
    html_parts.append(item.get("additional") or "")
    text_parts.append(item.get("additionalPlain") or "")
    country = clean_str(item.get("country"))
    salary = item.get("salaryRange")
    return finish(
        Posting(
            source="lever",
            board=board,
            source_id=str(item["id"]),
            url=clean_str(item.get("hostedUrl")),
            apply_url=clean_str(item.get("applyUrl")),
            title=clean_str(item.get("text")) or "",
            company=board,
            locations=unique([primary, *(cats.get("allLocations") or [])]),
            country_codes=[country.upper()] if country else [],
            workplace_type=workplace(item.get("workplaceType")),
            workplace_raw=clean_str(item.get("workplaceType")),
            employment_type=clean_str(cats.get("commitment")),
            department=clean_str(cats.get("department")) or clean_str(cats.get("team")),
            posted_at=iso_utc(item.get("createdAt")),
            description_html="\n".join(p for p in html_parts if p.strip()) or None,
            description_text="\n\n".join(p.strip() for p in text_parts if p.strip()) or None,
            salary_raw=salary if isinstance(salary, dict) and salary else None,
            salary_text=clean_str(item.get("salaryDescriptionPlain"))
            or clean_str(html_to_text(item.get("salaryDescription"))),
            fetched_at=fetched_at,
        )
    )
