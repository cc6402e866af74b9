"""We Work Remotely RSS 2.0 feed -> Posting ("Company: Title" items; always remote)."""

from __future__ import annotations

import re

from parsel import Selector

from pipelines.records import Posting
from spiders.parsers.common import clean_str, finish, iso_utc, unescape_html, unique

_HQ = re.compile(r"Headquarters:\s*(?:</strong>|</b>)?\s*([^<\n]+)", re.I)


def headquarters(html: str | None) -> str | None:
    """The company's headquarters from the description's "Headquarters:" paragraph."""
    match = _HQ.search(html or "")
    return clean_str(match.group(1).strip(" ,")) if match else None


def parse_wwr(xml: bytes | str, *, board: str, fetched_at: str | None = None) -> list[Posting]:
    """Items of one feed; description may be entity-escaped or CDATA, both end up as HTML."""
    body = xml if isinstance(xml, bytes) else xml.encode("utf-8")
    sel = Selector(body=body, type="xml")
    sel.remove_namespaces()
    out = []
    for item in sel.xpath("//channel/item"):

        def text(name: str, _item: Selector = item) -> str | None:
            return clean_str(_item.xpath(f"{name}/text()").get())

        guid = text("guid") or text("link")
        raw_title = text("title") or ""
        if not guid or not raw_title:
            continue
        company, sep, title = raw_title.partition(": ")
        if not sep:
            company, title = "", raw_title
        region = text("region")
        description = unescape_html(
            "".join(item.xpath("description/text()").getall()).strip() or None
        )
        out.append(
            finish(
                Posting(
                    source="wwr",
                    board=board,
                    source_id=guid,
                    url=text("link") or guid,
                    apply_url=text("link"),
                    title=title,
                    company=clean_str(company),
                    # region is where the job may be done; country/state and the
                    # "Headquarters:" line describe the company, not the job
                    locations=unique([region]),
                    company_hq=headquarters(description)
                    or ", ".join(unique([text("state"), text("country")]))
                    or None,
                    workplace_type="remote",
                    workplace_raw=region,
                    employment_type=text("type"),
                    department=text("category"),
                    posted_at=iso_utc(text("pubDate")),
                    description_html=description,
                    fetched_at=fetched_at,
                )
            )
        )
    return out
