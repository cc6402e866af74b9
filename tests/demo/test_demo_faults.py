"""Fault injection fires exactly as configured (count, status, headers, body damage)."""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import urlsplit

import pytest

from spiders.demo import DemoBoard, DemoServer, FaultPlan, FaultRule


def _gh(srv: DemoServer) -> tuple[str, str]:
    s = next(x for x in srv.sources() if x.kind == "greenhouse")
    return f"/greenhouse/v1/boards/{s.board}", f"{s.base_url}/v1/boards/{s.board}/jobs?content=true"


def _raw(srv: DemoServer, path: str) -> tuple[int, dict[str, str], bytes]:
    """No redirect following, no decoding: exactly what the server sent."""
    conn = http.client.HTTPConnection(urlsplit(srv.base_url).netloc, timeout=10)
    conn.request("GET", path)
    r = conn.getresponse()
    out = r.status, dict(r.getheaders()), r.read()
    conn.close()
    return out


def test_fail_first_n_then_recover(small_board: DemoBoard, fetch: Any) -> None:
    with DemoServer(small_board) as srv:
        prefix, url = _gh(srv)
        srv.add_fault(FaultPlan.fail(prefix, times=2, status=503))
        assert [fetch(url)[0] for _ in range(3)] == [503, 503, 200]
        assert [s for _m, p, s in srv.requests] == [503, 503, 200]


def test_permanent_500_for_one_board_only(small_board: DemoBoard, fetch: Any) -> None:
    boards = [c.board for c in small_board.companies if c.kind == "greenhouse"]
    assert len(boards) >= 2
    plan = FaultPlan(FaultRule(f"/greenhouse/v1/boards/{boards[0]}", "status", status=500))
    with DemoServer(small_board, faults=plan) as srv:
        base = f"{srv.base_url}/greenhouse/v1/boards"
        assert {fetch(f"{base}/{boards[0]}/jobs")[0] for _ in range(4)} == {500}
        assert fetch(f"{base}/{boards[1]}/jobs")[0] == 200


def test_rate_limit_with_retry_after_and_after_offset(small_board: DemoBoard, fetch: Any) -> None:
    with DemoServer(small_board) as srv:
        prefix, url = _gh(srv)
        srv.add_fault(FaultRule(prefix, "rate_limit", times=1, after=1, retry_after=2))
        assert fetch(url)[0] == 200
        status, headers, _ = fetch(url)
        assert status == 429 and headers["Retry-After"] == "2"
        assert fetch(url)[0] == 200


def test_slow_response(small_board: DemoBoard, fetch: Any) -> None:
    with DemoServer(small_board, faults=FaultPlan(FaultPlan.slow("/robots.txt", 0.3))) as srv:
        t = time.perf_counter()
        assert fetch(f"{srv.base_url}/robots.txt")[0] == 200
        assert time.perf_counter() - t >= 0.3


@pytest.mark.parametrize("kind", ["truncate", "bad_utf8"])
def test_broken_bodies(small_board: DemoBoard, kind: str) -> None:
    with DemoServer(small_board) as srv:
        prefix, url = _gh(srv)
        srv.add_fault(FaultRule(prefix, kind))
        status, _h, body = _raw(srv, urlsplit(url).path + "?content=true")
        assert status == 200
        with pytest.raises(ValueError):  # JSONDecodeError and UnicodeDecodeError
            json.loads(body.decode("utf-8"))


def test_double_encoded_utf8(small_board: DemoBoard) -> None:
    plan = FaultPlan(FaultRule("/remoteok/api?mojibake", "double_utf8"))
    with DemoServer(small_board, faults=plan) as srv:
        clean = _raw(srv, "/remoteok/api")[2].decode("utf-8")
        broken = _raw(srv, "/remoteok/api?mojibake=1")[2].decode("utf-8")
        assert "Mecánica" in clean and "MecÃ¡nica" in broken
        assert json.loads(broken)  # still valid JSON, just wrong text


def test_huge_body(small_board: DemoBoard) -> None:
    with DemoServer(
        small_board, faults=FaultPlan(FaultRule("/remoteok/", "huge", size=3_000_000))
    ) as srv:
        _s, _h, body = _raw(srv, "/remoteok/api")
        assert len(body) >= 3_000_000 and json.loads(body)


def test_redirect_loop(small_board: DemoBoard) -> None:
    with DemoServer(small_board, faults=FaultPlan(FaultRule("/wwr/", "redirect_loop"))) as srv:
        path = "/wwr/remote-jobs.rss"
        for n in range(1, 4):
            status, headers, _ = _raw(srv, path)
            assert status == 302 and headers["Location"].endswith(f"_loop={n}")
            path = headers["Location"]


def test_endless_duplicate_and_empty(small_board: DemoBoard, fetch_json: Any) -> None:
    sr = "/smartrecruiters/v1/companies/HelixGroup2/postings"
    lever = next(c.board for c in small_board.companies if c.kind == "lever")
    ashby = next(c.board for c in small_board.companies if c.kind == "ashby")
    plan = FaultPlan(
        FaultRule(sr, "endless"),
        FaultRule(f"/lever/v0/postings/{lever}", "endless"),
        FaultRule(f"/ashby/posting-api/job-board/{ashby}", "duplicate_ids"),
        FaultRule("/recruitee/", "empty"),
        FaultRule("/careers/", "empty"),
    )
    with DemoServer(small_board, faults=plan) as srv:
        b = srv.base_url
        far = fetch_json(f"{b}{sr}?limit=20&offset=5000")
        assert far["totalFound"] >= 10**6 and len(far["content"]) == 20
        assert fetch_json(f"{b}/lever/v0/postings/{lever}?mode=json&skip=9999&limit=2")
        jobs = fetch_json(f"{b}/ashby/posting-api/job-board/{ashby}")["jobs"]
        ids = [j["id"] for j in jobs]
        assert len(ids) > len(set(ids))
        assert fetch_json(f"{b}/recruitee/brightwave/api/offers/") == {"offers": []}
        site = next(s for s in srv.sources() if s.kind == "jsonld")
        assert "/jobs/" not in srv_get_text(srv, site.start_url)


def srv_get_text(srv: DemoServer, url: str) -> str:
    return _raw(srv, urlsplit(url).path)[2].decode()


def test_unknown_fault_kind_rejected() -> None:
    with pytest.raises(ValueError):
        FaultRule("/x", "explode")
