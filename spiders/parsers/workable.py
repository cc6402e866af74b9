"""Workable public APIs -> Posting: the widget API (`/api/v1/widget/accounts/{slug}`,
`{"name", "jobs": [...]}`) and the newer careers-page API (`/api/v3/accounts/{slug}/jobs`,
`{"total", "results": [...]}`). Any other shape is a named error, never an empty listing: an
empty listing would read as "every posting closed"."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from pipelines.records import Posting
from spiders.parsers.common import (
    ResponseShapeError,
    clean_str,
    finish,
    iso_utc,
    note_ignored,
    parse_each,
    unique,
    workplace,
)

JOB_URL = "https://apply.workable.com/{slug}/j/{shortcode}/"


def _location(loc: dict[str, Any]) -> str:
    return ", ".join(
        unique([loc.get("city"), loc.get("region") or loc.get("state"), loc.get("country")])
    )


def workable_jobs(payload: Any) -> tuple[str, list[Any]]:
    """("widget" | "v3", jobs) of a response; ResponseShapeError for any other shape."""
    if isinstance(payload, dict) and isinstance(payload.get("jobs"), list):
        return "widget", payload["jobs"]
    if isinstance(payload, dict) and isinstance(payload.get("results"), list):
        return "v3", payload["results"]
    keys = sorted(payload)[:8] if isinstance(payload, dict) else type(payload).__name__
    raise ResponseShapeError(f"workable: unknown response shape (keys: {keys})")


def _merge_by_shortcode(jobs: list[Any]) -> list[Any]:
    """One entry per shortcode: a job listed once per country carries the same shortcode, and
    is one posting with several locations (entries after the first add their locations)."""
    merged: dict[str, dict[str, Any]] = {}
    out: list[Any] = []
    for job in jobs:
        code = job.get("shortcode") if isinstance(job, dict) else None
        if not code:
            out.append(job)
            continue
        if code not in merged:
            merged[code] = {**job, "locations": list(_locs_of(job))}
            out.append(merged[code])
        else:
            note_ignored("same shortcode listed again (locations merged)")
            merged[code]["locations"].extend(_locs_of(job))
    return out


def _locs_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    locs = [x for x in _as_list(job.get("locations")) if isinstance(x, dict)]
    if not locs and isinstance(job.get("location"), dict):
        locs = [job["location"]]
    if not locs and any(job.get(k) for k in ("city", "state", "country")):
        locs = [
            {"city": job.get("city"), "region": job.get("state"), "country": job.get("country")}
        ]
    return locs


def parse_workable(
    payload: dict[str, Any], *, board: str, fetched_at: str | None = None
) -> list[Posting]:
    """All jobs of one account in either API shape; the widget's account `name` is the
    company (the v3 shape has none: the board slug stands in)."""
    shape, jobs = workable_jobs(payload)
    company = clean_str(payload.get("name")) if shape == "widget" else None

    def one(job: Any) -> Posting | None:
        if not isinstance(job, dict):
            raise TypeError(f"job of type {type(job).__name__}")
        if not job.get("shortcode"):
            raise KeyError("shortcode")
        locs = [x for x in _as_list(job.get("locations")) if isinstance(x, dict)]
        shown = [x for x in locs if not x.get("hidden")] or locs
        names = [_location(x) for x in shown]
        codes = [str(x.get("countryCode")).upper() for x in shown if x.get("countryCode")]
        code = str(job["shortcode"])
        if shape == "widget":
            remote = job.get("telecommuting")
            work_raw = None if remote is None else f"telecommuting={str(remote).lower()}"
            # telecommuting=false only means "not fully remote", not on-site
            work = "remote" if remote is True else "unknown"
            url = clean_str(job.get("url")) or clean_str(job.get("shortlink"))
            dept = clean_str(job.get("department"))
            emp = clean_str(job.get("employment_type"))
            posted = job.get("published_on") or job.get("created_at")
        else:
            work_raw = clean_str(job.get("workplace"))
            work = workplace(work_raw)
            if work == "unknown" and job.get("remote") is True:
                work = "remote"
            url = JOB_URL.format(slug=quote(board, safe=""), shortcode=quote(code, safe=""))
            depts = job.get("department")
            dept = ", ".join(unique(depts)) if isinstance(depts, list) else clean_str(depts)
            emp = clean_str(job.get("type"))
            posted = job.get("published")
        return finish(
            Posting(
                source="workable",
                board=board,
                source_id=code,
                url=url,
                apply_url=clean_str(job.get("application_url")),
                title=clean_str(job.get("title")) or "",
                company=company or board,
                locations=unique(n for n in names if n),
                country_codes=unique(codes),
                workplace_type=work,
                workplace_raw=work_raw,
                employment_type=emp or None,
                department=dept or None,
                posted_at=iso_utc(posted),
                description_html=clean_str(job.get("description")),
                fetched_at=fetched_at,
            )
        )

    return parse_each(_merge_by_shortcode(jobs), one)


def parse_workable_detail(payload: Any, *, listed: Posting) -> Posting:
    """Per-job detail of the careers-page API (`/api/v2/accounts/{slug}/jobs/{shortcode}`):
    the description the v3 list lacks (description + requirements + benefits HTML)."""
    if not isinstance(payload, dict):
        raise ResponseShapeError(
            f"workable detail: expected an object, got {type(payload).__name__}"
        )
    parts = [clean_str(payload.get(k)) for k in ("description", "requirements", "benefits")]
    html = "\n".join(p for p in parts if p) or None
    posting = Posting.from_dict(listed.to_dict())
    posting.description_html = html or listed.description_html
    posting.description_text = None
    return finish(posting)


def _as_list(value: Any) -> list[Any]:
    """A field that should be a list; anything else (a garbled scalar) reads as empty."""
    return value if isinstance(value, list) else []
