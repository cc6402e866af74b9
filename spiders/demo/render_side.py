"""Workable, SmartRecruiters, Recruitee, HN Algolia, WWR RSS and RemoteOK shapes (sources.md 4, 6, 7)."""

from __future__ import annotations

import re
from email.utils import format_datetime
from html import escape
from typing import Any

from .generator import slugify
from .models import Company, DemoJob, HnThread
from .render_common import COUNTRY_NAMES, address, commitment, plain, sections


def _city_country(job: DemoJob) -> tuple[str, str, str]:
    cc = job.country_codes[0] if job.country_codes else ""
    a = address(job.locations[0], cc or None)
    return a.get("addressLocality", ""), a.get("addressRegion", ""), cc


def workable_account(company: Company, jobs: list[DemoJob], details: bool) -> dict[str, Any]:
    out = []
    for j in jobs:
        city, region, cc = _city_country(j)
        d: dict[str, Any] = {
            "title": j.title,
            "shortcode": j.source_id,
            "code": "",
            "employment_type": commitment(j).replace("Contract", "Contract"),
            "telecommuting": j.workplace_type == "remote",
            "department": j.department,
            "url": f"https://apply.workable.com/j/{j.source_id}",
            "shortlink": f"https://apply.workable.com/j/{j.source_id}",
            "application_url": f"https://apply.workable.com/j/{j.source_id}/apply",
            "published_on": j.posted_at.strftime("%Y-%m-%d"),
            "created_at": j.posted_at.strftime("%Y-%m-%d"),
            "country": COUNTRY_NAMES.get(cc, ""),
            "city": city,
            "state": region,
            "education": "",
            "experience": "",
            "function": "Engineering",
            "industry": "Computer Software",
            "locations": [
                {
                    "country": COUNTRY_NAMES.get(cc, ""),
                    "countryCode": cc,
                    "city": city,
                    "region": region,
                    "hidden": False,
                }
            ],
        }
        if details:
            d["description"] = j.description_html
        out.append(d)
    return {"name": company.name, "description": company.about, "jobs": out}


_V3_TYPES = {"Full-time": "full", "Part-time": "part", "Contract": "contract"}
_V3_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "on_site"}


def workable_v3_jobs(company: Company, jobs: list[DemoJob]) -> dict[str, Any]:
    """The newer careers-page API (`/api/v3/accounts/{slug}/jobs`): no description and no
    account name; a job open in two countries is listed once per country, same shortcode."""
    out = []
    for n, j in enumerate(jobs):
        city, region, cc = _city_country(j)
        loc = {
            "country": COUNTRY_NAMES.get(cc, ""),
            "countryCode": cc,
            "city": city,
            "region": region or None,
        }
        entry = {
            "id": 5_000_000 + n,
            "shortcode": j.source_id,
            "title": j.title,
            "remote": j.workplace_type == "remote",
            "location": loc,
            "locations": [{**loc, "hidden": False}],
            "state": "published",
            "isInternal": False,
            "code": "",
            "published": j.posted_at.strftime("%Y-%m-%dT00:00:00.000Z"),
            "type": _V3_TYPES.get(commitment(j), "full"),
            "language": "en",
            "department": [j.department] if j.department else [],
            "accountUid": f"00000000-0000-4000-8000-{abs(hash(company.board)) % 10**12:012d}",
            "approvalStatus": "approved",
            "workplace": _V3_WORKPLACE.get(j.workplace_type, "on_site"),
        }
        out.append(entry)
    return {"total": len(out), "results": out}


def workable_v2_job(j: DemoJob) -> dict[str, Any]:
    """Per-job detail of the careers-page API: the description the v3 list lacks."""
    return {
        "shortcode": j.source_id,
        "title": j.title,
        "description": j.description_html,
        "requirements": "",
        "benefits": "",
    }


def _sr_location(j: DemoJob) -> dict[str, Any]:
    city, region, cc = _city_country(j)
    full = ", ".join(p for p in (city, region, COUNTRY_NAMES.get(cc, "")) if p)
    return {
        "city": city,
        "region": region,
        "country": cc.lower(),
        "remote": j.workplace_type == "remote",
        "hybrid": j.workplace_type == "hybrid",
        "fullLocation": full or j.locations[0],
    }


