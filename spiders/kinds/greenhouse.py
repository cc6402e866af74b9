"""Greenhouse: one list call with content=true, then one detail call per posting for pay ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.greenhouse import parse_greenhouse, parse_greenhouse_job


class GreenhouseSpider(JobSpider):
    name = kind = "greenhouse"

    def __init__(self, *args: Any, details: bool | str = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # pay_input_ranges exist only on the single-job endpoint; `-a details=false` skips them
        self.details = str(details).lower() not in ("0", "false", "no")

    def board_url(self, suffix: str = "") -> str:
        return f"{self.base_url}/v1/boards/{quote(self.board, safe='')}/jobs{suffix}"

    first_handler = "parse_list"

    def first_url(self) -> str:
        return self.board_url("?content=true")

    def parse_list(self, response: Response) -> Iterator[Any]:
        for posting in parse_greenhouse(
            self.json(response), board=self.board, fetched_at=utc_now()
        ):
            if self.details and self.wanted(posting.title):
                url = self.board_url(f"/{quote(posting.source_id, safe='')}?pay_transparency=true")
                yield self.detail(url, "parse_job", fallback=posting)
            else:
                yield posting

    def parse_job(self, response: Response) -> Iterator[Any]:
        job = parse_greenhouse_job(self.json(response), board=self.board, fetched_at=utc_now())
        yield self.merge(job, response.meta.get("jt_fallback"))
