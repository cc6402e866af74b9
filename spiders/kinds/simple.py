"""Single-request boards: Workable widget and Recruitee offers (no paging, no details)."""

from __future__ import annotations

import json as json_lib
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote

from scrapy.http import Request, Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.recruitee import parse_recruitee
from spiders.parsers.workable import parse_workable, parse_workable_detail, workable_jobs


class WorkableSpider(JobSpider):
    """Widget API by default (`{base}/api/v1/widget/accounts/{slug}?details=true`); a
    `start_url` on the newer careers-page API (`.../api/v3/accounts/{slug}/jobs`) is POSTed
    like the careers page does, paged by `nextPage`, and each job's description fetched from
    `.../api/v2/accounts/{slug}/jobs/{shortcode}` (list data kept if that call fails)."""

    name = kind = "workable"
    redirect_scope = "domain"

    first_handler = "parse_account"

    def first_url(self) -> str:
        slug = quote(self.board, safe="")
        return (
            self.source.start_url or f"{self.base_url}/api/v1/widget/accounts/{slug}?details=true"
        )

    async def start(self) -> AsyncIterator[Any]:
        url = self.first_url()
        if "/api/v3/" in url:
            yield self.v3_page(url, None)
        else:
            yield self.listing(url, self.first_handler)

    def v3_page(self, url: str, token: str | None) -> Request:
        body = {"query": "", "location": [], "department": [], "worktype": [], "remote": []}
        if token:
            body["token"] = token
        return self.listing(url, "parse_account").replace(
            method="POST",
            body=json_lib.dumps(body),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )

    def parse_account(self, response: Response) -> Iterator[Any]:
        payload = self.json(response)
        postings = parse_workable(payload, board=self.board, fetched_at=utc_now())
        if workable_jobs(payload)[0] == "widget":
            yield from postings
            return
        slug = quote(self.board, safe="")
        root = response.url.split("/api/v3/")[0]
        for posting in postings:  # the v3 list has no description: one detail call each
            code = quote(posting.source_id, safe="")
            yield self.detail(
                f"{root}/api/v2/accounts/{slug}/jobs/{code}", "parse_detail", fallback=posting
            )
        token = payload.get("nextPage")
        if token and self.page_progress(p.source_id for p in postings):
            yield self.v3_page(response.url, str(token))

    def parse_detail(self, response: Response) -> Iterator[Any]:
        yield parse_workable_detail(self.json(response), listed=response.meta["jt_fallback"])


class RecruiteeSpider(JobSpider):
    """base_url is the company's careers root (`https://{company}.recruitee.com`)."""

    name = kind = "recruitee"

    first_handler = "parse_offers"

    def first_url(self) -> str:
        return f"{self.base_url}/api/offers/"

    def parse_offers(self, response: Response) -> Iterator[Any]:
        yield from parse_recruitee(self.json(response), board=self.board, fetched_at=utc_now())
