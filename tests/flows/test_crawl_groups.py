"""Crawling spread over workers by source group: two groups crawl side by side into the day's run,
one processing flow loads it, and the warehouse ends where a single daily run over the same
boards ends. A group that has not crawled yet leaves the processed run Partial, not wrong."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.config import Settings
from spiders.demo.faults import FaultRule
from spiders.demo.generator import generate_board
from spiders.demo.server import DemoServer
from spiders.sources_file import save_sources

pytestmark = pytest.mark.slow

ATS = ("greenhouse", "lever", "ashby")


def postings(warehouse: Path) -> set[tuple[str, str]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return set(con.execute("select posting_id, content_hash from postings").fetchall())
    finally:
        con.close()


def extraction_coverage(warehouse: Path) -> float | None:
    from analytics.db import connect
    from analytics.load import coverage

    con = connect(warehouse, read_only=True)
    try:
        return coverage(con)[0]
    finally:
        con.close()


def flow_runs(warehouse: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select flow, state from flow_runs order by started_at").fetchall()
    finally:
        con.close()


def test_two_crawl_groups_fill_one_run_that_loads_like_a_daily_run(
    flow_settings: Settings, tmp_path: Path
) -> None:
    from flows.daily import daily_flow
    from flows.groups import crawl_group_flow, day_run_id, process_run_flow

    run_id = day_run_id(date(2026, 11, 22))
    one_retry = {**flow_settings.scrapy_settings, "RETRY_TIMES": 1}
    board = generate_board(seed=5, n_postings=160, n_companies=8)
    single = replace(
        flow_settings,
        warehouse=tmp_path / "single.duckdb",
        lake=tmp_path / "single" / "raw",
        reports=tmp_path / "single" / "reports",
    )
    with DemoServer(board) as srv:
        sources = srv.sources()
        save_sources(flow_settings.sources_file, sources)
        kinds = sorted({s.kind for s in sources})
        ats = [k for k in kinds if k in ATS]
        rest = [k for k in kinds if k not in ATS]
        assert ats and rest

        # the first group runs alone and one of its boards fails: processing is Partial
        broken = next(s for s in sources if s.kind == "greenhouse")
        srv.add_fault(
            FaultRule(prefix=f"/greenhouse/v1/boards/{broken.board}", times=None, status=500)
        )
        first = crawl_group_flow(replace(flow_settings, scrapy_settings=one_retry), ats, run_id)
        partial = process_run_flow(flow_settings, run_id, return_state=True)
        assert partial.name == "Partial"
        unfinished = partial.message or ""
        assert all(f"'{k}':" in unfinished for k in rest)
        assert broken.board in unfinished
        assert not any(f"'{k}':" in unfinished for k in ats if k != "greenhouse")

        # both groups at once, as two workers would: the first re-crawls only its broken board,
        # appending to a lake file that was already extracted once
        srv.faults.rules.clear()
        with ThreadPoolExecutor(max_workers=2) as pool:
            again, second = pool.map(
                lambda group: crawl_group_flow(flow_settings, group, run_id), [ats, rest]
            )
        done = process_run_flow(flow_settings, run_id)
        daily_flow(single)

    assert set(first) == set(ats) and set(second) == set(rest)
    assert first["greenhouse"] != "ok"
    assert set(again.values()) == set(second.values()) == {"ok"}
    assert extraction_coverage(flow_settings.warehouse) == 1.0  # the appended postings too
    lake_files = sorted(p.stem for p in (flow_settings.lake / run_id).glob("[!_]*.jsonl"))
    assert lake_files == kinds  # one file per source kind: the groups never shared one
    assert done["run_id"] == run_id and not done["crawl_errors"]
    assert postings(flow_settings.warehouse) == postings(single.warehouse)
    assert len(postings(single.warehouse)) > 100
    assert flow_runs(flow_settings.warehouse) == [("process-run", "Completed")]
    # (one row: the Partial processing of the same run was replaced by the completed one)


def test_a_group_must_name_configured_kinds(flow_settings: Settings) -> None:
    from flows.groups import GroupConfigError, group_sources

    board = generate_board(seed=5, n_postings=40, n_companies=3)
    with DemoServer(board) as srv:
        sources = [s for s in srv.sources() if s.kind == "lever"]
    with pytest.raises(GroupConfigError, match=r"unknown source kind\(s\) \['monster'\]"):
        group_sources(sources, ["lever", "monster"])
    with pytest.raises(GroupConfigError, match=r"no configured source of kind\(s\) \['ashby'\]"):
        group_sources(sources, ["ashby"])
    assert group_sources(sources, ["lever"]) == sources


def test_the_day_run_id_is_shared_sortable_and_well_formed() -> None:
    import re

    from flows.groups import day_run_id

    a, b = day_run_id(date(2026, 11, 22)), day_run_id(date(2026, 11, 23))
    assert a == day_run_id(date(2026, 11, 22))
    assert a < b
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", a)
