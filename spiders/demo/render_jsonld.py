"""Career-site pages with schema.org JobPosting JSON-LD, in the markup variants sites really use.

Variant per site (Company.variant): 0 plain object; 1 `@graph` with an Organization referenced by
`@id`; 2 a top-level list [BreadcrumbList, JobPosting]; 3 several ld+json blocks per page with
`@type` as a list; 4 explicit nulls, `jobLocation` as a list and "YYYY-MM-DD HH:MM:SS" dates. One page in five
has a slightly invalid posting block (trailing text, trailing comma, an unescaped quote).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from .models import Company, DemoJob
from .render_common import COUNTRY_NAMES, address, local_iso

_UNIT = {"year": "YEAR", "month": "MONTH", "hour": "HOUR"}


def _org(c: Company) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": c.name,
        "sameAs": f"https://{c.board}.example",
        "logo": f"https://{c.board}.example/logo.png",
    }


def _place(loc: str, cc: str | None, nulls: bool) -> dict[str, Any]:
    addr: dict[str, Any] = {"@type": "PostalAddress", **address(loc, cc)}
    if nulls:
        for key in ("addressRegion", "postalCode", "streetAddress"):
            addr.setdefault(key, None)
    return {"@type": "Place", "address": addr}


def job_posting(job: DemoJob, page_url: str) -> dict[str, Any]:
    """The JobPosting object (without @context) for one job."""
    c, v = job.company, job.company.variant
    cc = job.country_codes[0] if job.country_codes else None
    if v == 4:
        posted = job.posted_at.strftime("%Y-%m-%d %H:%M:%S")
    elif v in (1, 3):
        posted = local_iso(job.posted_at, c.tz_hours)
    else:
        posted = job.posted_at.strftime("%Y-%m-%d")
    d: dict[str, Any] = {
        "@type": ["JobPosting"] if v == 3 else "JobPosting",
        "title": job.title,
        "description": job.description_html,
        "identifier": {"@type": "PropertyValue", "name": c.name, "value": job.source_id},
        "datePosted": posted,
        "employmentType": (
            "Regular Full Time (Salary)"
            if v == 4 and job.employment_type == "FULL_TIME"
            else job.employment_type
        ),
        "hiringOrganization": {"@id": f"https://{c.board}.example/#organization"}
        if v == 1
        else _org(c),
        "url": page_url,
        "directApply": v != 4,
    }
    if job.closed_at:
        d["validThrough"] = job.closed_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    if job.workplace_type == "remote":
        d["jobLocationType"] = "TELECOMMUTE"
        d["applicantLocationRequirements"] = (
            {"@type": "Country", "name": COUNTRY_NAMES[cc]}
            if cc
            else [{"@type": "Country", "name": n} for n in ("Germany", "France", "Netherlands")]
        )
    else:
        places = [_place(loc, cc, v == 4) for loc in job.locations]
        d["jobLocation"] = places if (v == 4 or len(places) > 1) else places[0]
    s = job.salary
    if s and s.channel == "structured":
        if v == 4 and s.min == s.max:
            value: dict[str, Any] = {
                "@type": "QuantitativeValue",
                "value": s.min,
                "unitText": _UNIT[s.period],
            }
        else:
            value = {
                "@type": "QuantitativeValue",
                "minValue": s.min,
                "maxValue": s.max,
                "unitText": _UNIT[s.period],
            }
        d["baseSalary"] = {"@type": "MonetaryAmount", "currency": s.currency, "value": value}
    return d


#: slightly invalid JSON-LD as real CMSs emit it (browsers and search engines read it anyway)
FLAWS = ("trailing text", "trailing comma", "unescaped quote")


def flaw_for(job: DemoJob) -> str | None:
    """One job page in five carries a slightly invalid posting block, chosen by its id."""
    n = sum(map(ord, job.source_id))
    return FLAWS[(n // 5) % len(FLAWS)] if n % 5 == 0 else None


def _script(obj: Any, flaw: str | None = None) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=1).replace("</", "<\\/")
    if flaw == "trailing text":
        text += " // rendered by careers-cms 4.2"
    elif flaw == "trailing comma":
        text = text[: text.rindex("}")].rstrip() + ",\n}"
    elif flaw == "unescaped quote":
        text = (
            text[: text.rindex("}")].rstrip()
            + ',\n "disambiguatingDescription": "the "core" crew"\n}'
        )
    return f'<script type="application/ld+json">{text}</script>\n'


def _crumbs(job: DemoJob, base: str) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Careers", "item": f"{base}/jobs"},
            {"@type": "ListItem", "position": 2, "name": job.title},
        ],
    }


def job_page(job: DemoJob, site_base: str) -> str:
    """Full HTML page for `/careers/{site}/jobs/{id}`; `site_base` is `{base}/careers/{site}`."""
    url = f"{site_base}/jobs/{job.source_id}"
    posting, v, c = job_posting(job, url), job.company.variant, job.company
    flaw = flaw_for(job)
    if v == 0:
        scripts = _script({"@context": "https://schema.org", **posting}, flaw)
    elif v == 1:
        org = {**_org(c), "@id": f"https://{c.board}.example/#organization"}
        scripts = _script({"@context": "https://schema.org/", "@graph": [org, posting]}, flaw)
    elif v == 2:
        scripts = _script(
            [
                {"@context": "https://schema.org", **_crumbs(job, site_base)},
                {"@context": "https://schema.org", **posting},
            ],
            flaw,
        )
    elif v == 3:
        scripts = (
            _script({"@context": "http://schema.org/", **_org(c)})
            + _script({"@context": "http://schema.org/", **_crumbs(job, site_base)})
            + _script({"@context": "http://schema.org/", **posting}, flaw)
        )
    else:
        scripts = _script({"@context": "http://schema.org", **posting}, flaw)
    where = escape("; ".join(job.locations))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(job.title)} - {escape(c.name)}</title>\n{scripts}</head>\n"
        f'<body><nav><a href="{site_base}/jobs">All jobs</a> <a href="{site_base}/about">About</a>'
        f'</nav>\n<main><h1>{escape(job.title)}</h1><p class="location">{where}</p>\n'
        f'<div class="description">{job.description_html}</div>\n'
        f'<a class="apply" href="{url}/apply">Apply</a></main></body></html>\n'
    )


def listing_page(company: Company, jobs: list[DemoJob], site_base: str) -> str:
    """`/careers/{site}/jobs`: one link per open job (relative hrefs, like most career sites)."""
    path = site_base.split("//", 1)[-1].split("/", 1)[-1]
    items = "".join(
        f'<li><a href="/{path}/jobs/{j.source_id}">{escape(j.title)}</a> '
        f'<span class="loc">{escape(j.locations[0])}</span></li>\n'
        for j in jobs
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Careers at '
        f'{escape(company.name)}</title></head>\n<body><nav><a href="/{path}/about">About</a> '
        f'<a href="/private/preview">Preview</a></nav>\n<h1>Open roles</h1>\n'
        f'<ul class="jobs">\n{items}</ul>\n</body></html>\n'
    )


def about_page(company: Company) -> str:
    return (
        f"<!DOCTYPE html>\n<html><head><title>About {escape(company.name)}</title></head>"
        f"<body><p>{escape(company.about)}</p></body></html>\n"
    )


def sitemap(jobs: list[DemoJob], site_base: str) -> str:
    urls = "".join(
        f"<url><loc>{site_base}/jobs/{j.source_id}</loc>"
        f"<lastmod>{(j.updated_at or j.posted_at).strftime('%Y-%m-%d')}</lastmod></url>\n"
        for j in jobs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    )
