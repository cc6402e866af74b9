"""RemoteOK: the whole feed as one JSON array (`{base_url}/api`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.remoteok import parse_remoteok


class RemoteOkSpider(JobSpider):
    name = kind = "remoteok"

    first_handler = "parse_feed"

    def first_url(self) -> str:
        return f"{self.base_url}/api"

    def parse_feed(self, response: Response) -> Iterator[Any]:
        # bytes, not response.text: the body is UTF-8 even when the header says otherwise
        yield from parse_remoteok(response.body, board=self.board, fetched_at=utc_now())
