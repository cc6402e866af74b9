"""End to end: the real daily flow (Prefect, Scrapy over HTTP, spaCy, DuckDB) on a small demo board."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.config import Settings

pytestmark = pytest.mark.slow


def counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("postings", "skill_mentions", "salaries", "crawl_runs")
        }
    finally:
        con.close()


def assert_planted_drift_detected(report_dir: Path) -> None:
    """The generator's planted risers must come out as significant risers in the trend report."""
    import csv

    from spiders.demo.skills import PLANTED_FALLERS, PLANTED_RISERS

    with (report_dir / "skill_trends.csv").open() as fh:
        rows = {r["skill_slug"]: r for r in csv.DictReader(fh)}
    for slug in PLANTED_RISERS:
        assert rows[slug]["direction"] == "riser", (slug, rows[slug])
        assert rows[slug]["is_significant"].lower() in ("true", "yes", "1"), (slug, rows[slug])
    falling = [s for s in PLANTED_FALLERS if s in rows and float(rows[s]["change_pp"]) < 0]
    assert len(falling) >= 2, {s: rows.get(s) for s in PLANTED_FALLERS}


def test_daily_flow_twice_builds_warehouse_and_reports_without_duplicates(
    flow_settings: Settings,
) -> None:
    from dataclasses import replace

    from flows.daily import daily_flow

    flow_settings = replace(flow_settings, demo_postings=3000, demo_seed=7)  # the `make demo` board
    first = daily_flow(flow_settings)
    c1 = counts(flow_settings.warehouse)
    open_postings = first["numbers"]["postings_open"]
    assert open_postings >= 1200, first["numbers"]
    assert c1["postings"] == first["numbers"]["postings_total"]
    assert c1["skill_mentions"] > c1["postings"]  # several skills per posting
    assert c1["salaries"] > 0.4 * c1["postings"]

    con = duckdb.connect(str(flow_settings.warehouse), read_only=True)
    roles = dict(con.execute("select role, count(*) from postings group by 1").fetchall())
    sources = {r[0] for r in con.execute("select distinct source from postings").fetchall()}
    con.close()
    assert {"greenhouse", "lever", "ashby", "jsonld"} <= sources
    assert roles.get("ai-engineer", 0) > 0 and len(roles) >= 10

    report_dir = next(flow_settings.reports.iterdir())
    for name in ("salary_bands", "skill_share", "skill_trends"):
        for ext in ("md", "csv", "html"):
            assert (report_dir / f"{name}.{ext}").stat().st_size > 200, f"{name}.{ext}"
    bands = (report_dir / "salary_bands.md").read_text()
    assert "ai-engineer" in bands and "n" in bands
    assert "<svg" in (report_dir / "skill_trends.html").read_text()
    assert_planted_drift_detected(report_dir)

    second = daily_flow(flow_settings)
    c2 = counts(flow_settings.warehouse)
    assert c2["postings"] == c1["postings"], "second run duplicated postings"
    assert c2["skill_mentions"] == c1["skill_mentions"]
    assert c2["salaries"] == c1["salaries"]
    assert second["numbers"]["postings_new"] == 0
    assert second["numbers"]["extracted"] == 0  # unchanged postings are not re-extracted


def test_a_later_day_adds_new_postings_and_closes_vanished_ones(flow_settings: Settings) -> None:
    from dataclasses import replace

    from flows.daily import daily_flow

    day1 = replace(flow_settings, demo_as_of="2026-09-01")
    day2 = replace(flow_settings, demo_as_of="2026-11-01")
    first = daily_flow(day1)
    second = daily_flow(day2)
    assert second["numbers"]["postings_new"] > 0
    assert second["numbers"]["postings_closed"] > 0
    con = duckdb.connect(str(flow_settings.warehouse), read_only=True)
    closed, open_now, dupes = con.execute(
        "select count(*) filter (where closed_at is not null), count(*) filter (where is_open),"
        " count(*) - count(distinct posting_id) from postings"
    ).fetchone()
    con.close()
    assert closed == second["numbers"]["postings_closed"]
    assert open_now == second["numbers"]["postings_open"]
    assert dupes == 0
    assert (
        first["numbers"]["postings_total"] + second["numbers"]["postings_new"]
        == second["numbers"]["postings_total"]
    )


def test_reextract_rebuilds_derived_tables_from_the_lake(
    flow_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.extract
    from flows.daily import daily_flow
    from flows.reextract import reextract_flow

    daily_flow(flow_settings)
    before = counts(flow_settings.warehouse)
    con = duckdb.connect(str(flow_settings.warehouse))
    con.execute(
        "delete from skill_mentions_core"
    )  # derived rows lost or stale after a rules change
    con.execute("update extractions set role = 'other'")
    con.close()

    monkeypatch.setattr(flows.extract, "taxonomy_version", lambda: "test-next")
    stats = reextract_flow(flow_settings)
    after = counts(flow_settings.warehouse)
    assert stats["postings"] == before["postings"]
    assert after == before  # rebuilt from the raw lake alone, nothing duplicated
    assert (flow_settings.lake.parent / "extracted" / "test-next").is_dir()
    con = duckdb.connect(str(flow_settings.warehouse), read_only=True)
    others = con.execute("select count(*) from postings where role = 'other'").fetchone()[0]
    con.close()
    assert others < before["postings"] / 2