def smartrecruiters_item(company: Company, j: DemoJob, api_base: str) -> dict[str, Any]:
    sen = {
        "intern": ("internship", "Internship"),
        "entry": ("entry_level", "Entry Level"),
        "staff_plus": ("director", "Director"),
    }.get(j.seniority, ("mid_senior_level", "Mid-Senior Level"))
    return {
        "id": j.source_id,
        "name": j.title,
        "uuid": f"00000000-0000-4000-8000-{j.source_id[-12:]}",
        "jobAdId": f"10000000-0000-4000-8000-{j.source_id[-12:]}",
        "defaultJobAd": True,
        "refNumber": f"REF{j.source_id[-5:]}",
        "company": {"identifier": company.board, "name": company.name},
        "releasedDate": j.posted_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "location": _sr_location(j),
        "industry": {"id": "it", "label": "Information Technology"},
        "department": {"id": "1384", "label": j.department},
        "function": {"id": "engineering", "label": "Engineering"},
        "typeOfEmployment": {"id": "permanent", "label": commitment(j)},
        "experienceLevel": {"id": sen[0], "label": sen[1]},
        "customField": [
            {
                "fieldId": "COUNTRY",
                "fieldLabel": "Country/Region",
                "valueId": _city_country(j)[2].lower(),
                "valueLabel": COUNTRY_NAMES.get(_city_country(j)[2], ""),
            }
        ],
        "visibility": "PUBLIC",
        "ref": f"{api_base}/v1/companies/{company.board}/postings/{j.source_id}",
        "language": {"code": "en", "label": "English", "labelNative": "English"},
    }


def smartrecruiters_detail(company: Company, j: DemoJob, api_base: str) -> dict[str, Any]:
    opening, lists, closing = sections(j.description_html)

    def ul(i: int) -> str:
        return "".join(f"<h4>{h}</h4><ul>{items}</ul>" for h, items in lists[i : i + 1])

    slug = slugify(j.title)
    d = smartrecruiters_item(company, j, api_base)
    d.update(
        {
            "postingUrl": f"https://jobs.smartrecruiters.com/{company.board}/{j.source_id}-{slug}",
            "applyUrl": f"https://jobs.smartrecruiters.com/{company.board}/{j.source_id}-{slug}?oga=true",
            "active": True,
            "jobAd": {
                "sections": {
                    "companyDescription": {"title": "Company Description", "text": opening},
                    "jobDescription": {"title": "Job Description", "text": ul(0)},
                    "qualifications": {
                        "title": "Qualifications",
                        "text": "".join(ul(i) for i in range(1, len(lists) - 1)),
                    },
                    "additionalInformation": {
                        "title": "Additional Information",
                        "text": ul(len(lists) - 1) + closing,
                    },
                }
            },
        }
    )
    return d


def _rc_time(j: DemoJob) -> str:
    return j.posted_at.strftime("%Y-%m-%d %H:%M:%S UTC")


