"""Greenhouse, Lever and Ashby job objects in the field shapes of docs/sources.md sections 1-3."""

from __future__ import annotations

import html as html_lib
import uuid
from typing import Any

from .models import DemoJob
from .render_common import (
    REGION_NAMES,
    address,
    commitment,
    local_iso,
    location_name,
    money,
    plain,
    sections,
)
from .salary import Salary

_GDPR = [
    {
        "type": "gdpr",
        "requires_consent": False,
        "requires_processing_consent": False,
        "requires_retention_consent": False,
        "retention_period": None,
        "demographic_data_consent_applies": False,
    }
]
_PERIOD_WORD = {"year": "Salary", "month": "Monthly Salary", "hour": "Hourly Pay"}


def _gh_range_title(job: DemoJob, s: Salary) -> str:
    return f"{REGION_NAMES[job.company.region]} {_PERIOD_WORD[s.period]} Range"


def greenhouse_pay_block(job: DemoJob, s: Salary) -> str:
    """The pay-transparency HTML Greenhouse appends to `content` (entities as on real boards)."""
    return (
        '<div class="content-pay-transparency"><div class="pay-input"><div class="description">'
        "<p><em>The range below is the base pay for this role&rsquo;s listed level.&nbsp;"
        "Final offers depend on location, skills and experience.</em></p></div>"
        f'<div class="title">{_gh_range_title(job, s)}</div><div class="pay-range">'
        f'<span>{money(s.min, s.currency)}</span><span class="divider">&mdash;</span>'
        f"<span>{money(s.max, s.currency)} {s.currency}</span></div></div></div>"
    )


def greenhouse_job(
    job: DemoJob, *, content: bool, pay: bool = False, detail: bool = False
) -> dict[str, Any]:
    """A job of `GET /v1/boards/{token}/jobs[?content=true]` or of the single-job endpoint."""
    c, jid, tz = job.company, int(job.source_id), job.company.tz_hours
    own_site = c.variant % 3 == 2
    d: dict[str, Any] = {
        "absolute_url": (
            f"https://{c.board}.example/careers/job?gh_jid={jid}"
            if own_site
            else f"https://job-boards.greenhouse.io/{c.board}/jobs/{jid}"
        ),
        "data_compliance": _GDPR,
        "internal_job_id": jid // 1000 + 17,
        "location": {"name": location_name(job)},
        "metadata": None
        if c.variant % 4 == 1
        else [
            {
                "id": 4595831002,
                "name": "Workplace Type",
                "value_type": "single_select",
                "value": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}[
                    job.workplace_type
                ],
            },
            {
                "id": 4595831003,
                "name": "Employment Type",
                "value_type": "single_select",
                "value": {
                    "FULL_TIME": "Regular",
                    "PART_TIME": "Part-time",
                    "CONTRACTOR": "Contract",
                    "INTERN": "Intern",
                }[job.employment_type],
            },
        ],
        "id": jid,
        "updated_at": local_iso(job.updated_at or job.posted_at, tz),
        "requisition_id": str(jid % 9973),
        "title": job.title + (" " if jid % 11 == 0 else ""),  # real boards keep trailing spaces
        "company_name": c.name,
        "first_published": local_iso(job.posted_at, tz),
        "language": "en",
        "application_deadline": None,
    }
    if content or detail:
        body = job.description_html
        if job.salary and job.salary.channel == "structured":
            body += greenhouse_pay_block(job, job.salary)
        d["content"] = html_lib.escape(body, quote=True)
        d["departments"] = [
            {
                "id": 4069000000 + len(job.department),
                "name": job.department,
                "child_ids": [],
                "parent_id": None,
            }
        ]
        d["offices"] = [
            {
                "id": 4040000000 + i,
                "name": loc,
                "location": None,
                "child_ids": [],
                "parent_id": None,
            }
            for i, loc in enumerate(job.locations)
        ]
    d.update({"ai_disclaimer": None, "include_ai_disclaimer": None, "ai_opt_out_request_url": None})
    if detail and pay:
        s = job.salary
        d["pay_input_ranges"] = (
            []
            if not s or s.channel != "structured"
            else [
                {
                    "min_cents": int(round(s.min * 100)),
                    "max_cents": int(round(s.max * 100)),
                    "currency_type": s.currency,
                    "title": _gh_range_title(job, s),
                    "blurb": (
                        "Hourly rate for this role."
                        if s.period == "hour"
                        else "Monthly base salary."
                        if s.period == "month"
                        else "Annual base salary for this role."
                    ),
                }
            ]
        )
    return d


_LEVER_INTERVAL = {"year": "per-year-salary", "month": "per-month-salary", "hour": "per-hour-wage"}


