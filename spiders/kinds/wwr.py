"""We Work Remotely: one RSS feed per board (a category slug, or base_url/start_url is the feed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.wwr import parse_wwr


class WwrSpider(JobSpider):
    name = kind = "wwr"
    redirect_scope = "domain"

    first_handler = "parse_feed"

    def first_url(self) -> str:
        if self.source.start_url:
            return self.source.start_url
        if self.base_url.endswith((".rss", ".xml")):
            return self.base_url
        if self.board in ("all", "remote-jobs"):
            return f"{self.base_url}/remote-jobs.rss"
        return f"{self.base_url}/categories/{quote(self.board, safe='')}.rss"

    def parse_feed(self, response: Response) -> Iterator[Any]:
        retry = self.complete_or_retry(response)
        if retry is not None:
            yield retry
            return
        yield from parse_wwr(response.body, board=self.board, fetched_at=utc_now())
