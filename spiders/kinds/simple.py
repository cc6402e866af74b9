"""Single-request boards: Workable widget and Recruitee offers (no paging, no details)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.recruitee import parse_recruitee
from spiders.parsers.workable import parse_workable


class WorkableSpider(JobSpider):
    name = kind = "workable"
    redirect_scope = "domain"

    first_handler = "parse_account"

    def first_url(self) -> str:
        slug = quote(self.board, safe="")
        return f"{self.base_url}/api/v1/widget/accounts/{slug}?details=true"

    def parse_account(self, response: Response) -> Iterator[Any]:
        yield from parse_workable(self.json(response), board=self.board, fetched_at=utc_now())


class RecruiteeSpider(JobSpider):
    """base_url is the company's careers root (`https://{company}.recruitee.com`)."""

    name = kind = "recruitee"

    first_handler = "parse_offers"

    def first_url(self) -> str:
        return f"{self.base_url}/api/offers/"

    def parse_offers(self, response: Response) -> Iterator[Any]:
        yield from parse_recruitee(self.json(response), board=self.board, fetched_at=utc_now())
