"""Workable public widget API (`/api/v1/widget/accounts/{slug}?details=true`) -> Posting."""

from __future__ import annotations

from typing import Any

from pipelines.records import Posting
from spiders.parsers.common import clean_str, finish, iso_utc, items_of, parse_each, unique


def _location(loc: dict[str, Any]) -> str:
    return ", ".join(
        unique([loc.get("city"), loc.get("region") or loc.get("state"), loc.get("country")])
    )


def parse_workable(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """All jobs of one account; the account `name` is the company."""
    jobs = items_of(payload, "jobs")
    company = clean_str(payload.get("name"))

    def one(job: Any) -> Posting | None:
        if not isinstance(job, dict) or not job.get("shortcode"):
            return None
        locs = [
            x for x in job.get("locations") or [] if isinstance(x, dict) and not x.get("hidden")
        ]
        names = [_location(x) for x in locs] or [_location(job)]
        codes = [str(x.get("countryCode")).upper() for x in locs if x.get("countryCode")]
        remote = job.get("telecommuting")
        return finish(
            Posting(
                source="workable",
                board=board,
                source_id=str(job["shortcode"]),
                url=clean_str(job.get("url")) or clean_str(job.get("shortlink")),
                apply_url=clean_str(job.get("application_url")),
                title=clean_str(job.get("title")) or "",
                company=company,
                locations=unique(names),
                country_codes=unique(codes),
                # telecommuting=false only means "not fully remote", not on-site
                workplace_type="remote" if remote is True else "unknown",
                workplace_raw=None if remote is None else f"telecommuting={str(remote).lower()}",
                employment_type=clean_str(job.get("employment_type")),
                department=clean_str(job.get("department")),
                posted_at=iso_utc(job.get("published_on") or job.get("created_at")),
                description_html=clean_str(job.get("description")),
                fetched_at=fetched_at,
            )
        )

    return parse_each(jobs, one)
