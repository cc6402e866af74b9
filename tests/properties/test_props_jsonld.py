"""spiders/parsers/jsonld.py: any page, any JSON inside ld+json blocks, any sitemap: no crash, and
every posting is keyed (non-empty source_id), typed and points back to the page it came from."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from prop_kit import FUZZED, json_values, nasty_text

from pipelines.records import Posting
from spiders.parsers.common import iso_utc
from spiders.parsers.jsonld import discover_job_links, parse_jsonld, parse_sitemap

pytestmark = pytest.mark.faults
PAGE = "https://acme.example/careers/jobs/42"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
FIELDS = [
    "title",
    "identifier",
    "url",
    "hiringOrganization",
    "jobLocation",
    "datePosted",
    "description",
    "baseSalary",
    "employmentType",
    "jobLocationType",
    "applicantLocationRequirements",
    "@id",
    "validThrough",
    "dateModified",
]

job_postings = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8).map(
    lambda d: {"@context": "https://schema.org", "@type": "JobPosting", **d}
)
blocks = st.one_of(
    job_postings,
    st.lists(job_postings, max_size=3),
    json_values,
    job_postings.map(lambda j: {"@graph": [j, {"@id": "org", "name": "Acme"}]}),
)


def page(*docs: Any, raw: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(d)}</script>' for d in docs)
    return f"<html><head>{scripts}{raw}</head><body><p>Job</p></body></html>"


def check(postings: list[Posting]) -> None:
    for p in postings:
        assert isinstance(p, Posting) and p.source == "jsonld" and p.board == "acme"
        assert isinstance(p.source_id, str) and p.source_id.strip()
        assert isinstance(p.title, str) and p.title == " ".join(p.title.split())
        assert all(isinstance(x, str) and x for x in p.locations)
        assert p.posted_at is None or ISO.match(p.posted_at)
        assert p.workplace_type in ("remote", "hybrid", "onsite", "unknown")
        assert p.content_hash


@given(nasty_text)
def test_any_page_text(text: str) -> None:
    FUZZED["jsonld"] += 1
    check(parse_jsonld(text, board="acme", page_url=PAGE))


@given(st.lists(blocks, min_size=1, max_size=3), nasty_text)
def test_any_json_in_ld_blocks(docs: list[Any], junk: str) -> None:
    FUZZED["jsonld"] += 1
    broken = f'<script type="application/ld+json">{{"@type": "JobPosting", {junk}</script>'
    check(parse_jsonld(page(*docs, raw=broken), board="acme", page_url=PAGE))


@given(
    st.text(min_size=1, max_size=30).filter(str.strip),
    st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=40),
)
def test_identifier_keys_the_posting(ident: str, title: str) -> None:
    FUZZED["jsonld"] += 1
    doc = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "identifier": {"@type": "PropertyValue", "value": ident},
    }
    [posting] = parse_jsonld(page(doc), board="acme", page_url=PAGE)
    assert posting.source_id == ident.strip() and posting.url == PAGE


def test_a_posting_without_a_title_is_not_emitted() -> None:
    doc = {"@context": "https://schema.org", "@type": "JobPosting", "title": " ", "identifier": "7"}
    assert parse_jsonld(page(doc), board="acme", page_url=PAGE) == []


@given(
    nasty_text,
    st.lists(
        st.sampled_from(
            [
                "/careers/jobs/1",
                "../x",
                "https://other.example/careers/jobs/2",
                "javascript:alert(1)",
                "/careers/jobs/",
                "#top",
                "mailto:a@b",
            ]
        ),
        max_size=6,
    ),
)
def test_discovered_links_stay_below_the_listing(text: str, hrefs: list[str]) -> None:
    FUZZED["jsonld"] += 1
    listing = "https://acme.example/careers/jobs"
    html = "<html><body>" + text + "".join(f'<a href="{h}">x</a>' for h in hrefs) + "</body></html>"
    jobs, _ = discover_job_links(html, page_url=listing)
    for url in jobs:
        parsed = urlparse(url)
        assert parsed.scheme == "https" and parsed.netloc == "acme.example"
        assert parsed.path.startswith("/careers/jobs/") and parsed.path != "/careers/jobs/"


@given(
    st.one_of(
        nasty_text,
        st.lists(nasty_text, max_size=4).map(
            lambda locs: (
                '<?xml version="1.0"?><urlset>'
                + "".join(f"<url><loc>{x}</loc></url>" for x in locs)
                + "</urlset>"
            )
        ),
    )
)
def test_any_sitemap(xml: str) -> None:
    FUZZED["jsonld"] += 1
    try:
        pages, maps = parse_sitemap(xml)
    except ValueError:  # unreadable XML: the spider retries, then marks the listing incomplete
        return
    assert all(isinstance(u, str) and u for u in pages + maps)


@given(json_values)
@example(-30_610_224_001)  # year 999: strftime("%Y") wrote "999", not "0999"
def test_iso_utc_any_value(value: Any) -> None:
    FUZZED["dates"] += 1
    out = iso_utc(value)
    assert out is None or ISO.match(out)
