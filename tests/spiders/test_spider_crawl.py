"""Crawls against the local replica: paging, detail calls, failures, retries, lake output."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from spider_replica import FAST, Replica, read_jsonl
from werkzeug import Request, Response

from spiders.kinds.lever import LeverSpider
from spiders.run import crawl, crawl_subprocess, new_run_id
from spiders.source_config import SourceConfig


def lever_job(n: int) -> dict[str, Any]:
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "text": f"ML Engineer {n}",
        "categories": {"commitment": "Full-time", "location": "Paris", "allLocations": ["Paris"]},
        "createdAt": 1790000000000,
        "workplaceType": "remote",
        "descriptionPlain": "LLMs",
        "description": "<p>LLMs</p>",
        "lists": [],
        "hostedUrl": f"https://jobs.lever.co/acme/{n}",
        "applyUrl": f"https://jobs.lever.co/acme/{n}/apply",
    }


def gh_board(ids: list[int]) -> dict[str, Any]:
    jobs = [
        {
            "id": i,
            "title": f"AI Engineer {i}",
            "content": "&lt;p&gt;PyTorch&lt;/p&gt;",
            "company_name": "Acme",
            "location": {"name": "Remote, US"},
            "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{i}",
            "updated_at": "2026-10-01T00:00:00Z",
            "first_published": "2026-09-01T00:00:00Z",
        }
        for i in ids
    ]
    return {"jobs": jobs, "meta": {"total": len(jobs)}}


def run(
    sources: list[SourceConfig], lake: Path, **overrides: Any
) -> tuple[str, list[dict[str, Any]]]:
    run_id = new_run_id()
    return run_id, crawl(sources, lake, run_id, {**FAST, **overrides})


def test_lever_paging_and_404_board_isolated(
    replica: Replica, lake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LeverSpider, "page_size", 2)

    def pages(request: Request) -> Response:
        skip = int(request.args["skip"])
        jobs = [lever_job(n) for n in range(5)][skip : skip + int(request.args["limit"])]
        return Response(json.dumps(jobs), content_type="application/json")

    replica.handler("/lever/v0/postings/acme", pages)
    replica.json(
        "/lever/v0/postings/ghost", {"ok": False, "error": "Document not found"}, status=404
    )
    sources = [
        SourceConfig(kind="lever", board="acme", base_url=replica.url("/lever")),
        SourceConfig(kind="lever", board="ghost", base_url=replica.url("/lever")),
    ]
    run_id, records = run(sources, lake)
    by_board = {r["board"]: r for r in records}
    assert by_board["acme"]["status"] == "ok" and by_board["acme"]["listing_complete"] is True
    assert by_board["acme"]["pages"] == 3 and by_board["acme"]["items"] == 5
    assert replica.hits["/lever/v0/postings/acme"] == 3
    assert (
        by_board["ghost"]["status"] == "failed" and by_board["ghost"]["listing_complete"] is False
    )
    assert "HTTP 404" in by_board["ghost"]["error_messages"][0]
    rows = read_jsonl(lake / run_id / "lever.jsonl")
    assert len(rows) == 5 and {r["run_id"] for r in rows} == {run_id}
    assert all(r["content_hash"] and r["fetched_at"] for r in rows)
    assert len(read_jsonl(lake / run_id / "_crawl_runs.jsonl")) == 2


def test_greenhouse_detail_pay_and_failed_detail_falls_back(replica: Replica, lake: Path) -> None:
    replica.json("/greenhouse/v1/boards/acme/jobs", gh_board([1, 2]))
    detail = {
        **gh_board([1])["jobs"][0],
        "pay_input_ranges": [
            {
                "min_cents": 15000000,
                "max_cents": 20000000,
                "currency_type": "USD",
                "title": "US",
                "blurb": "base",
            }
        ],
    }
    replica.json("/greenhouse/v1/boards/acme/jobs/1", detail)
    replica.json("/greenhouse/v1/boards/acme/jobs/2", {"status": 404}, status=404)
    run_id, [rec] = run(
        [SourceConfig(kind="greenhouse", board="acme", base_url=replica.url("/greenhouse"))], lake
    )
    rows = {r["source_id"]: r for r in read_jsonl(lake / run_id / "greenhouse.jsonl")}
    assert rows["1"]["salary_raw"][0]["min_cents"] == 15000000
    assert rows["2"]["salary_raw"] is None and rows["2"]["title"] == "AI Engineer 2"
    # the posting is still listed: a failed pay call does not make the listing incomplete
    assert rec["status"] == "partial" and rec["listing_complete"] is True and rec["items"] == 2


def test_smartrecruiters_offset_paging_with_details(replica: Replica, lake: Path) -> None:
    def item(n: int) -> dict[str, Any]:
        return {
            "id": str(n),
            "name": f"Data Scientist {n}",
            "company": {"name": "Acme"},
            "location": {"city": "Berlin", "country": "de", "remote": False, "hybrid": True},
        }

    def pages(request: Request) -> Response:
        offset = int(request.args["offset"])
        body = {
            "offset": offset,
            "limit": 100,
            "totalFound": 102,
            "content": [item(n) for n in range(offset, min(offset + 100, 102))],
        }
        return Response(json.dumps(body), content_type="application/json")

    replica.handler("/smartrecruiters/v1/companies/Acme/postings", pages)
    for n in range(102):
        replica.json(
            f"/smartrecruiters/v1/companies/Acme/postings/{n}",
            {
                **item(n),
                "postingUrl": f"https://jobs.smartrecruiters.com/Acme/{n}",
                "jobAd": {
                    "sections": {"jobDescription": {"title": "Job", "text": "<p>SQL and dbt</p>"}}
                },
            },
        )
    run_id, [rec] = run(
        [
            SourceConfig(
                kind="smartrecruiters", board="Acme", base_url=replica.url("/smartrecruiters")
            )
        ],
        lake,
    )
    assert rec["status"] == "ok" and rec["items"] == 102 and rec["listing_complete"]
    rows = read_jsonl(lake / run_id / "smartrecruiters.jsonl")
    assert all("dbt" in r["description_text"] and r["url"] for r in rows)


def test_429_retry_after_is_honoured(replica: Replica, lake: Path) -> None:
    replica.sequence(
        "/ashby/posting-api/job-board/acme",
        [
            (429, {"error": "slow down"}, {"Retry-After": "1"}),
            (200, {"jobs": [{"id": "a", "title": "LLM Engineer", "isListed": True}]}, {}),
        ],
    )
    start = time.monotonic()
    _, [rec] = run([SourceConfig(kind="ashby", board="acme", base_url=replica.url("/ashby"))], lake)
    assert time.monotonic() - start >= 0.9
    assert rec["status"] == "ok" and rec["items"] == 1
    assert replica.hits["/ashby/posting-api/job-board/acme"] == 2


def test_5xx_burst_then_success_and_persistent_5xx(replica: Replica, lake: Path) -> None:
    ok = {
        "name": "Acme",
        "jobs": [{"shortcode": "X1", "title": "AI Researcher", "telecommuting": True}],
    }
    replica.sequence(
        "/workable/api/v1/widget/accounts/acme",
        [(503, {}, {}), (502, {}, {}), (500, {}, {}), (200, ok, {})],
    )
    replica.sequence("/recruitee/down/api/offers/", [(503, {}, {})])
    sources = [
        SourceConfig(kind="workable", board="acme", base_url=replica.url("/workable")),
        SourceConfig(kind="recruitee", board="down", base_url=replica.url("/recruitee/down")),
    ]
    _, records = run(sources, lake, RETRY_TIMES=3)
    by_kind = {r["source"]: r for r in records}
    assert by_kind["workable"]["status"] == "ok" and by_kind["workable"]["items"] == 1
    assert (
        by_kind["recruitee"]["status"] == "failed"
        and "HTTP 503" in by_kind["recruitee"]["error_messages"][0]
    )
    assert replica.hits["/recruitee/down/api/offers/"] == 4  # first try + 3 retries


def test_robots_disallow_fails_board(replica: Replica, lake: Path) -> None:
    _, [rec] = run(
        [SourceConfig(kind="remoteok", board="remoteok", base_url=replica.url("/private"))], lake
    )
    assert rec["status"] == "failed" and "robots" in rec["error_messages"][0].lower()


def test_title_keywords_and_dedupe(replica: Replica, lake: Path) -> None:
    feed = [{"legal": "terms"}] + [
        {
            "id": "1",
            "position": "Machine Learning Engineer",
            "company": "A",
            "url": "https://r/1",
            "epoch": 1790000000,
        },
        {
            "id": "1",
            "position": "Machine Learning Engineer",
            "company": "A",
            "url": "https://r/1",
            "epoch": 1790000000,
        },
        {
            "id": "2",
            "position": "Accountant",
            "company": "B",
            "url": "https://r/2",
            "epoch": 1790000000,
        },
    ]
    replica.json("/remoteok/api", feed)
    src = SourceConfig(
        kind="remoteok",
        board="remoteok",
        base_url=replica.url("/remoteok"),
        title_keywords=("machine learning",),
    )
    run_id, [rec] = run([src], lake)
    rows = read_jsonl(lake / run_id / "remoteok.jsonl")
    assert [r["source_id"] for r in rows] == ["1"] and rec["items"] == 1 and rec["status"] == "ok"


def test_jsonld_listing_and_sitemap_discovery(replica: Replica, lake: Path) -> None:
    def page(n: int) -> str:
        return (
            '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",'
            f'"title":"NLP Engineer {n}","identifier":{{"@type":"PropertyValue","value":"J{n}"}},'
            '"hiringOrganization":{"@type":"Organization","name":"Acme"},"datePosted":"2026-10-01",'
            '"description":"<p>spaCy</p>"}</script></head><body></body></html>'
        )

    listing = (
        '<html><body><a href="/careers/acme/jobs/1">one</a><a href="/careers/acme/jobs/2#apply">two</a>'
        '<a href="/about">about</a><a rel="next" href="/careers/acme/jobs?page=2">next</a></body></html>'
    )
    replica.handler(
        "/careers/acme/jobs",
        lambda r: Response(
            listing if r.args.get("page") != "2" else '<a href="/careers/acme/jobs/3">3</a>',
            content_type="text/html",
        ),
    )
    for n in (1, 2, 3):
        replica.text(f"/careers/acme/jobs/{n}", page(n))
    replica.text("/careers/acme/jobs/9", "gone", status=404)
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{replica.url(f'/careers/acme/jobs/{n}')}</loc></url>" for n in (1, 9))
        + "</urlset>"
    )
    replica.text("/careers/acme/sitemap.xml", sitemap, content_type="application/xml")
    base = replica.url("/careers/acme")
    sources = [
        SourceConfig(kind="jsonld", board="acme", base_url=base, start_url=f"{base}/jobs"),
        SourceConfig(
            kind="jsonld", board="acme-sitemap", base_url=base, start_url=f"{base}/sitemap.xml"
        ),
    ]
    run_id, records = run(sources, lake)
    by_board = {r["board"]: r for r in records}
    assert by_board["acme"]["status"] == "ok" and by_board["acme"]["items"] == 3
    # a 404 job page means the posting is gone: an error, yet the listing is still complete
    assert (
        by_board["acme-sitemap"]["items"] == 1
        and by_board["acme-sitemap"]["listing_complete"] is True
    )
    ids = sorted(
        r["source_id"] for r in read_jsonl(lake / run_id / "jsonld.jsonl") if r["board"] == "acme"
    )
    assert ids == ["J1", "J2", "J3"]


def test_hn_thread_discovery(replica: Replica, lake: Path) -> None:
    replica.json(
        "/hn/algolia/api/v1/search_by_date",
        {
            "hits": [
                {
                    "objectID": "900",
                    "title": "Ask HN: Who wants to be hired? (November 2026)",
                    "created_at_i": 1793000000,
                },
                {
                    "objectID": "901",
                    "title": "Ask HN: Who is hiring? (November 2026)",
                    "created_at_i": 1793000001,
                },
                {
                    "objectID": "800",
                    "title": "Ask HN: Who is hiring? (October 2026)",
                    "created_at_i": 1790000000,
                },
            ]
        },
    )
    replica.json(
        "/hn/algolia/api/v1/items/901",
        {
            "id": 901,
            "children": [
                {
                    "id": 1,
                    "text": "Acme | ML Engineer, Data Engineer | REMOTE",
                    "created_at": "2026-11-02T00:00:00Z",
                    "children": [
                        {"id": 2, "text": "Reply | Not A Posting Engineer | x", "children": []}
                    ],
                }
            ],
        },
    )
    run_id, [rec] = run(
        [SourceConfig(kind="hn", board="whoishiring", base_url=replica.url("/hn/algolia"))], lake
    )
    rows = read_jsonl(lake / run_id / "hn.jsonl")
    assert rec["status"] == "ok" and [r["source_id"] for r in rows] == ["1-1", "1-2"]


def test_crawl_inside_running_event_loop(replica: Replica, lake: Path) -> None:
    replica.json(
        "/ashby/posting-api/job-board/acme", {"jobs": [{"id": "a", "title": "AI Engineer"}]}
    )
    src = SourceConfig(kind="ashby", board="acme", base_url=replica.url("/ashby"))

    async def caller() -> list[dict[str, Any]]:  # like an async Prefect task calling crawl()
        return crawl([src], lake, new_run_id(), FAST)

    [rec] = asyncio.run(caller())
    assert rec["status"] == "ok"


def test_crawl_subprocess(replica: Replica, lake: Path) -> None:
    replica.json(
        "/ashby/posting-api/job-board/acme", {"jobs": [{"id": "a", "title": "AI Engineer"}]}
    )
    sources = [
        SourceConfig(kind="ashby", board="acme", base_url=replica.url("/ashby")),
        SourceConfig(kind="ashby", board="missing", base_url=replica.url("/ashby")),
    ]
    run_id = new_run_id()
    records = crawl_subprocess(sources, lake, run_id, {**FAST, "RETRY_TIMES": 0}, timeout=60)
    assert [r["status"] for r in records] == ["ok", "failed"]
    assert len(read_jsonl(lake / run_id / "ashby.jsonl")) == 1


def test_endless_paging_is_stopped(
    replica: Replica, lake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LeverSpider, "page_size", 2)
    replica.json("/lever/v0/postings/loop", [lever_job(1), lever_job(2)])  # every skip: same page
    _, [rec] = run([SourceConfig(kind="lever", board="loop", base_url=replica.url("/lever"))], lake)
    assert rec["items"] == 2 and rec["status"] == "partial" and rec["listing_complete"] is False
    assert "paging stopped" in rec["error_messages"][0]


def test_truncated_body_is_retried_then_ok(replica: Replica, lake: Path) -> None:
    good = json.dumps({"jobs": [{"id": "a", "title": "AI Engineer"}]})
    bodies = [good[: len(good) // 2], good]

    def fn(request: Request) -> Response:
        return Response(
            bodies[min(replica.hits["/ashby/posting-api/job-board/t"], 2) - 1],
            content_type="application/json",
        )

    replica.handler("/ashby/posting-api/job-board/t", fn)
    _, [rec] = run([SourceConfig(kind="ashby", board="t", base_url=replica.url("/ashby"))], lake)
    assert (
        rec["status"] == "ok"
        and rec["items"] == 1
        and replica.hits["/ashby/posting-api/job-board/t"] == 2
    )


def test_bad_utf8_and_mojibake_are_repaired(replica: Replica, lake: Path) -> None:
    body = json.dumps(
        {
            "name": "Zürich AI",
            "jobs": [
                {"shortcode": "A", "title": "ML Engineer Z\u00c3\u00bcrich", "telecommuting": True}
            ],
        },
        ensure_ascii=False,
    ).encode()
    body = body.replace(b"Engineer", b"Engin\xff\xfeer")
    replica.handler(
        "/workable/api/v1/widget/accounts/m",
        lambda r: Response(body, content_type="application/json"),
    )
    run_id, [rec] = run(
        [SourceConfig(kind="workable", board="m", base_url=replica.url("/workable"))], lake
    )
    [row] = read_jsonl(lake / run_id / "workable.jsonl")
    assert rec["status"] == "ok" and row["company"] == "Zürich AI"
    assert row["title"].startswith("ML Engin") and row["title"].endswith("Zürich")


def test_redirect_loop_fails_board(replica: Replica, lake: Path) -> None:
    replica.handler(
        "/recruitee/loop/api/offers/",
        lambda r: Response(
            status=302,
            headers={"Location": f"/recruitee/loop/api/offers/?n={int(r.args.get('n', 0)) + 1}"},
        ),
    )
    _, [rec] = run(
        [SourceConfig(kind="recruitee", board="loop", base_url=replica.url("/recruitee/loop"))],
        lake,
        REDIRECT_MAX_TIMES=3,
    )
    assert rec["status"] == "failed" and rec["listing_complete"] is False


def test_download_maxsize_is_enforced(replica: Replica, lake: Path) -> None:
    replica.json("/remoteok/api", [{"legal": "x" * 5000}])
    _, [rec] = run(
        [SourceConfig(kind="remoteok", board="big", base_url=replica.url("/remoteok"))],
        lake,
        DOWNLOAD_MAXSIZE=1000,
        RETRY_TIMES=0,
    )
    assert rec["status"] == "failed" and rec["listing_complete"] is False
