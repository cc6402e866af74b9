"""Closures: only a complete, healthy, non-empty listing closes; a posting seen again reopens."""

from __future__ import annotations

import pytest
from warehouse_seeds import (
    RUN1,
    RUN2,
    crawl_records,
    lake_postings,
    load_run,
    scalar,
    seen_by_board,
)

from analytics.load import apply_closures, load_crawl_runs, load_raw


def state(con, pid: str) -> tuple:
    return con.execute(
        "select is_open, closed_at from postings where posting_id = $pid", {"pid": pid}
    ).fetchall()[0]


def test_complete_listing_closes_postings_it_no_longer_lists(con):
    load_run(con, RUN1)
    load_run(con, RUN2)
    for pid in ("greenhouse:acme:103", "greenhouse:acme:104"):
        is_open, closed_at = state(con, pid)
        assert not is_open and closed_at.isoformat() == "2026-03-08T06:01:30"
    assert state(con, "greenhouse:acme:101") == (True, None)


def test_partial_listing_closes_nothing(con):
    load_run(con, RUN1)
    load_run(con, RUN2)  # jsonld board: partial in run 2, ml-engineer-nyc not listed
    assert state(con, "jsonld:careers.acme.example:ml-engineer-nyc") == (True, None)


def test_board_that_suddenly_lists_zero_jobs_closes_nothing(con):
    load_run(con, RUN1)
    load_run(con, RUN2)  # hn board: status ok, listing_complete, items = 0
    assert scalar(con, "select count(*) from postings where source = 'hn' and is_open") == 2


@pytest.mark.parametrize(
    "override",
    [
        {"status": "failed"},
        {"status": "partial"},
        {"listing_complete": False},
        {"items": 0},
    ],
    ids=["failed", "partial", "incomplete", "zero-items"],
)
def test_unhealthy_listings_close_nothing(con, override):
    load_run(con, RUN1)
    run2 = lake_postings(RUN2)
    load_raw(con, run2, RUN2)
    records = [dict(r, **override) for r in crawl_records(RUN2)]
    assert apply_closures(con, records, seen_by_board(run2)) == 0
    assert scalar(con, "select count(*) from postings where not is_open") == 0


def test_seen_again_reopens(con):
    load_run(con, RUN1)
    load_run(con, RUN2)
    assert not state(con, "greenhouse:acme:103")[0]
    back = [
        dict(r, fetched_at="2026-03-15T06:01:00Z", run_id="20260315T060000Z-0a0b0c")
        for r in lake_postings(RUN1)
        if r["source_id"] == "103"
    ]
    stats = load_raw(con, back, "20260315T060000Z-0a0b0c")
    assert stats.unchanged == 1
    assert state(con, "greenhouse:acme:103") == (True, None)
    assert (
        scalar(
            con, "select count(*) from posting_versions where posting_id = 'greenhouse:acme:103'"
        )
        == 1
    )


def test_closures_are_idempotent_and_need_no_seen_map(con):
    load_run(con, RUN1)
    run2 = lake_postings(RUN2)
    load_raw(con, run2, RUN2)
    records = crawl_records(RUN2)
    load_crawl_runs(con, records)
    assert apply_closures(con, records) == 2  # unseen = last seen before the run started
    assert apply_closures(con, records, seen_by_board(run2)) == 0
    assert scalar(con, "select count(*) from crawl_runs") == 6
    load_crawl_runs(con, records)
    assert scalar(con, "select count(*) from crawl_runs") == 6


def test_an_old_run_replayed_never_closes_postings_seen_later(con):
    load_run(con, RUN1)
    load_run(con, RUN2)
    # replaying run 1's crawl records: its listing had 103/104 but not run-2-only content;
    # nothing seen after run 1 started may be closed by it
    assert apply_closures(con, crawl_records(RUN1), {}) == 0
