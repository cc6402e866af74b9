"""HTTP-level faults on the demo replica: 5xx bursts, 429 + Retry-After, timeouts and slow bodies,
redirect loops and oversized (50 MB) answers. Every case also checks the lake invariants
(fault_kit.assert_invariants) through crawl_sources."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_kit import assert_kept, crawl_sources, pick, truth_keys
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from spiders.demo import DemoBoard, DemoServer, FaultRule
from spiders.kinds.smartrecruiters import SmartRecruitersSpider
from spiders.source_config import SourceConfig

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]


def gh_list(board: str) -> str:
    return f"/greenhouse/v1/boards/{board}/jobs?"


@pytest.mark.parametrize("status", [500, 503])
def test_5xx_burst_is_retried_and_nothing_is_lost(
    demo: Demo, board: DemoBoard, lake: Path, status: int
) -> None:
    srv = demo()
    src = pick(srv, "greenhouse")[0]
    srv.add_fault(FaultRule(gh_list(src.board), "status", times=2, status=status))
    srv.add_fault(
        FaultRule(f"/greenhouse/v1/boards/{src.board}/jobs/", "status", times=3, status=status)
    )
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert rec["status"] == "ok" and rec["listing_complete"] is True and rec["errors"] == 0
    assert srv.count(gh_list(src.board), status=status) == 2
    assert_kept(res, truth_keys(board, src.key))


def test_permanent_500_fails_only_its_board(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    bad, *good = pick(srv, "greenhouse", 3)
    srv.add_fault(FaultRule(f"/greenhouse/v1/boards/{bad.board}/", "status", status=500))
    res = crawl_sources([bad, *good, *pick(srv, "lever")], lake)
    rec = res.records[bad.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False and rec["items"] == 0
    assert "HTTP 500" in rec["error_messages"][0]
    assert srv.count(f"/greenhouse/v1/boards/{bad.board}/") == 3  # 1 + RETRY_TIMES, bounded
    for other in res.records.values():
        if other["board"] != bad.board:
            assert other["status"] == "ok"
            assert_kept(res, truth_keys(board, f"{other['source']}:{other['board']}"))


def test_failed_detail_calls_keep_list_data(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "greenhouse")[0]
    srv.add_fault(FaultRule(f"/greenhouse/v1/boards/{src.board}/jobs/", "status", status=500))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    # the postings are listed, only their pay call failed: complete listing, partial status
    assert rec["status"] == "partial" and rec["listing_complete"] is True
    assert_kept(res, truth_keys(board, src.key))
    assert all(r["title"] and r["description_text"] for r in res.rows)


def test_failing_second_page_keeps_the_first(
    demo: Demo, lake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SmartRecruitersSpider, "page_size", 10)
    srv = demo()
    src = pick(srv, "smartrecruiters")[0]
    listing = f"/smartrecruiters/v1/companies/{src.board}/postings?"
    srv.add_fault(FaultRule(listing, "status", after=1, status=503))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert rec["status"] == "partial" and rec["listing_complete"] is False
    assert rec["items"] == 10 and len(res.rows) == 10  # page 1 stays in the lake


def test_429_waits_for_retry_after(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    srv.add_fault(FaultRule("/ashby/", "rate_limit", times=1, retry_after=1.0))
    t0 = time.monotonic()
    res = crawl_sources([src], lake, RETRY_BACKOFF_MAX=5)
    assert time.monotonic() - t0 >= 1.0  # waited the server's Retry-After, not the 0.01 s backoff
    assert [s for _m, _p, s in srv.requests if _p.startswith("/ashby/")] == [429, 200]
    assert res.records[src.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))


def test_persistent_429_gives_up_in_bounded_time(demo: Demo, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    srv.add_fault(FaultRule("/ashby/", "rate_limit", retry_after=1.0))
    t0 = time.monotonic()
    res = crawl_sources([src], lake, RETRY_BACKOFF_MAX=0.3)  # cap below Retry-After
    assert time.monotonic() - t0 < 10
    rec = res.records[src.key]
    assert rec["status"] == "failed" and "HTTP 429" in rec["error_messages"][0]


def test_one_slow_answer_times_out_then_succeeds(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    srv.add_fault(FaultRule("/ashby/", "delay", times=1, delay=2.0))
    res = crawl_sources([src], lake, DOWNLOAD_TIMEOUT=0.5)
    assert res.records[src.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))


def test_always_slow_board_fails_with_a_timeout(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    slow, fast = pick(srv, "lever", 2)
    srv.add_fault(FaultRule(f"/lever/v0/postings/{slow.board}", "delay", delay=1.5))
    t0 = time.monotonic()
    res = crawl_sources([slow, fast], lake, DOWNLOAD_TIMEOUT=0.4)
    assert time.monotonic() - t0 < 15
    rec = res.records[slow.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert "Timeout" in rec["error_messages"][0]
    assert res.records[fast.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, fast.key))


def test_slow_job_pages_of_a_career_site(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "jsonld")[0]
    srv.add_fault(FaultRule(f"/careers/{src.board}/jobs/", "delay", times=3, delay=1.0))
    res = crawl_sources([src], lake, DOWNLOAD_TIMEOUT=0.3)
    assert res.records[src.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))


def test_redirect_loop_is_cut_off(demo: Demo, lake: Path) -> None:
    srv = demo()
    loop, good = pick(srv, "lever", 2)
    srv.add_fault(FaultRule(f"/lever/v0/postings/{loop.board}", "redirect_loop"))
    res = crawl_sources([loop, good], lake, REDIRECT_MAX_TIMES=5)
    rec = res.records[loop.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert "redirect" in rec["error_messages"][0]
    assert srv.count(f"/lever/v0/postings/{loop.board}") == 6
    assert res.records[good.key]["status"] == "ok"


def test_50mb_answer_is_refused_by_the_default_size_limit(
    demo: Demo, board: DemoBoard, lake: Path
) -> None:
    srv = demo()
    big, ok = pick(srv, "ashby")[0], pick(srv, "lever")[0]
    srv.add_fault(FaultRule("/ashby/", "huge", size=50_000_000))
    res = crawl_sources([big, ok], lake)  # project default DOWNLOAD_MAXSIZE (32 MB)
    rec = res.records[big.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert "max size" in rec["error_messages"][0]
    assert_kept(res, truth_keys(board, ok.key))


def test_12mb_padded_answer_within_the_limit_is_fine(
    demo: Demo, board: DemoBoard, lake: Path
) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    srv.add_fault(FaultRule("/ashby/", "huge", size=12_000_000))
    res = crawl_sources([src], lake)
    assert res.records[src.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))


def test_trickling_body_hits_the_download_timeout(
    lake: Path, httpserver: HTTPServer, request: pytest.FixtureRequest
) -> None:
    """Headers at once, then one byte every 0.2 s: the whole-download timeout still applies."""

    def trickle(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b'{"jobs": ['
            for _ in range(15):
                time.sleep(0.2)
                yield b" "
            yield b"]}"

        return Response(body(), content_type="application/json")

    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/ashby/posting-api/job-board/slow").respond_with_handler(trickle)
    src = SourceConfig(
        kind="ashby", board="slow", base_url=httpserver.url_for("/ashby").rstrip("/")
    )
    t0 = time.monotonic()
    res = crawl_sources([src], lake, DOWNLOAD_TIMEOUT=1, RETRY_TIMES=1)
    request.node.faults_injected = 2  # two slow bodies (first try and one retry)
    assert time.monotonic() - t0 < 5  # two attempts of ~1 s, not 2 x 3 s of trickle
    rec = res.records[src.key]
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert "took longer than" in rec["error_messages"][0] or "Timeout" in rec["error_messages"][0]
