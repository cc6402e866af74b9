"""Skill trends: monthly shares (two denominators, role-mix adjusted) and risers/fallers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import altair as alt
import duckdb
import polars as pl

from analytics.reports.context import ReportContext, ReportParams, ReportResult
from analytics.reports.render.charts import chart_data, message_chart
from analytics.reports.stats import two_proportion_z


def trend_frame(ctx: ReportContext) -> pl.DataFrame:
    """Window counts from the mart plus a two-proportion z-test and a direction label."""
    p = ctx.params
    frame = ctx.mart("fct_skill_trend_windows")
    tests = [
        two_proportion_z(r["k_baseline"], r["n_baseline"], r["k_recent"], r["n_recent"])
        for r in frame.iter_rows(named=True)
    ]
    frame = frame.with_columns(
        z=pl.Series([round(z, 2) for z, _ in tests], dtype=pl.Float64),
        p_value=pl.Series([float(f"{pv:.3g}") for _, pv in tests], dtype=pl.Float64),
        support=pl.col("k_baseline") + pl.col("k_recent"),
    )
    significant = (pl.col("p_value") < p.alpha) & (pl.col("support") >= p.min_support)
    return (
        frame.with_columns(is_significant=significant)
        .with_columns(
            direction=pl.when(pl.col("support") < p.min_support)
            .then(pl.lit("low support"))
            .when(pl.col("is_significant") & (pl.col("change_pp") > 0))
            .then(pl.lit("riser"))
            .when(pl.col("is_significant") & (pl.col("change_pp") < 0))
            .then(pl.lit("faller"))
            .otherwise(pl.lit("stable"))
        )
        .with_columns(
            _order=pl.col("direction").replace_strict(
                {"riser": 0, "faller": 1, "stable": 2, "low support": 3}, return_dtype=pl.Int8
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
            "baseline_start",
            "recent_start",
            "recent_end",
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
    long = data.unpivot(
        index=["month", "skill_name"],
        on=["share_new_pct", "share_live_pct"],
        variable_name="denominator",
        value_name="share_pct",
    ).with_columns(pl.col("denominator").str.replace("_pct", "").str.replace("share_", ""))
    return (
        alt.Chart(chart_data(long))
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title=None),
            y=alt.Y("share_pct:Q", title="% of postings mentioning"),
            color=alt.Color("skill_name:N", title="skill"),
            strokeDash=alt.StrokeDash(
                "denominator:N",
                title="denominator",
                scale=alt.Scale(domain=["new", "live"], range=[[1, 0], [5, 3]]),
            ),
        )
        .properties(width=640, height=300, title=title)
    )


def _coverage(monthly: pl.DataFrame, ctx: ReportContext) -> tuple[int, str]:
    cov = ctx.coverage()
    months = monthly["month"].n_unique() if monthly.height else 0
    if not cov["n_postings"]:
        return 0, "no postings match the filters."
    return cov["n_postings"], (
        f"{cov['n_postings']} postings over {months} months ({cov['first_date']} to "
        f"{cov['last_date']}); {cov['n_with_skills']} have at least one skill mention."
    )


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
    ] or ["no significant risers or fallers"]
    return ReportResult(
        name="skill_trends",
        title="Skill risers and fallers",
        description=(
            f"Share of new postings mentioning each skill in the last {p.recent_months} months "
            f"vs {p.baseline_months} months ending {p.gap_months} months earlier (year over year at 6/6/6); two-proportion z-test, flagged at "
            f"p < {p.alpha} with at least {p.min_support} mentions."
        ),
        frame=frame,
        n_postings=n,
        coverage=coverage,
        headlines=headlines,
        chart=_lines(monthly, pick, "Monthly share of flagged skills (solid: new, dashed: live)"),
        notes=[
            "new = postings by posting month; live = postings open at any time in the month.",
            "Role-mix adjusted shares standardise to the role mix of both windows combined, "
            "so a skill does not rise only because its roles posted more.",
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
        null_text={
            "share_new_pct": "no postings",
            "share_live_pct": "no postings",
            "adjusted_share_pct": "no postings",
        },
        filters=p.describe(),
    )
