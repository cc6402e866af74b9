"""Career sites with schema.org JobPosting JSON-LD: discover job pages from a listing page or a
sitemap (start_url; default `{base_url}/sitemap.xml`), then parse each page's JSON-LD."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response

from spiders.base import JobSpider, utc_now
from spiders.middlewares import registrable_domain
from spiders.parsers.common import cut_short
from spiders.parsers.jsonld import discover_job_links, parse_jsonld, parse_sitemap


class JsonLdSpider(JobSpider):
    name = kind = "jsonld"
    redirect_scope = "domain"

    def __init__(self, *args: Any, max_pages: int | str = 5000, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.max_pages = int(max_pages)
        self.seen_listings: set[str] = set()
        self.page_count = 0

    first_handler = "parse_index"

    def first_url(self) -> str:
        url = self.source.start_url or f"{self.base_url}/sitemap.xml"
        self.seen_listings.add(url)
        return url

    def parse_index(self, response: Response) -> Iterator[Any]:
        retry = self.complete_or_retry(response)
        if retry is not None:
            yield retry
            return
        head = response.body[:2048].lstrip().lower()
        is_xml = response.url.endswith(".xml") or head.startswith(b"<?xml") or b"<urlset" in head
        if is_xml:
            pages, more = parse_sitemap(response.body)
            # a sitemap may name any URL: only this site's pages are its postings
            site = registrable_domain(urlparse(response.url).hostname or "")
            kept = [u for u in pages if registrable_domain(urlparse(u).hostname or "") == site]
            if len(kept) < len(pages):
                self.note_ignored("sitemap URL on another site", len(pages) - len(kept))
            pages = kept
        else:
            html = response.text
            pages, more = discover_job_links(html, page_url=response.url)
            # listing pages sometimes embed the postings themselves
            yield from parse_jsonld(
                html, board=self.board, page_url=response.url, fetched_at=utc_now()
            )
        for url in more:
            if url not in self.seen_listings:
                self.seen_listings.add(url)
                yield self.listing(url, "parse_index")
        for url in pages:
            if self.page_count >= self.max_pages:
                self.record_error(
                    f"page limit {self.max_pages} reached; rest of {response.url} skipped"
                )
                self.listing_failed = True
                break
            self.page_count += 1
            yield self.detail(url, "parse_page", required=True)

    def parse_page(self, response: Response) -> Iterator[Any]:
        """A job page cut short is retried; if it stays cut short its posting is a counted skip:
        lenient JSON-LD reading would otherwise store a truncated posting as if whole."""
        problem = cut_short(response.body)
        if problem is not None:
            request = response.request
            retry = get_retry_request(request, spider=self, reason="cut_short") if request else None
            if retry is not None:
                yield retry
                return
            self.record_skip("page cut short", f"{response.url}: {problem}")
            return
        postings = parse_jsonld(
            response.text, board=self.board, page_url=response.url, fetched_at=utc_now()
        )
        if not postings:
            self.note_ignored("job page without a JobPosting")
        yield from postings
