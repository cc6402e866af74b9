"""Scrapy settings for jobtrends crawls: polite defaults; tests and flows override per call."""

from __future__ import annotations

import os
from typing import Any

BOT_NAME = "jobtrends"
SPIDER_MODULES = ["spiders.kinds"]
NEWSPIDER_MODULE = "spiders.kinds"

DEFAULT_CONTACT_URL = "https://github.com/jobtrends/jobtrends"
USER_AGENT = f"jobtrends/0.1 (+{os.environ.get('JOBTRENDS_CONTACT_URL', DEFAULT_CONTACT_URL)})"

# Reactorless: the crawl runs on the caller's asyncio loop, so it can repeat in one process
TWISTED_REACTOR_ENABLED = False

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# reactorless Scrapy starts one asyncio task per item slot for every response: 100 slots cost
# ~2x crawl time on a 2-core machine for nothing (items are cheap to process)
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 30
# whole-board responses (Greenhouse content=true, Ashby) reach a few MB, the largest real boards
# ~15 MB; refuse runaway bodies (a 50 MB answer fails the board instead of eating memory)
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 408, 522, 524]
#: exponential backoff base (s) and cap (s) for retries; Retry-After wins when the server sends it
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
#: a Retry-After longer than this (s) fails the board for this run instead of holding the run
RETRY_AFTER_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
    # sees a 3xx before RedirectMiddleware (600) follows it
    "spiders.middlewares.OffsiteRedirectMiddleware": 650,
}
ITEM_PIPELINES = {
    "spiders.lake.NormalisePipeline": 100,
    "spiders.lake.ValidatePipeline": 200,
    "spiders.lake.DedupePipeline": 300,
    "spiders.lake.LakeWriterPipeline": 900,
}

# HTTP cache for development only (JOBTRENDS_HTTPCACHE=1): never in scheduled runs
HTTPCACHE_ENABLED = os.environ.get("JOBTRENDS_HTTPCACHE") == "1"
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 6 * 3600
# RFC 2616 policy: a cached page is revalidated with If-None-Match / If-Modified-Since, so boards
# that send ETag or Last-Modified answer 304 and unchanged listings cost no body
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"

TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's RemoteControl extension (on by default) runs an HTTP server that executes Python
# sent to it inside the crawl; a scheduled crawl needs no remote code execution
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"


def build_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """This module's settings as a dict plus overrides; `CONTACT_URL` rewrites the User-Agent."""
    values = {k: v for k, v in globals().items() if k.isupper() and k != "DEFAULT_CONTACT_URL"}
    overrides = dict(overrides or {})
    contact = overrides.pop("CONTACT_URL", None)
    if contact and "USER_AGENT" not in overrides:
        values["USER_AGENT"] = f"jobtrends/0.1 (+{contact})"
    values.update(overrides)
    return values
