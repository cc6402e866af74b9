"""Listing-level faults: pagination that never ends, duplicate ids within a page, a board that
suddenly lists zero jobs (must close nothing: checked on the crawl record and in the warehouse),
and earlier runs' lake files staying byte-identical whatever a later run meets."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from fault_kit import (
    FAST,
    CrawlResult,
    assert_kept,
    crawl_sources,
    lake_lines,
    pick,
    read_run,
    truth_keys,
    wrongly_closed,
)

from analytics.db import connect
from analytics.lifecycle import complete_boards, crawl_runs_frame
from analytics.load import apply_closures, load_crawl_runs, load_raw
from spiders.demo import DemoBoard, DemoServer, FaultRule
from spiders.kinds.lever import LeverSpider
from spiders.kinds.smartrecruiters import SmartRecruitersSpider
from spiders.run import crawl, new_run_id

pytestmark = pytest.mark.faults
Demo = Callable[..., DemoServer]


def prefix(src_base_url: str) -> str:
    return "/" + src_base_url.split("/", 3)[3]


def load(warehouse: Path, res: CrawlResult) -> int:
    """Load one crawl like the load stage does (raw rows, crawl records, closures)."""
    records = list(res.records.values())
    seen: dict[str, set[str]] = defaultdict(set)
    for row in res.rows:
        seen[f"{row['source']}:{row['board']}"].add(
            f"{row['source']}:{row['board']}:{row['source_id']}"
        )
    con = connect(warehouse)
    try:
        load_raw(con, res.rows, res.run_id)
        load_crawl_runs(con, records)
        return apply_closures(con, records, seen)
    finally:
        con.close()


def open_keys(warehouse: Path, board_key: str) -> set[str]:
    source, board = board_key.split(":", 1)
    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            "select posting_id from postings where is_open and source = ? and board = ?",
            [source, board],
        ).fetchall()
    finally:
        con.close()
    return {r[0] for r in rows}


@pytest.mark.parametrize("kind", ["smartrecruiters", "lever"])
def test_endless_pagination_stops_and_keeps_what_it_got(
    demo: Demo, lake: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SmartRecruitersSpider, "page_size", 10)
    monkeypatch.setattr(LeverSpider, "page_size", 5)  # 15 postings: the last page is full
    clean_srv = demo()
    src = pick(clean_srv, kind)[0]
    clean = crawl_sources([src], lake.with_name("clean")).keys()
    srv = demo()
    src = pick(srv, kind)[0]
    srv.add_fault(FaultRule(prefix(src.base_url), "endless"))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert rec["listing_complete"] is False and rec["status"] == "partial"
    assert any("paging stopped" in m for m in rec["error_messages"])
    assert res.keys() == clean  # every real posting kept, none twice
    assert len(srv.requests) < 3 * len(clean) + 10  # bounded: no crawl of 10^6 "totals"


def test_page_limit_bounds_a_listing(
    demo: Demo, lake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SmartRecruitersSpider, "page_size", 5)
    srv = demo()
    src = pick(srv, "smartrecruiters")[0]
    res = crawl_sources([src], lake, JOBTRENDS_MAX_LISTING_PAGES=3)
    rec = res.records[src.key]
    assert rec["listing_complete"] is False and 15 <= rec["items"] <= 20


@pytest.mark.parametrize(
    "kind",
    [
        "greenhouse",
        "lever",
        "ashby",
        "jsonld",
        "wwr",
        "remoteok",
        "smartrecruiters",
        "workable",
        "recruitee",
    ],
)
def test_duplicate_ids_in_a_page_are_stored_once(
    demo: Demo, board: DemoBoard, lake: Path, kind: str
) -> None:
    srv = demo()
    src = pick(srv, kind)[0]
    rule = FaultRule(prefix(src.base_url), "duplicate_ids")
    srv.add_fault(rule)
    res = crawl_sources([src], lake)  # crawl_sources asserts no duplicate key in the lake
    rec = res.records[src.key]
    assert rule.fired >= 1 and rec["status"] == "ok" and rec["listing_complete"] is True
    if kind in ("greenhouse", "lever", "ashby", "jsonld"):
        assert_kept(res, truth_keys(board, src.key))


@pytest.mark.parametrize(
    "kind",
    [
        "greenhouse",
        "lever",
        "ashby",
        "jsonld",
        "smartrecruiters",
        "workable",
        "recruitee",
        "hn",
        "wwr",
        "remoteok",
    ],
)
def test_empty_board_record_never_allows_closures(demo: Demo, lake: Path, kind: str) -> None:
    srv = demo()
    src = pick(srv, kind)[0]
    srv.add_fault(FaultRule(prefix(src.base_url), "empty"))
    res = crawl_sources([src], lake)
    rec = res.records[src.key]
    assert rec["items"] == 0 and res.rows == []
    assert complete_boards(crawl_runs_frame([rec])).is_empty()  # the loader's closure rule skips it


@pytest.mark.parametrize(
    "fault",
    [
        FaultRule("", "empty"),
        FaultRule("", "status", status=500),
        FaultRule("", "truncate"),
        FaultRule("", "redirect_loop"),
        FaultRule("", "rate_limit", retry_after=0),
    ],
)
def test_broken_day_two_closes_nothing_in_the_warehouse(
    demo: Demo, board: DemoBoard, lake: Path, tmp_path: Path, fault: FaultRule
) -> None:
    """Day 1 loads two boards; on day 2 one board breaks: none of its postings is closed, while
    the healthy board's closures follow the truth exactly."""
    wh = tmp_path / "wh.duckdb"
    srv = demo()
    broken, healthy = pick(srv, "greenhouse")[0], pick(srv, "lever")[0]
    day1 = crawl_sources([broken, healthy], lake)
    assert load(wh, day1) == 0
    before = open_keys(wh, broken.key)
    assert before == truth_keys(board, broken.key)
    time.sleep(1.01 - time.time() % 1)  # timestamps have 1 s resolution: day 2 starts later
    day2 = board.as_of + timedelta(days=60)
    srv.set_as_of(day2)
    fault.prefix = f"/greenhouse/v1/boards/{broken.board}/jobs"
    srv.add_fault(fault)
    res = crawl_sources([broken, healthy], lake, REDIRECT_MAX_TIMES=3)
    load(wh, res)
    gone = before - {j.posting_key for j in board.company_jobs(broken.board, day2)}
    assert gone  # a healthy day-2 crawl of this board would close these
    assert not wrongly_closed(before, open_keys(wh, broken.key))  # nothing closed on it
    assert open_keys(wh, broken.key) == before
    expected = {j.posting_key for j in board.company_jobs(healthy.board, day2) if j.listed}
    assert expected < truth_keys(board, healthy.key)
    assert not wrongly_closed(expected, open_keys(wh, healthy.key))
    assert open_keys(wh, healthy.key) == expected


