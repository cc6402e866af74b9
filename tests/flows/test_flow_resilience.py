"""Scheduled runs nobody watches: retries, isolation of a broken board, catch-up, overlapping runs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from flows.config import Settings
from spiders.demo.faults import FaultRule
from spiders.demo.generator import generate_board
from spiders.demo.server import DemoServer
from spiders.sources_file import save_sources

pytestmark = pytest.mark.slow


def board_counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(
            con.execute(
                "select source || ':' || board, count(*) from postings group by 1"
            ).fetchall()
        )
    finally:
        con.close()


def crawl_status(warehouse: Path, key: str) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "select status from crawl_runs where source || ':' || board = ? order by finished_at",
            [key],
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def flow_run_states(warehouse: Path) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [
            r[0] for r in con.execute("select state from flow_runs order by started_at").fetchall()
        ]
    finally:
        con.close()


@pytest.fixture
def small_board():  # noqa: ANN201
    return generate_board(seed=5, n_postings=160, n_companies=8)


def test_broken_board_is_isolated_then_caught_up(flow_settings: Settings, small_board) -> None:  # noqa: ANN001
    from flows.daily import daily_flow

    with DemoServer(small_board) as srv:
        sources = [s for s in srv.sources() if s.kind in ("greenhouse", "lever", "ashby")]
        broken = next(s for s in sources if s.kind == "greenhouse")
        rule = FaultRule(prefix=f"/greenhouse/v1/boards/{broken.board}", times=None, status=500)
        srv.add_fault(rule)
        save_sources(flow_settings.sources_file, sources)
        settings = replace(
            flow_settings, scrapy_settings={**flow_settings.scrapy_settings, "RETRY_TIMES": 1}
        )

        first = daily_flow(settings, return_state=True)
        assert first.name == "Partial", first
        counts = board_counts(settings.warehouse)
        assert broken.key not in counts  # nothing from the broken board ...
        assert sum(counts.values()) > 0  # ... while every other board loaded
        others = {s.key for s in sources} - {broken.key}
        assert others <= set(counts), f"missing boards: {others - set(counts)}"
        assert crawl_status(settings.warehouse, broken.key)[-1] == "failed"
        assert (
            rule.fired >= 3
        )  # the crawl task was retried by Prefect, each retry hit the board again

        srv.faults.rules.clear()
        second = daily_flow(settings)  # the next run catches up
        counts2 = board_counts(settings.warehouse)
        assert counts2.get(broken.key, 0) == len(small_board.company_jobs(broken.board))
        assert crawl_status(settings.warehouse, broken.key)[-1] == "ok"
        assert second["numbers"]["postings_closed"] == 0
    assert flow_run_states(settings.warehouse) == ["Partial", "Completed"]


def test_replica_failing_twice_then_succeeding_loads_everything(
    flow_settings: Settings, small_board
) -> None:  # noqa: ANN001
    from flows.daily import daily_flow

    with DemoServer(small_board) as srv:
        sources = [s for s in srv.sources() if s.kind == "lever"]
        target = sources[0]
        rule = FaultRule(prefix=f"/lever/v0/postings/{target.board}", times=2, status=503)
        srv.add_fault(rule)
        save_sources(flow_settings.sources_file, sources)
        result = daily_flow(flow_settings)
        statuses = [
            s for (_, p, s) in srv.requests if p.startswith(f"/lever/v0/postings/{target.board}")
        ]
    assert statuses[:2] == [503, 503] and 200 in statuses[2:]
    assert board_counts(flow_settings.warehouse)[target.key] == len(
        small_board.company_jobs(target.board)
    )
    assert not result["crawl_errors"]


def test_overlapping_run_is_refused_with_a_clear_message(flow_settings: Settings) -> None:
    from flows.daily import daily_flow
    from flows.lock import RunLocked, warehouse_lock

    with warehouse_lock(flow_settings.warehouse):
        with pytest.raises(RunLocked, match="being written by another jobtrends run"):
            daily_flow(flow_settings)
    assert not flow_settings.warehouse.exists()
