"""Body-level faults: truncated or invalid JSON, invalid and double-encoded UTF-8, hostile HTML
(scripts, styles) and 5 MB descriptions. Compared against a clean crawl of the same board."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fault_kit import assert_kept, crawl_sources, pick, truth_keys
from pytest_httpserver import HTTPServer

from spiders.demo import DemoBoard, DemoServer, FaultRule
from spiders.parsers.jsonld import discover_job_links
from spiders.source_config import SourceConfig

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]
COMPARED = ("title", "company", "locations", "description_text", "salary_text", "department")


def by_key(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f"{r['source']}:{r['board']}:{r['source_id']}": r for r in rows}


def test_truncated_json_once_is_retried(demo: Demo, board: DemoBoard, lake: Path) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    srv.add_fault(FaultRule("/ashby/", "truncate", times=1, fraction=0.5))
    res = crawl_sources([src], lake)
    assert res.records[src.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))


@pytest.mark.parametrize(
    "kind", ["ashby", "greenhouse", "smartrecruiters", "hn", "wwr", "remoteok", "jsonld"]
)
def test_always_truncated_listing_fails_cleanly(demo: Demo, lake: Path, kind: str) -> None:
    srv = demo()
    src = pick(srv, kind)[0]
    srv.add_fault(FaultRule(f"/{src.base_url.split('/', 3)[3]}", "truncate", fraction=0.6))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert rec["listing_complete"] is False and rec["status"] in ("failed", "partial")
    assert rec["errors"] >= 1 and rec["error_messages"]
    assert all("\n" not in m for m in rec["error_messages"])


def test_truncated_job_page_marks_career_site_incomplete(
    demo: Demo, board: DemoBoard, lake: Path
) -> None:
    srv = demo()
    src = pick(srv, "jsonld")[0]
    assert src.start_url
    with urllib.request.urlopen(src.start_url, timeout=10) as resp:
        pages, _ = discover_job_links(resp.read().decode(), page_url=src.start_url)
    broken = pages[0].split(str(srv.port), 1)[1]
    srv.add_fault(FaultRule(broken, "truncate", fraction=0.3))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    # one page we could not read: every other posting kept, but the listing may close nothing
    assert rec["status"] == "partial" and rec["listing_complete"] is False
    assert len(res.rows) == len(pages) - 1
    truth = truth_keys(board, src.key)
    assert res.keys() <= truth and len(truth - res.keys()) == 1


@pytest.mark.parametrize("kind", ["ashby", "greenhouse", "lever", "workable", "remoteok"])
def test_invalid_utf8_never_keys_a_garbled_id(
    demo: Demo, board: DemoBoard, lake: Path, kind: str
) -> None:
    srv = demo()
    src = pick(srv, kind)[0]
    clean = crawl_sources([src], lake.with_name("clean")).keys()
    srv.add_fault(FaultRule(f"/{src.base_url.split('/', 3)[3]}", "bad_utf8"))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert all("\ufffd" not in r["source_id"] for r in res.rows)
    lost = clean - res.keys()
    if lost:  # the bytes hit an id: that posting is dropped and the listing may close nothing
        assert len(lost) == 1 and rec["listing_complete"] is False
        assert any("garbled" in m for m in rec["error_messages"])
    else:  # they hit a text field: replaced by U+FFFD, everything kept
        assert rec["status"] == "ok" and rec["listing_complete"] is True


@pytest.mark.parametrize("kind", ["ashby", "remoteok", "lever", "workable"])
def test_double_encoded_utf8_is_repaired(demo: Demo, lake: Path, tmp_path: Path, kind: str) -> None:
    clean_srv = demo()
    src = pick(clean_srv, kind)[0]
    clean = by_key(crawl_sources([src], tmp_path / "clean").rows)
    srv = demo()
    src = pick(srv, kind)[0]
    srv.add_fault(FaultRule(f"/{src.base_url.split('/', 3)[3]}", "double_utf8"))
    res = crawl_sources([src], lake)
    got = by_key(res.rows)
    assert got.keys() == clean.keys() and res.records[src.key]["status"] == "ok"
    for key, row in got.items():
        for name in COMPARED:
            assert row[name] == clean[key][name], (key, name)


def hostile_ashby(srv: DemoServer, src: SourceConfig) -> dict[str, Any]:
    """The replica's Ashby board with scripts/styles in one description and 5 MB in another."""
    url = f"{src.base_url}/posting-api/job-board/{src.board}?includeCompensation=true"
    with urllib.request.urlopen(url, timeout=10) as resp:
        doc = json.loads(resp.read())
    listed = [j for j in doc["jobs"] if j.get("isListed", True)]
    hostile, big = listed[0], listed[1]
    hostile["descriptionHtml"] = (
        "<h2>Role</h2><script>alert('pwned')</script><style>p{color:red}</style>"
        '<p onclick="steal()">Build <b>agents</b> &amp; evals.</p><iframe src=x></iframe>'
        "<noscript>noscript-text</noscript><!-- comment-text --><p>Python</p>"
    )
    big["descriptionHtml"] = "<p>" + "Python and PyTorch at scale. " * 175_000 + "</p>"
    for job in (hostile, big):
        job.pop("descriptionPlain", None)
    return doc


def test_scripts_and_5mb_descriptions(
    demo: Demo, board: DemoBoard, lake: Path, httpserver: HTTPServer
) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    doc = hostile_ashby(srv, src)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request(f"/ashby/posting-api/job-board/{src.board}").respond_with_json(doc)
    local = SourceConfig(
        kind="ashby", board=src.board, base_url=httpserver.url_for("/ashby").rstrip("/")
    )
    res = crawl_sources([local], lake)
    assert res.records[local.key]["status"] == "ok"
    assert_kept(res, truth_keys(board, src.key))
    rows = {r["source_id"]: r for r in res.rows}
    hostile, big = (rows[str(j["id"])] for j in doc["jobs"] if "descriptionPlain" not in j)
    text = hostile["description_text"]
    for bad in ("alert(", "pwned", "color:red", "steal()", "<", ">", "comment-text"):
        assert bad not in text, bad
    assert "agents & evals" in text and "Python" in text
    assert len(big["description_text"]) > 5_000_000 - 10
    assert len(big["description_html"]) > 5_000_000


def test_one_unreadable_job_keeps_the_rest_and_closes_nothing(
    demo: Demo, board: DemoBoard, lake: Path, httpserver: HTTPServer
) -> None:
    srv = demo()
    src = pick(srv, "ashby")[0]
    url = f"{src.base_url}/posting-api/job-board/{src.board}?includeCompensation=true"
    with urllib.request.urlopen(url, timeout=10) as resp:
        doc = json.loads(resp.read())
    bad = next(j for j in doc["jobs"] if j.get("isListed", True))
    bad["secondaryLocations"] = True  # a field of an unexpected type in one job
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request(f"/ashby/posting-api/job-board/{src.board}").respond_with_json(doc)
    local = SourceConfig(
        kind="ashby", board=src.board, base_url=httpserver.url_for("/ashby").rstrip("/")
    )
    res = crawl_sources([local], lake)
    rec = res.records[local.key]
    assert rec["status"] == "partial" and rec["listing_complete"] is False
    assert any("unreadable" in m and str(bad["id"]) in m for m in rec["error_messages"])
    assert res.keys() == truth_keys(board, src.key) - {f"{src.key}:{bad['id']}"}
