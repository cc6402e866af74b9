"""Salary premium of a skill within role x seniority x country (median with vs without)."""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.figures import hbars


def _chart(frame: pl.DataFrame) -> alt.TopLevelMixin:
    data = (
        frame.with_columns(
            label=pl.concat_str(
                "role", "seniority_group", "country_code", "skill_name", separator=" · "
            ),
            _abs=pl.col("premium_pct").abs(),
        )
        .sort("_abs", descending=True)
        .head(25)
    )
    return hbars(
        data,
        x="premium_pct",
        y="label",
        n=("n_with", "n_without"),
        title="Largest skill premiums (within role, seniority and country)",
        x_title="median with skill vs without (%)",
        color=alt.condition(alt.datum.premium_pct > 0, alt.value("#54a24b"), alt.value("#e45756")),
        empty="no cell has enough salaries with and without a skill",
    )


def skill_premium(ctx: ReportContext) -> ReportResult:
    """Comparing within role x seniority x country keeps role, level and market mix out of the
    premium; like salary bands, it reads the US market unless a country filter is given."""
    if ctx.params.countries is None and ctx.params.salary_countries:
        ctx = ReportContext(ctx.con, replace(ctx.params, countries=ctx.params.salary_countries))
    p = ctx.params
    frame = ctx.mart("fct_skill_premium")
    cov = ctx.coverage()
    top = frame.sort("premium_pct", descending=True).head(3)
    headlines = [
        f"{r['skill_name']} in {r['role']} {r['seniority_group']} ({r['country_code']}): "
        f"{r['premium_pct']:+}% (${r['median_with_usd']:,} with, n={r['n_with']}; "
        f"${r['median_without_usd']:,} without, n={r['n_without']})"
        for r in top.iter_rows(named=True)
    ]
    markets = ", ".join(p.countries or ()) or "every country, each compared within itself"
    return ReportResult(
        name="skill_premium",
        title="Skill salary premium",
        description=(
            "Within each role x seniority group x country, the median annualised USD salary of "
            "postings asking for a skill vs those that do not; shown only where both sides have "
            f"at least {p.min_premium_n} salaries. Country: {markets}."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines or ["no cell has enough salaries with and without a skill"],
        chart=_chart(frame),
        notes=[
            "Controls: role, seniority group (Intern, Entry, Mid, Senior, Unknown) and country; "
            "a premium is an association in posted ranges, not a causal effect, and other "
            "differences (company size, city, remote) are not controlled.",
            f"Suppressed: a skill with fewer than {p.min_premium_n} salaries on either side "
            "of a cell is not shown.",
            "Salaries: the report's rules (view report_salaries): no estimates, no flagged or "
            f"non-annual pay ({', '.join(p.excluded_flags)}).",
        ],
        filters=p.describe(),
    )
