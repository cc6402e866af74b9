"""Ashby posting API (`includeCompensation=true`, one response per board) -> Posting."""

from __future__ import annotations

from typing import Any

from pipelines.geo import countries_in
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
    workplace,
)


def parse_ashby(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """Listed jobs of one board; `isListed: false` jobs are hidden on the board, so skipped."""

    def one(job: Any) -> Posting | None:
        if require_id(job).get("isListed") is False:
            note_ignored("unlisted job")
            return None
        return _posting(job, board=board, fetched_at=fetched_at)

    return parse_each(items_of(payload, "jobs"), one)


def _has_pay(comp: Any) -> bool:
    """An all-null compensation object (boards that hide pay) counts as no pay."""
    if not isinstance(comp, dict):
        return False
    return bool(
        comp.get("compensationTiers")
        or comp.get("summaryComponents")
        or comp.get("compensationTierSummary")
        or comp.get("scrapeableCompensationSalarySummary")
    )


def _workplace(job: dict[str, Any]) -> str:
    raw = clean_str(job.get("workplaceType"))
    mapped = workplace(raw)
    if mapped == "unknown" and job.get("isRemote") is True:
        return "remote"
    return mapped


def address_countries(job: dict[str, Any]) -> list[str]:
    """ISO codes of the postal addresses (primary and secondary locations): Ashby gives a code
    ("US") or a country name ("United States"); a name maps to a code only when it names one
    country unambiguously."""
    addresses = [(job.get("address") or {}).get("postalAddress")]
    addresses += [
        s.get("address") for s in job.get("secondaryLocations") or [] if isinstance(s, dict)
    ]
    codes = []
    for addr in addresses:
        country = clean_str(addr.get("addressCountry")) if isinstance(addr, dict) else None
        if not country:
            continue
        if len(country) == 2 and country.isalpha():
            codes.append(country.upper())
        elif len(found := countries_in(country)) == 1:
            codes.append(found.pop())
    return unique(codes)


def _posting(job: dict[str, Any], *, board: str, fetched_at: str | None) -> Posting:
    comp = job.get("compensation")
    secondary = [
        s.get("location") for s in job.get("secondaryLocations") or [] if isinstance(s, dict)
    ]
    summary = None
    if isinstance(comp, dict):
        summary = clean_str(comp.get("scrapeableCompensationSalarySummary")) or clean_str(
            comp.get("compensationTierSummary")
        )
    raw_work = clean_str(job.get("workplaceType"))
    if raw_work is None and job.get("isRemote") is not None:
        raw_work = f"isRemote={str(job['isRemote']).lower()}"
    return finish(
        Posting(
            source="ashby",
            board=board,
            source_id=str(job["id"]),
            url=clean_str(job.get("jobUrl")),
            apply_url=clean_str(job.get("applyUrl")),
            title=clean_str(job.get("title")) or "",
            company=board,
            locations=unique([job.get("location"), *secondary]),
            country_codes=address_countries(job),
            workplace_type=_workplace(job),
            workplace_raw=raw_work,
            employment_type=clean_str(job.get("employmentType")),
            department=clean_str(job.get("department")) or clean_str(job.get("team")),
            posted_at=iso_utc(job.get("publishedAt")),
            updated_at=iso_utc(job.get("updatedAt")),
            description_html=clean_str(job.get("descriptionHtml")),
            description_text=clean_str(job.get("descriptionPlain")),
            salary_raw=comp if _has_pay(comp) else None,
            salary_text=summary,
            fetched_at=fetched_at,
        )
    )