def test_earlier_runs_are_never_rewritten(demo: Demo, lake: Path) -> None:
    srv = demo()
    sources = [*pick(srv, "greenhouse", 2), *pick(srv, "jsonld"), *pick(srv, "hn")]
    day1 = crawl_sources(sources, lake)
    snapshot = lake_lines(lake, day1.run_id)
    for rule in (
        FaultRule("/greenhouse/", "empty"),
        FaultRule("/careers/", "truncate"),
        FaultRule("/hn/", "status", status=503),
        FaultRule("/", "duplicate_ids"),
    ):
        srv.add_fault(rule)
    day2 = crawl_sources(sources, lake)
    assert day2.run_id != day1.run_id
    assert lake_lines(lake, day1.run_id) == snapshot


def test_retried_crawl_in_the_same_run_writes_no_duplicate(
    demo: Demo, board: DemoBoard, lake: Path
) -> None:
    """Prefect retries a crawl task whose boards were not all ok: the same run_id crawls the board
    again. The lake keeps one line per posting and the record still counts every posting."""
    srv = demo()
    src = pick(srv, "greenhouse")[0]
    srv.add_fault(FaultRule(f"/greenhouse/v1/boards/{src.board}/jobs/", "status", times=6))
    run_id = new_run_id()
    first = crawl([src], lake, run_id, FAST)[0]
    second = crawl([src], lake, run_id, FAST)[0]  # what the task retry does
    rows, runs = read_run(lake, run_id)
    keys = [f"{r['source']}:{r['board']}:{r['source_id']}" for r in rows]
    assert len(keys) == len(set(keys)) == len(truth_keys(board, src.key))
    assert first["items"] == second["items"] == len(keys) and len(runs) == 2
