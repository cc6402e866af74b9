"""Recruitee Careers Site API (`{company}.recruitee.com/api/offers/`) -> Posting."""

from __future__ import annotations

from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import (
    clean_str,
    finish,
    iso_utc,
    items_of,
    note_ignored,
    parse_each,
    require_id,
    unique,
)


def _workplace(offer: dict[str, Any]) -> tuple[str, str | None]:
    flags = {k: offer.get(k) for k in ("remote", "hybrid", "on_site") if k in offer}
    raw = ",".join(f"{k}={str(v).lower()}" for k, v in flags.items()) or None
    if flags.get("remote") is True:
        return "remote", raw
    if flags.get("hybrid") is True:
        return "hybrid", raw
    if flags.get("on_site") is True:
        return "onsite", raw
    return "unknown", raw


def _location(loc: dict[str, Any]) -> str | None:
    parts = [clean_str(loc.get(k)) for k in ("city", "state", "country")]
    return ", ".join(p for p in parts if p) or clean_str(loc.get("name"))


def parse_recruitee(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """All published offers of one company; salary kept only when any value is set."""

    def one(offer: Any) -> Posting | None:
        require_id(offer)
        if offer.get("status") not in (None, "published"):
            note_ignored(f"offer status {offer.get('status')!r}")
            return None
        locs = [x for x in offer.get("locations") or [] if isinstance(x, dict)]
        salary = offer.get("salary")
        has_pay = isinstance(salary, dict) and any(salary.get(k) for k in ("min", "max"))
        work, work_raw = _workplace(offer)
        html = "\n".join(
            x
            for x in (clean_str(offer.get("description")), clean_str(offer.get("requirements")))
            if x
        )
        return finish(
            Posting(
                source="recruitee",
                board=board,
                source_id=str(offer["id"]),
                url=clean_str(offer.get("careers_url")),
                apply_url=clean_str(offer.get("careers_apply_url")),
                title=clean_str(offer.get("title")) or "",
                company=clean_str(offer.get("company_name")),
                # a single locations[] entry repeats `location`; several add the others
                locations=unique(
                    [offer.get("location"), *(_location(x) for x in locs if len(locs) > 1)]
                ),
                country_codes=unique(
                    str(c).upper()
                    for c in [offer.get("country_code"), *(x.get("country_code") for x in locs)]
                    if c
                ),
                workplace_type=work,
                workplace_raw=work_raw,
                employment_type=clean_str(offer.get("employment_type_code")),
                department=clean_str(offer.get("department")),
                posted_at=iso_utc(offer.get("published_at") or offer.get("created_at")),
                updated_at=iso_utc(offer.get("updated_at")),
                description_html=html or None,
                salary_raw=salary if has_pay else None,
                fetched_at=fetched_at,
            )
        )

    return parse_each(items_of(payload, "offers"), one)
