"""Pure request router of the replica: (path, query) -> Reply, with per-snapshot byte caches.

Why: keeping routing free of HTTP machinery makes every endpoint testable without sockets and
lets the server answer from pre-rendered bytes (>= 1000 req/s on loopback).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from .hn_history import history_item, story_search
from .models import DemoBoard, DemoJob, as_datetime
from .render_ats import ashby_job, greenhouse_job, lever_posting
from .render_common import dumps
from .render_jsonld import about_page, job_page, listing_page, sitemap
from .render_side import (
    hn_hits,
    hn_item,
    hn_story_hits,
    recruitee_offer,
    remoteok_list,
    smartrecruiters_detail,
    smartrecruiters_item,
    workable_account,
    workable_v2_job,
    workable_v3_jobs,
    wwr_rss,
)
from .side import WWR_CATEGORIES

JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"
ROBOTS = b"User-agent: *\nDisallow: /private/\nAllow: /\n"


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes
    content_type: str = JSON
    headers: dict[str, str] = field(default_factory=dict)


def _json(obj: object, status: int = 200) -> Reply:
    return Reply(status, dumps(obj))


def _int(q: Mapping[str, str], key: str, default: int, hi: int | None = None) -> int:
    try:
        v = max(0, int(q.get(key, default)))
    except ValueError:
        v = default
    return min(v, hi) if hi is not None else v


NOT_FOUND = Reply(404, b"Not Found", "text/plain; charset=utf-8")


class Router:
    """Answers every replica URL for one snapshot (`as_of`) of a DemoBoard."""

    def __init__(self, board: DemoBoard, base_url: str, as_of: date | datetime | None = None):
        self.board, self.base = board, base_url.rstrip("/")
        self.at = as_datetime(as_of or board.as_of)
        self.open: dict[str, list[DemoJob]] = {}
        for j in board.jobs:
            if j.is_open(self.at):
                self.open.setdefault(j.board, []).append(j)
        self._kinds = {c.board: c.kind for c in board.companies}
        self._cache: dict[tuple[object, ...], Reply] = {}
        self._items: dict[tuple[str, str], list[bytes]] = {}
        self._hn_hits: list[dict] | None = None
        self._routes: list[tuple[re.Pattern[str], Callable[..., Reply]]] = [
            (re.compile(p), f)
            for p, f in (
                (r"/robots\.txt", lambda q: Reply(200, ROBOTS, "text/plain; charset=utf-8")),
                (r"/greenhouse/v1/boards/([^/]+)", self.gh_board),
                (r"/greenhouse/v1/boards/([^/]+)/jobs", self.gh_jobs),
                (r"/greenhouse/v1/boards/([^/]+)/jobs/(\d+)", self.gh_job),
                (r"/lever/v0/postings/([^/]+)", self.lever_list),
                (r"/lever/v0/postings/([^/]+)/([0-9a-f-]+)", self.lever_one),
                (r"/ashby/posting-api/job-board/([^/]+)", self.ashby),
                (r"/careers/([^/]+)/jobs", self.jl_listing),
                (r"/careers/([^/]+)/jobs/(\d+)", self.jl_page),
                (r"/careers/([^/]+)/sitemap\.xml", self.jl_sitemap),
                (r"/careers/([^/]+)/about", self.jl_about),
                (r"/workable/api/v1/widget/accounts/([^/]+)", self.workable),
                (r"/workable/api/v3/accounts/([^/]+)/jobs", self.workable_v3),
                (r"/workable/api/v2/accounts/([^/]+)/jobs/([^/]+)", self.workable_v2_job),
                (r"/smartrecruiters/v1/companies/([^/]+)/postings", self.sr_list),
                (r"/smartrecruiters/v1/companies/([^/]+)/postings/(\d+)", self.sr_one),
                (r"/recruitee/([^/]+)/api/offers/?", self.recruitee),
                (r"/hn/algolia/api/v1/search(?:_by_date)?", self.hn_search),
                (r"/hn/algolia/api/v1/items/(\d+)", self.hn_items),
                (r"/wwr/categories/([^/]+)\.rss", self.wwr),
                (r"/wwr/remote-jobs\.rss", lambda q: self.wwr(q, None)),
                (r"/remoteok/api", self.remoteok),
                (r"/private/.*", lambda q, *a: Reply(200, b"private", "text/plain")),
                (r"/", self.index),
            )
        ]

    def warm(self) -> None:
        """Pre-render the listing endpoints spiders hit first, so the first crawl is fast too."""
        for c in self.board.companies:
            path = {
                "greenhouse": f"/greenhouse/v1/boards/{c.board}/jobs",
                "lever": f"/lever/v0/postings/{c.board}",
                "ashby": f"/ashby/posting-api/job-board/{c.board}",
                "jsonld": f"/careers/{c.board}/jobs",
            }[c.kind]
            self.route(path, {"content": "true", "mode": "json", "includeCompensation": "true"})

    # -- dispatch -------------------------------------------------------------------------
    def route(self, path: str, query: Mapping[str, str]) -> Reply:
        for pattern, fn in self._routes:
            m = pattern.fullmatch(path)
            if m:
                return fn(query, *m.groups())
        return NOT_FOUND

    def _cached(self, key: tuple[object, ...], make: Callable[[], Reply]) -> Reply:
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = make()
        return hit

    def _board(self, kind: str, token: str) -> list[DemoJob] | None:
        if self._kinds.get(token) != kind:
            return None
        return self.open.get(token, [])

    # -- Greenhouse -----------------------------------------------------------------------
    def gh_board(self, q: Mapping[str, str], token: str) -> Reply:
        if self._board("greenhouse", token) is None:
            return _json({"status": 404, "error": "Not found"}, 404)
        c = self.board.company(token)
        return _json({"name": c.name, "content": html_lib.escape(f"<p>{c.about}</p>")})

    def gh_jobs(self, q: Mapping[str, str], token: str) -> Reply:
        jobs = self._board("greenhouse", token)
        if jobs is None:
            return _json({"status": 404, "error": "Not found"}, 404)
        content = q.get("content", "").lower() == "true"
        return self._cached(
            ("gh", token, content),
            lambda: _json(
                {
                    "jobs": [greenhouse_job(j, content=content) for j in jobs],
                    "meta": {"total": len(jobs)},
                }
            ),
        )

    def gh_job(self, q: Mapping[str, str], token: str, jid: str) -> Reply:
        job = next((j for j in self._board("greenhouse", token) or [] if j.source_id == jid), None)
        if job is None:
            return _json({"status": 404, "error": "Job not found"}, 404)
        pay = q.get("pay_transparency", "").lower() == "true"
        return _json(greenhouse_job(job, content=True, pay=pay, detail=True))

    # -- Lever ----------------------------------------------------------------------------
    def _lever_items(self, site: str, jobs: list[DemoJob]) -> list[bytes]:
        key = ("lever", site)
        if key not in self._items:
            self._items[key] = [dumps(lever_posting(j)) for j in jobs]
        return self._items[key]

    def lever_list(self, q: Mapping[str, str], site: str) -> Reply:
        jobs = self._board("lever", site)
        if jobs is None:
            return _json({"ok": False, "error": "Document not found"}, 404)
        if q.get("mode") != "json":
            links = "".join(f"<li>{html_lib.escape(j.title)}</li>" for j in jobs)
            return Reply(200, f"<html><body><ul>{links}</ul></body></html>".encode(), HTML)
        items = self._lever_items(site, jobs)
        skip = _int(q, "skip", 0)
        limit = _int(q, "limit", len(items)) if "limit" in q else len(items)
        return self._cached(
            ("lever", site, skip, limit),
            lambda: Reply(200, b"[" + b",".join(items[skip : skip + limit]) + b"]"),
        )

    def lever_one(self, q: Mapping[str, str], site: str, pid: str) -> Reply:
        job = next((j for j in self._board("lever", site) or [] if j.source_id == pid), None)
        if job is None:
            return _json({"ok": False, "error": "Document not found"}, 404)
        return _json(lever_posting(job))

    # -- Ashby ----------------------------------------------------------------------------
    def ashby(self, q: Mapping[str, str], name: str) -> Reply:
        jobs = self._board("ashby", name)
        if jobs is None:
            return _json({"success": False, "error": "Not found"}, 404)
        comp = q.get("includeCompensation", "").lower() == "true"
        return self._cached(
            ("ashby", name, comp),
            lambda: _json(
                {"apiVersion": "1", "jobs": [ashby_job(j, compensation=comp) for j in jobs]}
            ),
        )

    # -- JSON-LD career sites -------------------------------------------------------------
    def _site(self, site: str) -> tuple[list[DemoJob] | None, str]:
        return self._board("jsonld", site), f"{self.base}/careers/{site}"

    def jl_listing(self, q: Mapping[str, str], site: str) -> Reply:
        jobs, sb = self._site(site)
        if jobs is None:
            return Reply(404, b"<html><body>No such site</body></html>", HTML)
        c = self.board.company(site)
        return self._cached(
            ("jl", site), lambda: Reply(200, listing_page(c, jobs, sb).encode(), HTML)
        )

    def jl_page(self, q: Mapping[str, str], site: str, jid: str) -> Reply:
        jobs, sb = self._site(site)
        job = next((j for j in jobs or [] if j.source_id == jid), None)
        if job is None:
            return Reply(404, b"<html><body>This job is no longer open.</body></html>", HTML)
        return self._cached(
            ("jlp", site, jid), lambda: Reply(200, job_page(job, sb).encode(), HTML)
        )

    def jl_sitemap(self, q: Mapping[str, str], site: str) -> Reply:
        jobs, sb = self._site(site)
        if jobs is None:
            return NOT_FOUND
        return self._cached(
            ("jls", site),
            lambda: Reply(200, sitemap(jobs, sb).encode(), "application/xml; charset=utf-8"),
        )

    def jl_about(self, q: Mapping[str, str], site: str) -> Reply:
        if self._board("jsonld", site) is None:
            return NOT_FOUND
        return Reply(200, about_page(self.board.company(site)).encode(), HTML)

    # -- side boards ----------------------------------------------------------------------
    def _side(self, kind: str, token: str | None = None) -> tuple | None:
        entry = self.board.side.get(kind)
        if entry is None or (token is not None and entry[0].board != token):
            return None
        return entry[0], [j for j in entry[1] if j.is_open(self.at)]

    def workable_v3(self, q: Mapping[str, str], slug: str) -> Reply:
        """The newer careers-page listing (POST in the wild; the replica answers GET too)."""
        side = self._side("workable", slug)
        if side is None:
            return Reply(404, b"Not Found", "text/plain")
        return self._cached(("wk3",), lambda: _json(workable_v3_jobs(*side)))

    def workable_v2_job(self, q: Mapping[str, str], slug: str, shortcode: str) -> Reply:
        side = self._side("workable", slug)
        job = next((j for j in side[1] if j.source_id == shortcode), None) if side else None
        if job is None:
            return Reply(404, b"Not Found", "text/plain")
        return _json(workable_v2_job(job))

    def workable(self, q: Mapping[str, str], slug: str) -> Reply:
        side = self._side("workable", slug)
        if side is None:
            return NOT_FOUND
        details = q.get("details", "").lower() == "true"
        return self._cached(("wk", details), lambda: _json(workable_account(*side, details)))

    def sr_list(self, q: Mapping[str, str], cid: str) -> Reply:
        side = self._side("smartrecruiters", cid)
        jobs = side[1] if side else []
        offset, limit = _int(q, "offset", 0), _int(q, "limit", 10, hi=100)
        page = (
            [
                smartrecruiters_item(side[0], j, f"{self.base}/smartrecruiters")
                for j in jobs[offset : offset + limit]
            ]
            if side
            else []
        )
        return _json({"offset": offset, "limit": limit, "totalFound": len(jobs), "content": page})

    def sr_one(self, q: Mapping[str, str], cid: str, pid: str) -> Reply:
        side = self._side("smartrecruiters", cid)
        job = next((j for j in side[1] if j.source_id == pid), None) if side else None
        if side is None or job is None:
            return _json({"message": "Job ad not found"}, 404)
        return _json(smartrecruiters_detail(side[0], job, f"{self.base}/smartrecruiters"))

    def recruitee(self, q: Mapping[str, str], company: str) -> Reply:
        side = self._side("recruitee", company)
        if side is None:
            return _json({"error": "Not Found"}, 404)
        return self._cached(
            ("rc",), lambda: _json({"offers": [recruitee_offer(side[0], j) for j in side[1]]})
        )

    def hn_search(self, q: Mapping[str, str]) -> Reply:
        t = self.board.hn
        tags = q.get("tags", "")
        hits: list[dict] = []
        if t and "author_whoishiring" in tags and "story" in tags:
            hits = hn_story_hits(t)
            if q.get("query"):  # a title search reaches the past months too (backfill)
                hits = story_search(self.board, t, q["query"])
        elif t and "comment" in tags and f"story_{t.story_id}" in tags:
            if self._hn_hits is None:
                self._hn_hits = hn_hits(t)
            hits = self._hn_hits
        per, page = _int(q, "hitsPerPage", 20, hi=1000) or 20, _int(q, "page", 0)
        pages = (len(hits) + per - 1) // per
        return _json(
            {
                "hits": hits[page * per : (page + 1) * per],
                "nbHits": len(hits),
                "page": page,
                "nbPages": pages,
                "hitsPerPage": per,
                "exhaustiveNbHits": True,
                "processingTimeMS": 1,
                "query": q.get("query", ""),
                "params": "&".join(f"{k}={v}" for k, v in q.items()),
            }
        )

    def hn_items(self, q: Mapping[str, str], item_id: str) -> Reply:
        item = hn_item(self.board.hn, int(item_id)) if self.board.hn else None
        item = item or history_item(self.board, int(item_id))
        return _json(item) if item else _json({"status": 404, "error": "Not Found"}, 404)

    def wwr(self, q: Mapping[str, str], slug: str | None) -> Reply:
        slugs = [slug] if slug else list(WWR_CATEGORIES)
        if slug and slug not in WWR_CATEGORIES:
            return NOT_FOUND
        jobs = [j for s in slugs for j in self._side(f"wwr:{s}")[1]]  # type: ignore[index]
        jobs.sort(key=lambda j: j.posted_at, reverse=True)
        label = WWR_CATEGORIES.get(slug or "", "All Categories")
        return self._cached(
            ("wwr", slug),
            lambda: Reply(
                200,
                wwr_rss(slug or "all", label, jobs).encode(),
                "application/rss+xml; charset=utf-8",
            ),
        )

    def remoteok(self, q: Mapping[str, str]) -> Reply:
        side = self._side("remoteok")
        return self._cached(
            ("rok",),
            lambda: _json(remoteok_list(side[1] if side else [], int(self.at.timestamp()))),
        )

    def index(self, q: Mapping[str, str]) -> Reply:
        rows = "".join(
            f"<li>{c.kind}: {c.board} ({len(self.open.get(c.board, []))} open)</li>"
            for c in self.board.companies
        )
        return Reply(
            200,
            f"<html><body><h1>jobtrends demo board</h1><ul>{rows}</ul></body></html>".encode(),
            HTML,
        )
