"""Helpers shared by the per-source renderers: timestamps, addresses, money, sections, JSON bytes."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from pipelines.text import html_to_text

from .models import DemoJob

COUNTRY_NAMES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "DE": "Germany",
    "NL": "Netherlands",
    "FR": "France",
    "ES": "Spain",
    "IE": "Ireland",
    "IN": "India",
}
REGION_NAMES = {
    "US": "United States",
    "CA": "Canada",
    "UK": "United Kingdom",
    "EU": "Europe",
    "IN": "India",
}
SYMBOL = {"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€", "INR": "₹"}


def dumps(obj: Any) -> bytes:
    """Compact UTF-8 JSON like the real APIs (non-ASCII kept as is)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def local_iso(dt: datetime, tz_hours: int, ms: bool = False) -> str:
    """ISO-8601 with the company's offset, e.g. 2026-07-17T08:48:22-04:00."""
    local = dt.astimezone(timezone(timedelta(hours=tz_hours)))
    if ms:
        return local.isoformat(timespec="milliseconds")
    return local.replace(microsecond=0).isoformat()


def address(loc: str, cc: str | None) -> dict[str, str]:
    """PostalAddress-like parts from 'City, ST' / 'City, Country' / 'Remote - X' strings."""
    country = COUNTRY_NAMES.get(cc or "", "")
    parts = [p.strip() for p in loc.split(",")]
    if loc.lower().startswith("remote"):
        return {"addressCountry": country} if country else {}
    out = {"addressLocality": parts[0]}
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isupper():
        out["addressRegion"] = parts[1]
    if country:
        out["addressCountry"] = country
    return out


def money(x: float, cur: str, style: str = "full") -> str:
    """$108,400 (full) or $150K (k) formatting used in structured summaries."""
    sym = SYMBOL[cur]
    if style == "k" and x >= 1000:
        return f"{sym}{x / 1000:g}K"
    return f"{sym}{int(x):,}" if x >= 100 else f"{sym}{x:g}"


def sections(html: str) -> tuple[str, list[tuple[str, str]], str]:
    """Split our description HTML into (opening, [(heading, <li> items)], closing paragraphs).

    Opening is the first section (About us) and any paragraph before a list; closing is the
    trailing salary/closing paragraphs. Used by formats that carry sections separately (Lever,
    Recruitee, SmartRecruiters).
    """
    blocks = re.findall(r"<h3>(.*?)</h3>\n(.*?)(?=<h3>|\Z)", html, re.S)
    opening, lists, closing = "", [], ""
    for i, (head, body) in enumerate(blocks):
        if i == 0:
            opening += f"<h3>{head}</h3>\n{body}"
            continue
        m = re.match(r"(<p>.*?</p>\n)?<ul>\n(.*?)</ul>\n?(.*)", body, re.S)
        if not m:
            opening += f"<h3>{head}</h3>\n{body}"
            continue
        if m.group(1):
            opening += m.group(1)
        lists.append((head, m.group(2)))
        closing += m.group(3)
    return opening, lists, closing


def plain(html: str) -> str:
    return html_to_text(html)


def commitment(job: DemoJob) -> str:
    return {
        "FULL_TIME": "Full-time",
        "PART_TIME": "Part-time",
        "CONTRACTOR": "Contract",
        "INTERN": "Intern",
    }[job.employment_type]


def location_name(job: DemoJob) -> str:
    return "; ".join(job.locations)
