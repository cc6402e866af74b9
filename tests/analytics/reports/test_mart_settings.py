"""Per-mart DuckDB settings and the co-occurrence pair code that relies on one."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from analytics.reports import ReportParams, run_mart
from analytics.reports.context import materialise_shared
from analytics.reports.mart_settings import MART_SETTINGS, mart_settings


def _threshold(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("select current_setting('perfect_ht_threshold')").fetchall()[0][0])


def test_settings_hold_for_the_mart_only(seed_con) -> None:
    before = _threshold(seed_con)
    with mart_settings(seed_con, "fct_skill_cooccurrence"):
        assert (
            _threshold(seed_con) == MART_SETTINGS["fct_skill_cooccurrence"]["perfect_ht_threshold"]
        )
    assert _threshold(seed_con) == before
    with mart_settings(seed_con, "fct_skill_share"):  # no settings: nothing changes
        assert _threshold(seed_con) == before


def test_settings_restored_after_a_run_and_a_failure(seed_con) -> None:
    before = _threshold(seed_con)
    run_mart(seed_con, "fct_skill_cooccurrence", ReportParams().sql_params())
    assert _threshold(seed_con) == before
    try:
        with mart_settings(seed_con, "fct_skill_cooccurrence"):
            raise RuntimeError("mart failed")
    except RuntimeError:
        pass
    assert _threshold(seed_con) == before


def test_taxonomy_fits_the_pair_code() -> None:
    """fct_skill_cooccurrence codes a pair of frequent skills below 2^20 (numbers < 1024):
    a taxonomy that outgrows it must widen the code (and the mart's setting) first."""
    from pipelines.nlp import load_skill_taxonomy

    assert len(load_skill_taxonomy()) < 1024


def test_pair_counts_match_a_self_join(seed_con) -> None:
    """Every pair's count from the per-posting lists equals a plain self-join's count."""
    params = replace(ReportParams(), min_pair_support=1, top_n=1_000_000).sql_params()
    mart = run_mart(seed_con, "fct_skill_cooccurrence", params, materialise=True)
    key = materialise_shared(seed_con, params)
    expected = seed_con.sql(
        f"""
        select ka.skill_slug as skill_a, kb.skill_slug as skill_b, count(*) as n_pair,
        from report_posting_skills__{key} as a
        inner join report_posting_skills__{key} as b
            on a.posting_no = b.posting_no and a.skill_no <> b.skill_no
        inner join report_skills__{key} as ka on ka.skill_no = a.skill_no
        inner join report_skills__{key} as kb on kb.skill_no = b.skill_no
        where ka.skill_slug < kb.skill_slug
        group by all
        order by all
        """
    ).pl()
    got = mart.select("skill_a", "skill_b", "n_pair").sort("skill_a", "skill_b")
    assert got.height > 20
    assert got.to_dicts() == expected.to_dicts()
