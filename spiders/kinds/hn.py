"""Hacker News "Who is hiring?" via the Algolia API: newest thread(s), top-level comments only.

Backfill (`jobtrends backfill hn --months N`, Scrapy setting JOBTRENDS_HN_BACKFILL_MONTHS=N):
pages Algolia's search_by_date with a title query until N monthly threads are found, and dates
every posting into its thread's month (a late comment still belongs to that month's thread).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.hn import find_hiring_threads, parse_hn_thread

BACKFILL_SETTING = "JOBTRENDS_HN_BACKFILL_MONTHS"
BACKFILL_QUERY = "Who is hiring"


class HnSpider(JobSpider):
    """base_url is the Algolia root (`https://hn.algolia.com`); `-a threads=N` crawls N months."""

    name = kind = "hn"

    def __init__(self, *args: Any, threads: int | str = 1, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.threads = max(1, int(threads))
        self.backfill = False
        #: thread id -> month of the thread ("YYYY-MM"), in the order found
        self.months_found: dict[str, str] = {}

    first_handler = "parse_search"

    async def start(self) -> AsyncIterator[Any]:
        months = self.settings.getint(BACKFILL_SETTING, 0) if hasattr(self, "settings") else 0
        if months > 0:
            self.threads, self.backfill = months, True
        async for request in super().start():
            yield request

    def search_url(self, page: int = 0) -> str:
        url = f"{self.base_url}/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50"
        if self.backfill:
            url += f"&query={quote(BACKFILL_QUERY)}&page={page}"
        return url

    def first_url(self) -> str:
        return self.search_url()

    def parse_search(self, response: Response, page: int = 0) -> Iterator[Any]:
        payload = self.json(response)
        created = {
            str(h.get("objectID")): h.get("created_at_i")
            for h in payload.get("hits") or []
            if isinstance(h, dict)
        }
        wanted = self.threads - len(self.months_found)
        threads = find_hiring_threads(payload, limit=wanted)
        for thread in threads:
            if thread["id"] in self.months_found:
                continue
            month = _month(created.get(thread["id"]))
            self.months_found[thread["id"]] = month
            # /items/{id} returns the whole tree in one call; replies are skipped by the parser
            yield self.listing(
                f"{self.base_url}/api/v1/items/{quote(thread['id'], safe='')}",
                "parse_thread",
                month=month,
            )
        more = page + 1 < int(payload.get("nbPages") or 0)
        if self.backfill and len(self.months_found) < self.threads and more:
            yield self.listing(self.search_url(page + 1), "parse_search", page=page + 1)
        elif not self.months_found:
            raise LookupError("no 'Ask HN: Who is hiring?' story in the search results")

    def parse_thread(self, response: Response, month: str | None = None) -> Iterator[Any]:
        for posting in parse_hn_thread(self.json(response), board=self.board, fetched_at=utc_now()):
            if self.backfill and month and not (posting.posted_at or "").startswith(month):
                posting.posted_at = f"{month}-01T00:00:00Z"
            yield posting


def _month(created_at_i: Any) -> str | None:
    """'YYYY-MM' of a story's creation time (Algolia's created_at_i, epoch seconds)."""
    if not isinstance(created_at_i, int | float) or isinstance(created_at_i, bool):
        return None
    return datetime.fromtimestamp(created_at_i, tz=UTC).strftime("%Y-%m")
