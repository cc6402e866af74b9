"""Replica HTTP server for the demo board: real API paths under a per-kind prefix, plus faults.

Why: spiders are tested (and the demo runs) offline against a server that answers exactly like
the real sources, so a spider only swaps the host root (`SourceConfig.base_url`).

Every URL answered (`{base}` = http://127.0.0.1:PORT; unknown boards answer like the real API):

  /robots.txt                                              allow all except /private/
  /                                                        HTML index of boards
  Greenhouse (base_url {base}/greenhouse)
    /greenhouse/v1/boards/{token}                          {"name","content"}
    /greenhouse/v1/boards/{token}/jobs[?content=true]      {"jobs":[...],"meta":{"total"}}
    /greenhouse/v1/boards/{token}/jobs/{id}[?pay_transparency=true]   one job (+pay_input_ranges)
  Lever (base_url {base}/lever)
    /lever/v0/postings/{site}?mode=json[&skip=N&limit=M]   bare list; [] past the end
    /lever/v0/postings/{site}/{id}                         one posting
  Ashby (base_url {base}/ashby)
    /ashby/posting-api/job-board/{name}[?includeCompensation=true]   {"apiVersion":"1","jobs"}
  JSON-LD career sites (kind "jsonld", base_url {base}/careers/{site})
    /careers/{site}/jobs                                   listing page (start_url), relative links
    /careers/{site}/jobs/{id}                              job page with ld+json (404 once closed)
    /careers/{site}/sitemap.xml                            sitemap of open job pages
    /careers/{site}/about                                  plain page, no JSON-LD
  Workable (base_url {base}/workable)
    /workable/api/v1/widget/accounts/{slug}[?details=true]
  SmartRecruiters (base_url {base}/smartrecruiters)
    /smartrecruiters/v1/companies/{id}/postings?limit=&offset=   (limit default 10, max 100)
    /smartrecruiters/v1/companies/{id}/postings/{pid}
  Recruitee (base_url {base}/recruitee/{company}, the careers root)
    /recruitee/{company}/api/offers/
  HN Algolia (base_url {base}/hn/algolia)
    /hn/algolia/api/v1/search_by_date?tags=story,author_whoishiring
    /hn/algolia/api/v1/search_by_date?tags=comment,story_{id}&hitsPerPage=&page=
    /hn/algolia/api/v1/search (same answers)   /hn/algolia/api/v1/items/{id}
  We Work Remotely (base_url {base}/wwr)
    /wwr/categories/{slug}.rss   /wwr/remote-jobs.rss
  RemoteOK (base_url {base}/remoteok)
    /remoteok/api                                          element 0 = legal notice
  /private/*                                               200, but disallowed by robots.txt

Run: `python -m spiders.demo.server --port 8123 --postings 3000` (Ctrl-C stops).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import socket
import threading
import time
from datetime import date, datetime
from urllib.parse import urlencode

from aiohttp import web

from spiders.source_config import SourceConfig

from .faults import FaultPlan, FaultRule, _job_list, damage, transform_json, transform_text
from .generator import generate_board
from .models import DemoBoard
from .router import Reply, Router
from .side import WWR_CATEGORIES

_PAGE_KEYS = ("skip", "offset", "page")


class DemoServer:
    """Serves a DemoBoard on 127.0.0.1 from a background thread; use as a context manager."""

    def __init__(
        self,
        board: DemoBoard | None = None,
        *,
        faults: FaultPlan | None = None,
        as_of: date | datetime | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.board = board or generate_board()
        self.faults = faults or FaultPlan()
        self.host, self._port = host, port
        self._as_of = as_of
        #: (method, path with query string, status) per request, in arrival order
        self.requests: list[tuple[str, str, int]] = []
        self._router: Router | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    def start(self) -> DemoServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._port))
        self._port = sock.getsockname()[1]
        self._router = Router(self.board, self.base_url, self._as_of)
        self._router.warm()
        self._thread = threading.Thread(
            target=self._run, args=(sock,), daemon=True, name=f"demo-server-{self._port}"
        )
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("demo server did not start within 10 s")
        return self

    def _run(self, sock: socket.socket) -> None:
        self._loop = asyncio.new_event_loop()
        self._loop.run_until_complete(self._serve(sock))
        self._loop.close()

    async def _serve(self, sock: socket.socket) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._stop = asyncio.Event()
        self._ready.set()
        await self._stop.wait()
        await runner.cleanup()

    def stop(self) -> None:
        if self._loop and self._stop and self._thread:
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(10)
        self._thread = None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- time shift and helpers ----------------------------------------------------------
    def set_as_of(self, as_of: date | datetime) -> None:
        """Serve another day of the board (new postings appear, closed ones disappear)."""
        self._as_of = as_of
        router = Router(self.board, self.base_url, as_of)
        router.warm()
        self._router = router  # swapped atomically; in-flight requests finish on the old one

    def add_fault(self, rule: FaultRule) -> None:
        self.faults.add(rule)

    def count(self, prefix: str = "/", status: int | None = None) -> int:
        """How many logged requests start with `prefix` (and had `status`, when given)."""
        return sum(
            1
            for _m, p, s in self.requests
            if p.startswith(prefix) and (status is None or s == status)
        )

    def sources(self, kinds: tuple[str, ...] | None = None) -> list[SourceConfig]:
        """One SourceConfig per board served (main boards first, then the side boards)."""
        b = self.base_url
        out = []
        for c in self.board.companies:
            if c.kind == "jsonld":
                out.append(
                    SourceConfig(
                        kind="jsonld",
                        board=c.board,
                        base_url=f"{b}/careers/{c.board}",
                        start_url=f"{b}/careers/{c.board}/jobs",
                    )
                )
            else:
                out.append(SourceConfig(kind=c.kind, board=c.board, base_url=f"{b}/{c.kind}"))
        side = self.board.side
        for kind in ("workable", "smartrecruiters"):
            if kind in side:
                out.append(
                    SourceConfig(kind=kind, board=side[kind][0].board, base_url=f"{b}/{kind}")
                )
        if "recruitee" in side:
            slug = side["recruitee"][0].board
            out.append(SourceConfig(kind="recruitee", board=slug, base_url=f"{b}/recruitee/{slug}"))
        if self.board.hn:
            out.append(SourceConfig(kind="hn", board="whoishiring", base_url=f"{b}/hn/algolia"))
        out += [
            SourceConfig(kind="wwr", board=slug, base_url=f"{b}/wwr")
            for slug in WWR_CATEGORIES
            if f"wwr:{slug}" in side
        ]
        if "remoteok" in side:
            out.append(SourceConfig(kind="remoteok", board="remoteok", base_url=f"{b}/remoteok"))
        return [s for s in out if kinds is None or s.kind in kinds]

    # -- request handling -----------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        path, path_qs = request.path, request.path_qs
        rules = self.faults.active(path, path_qs) if self.faults.rules else []
        for r in rules:
            if r.kind == "delay":
                await asyncio.sleep(r.delay)
            elif r.kind == "hang":  # a board that never answers: held until the server stops
                assert self._stop is not None
                await self._stop.wait()
                return web.Response(status=503, body=b"")
        reply = self._answer(request, rules)
        self.requests.append((request.method, path_qs, reply.status))
        headers = {"Content-Type": reply.content_type, **reply.headers}
        body = b"" if request.method == "HEAD" else reply.body
        return web.Response(status=reply.status, body=body, headers=headers)

    def _answer(self, request: web.Request, rules: list[FaultRule]) -> Reply:
        posts_ok = request.method == "POST" and "/api/v3/accounts/" in request.path
        if request.method not in ("GET", "HEAD") and not posts_ok:
            return Reply(405, b'{"error":"method not allowed"}')
        for r in rules:
            if r.kind == "status":
                return Reply(r.status, b'{"error":"injected failure"}')
            if r.kind == "rate_limit":
                return Reply(
                    429,
                    b'{"error":"rate limited"}',
                    headers={"Retry-After": str(math.ceil(r.retry_after))},
                )
            if r.kind == "redirect_loop":
                q = dict(request.query)
                q["_loop"] = str(int(q.get("_loop", "0")) + 1)
                return Reply(
                    302, b"", "text/plain", headers={"Location": f"{request.path}?{urlencode(q)}"}
                )
        assert self._router is not None
        query = {k: v for k, v in request.query.items() if k != "_loop"}
        reply = self._router.route(request.path, query)
        body = reply.body
        for r in rules:
            if r.kind in ("empty", "duplicate_ids", "endless"):
                if reply.content_type.startswith("application/json"):
                    first = None
                    if r.kind == "endless":
                        q0 = {k: ("0" if k in _PAGE_KEYS else v) for k, v in query.items()}
                        first = _job_list(json.loads(self._router.route(request.path, q0).body))
                    body = transform_json(body, r.kind, first)
                else:
                    body = transform_text(body, r.kind)
            else:
                body = damage(body, r)
        return Reply(reply.status, body, reply.content_type, dict(reply.headers))


def main(argv: list[str] | None = None) -> None:
    """CLI: serve a demo board until Ctrl-C and print its sources."""
    ap = argparse.ArgumentParser(description="Serve the jobtrends demo board (replica APIs).")
    ap.add_argument("--port", type=int, default=8123)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--postings", type=int, default=3000)
    ap.add_argument("--companies", type=int, default=45)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 1))
    ap.add_argument("--truth", metavar="PATH", help="also write the hidden truth as JSONL")
    args = ap.parse_args(argv)
    board = generate_board(
        seed=args.seed, n_postings=args.postings, n_companies=args.companies, as_of=args.as_of
    )
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as fh:
            for row in board.truth(include_side=True):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with DemoServer(board, host=args.host, port=args.port) as srv:
        print(
            f"demo board: {len(board.jobs)} postings ({len(board.snapshot())} open on "
            f"{board.as_of}) at {srv.base_url}",
            flush=True,
        )
        for s in srv.sources():
            print(f"  {s.kind:16} {s.board:24} {s.start_url or s.base_url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopping", flush=True)


if __name__ == "__main__":
    main()
