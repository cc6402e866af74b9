"""schema.org JobPosting JSON-LD on career pages (via extruct) and job-page discovery."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlparse

import extruct
import json_repair
from parsel import Selector

from pipelines.records import Posting
from spiders.parsers.common import (
    clean_str,
    finish,
    first,
    iso_utc,
    note_ignored,
    note_skipped,
    parse_each,
    unescape_html,
    unique,
)


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    return [str(x) for x in t] if isinstance(t, list) else [str(t)] if t else []


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in JSON-LD data: top-level arrays, @graph wrappers and nested objects."""
    if isinstance(value, list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context" and isinstance(item, dict | list):
                yield from _walk(item)


def _resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    """Follow a bare `{"@id": ...}` reference to the node that defines it on the same page."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(str(value["@id"]), value)
    return value


def _unescape(value: str | None) -> str | None:
    """Sites put HTML entities into JSON-LD strings ('R&amp;D'); titles are plain text."""
    return html_lib.unescape(value) if value else value


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return clean_str(value.get("name"))
    return clean_str(value) if isinstance(value, str) else None


def _address_text(place: Any, index: dict[str, dict[str, Any]]) -> tuple[str | None, str | None]:
    """('Locality, Region, Country', ISO2 country or None) of a Place; nulls are skipped."""
    place = _resolve(place, index)
    if not isinstance(place, dict):
        return clean_str(place) if isinstance(place, str) else None, None
    addr = _resolve(place.get("address"), index)
    if isinstance(addr, str):
        return clean_str(addr), None
    if not isinstance(addr, dict):
        return _name(place), None
    country = addr.get("addressCountry")
    country = _name(country) if isinstance(country, dict) else clean_str(country)
    parts = [clean_str(addr.get(k)) for k in ("addressLocality", "addressRegion")] + [country]
    code = country.upper() if country and len(country) == 2 and country.isalpha() else None
    return ", ".join(p for p in parts if p) or _name(place), code


_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


_SOLIDUS = re.compile(r"(?<!\\)((?:\\\\)*)\\/")


def load_block(text: str) -> tuple[Any, str | None]:
    """(data, how) of one ld+json block: strict JSON first, else the lenient reading browsers
    and search engines apply (json-repair: unescaped quotes, trailing text or commas, raw
    newlines in strings); how is None (strict), "repaired", or why it cannot be read."""
    text = _WRAPPERS.sub("", text.strip()).strip()
    if not text:
        return None, "empty block"
    try:
        return json.loads(text), None
    except ValueError as exc:
        strict_error = f"{type(exc).__name__}: {exc}"[:160]
    try:  # json-repair keeps "\\/" as two characters; JSON means "/" (pages write "<\\/p>")
        data = json_repair.loads(_SOLIDUS.sub(r"\1/", text))
    except Exception as exc:  # noqa: BLE001 - the repairer's own failure: block unreadable
        return None, f"{strict_error}; repair failed: {exc!r}"[:240]
    if not isinstance(data, dict | list) or not data:
        return None, f"{strict_error}; no object after repair"
    return data, "repaired"


def extract_blocks(html: str, page_url: str = "") -> list[Any]:
    """Items of every ld+json block and of microdata (extruct's public API, uniform to
    JSON-LD's shape). Blocks are read one at a time, so one broken block never hides the
    others; a block that cannot be read even leniently is noted as skipped when it mentions a
    JobPosting (a posting is lost) and as ignored otherwise (an Organization or breadcrumb)."""
    sel = Selector(text=html)
    items: list[Any] = []
    scripts = sel.xpath(
        "//script[contains(translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
        "'abcdefghijklmnopqrstuvwxyz'), 'ld+json')]/text()"
    ).getall()
    for n, text in enumerate(scripts):
        data, how = load_block(text)
        if data is None:
            if "jobposting" in text.lower():
                note_skipped("unreadable JSON-LD block", f"block #{n} of {page_url}: {how}")
            else:
                note_ignored("unreadable JSON-LD block without a JobPosting")
            continue
        if how == "repaired":
            note_ignored("JSON-LD block read leniently (invalid JSON)")
        items.append(data)
    if "itemtype" in html and "JobPosting" in html:
        try:
            found = extruct.extract(
                html, base_url=page_url or None, syntaxes=["microdata"], uniform=True
            )
        except Exception as exc:  # noqa: BLE001 - markup extruct cannot read
            note_skipped("unreadable microdata", f"{page_url}: {type(exc).__name__}: {exc}"[:200])
        else:
            items.extend(found.get("microdata") or [])
    return items


def parse_jsonld(
    html: str, *, board: str, page_url: str, fetched_at: str | None = None
) -> list[Posting]:
    """Every JobPosting in any ld+json block of a page (several blocks, @graph, lists, @id refs)."""
    nodes = list(_walk(extract_blocks(html, page_url)))
    index = {str(n["@id"]): n for n in nodes if n.get("@id") and len(n) > 1}
    postings = [n for n in nodes if any(t.rsplit("/", 1)[-1] == "JobPosting" for t in _types(n))]
    return parse_each(
        postings, lambda n: _posting(n, index, board, page_url, fetched_at, len(postings))
    )


def _posting(
    node: dict[str, Any],
    index: dict[str, dict[str, Any]],
    board: str,
    page_url: str,
    fetched_at: str | None,
    count: int,
) -> Posting:
    ident = _resolve(first(node.get("identifier")), index)
    ident_value = clean_str(ident.get("value")) if isinstance(ident, dict) else clean_str(ident)
    url = clean_str(node.get("url")) or page_url
    # several postings on one page share the page URL, so only an identifier or own url keys them
    source_id = ident_value or (
        url if count == 1 or node.get("url") else f"{url}#{node.get('title')}"
    )
    places = node.get("jobLocation")
    places = places if isinstance(places, list) else [places] if places else []
    addresses = [_address_text(p, index) for p in places]
    reqs = node.get("applicantLocationRequirements")
    reqs = reqs if isinstance(reqs, list) else [reqs] if reqs else []
    loc_type = first(node.get("jobLocationType"))
    emp = node.get("employmentType")
    salary = node.get("baseSalary")
    return finish(
        Posting(
            source="jsonld",
            board=board,
            source_id=source_id,
            url=url,
            title=_unescape(clean_str(node.get("title"))) or "",
            company=_unescape(_name(_resolve(node.get("hiringOrganization"), index))),
            locations=unique(
                [a for a, _ in addresses] or [_name(_resolve(r, index)) for r in reqs]
            ),
            country_codes=unique(c for _, c in addresses if c),
            workplace_type="remote" if str(loc_type or "").upper() == "TELECOMMUTE" else "unknown",
            workplace_raw=clean_str(loc_type),
            employment_type=", ".join(unique(emp)) if isinstance(emp, list) else clean_str(emp),
            posted_at=iso_utc(node.get("datePosted")),
            updated_at=iso_utc(node.get("dateModified")),
            description_html=unescape_html(clean_str(node.get("description"))),
            salary_raw=salary if salary not in (None, "", {}, []) else None,
            salary_text=clean_str(salary) if isinstance(salary, str) else None,
            fetched_at=fetched_at,
        )
    )


def discover_job_links(html: str, *, page_url: str) -> tuple[list[str], list[str]]:
    """(job page URLs below the listing path, next listing pages) of a career listing page."""
    sel = Selector(text=html)
    base = urlparse(page_url)
    prefix = base.path.rstrip("/") + "/"
    jobs: list[str] = []
    for href in sel.css("a::attr(href)").getall():
        url = urljoin(page_url, href.strip()).split("#")[0]
        parsed = urlparse(url)
        if (
            parsed.netloc == base.netloc
            and parsed.path.startswith(prefix)
            and parsed.path != prefix
        ):
            jobs.append(url)
    nexts = sel.css('a[rel~="next"]::attr(href), link[rel~="next"]::attr(href)').getall()
    return unique(jobs), unique(urljoin(page_url, n.strip()) for n in nexts)


def parse_sitemap(xml: bytes | str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index."""
    sel = Selector(text=xml.decode("utf-8") if isinstance(xml, bytes) else xml, type="xml")
    sel.remove_namespaces()
    pages = sel.xpath("//urlset/url/loc/text()").getall()
    maps = sel.xpath("//sitemapindex/sitemap/loc/text()").getall()
    return unique(pages), unique(maps)
