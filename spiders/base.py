"""Shared base spider: board config, listing/detail bookkeeping and the per-board crawl record.

Subclasses only build URLs and call pure parsers. Every listing request goes through
`listing()`, every per-posting request through `detail()`, so the base knows whether the whole
listing was fetched (`listing_complete`) and can fall back to list data when a detail call fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from pipelines.records import Posting
from spiders.lake import append_jsonl, new_run_id
from spiders.parsers.common import ResponseShapeError, collect_skipped, cut_short
from spiders.source_config import SourceConfig

#: detail failures with these statuses mean "posting gone", not "listing incomplete"
GONE_STATUSES = (404, 410)
MAX_ERROR_MESSAGES = 20


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _garbled(ident: str | None) -> bool:
    """An id with U+FFFD (invalid bytes) or a lone surrogate cannot key a posting."""
    return any(ch == "\ufffd" or "\ud800" <= ch <= "\udfff" for ch in ident or "")


def keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    """Whole words or phrases, case-insensitive ("ai" matches "AI Engineer", not "Maintenance");
    a trailing `*` matches word prefixes ("data scien*" matches "Data Scientist")."""
    parts = []
    for kw in (k.strip().lower() for k in keywords):
        if kw:
            star = kw.endswith("*")
            body = re.escape(kw.rstrip("*").strip())
            parts.append(rf"(?<!\w){body}" + ("" if star else r"(?!\w)"))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


class JobSpider(scrapy.Spider):
    """One crawl of one board of one source kind."""

    kind: ClassVar[str] = ""
    name = "jobspider"
    #: where a redirect may lead: "host" (the board's own host) or "domain" (any host of the
    #: same registrable domain: career sites and feeds that move between their own hosts)
    redirect_scope: ClassVar[str] = "host"

    def __init__(
        self,
        source: SourceConfig | None = None,
        run_id: str | None = None,
        lake_dir: str | Path = "data/raw",
        **kwargs: Any,
    ):
        if source is None:  # `scrapy crawl <kind> -a board=... [-a base_url=...]`
            from spiders.sources_file import make_source

            entry = {
                k: kwargs.pop(k)
                for k in list(kwargs)
                if k in ("board", "base_url", "start_url", "region")
            }
            words = kwargs.pop("title_keywords", [])  # CLI: -a title_keywords="ai,machine learning"
            words = [w for w in words.split(",") if w.strip()] if isinstance(words, str) else words
            source = make_source({"kind": self.kind, **entry, "title_keywords": words})
        super().__init__(name=self.kind or self.name, **kwargs)
        self.source = source
        self.board = source.board
        self.base_url = source.base_url.rstrip("/")
        self.keywords = keyword_pattern(source.title_keywords)
        self.run_id = run_id or new_run_id()
        self.lake_dir = Path(lake_dir)
        self.started_at = utc_now()
        self.pages = 0
        self.errors = 0
        self.error_messages: list[str] = []
        self.listing_pages_ok = 0
        self.listing_failed = False
        self.items_stored = 0
        #: listed postings not kept, by reason (each makes the listing incomplete)
        self.skipped: dict[str, int] = {}
        #: items that are not postings (replies, unlisted, filtered by title), by reason
        self.ignored: dict[str, int] = {}
        #: values changed to be storable (lone surrogates replaced), by reason
        self.repaired: dict[str, int] = {}
        self.seen_ids: set[str] = set()
        self.crawl_record: dict[str, Any] | None = None

    #: callback method name for the first listing page
    first_handler: ClassVar[str] = ""

    def first_url(self) -> str:
        """URL of the first listing page (also used by `check_source`)."""
        raise NotImplementedError

    async def start(self) -> AsyncIterator[Any]:
        yield self.listing(self.first_url(), self.first_handler)

    # -- request builders -------------------------------------------------------------------
    def listing(self, url: str, handler: str, **kwargs: Any) -> Request:
        """A page of the board's listing; its failure makes the listing incomplete."""
        return Request(
            url,
            callback=self._on_response,
            errback=self._on_error,
            cb_kwargs={"handler": handler, "kwargs": kwargs},
            meta={"jt_role": "listing"},
            dont_filter=True,
        )

    def detail(
        self,
        url: str,
        handler: str,
        *,
        fallback: Posting | None = None,
        required: bool = False,
        **kwargs: Any,
    ) -> Request:
        """A per-posting call; on failure `fallback` (list data) is emitted instead. `required`
        details (the posting exists only there) make the listing incomplete unless 404/410."""
        return Request(
            url,
            callback=self._on_response,
            errback=self._on_error,
            cb_kwargs={"handler": handler, "kwargs": kwargs},
            meta={"jt_role": "detail", "jt_fallback": fallback, "jt_required": required},
        )

    # -- callbacks --------------------------------------------------------------------------
    def _on_response(
        self, response: Response, handler: str, kwargs: dict[str, Any]
    ) -> Iterator[Any]:
        role = response.meta.get("jt_role")
        try:
            with collect_skipped() as skipped:
                produced = list(getattr(self, handler)(response, **kwargs))
        except ResponseShapeError as exc:  # an API shape we do not know: fail, never "empty"
            self.record_skip("unknown response shape", f"{role} {response.url}: {exc}")
            yield from self._parse_failed(response, exc)
            return
        except ValueError as exc:  # truncated/garbled body (JSON, XML): often transient, retry
            request = response.request
            retry = (
                get_retry_request(request, spider=self, reason="malformed_body")
                if request
                else None
            )
            if retry is not None:
                yield retry
                return
            yield from self._parse_failed(response, exc)
            return
        except Exception as exc:  # a parser bug: count it, keep crawling
            yield from self._parse_failed(response, exc)
            return
        self.pages += 1
        if role == "listing":
            self.listing_pages_ok += 1
        for reason, detail in skipped.skipped:  # postings we could not read are still listed
            self.record_skip(reason, f"{role} {response.url}: {detail}")
        for reason, count in skipped.ignored.items():
            self.note_ignored(reason, count)
        for out in produced:
            if isinstance(out, Posting):
                yield from self.emit([out])
            else:
                yield out

    def _parse_failed(self, response: Response, exc: Exception) -> Iterator[Any]:
        role = response.meta.get("jt_role")
        self.record_error(f"{role} {response.url}: {type(exc).__name__}: {str(exc)[:200]}")
        if role == "listing" or response.meta.get("jt_required"):
            self.listing_failed = True
        yield from self.emit([response.meta.get("jt_fallback")])

    def _on_error(self, failure: Failure) -> Iterator[Any]:
        request: Request = failure.request  # type: ignore[attr-defined]
        role = request.meta.get("jt_role")
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            message = f"HTTP {status}"
        else:
            message = f"{type(failure.value).__name__}: {failure.value}"
        self.record_error(f"{role} {request.url}: {message}")
        if role == "listing" or (request.meta.get("jt_required") and status not in GONE_STATUSES):
            self.listing_failed = True
        yield from self.emit([request.meta.get("jt_fallback")])

    # -- helpers for subclasses -------------------------------------------------------------
    def json(self, response: Response) -> Any:
        """Body as JSON, decoded as UTF-8 (JSON's encoding) whatever the Content-Type says;
        invalid bytes become U+FFFD rather than losing the whole page."""
        try:
            text = response.body.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.crawler.stats.inc_value("jobtrends/invalid_utf8")
            self.logger.warning("invalid UTF-8 in %s; bad bytes replaced", response.url)
            text = response.body.decode("utf-8-sig", errors="replace")
        return json.loads(text)

    def complete_or_retry(self, response: Response) -> Request | None:
        """For markup pages (RSS, sitemap, HTML listing or job page): None when the document is
        whole. A document cut short is retried while retries remain (the request is returned:
        yield it and stop); after that it is parsed leniently, but the listing is marked
        incomplete, since a half listing must never close the postings it lost."""
        problem = cut_short(response.body)
        if problem is None:
            return None
        request = response.request
        retry = get_retry_request(request, spider=self, reason="cut_short") if request else None
        if retry is not None:
            return retry
        self.record_error(f"{response.meta.get('jt_role')} {response.url}: {problem}")
        if response.meta.get("jt_role") == "listing" or response.meta.get("jt_required"):
            self.listing_failed = True
        return None

    def page_progress(self, ids: Iterable[str]) -> bool:
        """True when paging may go on. A page that only repeats postings already seen, or more
        than JOBTRENDS_MAX_LISTING_PAGES pages, means a paging loop: stop, listing incomplete."""
        ids = list(ids)
        fresh = [i for i in ids if i not in self.seen_ids]
        self.seen_ids.update(ids)
        limit = (
            self.settings.getint("JOBTRENDS_MAX_LISTING_PAGES", 2000)
            if hasattr(self, "settings")
            else 2000
        )
        if (ids and not fresh) or self.listing_pages_ok >= limit:
            self.record_error(
                f"paging stopped after {self.listing_pages_ok + 1} pages: loop or page limit"
            )
            self.listing_failed = True
            return False
        return True

    @staticmethod
    def merge(primary: Posting, fallback: Posting | None) -> Posting:
        """Detail record with empty fields filled from the list record of the same posting."""
        if fallback is not None:
            for name in Posting.__slots__:  # type: ignore[attr-defined]
                if getattr(primary, name) in (None, "", [], {}):
                    setattr(primary, name, getattr(fallback, name))
        return primary

    def wanted(self, title: str | None) -> bool:
        """Title keyword filter from the SourceConfig (see `keyword_pattern`; empty = all)."""
        return self.keywords is None or bool(self.keywords.search(title or ""))

    def emit(self, postings: Iterable[Posting | None]) -> Iterator[dict[str, Any]]:
        for posting in postings:
            if posting is None:
                continue
            if _garbled(posting.source_id):  # invalid bytes hit the id: cannot key it
                self.record_skip(
                    "encoding error", f"posting id garbled: {posting.source_id!r}; dropped"
                )
                continue
            if not self.wanted(posting.title):
                self.crawler.stats.inc_value("jobtrends/filtered_by_title")
                self.note_ignored("filtered by title keywords")
                continue
            posting.run_id = self.run_id
            posting.fetched_at = posting.fetched_at or utc_now()
            yield posting.to_dict()

    def record_skip(self, reason: str, detail: str) -> None:
        """A listed posting that is not kept: counted by reason, logged, and the listing is
        incomplete, so no posting of this board is closed from this run."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        self.record_error(f"skipped ({reason}): {detail}")

    def note_ignored(self, reason: str, count: int = 1) -> None:
        """Items that are not postings (replies, unlisted jobs, title filter): counted only."""
        self.ignored[reason] = self.ignored.get(reason, 0) + count

    def note_repaired(self, reason: str) -> None:
        self.repaired[reason] = self.repaired.get(reason, 0) + 1

    def record_error(self, message: str) -> None:
        self.errors += 1
        self.logger.warning(message)
        if len(self.error_messages) < MAX_ERROR_MESSAGES:
            self.error_messages.append(message)

    def crawl_stats(self) -> dict[str, int]:
        """Scrapy's own counters for this board (one crawler per board): requests, pages,
        retries, errors and bytes, so a slow or flaky board shows in its crawl record."""
        stats = self.crawler.stats.get_stats() if getattr(self, "crawler", None) else {}

        def total(prefix: str) -> int:
            return sum(
                int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int)
            )

        return {
            "requests": int(stats.get("downloader/request_count", 0)),
            "responses": int(stats.get("downloader/response_count", 0)),
            "items": int(stats.get("item_scraped_count", 0)),
            "dropped": int(stats.get("item_dropped_count", 0)),
            "retries": int(stats.get("retry/count", 0)),
            "retries_exhausted": int(stats.get("retry/max_reached", 0)),
            "download_errors": total("downloader/exception_type_count/"),
            "http_errors": sum(
                int(v)
                for k, v in stats.items()
                if k.startswith("downloader/response_status_count/") and k[-3:] >= "400"
            ),
            "bytes": int(stats.get("downloader/response_bytes", 0)),
        }

    def closed(self, reason: str) -> None:
        """Write this board's line to `<lake>/<run_id>/_crawl_runs.jsonl`."""
        # fetched: every listing page read; complete: and every listed posting kept (skips make
        # the listing incomplete, so nothing is closed, but the board's data is usable: no retry)
        fetched = self.listing_pages_ok > 0 and not self.listing_failed and reason == "finished"
        complete = fetched and not self.skipped
        if self.listing_pages_ok == 0:
            status = "failed"
        elif complete and self.errors == 0:
            status = "ok"
        else:
            status = "partial"
        if reason != "finished":
            self.error_messages.append(f"crawl closed early: {reason}")
        # one summary line per skip reason, always kept (the per-item lines are capped)
        summary = [f"skipped {n}: {why}" for why, n in sorted(self.skipped.items())]
        self.crawl_record = {
            "run_id": self.run_id,
            "source": self.kind,
            "board": self.board,
            "started_at": self.started_at,
            "finished_at": utc_now(),
            "pages": self.pages,
            "items": self.items_stored,
            "errors": self.errors,
            "status": status,
            "listing_complete": complete,
            "listing_fetched": fetched,
            "skipped": dict(sorted(self.skipped.items())),
            "ignored": dict(sorted(self.ignored.items())),
            "repaired": dict(sorted(self.repaired.items())),
            "stats": self.crawl_stats(),
            "error_messages": summary + self.error_messages,
        }
        append_jsonl(self.lake_dir / self.run_id / "_crawl_runs.jsonl", self.crawl_record)
