"""Skill trends: monthly shares (two denominators, role-mix adjusted) and risers/fallers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import altair as alt
import duckdb
import polars as pl

from analytics.reports.context import ReportContext, ReportParams, ReportResult
from analytics.reports.coverage import coverage_panel_note, reach_note
from analytics.reports.render.charts import message_chart
from analytics.reports.render.figures import monthly_lines
from analytics.reports.stats import two_proportion_z


def trend_frame(ctx: ReportContext) -> pl.DataFrame:
    """Window counts from the mart plus a two-proportion z-test and a direction label."""
    p = ctx.params
    frame = ctx.mart("fct_skill_trend_windows")
    # tested at the baseline's source mix: a panel source that grew cannot create a trend
    tests = [
        two_proportion_z(r["k_baseline"], r["n_baseline"], r["k_recent_mix"], r["n_recent"])
        for r in frame.iter_rows(named=True)
    ]
    frame = frame.with_columns(
        z=pl.Series([round(z, 2) for z, _ in tests], dtype=pl.Float64),
        p_value=pl.Series([float(f"{pv:.3g}") for _, pv in tests], dtype=pl.Float64),
        support=pl.col("k_baseline") + pl.col("k_recent"),
        mix_change_pp=(pl.col("share_recent_mix_pct") - pl.col("share_baseline_pct")).round(2),
    )
    # a window without enough postings has nothing to compare with: never "stable"
    no_baseline = pl.col("n_baseline") < p.min_window_n
    no_recent = pl.col("n_recent") < p.min_window_n
    significant = (
        (pl.col("p_value") < p.alpha)
        & (pl.col("support") >= p.min_support)
        & ~no_baseline
        & ~no_recent
    )
    return (
        frame.with_columns(is_significant=significant)
        .with_columns(
            direction=pl.when(no_baseline)
            .then(pl.lit("no baseline"))
            .when(no_recent)
            .then(pl.lit("no recent data"))
            .when(pl.col("support") < p.min_support)
            .then(pl.lit("low support"))
            .when(pl.col("is_significant") & (pl.col("mix_change_pp") > 0))
            .then(pl.lit("riser"))
            .when(pl.col("is_significant") & (pl.col("mix_change_pp") < 0))
            .then(pl.lit("faller"))
            .otherwise(pl.lit("stable"))
        )
        .with_columns(
            _order=pl.col("direction").replace_strict(
                {
                    "riser": 0,
                    "faller": 1,
                    "stable": 2,
                    "low support": 3,
                    "no baseline": 4,
                    "no recent data": 5,
                },
                return_dtype=pl.Int8,
            ),
            _abs=pl.col("change_pp").abs(),
        )
        .sort(["_order", "_abs", "skill_slug"], descending=[False, True, False])
        .select(
            "skill_slug",
            "skill_name",
            "direction",
            "is_significant",
            "change_pp",
            "share_baseline_pct",
            "share_recent_pct",
            "k_baseline",
            "n_baseline",
            "k_recent",
            "n_recent",
            "z",
            "p_value",
            "adj_share_baseline_pct",
            "adj_share_recent_pct",
            "adj_change_pp",
            "share_recent_mix_pct",
            "mix_change_pp",
            "baseline_start",
            "recent_start",
            "recent_end",
            "panel_sources",
            "dropped_sources",
        )
    )


def detect_risers(
    con: duckdb.DuckDBPyConnection, params: ReportParams | None = None, **overrides: Any
) -> pl.DataFrame:
    """Risers and fallers (recent vs baseline window); overrides e.g. ``recent_months=3``."""
    params = replace(params or ReportParams(), **overrides)
    return trend_frame(ReportContext(con, params))


def _lines(monthly: pl.DataFrame, skills: list[str], title: str) -> alt.TopLevelMixin:
    data = monthly.filter(pl.col("skill_slug").is_in(skills))
    if data.is_empty():
        return message_chart("no skill mentions")
    long = pl.concat(
        [
            data.select(
                "month",
                "skill_name",
                denominator=pl.lit(label),
                share_pct=pl.col(f"share_{label}_pct"),
                k=pl.col(f"k_{label}"),
                n=pl.col(f"n_{label}"),
            )
            for label in ("new", "live")
        ]
    )
    return monthly_lines(
        long,
        series="skill_name",
        style="denominator",
        styles=["new", "live"],
        value="share_pct",
        k="k",
        n="n",
        title=title,
        y_title="% of postings mentioning",
        series_title="skill",
        style_title="denominator",
    )


def _coverage(monthly: pl.DataFrame, ctx: ReportContext) -> tuple[int, str]:
    cov = ctx.coverage()
    months = monthly["month"].n_unique() if monthly.height else 0
    if not cov["n_postings"]:
        return 0, "no postings match the filters."
    return cov["n_postings"], (
        f"{cov['n_postings']} postings over {months} months ({cov['first_date']} to "
        f"{cov['last_date']}); {cov['n_with_skills']} have at least one counted skill."
    )


def data_reach_notes(ctx: ReportContext, monthly: pl.DataFrame | None = None) -> list[str]:
    """What every trend report states: how far back the data reaches, where history comes
    from before the first crawl, and which month is partial (from `monthly` when given, else
    the data's own partial month)."""
    cal = ctx.calendar()
    if None in (cal["first_posted_month"], cal["first_crawl_at"], cal["data_end_at"]):
        return []
    recorded = " (except the boards whose coverage is recorded below)"
    notes = [
        f"The data reaches back to {cal['first_posted_month']:%Y-%m}; the first crawl was "
        f"{cal['first_crawl_at']:%Y-%m-%d}: history before it comes only from postings still "
        "open then (shown as backfill), so earlier months undercount short-lived postings"
        + (recorded if ctx.params.source_coverage else "")
        + ".",
        f"The data runs to {cal['data_end_at']:%Y-%m-%d}; windows end at the last complete "
        f"month, {cal['last_complete_month']:%Y-%m}.",
    ]
    if monthly is None:
        partial = [cal["partial_month"]] if cal["partial_month"] else []
    elif monthly.height:
        partial = monthly.filter(pl.col("is_partial"))["month"].unique().sort().to_list()
    else:
        partial = []
    if partial:
        months = ", ".join(f"{m:%Y-%m}" for m in partial)
        notes.append(f"Partial month(s) {months}: shown faded, never used in a test.")
    return notes + reach_note(ctx.params.source_coverage, ctx.params.coverage_skipped)


def skill_trends(ctx: ReportContext) -> ReportResult:
    """Risers/fallers table; the chart plots their monthly shares on both denominators."""
    p = ctx.params
    frame = trend_frame(ctx)
    monthly = ctx.mart("fct_skill_share_monthly")
    flagged = frame.filter(pl.col("direction").is_in(["riser", "faller"]))
    pick = (flagged if flagged.height else frame).head(8)["skill_slug"].to_list()
    n, coverage = _coverage(monthly, ctx)
    headlines = [
        f"{r['direction']}: {r['skill_name']} {r['share_baseline_pct']}% → "
        f"{r['share_recent_pct']}% ({r['change_pp']:+} pp, p={r['p_value']:.2g}; "
        f"role-mix adjusted {r['adj_change_pp']:+} pp)"
        for r in flagged.head(6).iter_rows(named=True)
    ]
    first = frame.row(0, named=True) if frame.height else None
    if first is None or first["n_baseline"] < p.min_window_n:
        n_base = first["n_baseline"] if first else 0
        headlines = [
            f"no baseline: {n_base} postings in the baseline window (at least "
            f"{p.min_window_n} needed), so no skill is called rising, falling or stable"
        ]
    elif not headlines:
        headlines = ["no significant risers or fallers"]
    panel_note = []
    if first is not None:
        panel_note = [
            "Risers and fallers compare the sources present in both windows "
            f"({', '.join(first['panel_sources']) or 'none'})"
            + (
                f"; left out as new or gone: {', '.join(first['dropped_sources'])}"
                if first["dropped_sources"]
                else ""
            )
            + ", so a source coming online does not create trends; the test compares the "
            "recent share at the baseline's source mix (share_recent_mix_pct), so a source "
            "that grew does not either."
        ] + coverage_panel_note(p.source_coverage, list(first["panel_sources"]))
    return ReportResult(
        name="skill_trends",
        title="Skill risers and fallers",
        description=(
            f"Share of new postings asking for each skill in the last {p.recent_months} "
            "complete months "
            f"vs {p.baseline_months} months ending {p.gap_months} months earlier (year over year at 6/6/6); two-proportion z-test, flagged at "
            f"p < {p.alpha} with at least {p.min_support} mentions."
        ),
        frame=frame,
        n_postings=n,
        coverage=coverage,
        headlines=headlines,
        chart=_lines(monthly, pick, "Monthly share of flagged skills (solid: new, dashed: live)"),
        notes=[
            *data_reach_notes(ctx, monthly),
            *panel_note,
            "new = postings by posting month; live = postings open at any time in the month.",
            "Role-mix adjusted shares standardise to the role mix of both windows combined, "
            "so a skill does not rise only because its roles posted more.",
            f"A window with fewer than {p.min_window_n} postings reads 'no baseline' (or 'no "
            "recent data'), never 'stable'.",
        ],
        filters=p.describe(),
    )


def skill_trends_monthly(ctx: ReportContext) -> ReportResult:
    """The monthly series behind the trends: month x skill, both denominators, adjusted."""
    p = ctx.params
    monthly = ctx.mart("fct_skill_share_monthly")
    top = (
        monthly.group_by("skill_slug")
        .agg(pl.col("k_new").sum())
        .sort(["k_new", "skill_slug"], descending=[True, False])
        .head(8)["skill_slug"]
        .to_list()
    )
    n, coverage = _coverage(monthly, ctx)
    return ReportResult(
        name="skill_trends_monthly",
        title="Monthly skill share",
        description=(
            "Share of postings mentioning each skill per month, with new-posting and "
            "live-posting denominators and a role-mix adjusted share."
        ),
        frame=monthly,
        n_postings=n,
        coverage=coverage,
        headlines=[
            f"{monthly['month'].n_unique() if monthly.height else 0} months, "
            f"{monthly['skill_slug'].n_unique() if monthly.height else 0} skills"
        ],
        chart=_lines(monthly, top, "Monthly share of the most mentioned skills"),
        notes=data_reach_notes(ctx, monthly),
        null_text={
            "share_new_pct": "no postings",
            "share_live_pct": "no postings",
            "adjusted_share_pct": "no postings",
        },
        filters=p.describe(),
    )
