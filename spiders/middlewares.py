"""Retries with exponential backoff that honour Retry-After (429/503), without blocking the loop."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlparse

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if unusable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, but it waits before re-queueing: Retry-After when given
    (capped), else base * 2**attempt with jitter. Waiting here delays only this request."""

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    def delay_for(self, request: Request, response: Response | None) -> float:
        attempt = int(request.meta.get("retry_times", 0))
        if response is not None:
            after = retry_after_seconds(response.headers.get(b"Retry-After"))
            if after is not None:
                return min(after, self.cap)
        backoff = self.base * (2**attempt)
        return min(backoff + random.uniform(0, backoff / 4), self.cap)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        after = retry_after_seconds(response.headers.get(b"Retry-After"))
        if after is not None and after > self.after_max:
            # waiting would hold the whole run: this board fails now and is crawled next run
            spider = self.crawler.spider
            if hasattr(spider, "record_error"):
                spider.record_error(
                    f"{request.url}: HTTP {response.status} Retry-After {after:.0f}s beyond the "
                    f"{self.after_max:.0f}s cap (RETRY_AFTER_MAX); board failed for this run"
                )
                spider.listing_failed = True
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        delay = self.delay_for(request, response)
        logger.info("retrying %s in %.2fs (HTTP %s)", request.url, delay, response.status)
        await asyncio.sleep(delay)
        return retry

    async def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or not isinstance(
            exception, self.exceptions_to_retry
        ):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self.delay_for(request, None))
        return retry


def registrable_domain(host: str) -> str:
    """example.co.uk for jobs.example.co.uk (bundled public-suffix snapshot, never fetched);
    an IP address or a single-label host (localhost) is its own domain."""
    import tldextract

    extract = _extractor(tldextract)
    parts = extract(host)
    return ".".join(p for p in (parts.domain, parts.suffix) if p) if parts.suffix else host


@lru_cache(maxsize=1)
def _extractor(tldextract: Any) -> Any:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OffsiteRedirectMiddleware:
    """A redirect to another host than the board's is not followed: a compromised or hostile
    board must not steer the crawler elsewhere and have that stored as its postings. Kinds
    whose sites move between their own hosts (career sites, feeds: `redirect_scope =
    "domain"`) may follow within the same registrable domain. The request then fails as an
    error of the board, so a listing page makes the listing incomplete."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urlparse(urljoin(request.url, location.decode("latin-1")))
        origin = urlparse(request.url)
        spider = self.crawler.spider
        scope = getattr(spider, "redirect_scope", "host")
        same = (target.hostname or "") == (origin.hostname or "")
        if not same and scope == "domain" and target.hostname and origin.hostname:
            same = registrable_domain(target.hostname) == registrable_domain(origin.hostname)
        if same and target.scheme in ("http", "https"):
            return response
        self.crawler.stats.inc_value("jobtrends/offsite_redirects")
        raise IgnoreRequest(
            f"redirect to another host not followed: {request.url} -> {target.geturl()[:200]}"
        )
