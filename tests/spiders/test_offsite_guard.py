"""Offsite guard: redirects stay on the board's host (or its registrable domain where the
source allows), ids are quoted in built URLs, a board that is not a token is a config error,
and a Retry-After beyond the cap fails the board now instead of holding the run."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from spider_replica import FAST, Replica, read_jsonl
from werkzeug import Response as WResponse

from spiders.middlewares import OffsiteRedirectMiddleware, registrable_domain
from spiders.run import crawl, new_run_id
from spiders.source_config import SourceConfig, SourceConfigError

JOB = {"id": 5, "title": "SRE", "location": {"name": "Oslo"}, "absolute_url": "https://x/5"}


def _crawl(replica: Replica, lake: Path, **settings: Any) -> tuple[str, dict[str, Any]]:
    run_id = new_run_id()
    src = SourceConfig(kind="greenhouse", board="acme", base_url=replica.url("/greenhouse"))
    (record,) = crawl([src], lake, run_id, {**FAST, **settings})
    return run_id, record


def test_redirect_to_another_host_is_not_followed(replica: Replica, lake: Path) -> None:
    replica.handler(
        "/greenhouse/v1/boards/acme/jobs",
        lambda _r: WResponse("", status=302, headers={"Location": "http://elsewhere.invalid/j"}),
    )
    run_id, rec = _crawl(replica, lake)
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert any("redirect to another host not followed" in m for m in rec["error_messages"])
    assert read_jsonl(lake / run_id / "greenhouse.jsonl") == []


def test_redirect_on_the_same_host_is_followed(replica: Replica, lake: Path) -> None:
    replica.handler(
        "/greenhouse/v1/boards/acme/jobs",
        lambda _r: WResponse(
            "", status=301, headers={"Location": "/greenhouse/v1/boards/acme/moved"}
        ),
    )
    replica.json("/greenhouse/v1/boards/acme/moved", {"jobs": [JOB]})
    replica.json("/greenhouse/v1/boards/acme/jobs/5", JOB)
    run_id, rec = _crawl(replica, lake)
    assert rec["status"] == "ok"
    assert [p["source_id"] for p in read_jsonl(lake / run_id / "greenhouse.jsonl")] == ["5"]


def _middleware(scope: str) -> OffsiteRedirectMiddleware:
    stats = SimpleNamespace(inc_value=lambda *a, **k: None)
    crawler = SimpleNamespace(spider=SimpleNamespace(redirect_scope=scope), stats=stats)
    return OffsiteRedirectMiddleware(crawler)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scope", "target", "followed"),
    [
        ("host", "https://careers.acme.co.uk/jobs/2", True),
        ("host", "https://jobs.acme.co.uk/jobs/2", False),
        ("domain", "https://jobs.acme.co.uk/jobs/2", True),
        ("domain", "https://acme.co.uk.evil.example/jobs/2", False),
        ("domain", "javascript:alert(1)", False),
    ],
)
def test_redirect_scope(scope: str, target: str, followed: bool) -> None:
    request = Request("https://careers.acme.co.uk/jobs/1")
    response = Response(request.url, status=302, headers={"Location": target}, request=request)
    mw = _middleware(scope)
    if followed:
        assert mw.process_response(request, response) is response
    else:
        with pytest.raises(IgnoreRequest):
            mw.process_response(request, response)


def test_registrable_domain_offline() -> None:
    assert registrable_domain("jobs.acme.co.uk") == "acme.co.uk"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"
    assert registrable_domain("localhost") == "localhost"


@pytest.mark.parametrize("board", ["../admin", "acme/jobs", "a?b=1", "https://x.example", ""])
def test_board_that_is_not_a_token_is_a_config_error(board: str) -> None:
    with pytest.raises(SourceConfigError, match="not a greenhouse board token|board"):
        SourceConfig(kind="greenhouse", board=board, base_url="https://boards-api.greenhouse.io")


def test_ids_are_quoted_in_detail_urls(replica: Replica, lake: Path) -> None:
    job = {**JOB, "id": "5/../../admin"}
    replica.json("/greenhouse/v1/boards/acme/jobs", {"jobs": [job]})
    # the server sees the quoted id as one segment (it decodes %2F after routing); unquoted,
    # the client would resolve the dots and ask for /greenhouse/v1/boards/admin instead
    replica.json("/greenhouse/v1/boards/acme/jobs/5/../../admin", job)
    _, rec = _crawl(replica, lake)
    assert rec["status"] == "ok", rec["error_messages"]
    raw = [r.environ.get("RAW_URI") or r.full_path for r, _ in replica.server.log]
    assert any("jobs/5%2F..%2F..%2Fadmin" in u for u in raw), raw


def test_retry_after_beyond_cap_fails_the_board_at_once(replica: Replica, lake: Path) -> None:
    replica.handler(
        "/greenhouse/v1/boards/acme/jobs",
        lambda _r: WResponse("{}", status=429, headers={"Retry-After": "3600"}),
    )
    started = time.monotonic()
    _, rec = _crawl(replica, lake, RETRY_AFTER_MAX=30)
    assert time.monotonic() - started < 25
    assert rec["status"] == "failed"
    assert any("beyond the 30s cap" in m for m in rec["error_messages"])