def recruitee_offer(company: Company, j: DemoJob) -> dict[str, Any]:
    opening, lists, closing = sections(j.description_html)
    desc = opening + "".join(f"<h3>{h}</h3><ul>{i}</ul>" for h, i in lists[:1])
    reqs = "".join(f"<h3>{h}</h3><ul>{i}</ul>" for h, i in lists[1:]) + closing
    city, region, cc = _city_country(j)
    s = j.salary
    structured = bool(s and s.channel == "structured" and s.period in ("year", "month"))
    salary = (
        {"min": str(int(s.min)), "max": str(int(s.max)), "period": s.period, "currency": s.currency}
        if structured and s
        else {"min": None, "max": None, "period": None, "currency": None}
    )
    slug = slugify(j.title)
    return {
        "id": int(j.source_id),
        "guid": j.source_id[-5:],
        "slug": slug,
        "title": j.title,
        "company_name": company.name,
        "description": desc,
        "requirements": reqs,
        "highlight": f"<p>{escape(company.about)}</p>",
        "location": ", ".join(p for p in (city, region, COUNTRY_NAMES.get(cc, "")) if p),
        "city": city,
        "state_name": region,
        "state_code": region,
        "country": COUNTRY_NAMES.get(cc, ""),
        "country_code": cc,
        "postal_code": None,
        "locations": [
            {
                "id": 64000 + k,
                "name": loc,
                "city": loc.split(",")[0],
                "country": COUNTRY_NAMES.get(cc, ""),
                "country_code": cc,
                "state": region,
                "street": None,
                "postal_code": None,
            }
            for k, loc in enumerate(j.locations)
        ],
        "remote": j.workplace_type == "remote",
        "hybrid": j.workplace_type == "hybrid",
        "on_site": j.workplace_type == "onsite",
        "salary": salary,
        "employment_type_code": "fulltime_permanent"
        if j.employment_type == "FULL_TIME"
        else "contract"
        if j.employment_type == "CONTRACTOR"
        else "internship",
        "experience_code": "experienced",
        "education_code": "bachelor_degree",
        "category_code": "engineering",
        "department": j.department,
        "tags": [],
        "min_hours": 32,
        "max_hours": 40,
        "status": "published",
        "created_at": _rc_time(j),
        "updated_at": _rc_time(j),
        "published_at": _rc_time(j),
        "close_at": None,
        "careers_url": f"https://{company.board}.recruitee.com/o/{slug}",
        "careers_apply_url": f"https://{company.board}.recruitee.com/o/{slug}/c/new",
        "translations": {"en": {"title": j.title, "description": desc, "requirements": reqs}},
        "open_questions": [],
        "mailbox_email": f"job.{j.source_id}@{company.board}.example",
    }


def hn_item(thread: HnThread, cid: int | None = None) -> dict[str, Any] | None:
    """Algolia `/items/{id}` tree for the story or one comment (None when unknown)."""

    def node(i: int, text: str, at: Any, parent: int, author: str, kids: list) -> dict:
        return {
            "id": i,
            "created_at": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "created_at_i": int(at.timestamp()),
            "type": "comment",
            "author": author,
            "title": None,
            "url": None,
            "text": text,
            "points": None,
            "parent_id": parent,
            "story_id": thread.story_id,
            "options": [],
            "children": kids,
        }

    comments = []
    for c_id, jobs, replies in thread.comments:
        at = jobs[0].posted_at
        kids = [node(r, t, at, c_id, f"reader{r % 97}", []) for r, t in replies]
        c = node(
            c_id,
            jobs[0].description_html,
            at,
            thread.story_id,
            slugify(jobs[0].company.name).replace("-", ""),
            kids,
        )
        if cid == c_id:
            return c
        comments.append(c)
        for k in kids:
            if cid == k["id"]:
                return k
    if cid not in (None, thread.story_id):
        return None
    return {
        "id": thread.story_id,
        "created_at": thread.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "created_at_i": int(thread.created_at.timestamp()),
        "type": "story",
        "author": "whoishiring",
        "title": thread.title,
        "url": None,
        "text": "Please state the location and include REMOTE for remote work.",
        "points": 412,
        "parent_id": None,
        "story_id": thread.story_id,
        "options": [],
        "children": comments,
    }


def hn_hits(thread: HnThread) -> list[dict[str, Any]]:
    """All comment hits of the story (top-level and replies), newest first, Algolia shape."""
    tree = hn_item(thread)
    assert tree is not None
    flat = [c for top in tree["children"] for c in [top, *top["children"]]]
    hits = [
        {
            "created_at": c["created_at"],
            "title": None,
            "url": None,
            "author": c["author"],
            "points": None,
            "story_text": None,
            "comment_text": c["text"],
            "num_comments": None,
            "story_id": thread.story_id,
            "story_title": thread.title,
            "story_url": None,
            "parent_id": c["parent_id"],
            "created_at_i": c["created_at_i"],
            "_tags": ["comment", f"author_{c['author']}", f"story_{thread.story_id}"],
            "objectID": str(c["id"]),
        }
        for c in flat
    ]
    return sorted(hits, key=lambda h: (-h["created_at_i"], h["objectID"]))


