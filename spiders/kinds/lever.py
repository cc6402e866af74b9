"""Lever: skip/limit pages of a bare JSON array until a short page (EU accounts: another base_url)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.lever import parse_lever


class LeverSpider(JobSpider):
    name = kind = "lever"
    page_size = 100

    def page_url(self, skip: int) -> str:
        site = quote(self.board, safe="")
        return f"{self.base_url}/v0/postings/{site}?mode=json&skip={skip}&limit={self.page_size}"

    first_handler = "parse_page"

    def first_url(self) -> str:
        return self.page_url(0)

    def parse_page(self, response: Response, skip: int = 0) -> Iterator[Any]:
        payload = self.json(response)
        if not isinstance(payload, list):
            raise ValueError(f"expected a JSON array, got {type(payload).__name__}")
        postings = parse_lever(payload, board=self.board, fetched_at=utc_now())
        yield from postings
        if len(payload) >= self.page_size and self.page_progress(p.source_id for p in postings):
            yield self.listing(
                self.page_url(skip + len(payload)), "parse_page", skip=skip + len(payload)
            )
