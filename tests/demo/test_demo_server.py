"""Every replica endpoint answers in the real shape; paging, time shift and the request log work."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from html import unescape
from typing import Any
from xml.etree import ElementTree

import aiohttp

from spiders.demo import DemoBoard, DemoServer
from spiders.source_config import SourceConfig


def _src(srv: DemoServer, kind: str) -> SourceConfig:
    return next(s for s in srv.sources() if s.kind == kind)


def test_sources_cover_every_board_and_kind(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    sources = server.sources()
    kinds = {s.kind for s in sources}
    assert kinds == {
        "greenhouse",
        "lever",
        "ashby",
        "jsonld",
        "workable",
        "smartrecruiters",
        "recruitee",
        "hn",
        "wwr",
        "remoteok",
    }
    assert {s.board for s in sources} >= {c.board for c in small_board.companies}
    for s in sources:
        assert s.base_url.startswith(server.base_url)
    jl = _src(server, "jsonld")
    assert jl.start_url == f"{jl.base_url}/jobs"


def test_greenhouse_list_detail_and_board(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    s = _src(server, "greenhouse")
    open_jobs = small_board.company_jobs(s.board)
    plain = fetch_json(f"{s.base_url}/v1/boards/{s.board}/jobs")
    assert plain["meta"]["total"] == len(plain["jobs"]) == len(open_jobs)
    assert "content" not in plain["jobs"][0]
    full = fetch_json(f"{s.base_url}/v1/boards/{s.board}/jobs?content=true")
    job = full["jobs"][0]
    assert {
        "id",
        "title",
        "location",
        "absolute_url",
        "first_published",
        "updated_at",
        "departments",
        "offices",
        "company_name",
    } <= set(job)
    assert job["content"].startswith("&lt;") and "<" not in job["content"]
    assert "<h3>" in unescape(job["content"])
    structured = [j for j in open_jobs if j.salary and j.salary.channel == "structured"]
    if structured:
        j = structured[0]
        detail = fetch_json(
            f"{s.base_url}/v1/boards/{s.board}/jobs/{j.source_id}?pay_transparency=true"
        )
        (pay,) = detail["pay_input_ranges"]
        assert pay["min_cents"] == round(j.salary.min * 100)
        assert pay["currency_type"] == j.salary.currency
        assert 'class="pay-range"' in unescape(detail["content"])
    info = fetch_json(f"{s.base_url}/v1/boards/{s.board}")
    assert set(info) == {"name", "content"}
    assert fetch(f"{s.base_url}/v1/boards/no-such-board/jobs")[0] == 404


def test_lever_paging(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    s = max(
        (x for x in server.sources() if x.kind == "lever"),
        key=lambda x: len(small_board.company_jobs(x.board)),
    )
    n = len(small_board.company_jobs(s.board))
    assert n >= 4
    seen: list[str] = []
    skip = 0
    while True:
        page = fetch_json(f"{s.base_url}/v0/postings/{s.board}?mode=json&skip={skip}&limit=3")
        assert isinstance(page, list)
        seen += [p["id"] for p in page]
        if len(page) < 3:
            break
        skip += 3
    assert len(seen) == len(set(seen)) == n
    assert fetch_json(f"{s.base_url}/v0/postings/{s.board}?mode=json&skip=999&limit=3") == []
    post = fetch_json(f"{s.base_url}/v0/postings/{s.board}/{seen[0]}")
    assert {"text", "categories", "createdAt", "lists", "hostedUrl", "workplaceType"} <= set(post)
    assert isinstance(post["createdAt"], int) and post["createdAt"] > 10**12


def test_ashby_compensation_and_unlisted(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    for s in (x for x in server.sources() if x.kind == "ashby"):
        doc = fetch_json(f"{s.base_url}/posting-api/job-board/{s.board}?includeCompensation=true")
        assert doc["apiVersion"] == "1"
        for job in doc["jobs"]:
            comp = job["compensation"]
            assert {"compensationTierSummary", "summaryComponents", "compensationTiers"} <= set(
                comp
            )
            for c in comp["summaryComponents"]:
                assert c["compensationType"] in ("Salary", "EquityPercentage", "Bonus")
        bare = fetch_json(f"{s.base_url}/posting-api/job-board/{s.board}")
        assert all("compensation" not in j for j in bare["jobs"])
    assert fetch(f"{server.base_url}/ashby/posting-api/job-board/nope")[0] == 404


def _ld_blocks(html: str) -> list:
    """Blocks as the crawler reads them: some pages carry slightly invalid JSON on purpose."""
    from spiders.parsers.jsonld import load_block

    return [
        load_block(b)[0]
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def _postings(obj: object) -> list[dict]:
    if isinstance(obj, list):
        return [p for o in obj for p in _postings(o)]
    if isinstance(obj, dict):
        if "@graph" in obj:
            return _postings(obj["@graph"])
        t = obj.get("@type")
        return [obj] if t == "JobPosting" or (isinstance(t, list) and "JobPosting" in t) else []
    return []


def test_jsonld_listing_sitemap_and_pages(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    for s in (x for x in server.sources() if x.kind == "jsonld"):
        assert s.start_url
        status, headers, body = fetch(s.start_url)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        links = re.findall(r'href="(/careers/[^/]+/jobs/\d+)"', body.decode())
        tree = ElementTree.fromstring(fetch(f"{s.base_url}/sitemap.xml")[2])
        locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        assert sorted(server.base_url + x for x in links) == sorted(locs)
        for url in locs[:3]:
            page = fetch(url)[2].decode()
            (posting,) = [p for b in _ld_blocks(page) for p in _postings(b)]
            assert posting["title"] and posting["description"] and posting["datePosted"]
            assert posting["identifier"]["value"] == url.rsplit("/", 1)[1]
    assert fetch(f"{server.base_url}/careers/nope/jobs")[0] == 404


def test_side_boards_shapes(server: DemoServer, fetch: Any, fetch_json: Any) -> None:
    wk = _src(server, "workable")
    doc = fetch_json(f"{wk.base_url}/api/v1/widget/accounts/{wk.board}?details=true")
    assert doc["name"] and doc["jobs"][0]["shortcode"] and doc["jobs"][0]["description"]
    assert (
        "description"
        not in fetch_json(f"{wk.base_url}/api/v1/widget/accounts/{wk.board}")["jobs"][0]
    )

    rc = _src(server, "recruitee")
    offers = fetch_json(f"{rc.base_url}/api/offers/")["offers"]
    assert offers and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", offers[0]["published_at"])

    ro = fetch_json(f"{_src(server, 'remoteok').base_url}/api")
    assert "legal" in ro[0] and all("position" in j for j in ro[1:])

    ww = _src(server, "wwr")
    rss = ElementTree.fromstring(fetch(f"{ww.base_url}/categories/{ww.board}.rss")[2])
    items = rss.findall("./channel/item")
    assert items and ": " in items[0].findtext("title", "")
    assert "Headquarters:" in items[0].findtext("description", "")


def test_smartrecruiters_paging_and_detail(server: DemoServer, fetch: Any, fetch_json: Any) -> None:
    sr = _src(server, "smartrecruiters")
    ids: list[str] = []
    offset = 0
    while True:
        doc = fetch_json(f"{sr.base_url}/v1/companies/{sr.board}/postings?limit=20&offset={offset}")
        ids += [c["id"] for c in doc["content"]]
        offset += len(doc["content"])
        if offset >= doc["totalFound"] or not doc["content"]:
            break
    assert len(ids) == len(set(ids)) == doc["totalFound"] == 45
    detail = fetch_json(f"{sr.base_url}/v1/companies/{sr.board}/postings/{ids[0]}")
    assert detail["jobAd"]["sections"]["jobDescription"]["text"]
    assert fetch_json(f"{sr.base_url}/v1/companies/Unknown/postings")["totalFound"] == 0


def test_hn_thread_search_and_items(
    server: DemoServer, small_board: DemoBoard, fetch: Any, fetch_json: Any
) -> None:
    hn = _src(server, "hn")
    stories = fetch_json(f"{hn.base_url}/api/v1/search_by_date?tags=story,author_whoishiring")
    hiring = [h for h in stories["hits"] if h["title"].startswith("Ask HN: Who is hiring? (")]
    assert len(hiring) == 1 and len(stories["hits"]) == 3
    sid = hiring[0]["objectID"]
    top, page = [], 0
    while True:
        doc = fetch_json(
            f"{hn.base_url}/api/v1/search_by_date?tags=comment,story_{sid}"
            f"&hitsPerPage=25&page={page}"
        )
        top += [h for h in doc["hits"] if h["parent_id"] == int(sid)]
        if page >= doc["nbPages"] - 1:
            break
        page += 1
    assert small_board.hn and len(top) == len(small_board.hn.comments)
    tree = fetch_json(f"{hn.base_url}/api/v1/items/{sid}")
    assert len(tree["children"]) == len(top)
    assert any(c["children"] for c in tree["children"])  # nested replies exist
    assert any(c["text"].count("<p>") >= 4 for c in tree["children"])  # multi-role comments
    assert "&#x2F;" in tree["children"][0]["text"]


def test_robots_log_and_time_shift(small_board: DemoBoard, fetch: Any, fetch_json: Any) -> None:
    with DemoServer(small_board) as srv:
        assert b"Disallow: /private/" in fetch(f"{srv.base_url}/robots.txt")[2]
        s = next(x for x in srv.sources() if x.kind == "greenhouse")
        day1 = {j["id"] for j in fetch_json(f"{s.base_url}/v1/boards/{s.board}/jobs")["jobs"]}
        srv.set_as_of(date(2027, 6, 1))
        day2 = {j["id"] for j in fetch_json(f"{s.base_url}/v1/boards/{s.board}/jobs")["jobs"]}
        assert day1 != day2
        assert srv.requests[0] == ("GET", "/robots.txt", 200)
        assert srv.count("/greenhouse/", status=200) == 2


def test_serves_many_concurrent_keep_alive_requests_correctly(small_board: DemoBoard) -> None:
    """600 requests from 32 keep-alive connections at once: each answer is the one a lone
    request gets (no mixed-up, truncated or failed body) and the log has every request. The
    speed of the replica is a bench figure (bench/), not a unit test."""

    async def fetch_all(urls: list[str]) -> list[tuple[int, bytes]]:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=32)) as sess:

            async def one(u: str) -> tuple[int, bytes]:
                async with sess.get(u) as r:
                    return r.status, await r.read()

            return await asyncio.gather(*(one(u) for u in urls))

    with DemoServer(small_board) as srv:
        urls = [
            f"{s.base_url}/v0/postings/{s.board}?mode=json&skip=0&limit=5"
            for s in srv.sources()
            if s.kind == "lever"
        ]
        urls += [s.start_url for s in srv.sources() if s.kind == "jsonld" and s.start_url]
        urls.append(f"{srv.base_url}/robots.txt")
        alone = {u: asyncio.run(fetch_all([u]))[0] for u in urls}
        wanted = [urls[i % len(urls)] for i in range(600)]
        got = asyncio.run(fetch_all(wanted))
        logged = len(srv.requests)
    assert len(urls) >= 4 and all(status == 200 for status, _ in alone.values())
    assert list(got) == [alone[u] for u in wanted]
    assert logged == len(urls) + len(wanted)