def hn_story_hits(thread: HnThread) -> list[dict[str, Any]]:
    stories = [(thread.story_id, thread.title), *thread.siblings]
    return [
        {
            "created_at": thread.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "title": title,
            "url": None,
            "author": "whoishiring",
            "points": 300,
            "story_text": "Please state the location...",
            "comment_text": None,
            "num_comments": len(thread.comments) if sid == thread.story_id else 0,
            "story_id": sid,
            "created_at_i": int(thread.created_at.timestamp()) - k,
            "_tags": ["story", "author_whoishiring", f"story_{sid}", "ask_hn"],
            "objectID": str(sid),
        }
        for k, (sid, title) in enumerate(stories)
    ]


def wwr_rss(slug: str, label: str, jobs: list[DemoJob]) -> str:
    items = []
    for j in jobs:
        hq = escape(j.company.name + " HQ, " + ("Remote" if j.company.region != "US" else "USA"))
        desc = (
            f"<p>\n  <strong>Headquarters:</strong> {hq}\n</p>\n\n{j.description_html}\n"
            f'<p><strong>To apply:</strong> <a href="{j.source_id}">{j.source_id}</a></p>\n'
        )
        region = {"US": "North America Only", "EU": "Europe Only"}.get(
            j.company.region, "Anywhere in the World"
        )
        items.append(
            f"    <item>\n      <title>{escape(j.company.name)}: {escape(j.title)}</title>\n"
            f"      <region>{region}</region>\n      <category>{escape(label)}</category>\n"
            f"      <type>{commitment(j)}</type>\n"
            f"      <description>{escape(desc, quote=False)}</description>\n"
            f"      <pubDate>{format_datetime(j.posted_at)}</pubDate>\n"
            f"      <guid>{j.source_id}</guid>\n      <link>{j.source_id}</link>\n    </item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss">\n'
        "  <channel>\n    <title>We Work Remotely: Remote jobs in design, programming, "
        "marketing and more</title>\n"
        f"    <link>https://weworkremotely.com/categories/{slug}.rss</link>\n"
        "    <description>We Work Remotely demo feed</description>\n"
        "    <language>en-US</language>\n    <ttl>60</ttl>\n"
        + "".join(items)
        + "  </channel>\n</rss>\n"
    )


def remoteok_list(jobs: list[DemoJob], last_updated: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {
            "last_updated": last_updated,
            "legal": (
                "API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK "
                "as a source. (Demo replica.)"
            ),
        }
    ]
    for j in jobs:
        s = j.salary
        usd = s and s.channel == "structured" and s.currency == "USD" and s.period == "year"
        slug = f"remote-{slugify(j.title)}-{slugify(j.company.name)}-{j.source_id}"
        out.append(
            {
                "slug": slug,
                "id": j.source_id,
                "epoch": int(j.posted_at.timestamp()),
                "date": j.posted_at.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "company": j.company.name,
                "company_logo": "",
                "position": j.title,
                "tags": [re.sub(r"[^a-z0-9 ]", "", p[0].lower()) for p in j.mentions.values()][:6],
                "description": j.description_html,
                "location": "" if j.company.region == "US" else j.locations[0],
                "apply_url": f"https://remoteOK.com/remote-jobs/{slug}",
                "salary_min": int(s.min) if usd and s else 0,
                "salary_max": int(s.max) if usd and s else 0,
                "logo": "",
                "url": f"https://remoteOK.com/remote-jobs/{slug}",
            }
        )
    return out


__all__ = [
    "plain",
    "workable_account",
    "workable_v2_job",
    "workable_v3_jobs",
    "smartrecruiters_item",
    "smartrecruiters_detail",
    "recruitee_offer",
    "hn_item",
    "hn_hits",
    "hn_story_hits",
    "wwr_rss",
    "remoteok_list",
]
