"""We Work Remotely RSS 2.0 feed -> Posting ("Company: Title" items; always remote)."""

from __future__ import annotations

from parsel import Selector

from pipelines.records import Posting
from spiders.parsers.common import clean_str, finish, iso_utc, unescape_html, unique


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
                    locations=unique([region, text("country"), text("state")]),
                    workplace_type="remote",
                    workplace_raw=region,
                    employment_type=text("type"),
                    department=text("category"),
                    posted_at=iso_utc(text("pubDate")),
                    description_html=unescape_html(
                        "".join(item.xpath("description/text()").getall()).strip() or None
                    ),
                    fetched_at=fetched_at,
                )
            )
        )
    return out
