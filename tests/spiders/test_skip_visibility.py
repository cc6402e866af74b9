"""Skips are visible and keep the listing open: a crawl whose board lists a job it cannot keep
(no title, no id, unknown shape, lone surrogate) records the reasons, marks the listing
incomplete (nothing closed), and the counts reach `status` and the run summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spider_replica import FAST, Replica, read_jsonl

from flows.crawl import listing_fetched
from spiders.run import crawl, new_run_id
from spiders.source_config import SourceConfig


def _job(i: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": i,
        "title": f"Data Engineer {i}",
        "content": "&lt;p&gt;SQL&lt;/p&gt;",
        "location": {"name": "Leeds, UK"},
        "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{i}",
        **extra,
    }


def _crawl(replica: Replica, lake: Path, kind: str, board: str) -> tuple[str, dict[str, Any]]:
    run_id = new_run_id()
    src = SourceConfig(kind=kind, board=board, base_url=replica.url(f"/{kind}"))
    (record,) = crawl([src], lake, run_id, {**FAST, "RETRY_TIMES": 0})
    return run_id, record


def test_dropped_items_make_the_listing_incomplete(replica: Replica, lake: Path) -> None:
    jobs = [_job(1), _job(2, title="  "), {"title": "no id here"}, _job(4)]
    replica.json("/greenhouse/v1/boards/acme/jobs", {"jobs": jobs, "meta": {"total": 4}})
    replica.json("/greenhouse/v1/boards/acme/jobs/1", _job(1))
    replica.json("/greenhouse/v1/boards/acme/jobs/4", _job(4))
    run_id, rec = _crawl(replica, lake, "greenhouse", "acme")
    assert rec["skipped"] == {"no id": 1, "no title": 1}
    assert rec["listing_complete"] is False and rec["status"] == "partial"
    # every listing page was read: the board is usable and not retried, but closes nothing
    assert rec["listing_fetched"] is True and listing_fetched(rec)
    assert "skipped 1: no id" in rec["error_messages"]
    assert rec["stats"]["requests"] >= 3 and rec["stats"]["bytes"] > 0
    assert {p["source_id"] for p in read_jsonl(lake / run_id / "greenhouse.jsonl")} == {"1", "4"}


def test_unknown_workable_shape_fails_the_board_by_name(replica: Replica, lake: Path) -> None:
    replica.json("/workable/api/v1/widget/accounts/acme", {"data": {"openings": []}})
    _, rec = _crawl(replica, lake, "workable", "acme")
    assert rec["status"] == "failed" and rec["listing_complete"] is False
    assert not listing_fetched(rec)
    assert rec["skipped"] == {"unknown response shape": 1}
    assert any("unknown response shape" in m for m in rec["error_messages"])


def test_lone_surrogate_is_replaced_not_dropped(replica: Replica, lake: Path) -> None:
    # "\ud800" in JSON text decodes to a lone surrogate that UTF-8 cannot encode
    body = json.dumps({"jobs": [_job(7, title="ML \\ud800 Engineer")]}).replace(
        "\\\\ud800", "\\ud800"
    )
    replica.text("/greenhouse/v1/boards/acme/jobs", body, content_type="application/json")
    replica.json("/greenhouse/v1/boards/acme/jobs/7", {"id": 7})
    run_id, rec = _crawl(replica, lake, "greenhouse", "acme")
    (line,) = read_jsonl(lake / run_id / "greenhouse.jsonl")
    assert line["title"] == "ML \ufffd Engineer"
    assert rec["skipped"] == {} and rec["listing_complete"] is True
    assert rec["repaired"] == {"unencodable characters replaced": 1}


def test_skips_reach_status_and_run_summary(replica: Replica, lake: Path, tmp_path: Path) -> None:
    from analytics.db import connect
    from analytics.lifecycle import load_crawl_runs
    from flows.status import status_rows
    from flows.summary import skip_numbers

    replica.json("/greenhouse/v1/boards/acme/jobs", {"jobs": [_job(1), _job(2, title="")]})
    replica.json("/greenhouse/v1/boards/acme/jobs/1", _job(1))
    run_id, rec = _crawl(replica, lake, "greenhouse", "acme")
    warehouse = tmp_path / "w.duckdb"
    con = connect(warehouse)
    load_crawl_runs(con, [rec])
    con.close()
    columns, rows = status_rows(warehouse)
    row = dict(zip(columns, rows[0], strict=True))
    assert row["last_run_skipped"] == "skipped 1: no title"
    numbers = skip_numbers(warehouse, run_id)
    assert numbers["items_skipped"] == 1 and numbers["skipped: no title"] == 1
    assert numbers["boards_listing_incomplete"] == 1
