"""Ashby: the whole board (listed jobs, with compensation) in one call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.ashby import parse_ashby


class AshbySpider(JobSpider):
    name = kind = "ashby"

    first_handler = "parse_board"

    def first_url(self) -> str:
        board = quote(self.board, safe="")
        return f"{self.base_url}/posting-api/job-board/{board}?includeCompensation=true"

    def parse_board(self, response: Response) -> Iterator[Any]:
        yield from parse_ashby(self.json(response), board=self.board, fetched_at=utc_now())
