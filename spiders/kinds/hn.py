"""Hacker News "Who is hiring?" via the Algolia API: newest thread(s), top-level comments only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.parsers.hn import find_hiring_threads, parse_hn_thread


class HnSpider(JobSpider):
    """base_url is the Algolia root (`https://hn.algolia.com`); `-a threads=N` crawls N months."""

    name = kind = "hn"

    def __init__(self, *args: Any, threads: int | str = 1, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.threads = max(1, int(threads))

    first_handler = "parse_search"

    def first_url(self) -> str:
        return f"{self.base_url}/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50"

    def parse_search(self, response: Response) -> Iterator[Any]:
        threads = find_hiring_threads(self.json(response), limit=self.threads)
        if not threads:
            raise LookupError("no 'Ask HN: Who is hiring?' story in the search results")
        for thread in threads:
            # /items/{id} returns the whole tree in one call; replies are skipped by the parser
            yield self.listing(f"{self.base_url}/api/v1/items/{thread['id']}", "parse_thread")

    def parse_thread(self, response: Response) -> Iterator[Any]:
        yield from parse_hn_thread(self.json(response), board=self.board, fetched_at=utc_now())