def lever_posting(job: DemoJob) -> dict[str, Any]:
    """One element of `GET /v0/postings/{site}?mode=json`."""
    opening, lists, closing = sections(job.description_html)
    body = f"<div>{opening}</div>"
    d: dict[str, Any] = {
        "additionalPlain": plain(closing),
        "additional": f"<div>{closing}</div>",
        "categories": {
            "commitment": commitment(job),
            "department": job.department,
            "location": job.locations[0],
            "team": job.department + " Team",
            "allLocations": list(job.locations),
        },
        "createdAt": int(job.posted_at.timestamp() * 1000),
        "descriptionPlain": plain(opening),
        "description": body,
        "id": job.source_id,
        "lists": [{"text": head, "content": items} for head, items in lists],
        "text": job.title,
        "country": job.country_codes[0] if job.country_codes else None,
        "workplaceType": {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}[
            job.workplace_type
        ],
        "opening": "",
        "openingPlain": "",
        "descriptionBody": body,
        "descriptionBodyPlain": plain(opening),
        "hostedUrl": f"https://jobs.lever.co/{job.board}/{job.source_id}",
        "applyUrl": f"https://jobs.lever.co/{job.board}/{job.source_id}/apply",
    }
    s = job.salary
    if s and s.channel == "structured":
        d["salaryRange"] = {
            "currency": s.currency,
            "interval": _LEVER_INTERVAL[s.period],
            "min": s.min,
            "max": s.max,
        }
        note = "Pay within the range depends on location, skills and experience."
        d["salaryDescription"] = f"<div>{note}</div>"
        d["salaryDescriptionPlain"] = note
    return d


_ASHBY_INTERVAL = {"year": "1 YEAR", "month": "1 MONTH", "hour": "1 HOUR"}
_ASHBY_EMP = {
    "FULL_TIME": "FullTime",
    "PART_TIME": "PartTime",
    "CONTRACTOR": "Contract",
    "INTERN": "Intern",
}


def _ashby_comp(job: DemoJob) -> dict[str, Any]:
    s = job.salary
    if not s or s.channel != "structured":
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    style = "k" if s.period == "year" else "full"
    suffix = {"year": "", "month": " per month", "hour": " per hour"}[s.period]
    pay = f"{money(s.min, s.currency, style)} – {money(s.max, s.currency, style)}{suffix}"
    comps = [
        {
            "compensationType": "Salary",
            "interval": _ASHBY_INTERVAL[s.period],
            "currencyCode": s.currency,
            "minValue": s.min,
            "maxValue": s.max,
            "summary": pay,
        }
    ]
    summary = [pay]
    if s.equity:
        eq = f"{s.equity[0]:g}% – {s.equity[1]:g}%"
        comps.insert(
            0,
            {
                "compensationType": "EquityPercentage",
                "interval": "NONE",
                "currencyCode": None,
                "minValue": s.equity[0],
                "maxValue": s.equity[1],
                "summary": eq,
            },
        )
        summary.append(eq)
    if int(job.source_id[:2], 16) % 3 == 0:
        comps.append(
            {
                "compensationType": "Bonus",
                "interval": "1 YEAR",
                "currencyCode": s.currency,
                "minValue": None,
                "maxValue": None,
                "summary": "Offers Bonus",
            }
        )
        summary.append("Offers Bonus")
    seed = uuid.UUID(job.source_id).int
    tiers = [
        {
            "id": str(uuid.UUID(int=(seed + 1) % 2**128)),
            "tierSummary": " • ".join(summary),
            "title": None,
            "additionalInformation": None,
            "components": [
                dict(c, id=str(uuid.UUID(int=(seed + 2 + i) % 2**128))) for i, c in enumerate(comps)
            ],
        }
    ]
    return {
        "compensationTierSummary": " • ".join(summary),
        "scrapeableCompensationSalarySummary": pay.replace(" – ", " - "),
        "compensationTiers": tiers,
        "summaryComponents": [{k: v for k, v in c.items() if k != "summary"} for c in comps],
    }


def ashby_job(job: DemoJob, *, compensation: bool) -> dict[str, Any]:
    """One element of `jobs` in `GET /posting-api/job-board/{name}`."""
    primary = job.locations[0]
    cc = job.country_codes[0] if job.country_codes else None
    d: dict[str, Any] = {
        "id": job.source_id,
        "title": job.title,
        "department": job.department,
        "team": job.department + " Team",
        "employmentType": _ASHBY_EMP[job.employment_type],
        "location": primary,
        "secondaryLocations": [
            {"location": loc, "address": address(loc, cc)} for loc in job.locations[1:]
        ],
        "publishedAt": local_iso(job.posted_at, 0, ms=True),
        "isListed": job.listed,
        "isRemote": job.workplace_type == "remote",
        "workplaceType": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}[
            job.workplace_type
        ],
        "address": {"postalAddress": address(primary, cc)},
        "jobUrl": f"https://jobs.ashbyhq.com/{job.board}/{job.source_id}",
        "applyUrl": f"https://jobs.ashbyhq.com/{job.board}/{job.source_id}/application",
        "descriptionHtml": job.description_html,
        "descriptionPlain": plain(job.description_html),
        "shouldDisplayCompensationOnJobPostings": bool(
            job.salary and job.salary.channel == "structured"
        ),
    }
    if compensation:
        d["compensation"] = _ashby_comp(job)
    return d
