"""SmartRecruiters: offset/limit list pages (stop at totalFound), one detail call per posting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.smartrecruiters import (
    next_offset,
    parse_smartrecruiters,
    parse_smartrecruiters_detail,
)


class SmartRecruitersSpider(JobSpider):
    name = kind = "smartrecruiters"
    page_size = 100

    def postings_url(self, suffix: str = "") -> str:
        return f"{self.base_url}/v1/companies/{quote(self.board, safe='')}/postings{suffix}"

    first_handler = "parse_page"

    def first_url(self) -> str:
        return self.postings_url(f"?limit={self.page_size}&offset=0")

    def parse_page(self, response: Response) -> Iterator[Any]:
        payload = self.json(response)
        postings = parse_smartrecruiters(payload, board=self.board, fetched_at=utc_now())
        for posting in postings:
            if self.wanted(posting.title):
                url = self.postings_url(f"/{quote(posting.source_id, safe='')}")
                yield self.detail(url, "parse_detail", fallback=posting)
        offset = next_offset(payload)
        if offset is not None and self.page_progress(p.source_id for p in postings):
            yield self.listing(
                self.postings_url(f"?limit={self.page_size}&offset={offset}"), "parse_page"
            )

    def parse_detail(self, response: Response) -> Iterator[Any]:
        listed = response.meta.get("jt_fallback")
        yield parse_smartrecruiters_detail(
            self.json(response), board=self.board, fetched_at=utc_now(), listed=listed
        )
