"""Skill pairs that appear together more often than chance (lift)."""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.figures import hbars


def _chart(frame: pl.DataFrame) -> alt.TopLevelMixin:
    return hbars(
        frame.head(20).with_columns(pair=pl.col("skill_a") + " + " + pl.col("skill_b")),
        x="lift",
        y="pair",
        n=("n_pair",),
        title="Top skill pairs by lift",
        x_title="lift (1 = independent)",
        color="#72b7b2",
        tooltip=["support_pct:Q"],
        empty="no pair reaches the minimum support",
    )


def skill_cooccurrence(ctx: ReportContext) -> ReportResult:
    """Top pairs by lift among pairs with enough joint postings."""
    p = ctx.params
    frame = ctx.mart("fct_skill_cooccurrence")
    cov = ctx.coverage()
    headlines = [
        f"{r['skill_a']} + {r['skill_b']}: lift {r['lift']} ({r['n_pair']} postings, "
        f"{r['support_pct']}% of all)"
        for r in frame.head(3).iter_rows(named=True)
    ]
    return ReportResult(
        name="skill_cooccurrence",
        title="Skill co-occurrence",
        description=(
            f"Top {p.top_n} skill pairs by lift = P(a and b) / (P(a) P(b)), among pairs "
            f"mentioned together in at least {p.min_pair_support} postings."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines or ["no pair reaches the minimum support"],
        chart=_chart(frame),
        filters=p.describe(),
    )
