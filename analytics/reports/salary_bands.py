"""Salary bands by role x seniority group next to the landscape guide's reference table."""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.figures import salary_intervals
from analytics.reports.stats import bootstrap_median_ci

STAT_COLUMNS = ("p25_usd", "median_usd", "median_ci_low_usd", "median_ci_high_usd", "p75_usd")


def _with_bootstrap(frame: pl.DataFrame, samples: int, seed: int) -> pl.DataFrame:
    """Adds the seeded bootstrap CI of the median for every unsuppressed cell."""
    cis = [
        bootstrap_median_ci(v, samples=samples, seed=seed) if v is not None else (None, None)
        for v in frame["salary_values"].to_list()
    ]
    lo = [round(a) if a is not None else None for a, _ in cis]
    hi = [round(b) if b is not None else None for _, b in cis]
    return frame.with_columns(
        pl.Series("median_ci_low_usd", lo, dtype=pl.Int64),
        pl.Series("median_ci_high_usd", hi, dtype=pl.Int64),
    ).select(
        "role",
        "seniority_group",
        "n_postings",
        "n_salary",
        "coverage_pct",
        "is_suppressed",
        *STAT_COLUMNS,
        "ref_low_usd",
        "ref_high_usd",
        "diff_vs_ref_mid_pct",
        "vs_reference",
    )


def _chart(frame: pl.DataFrame, min_n: int) -> alt.TopLevelMixin:
    return salary_intervals(
        frame,
        groups=["Intern", "Entry", "Mid", "Senior"],
        min_n=min_n,
        title="Observed median salary vs reference",
    )


def salary_bands(ctx: ReportContext) -> ReportResult:
    """Role x seniority salary bands, bootstrap CI of the median, and the reference gap."""
    if ctx.params.countries is None and ctx.params.salary_countries:
        # annualised USD across markets mixes US and European pay; compare like with like
        ctx = ReportContext(ctx.con, replace(ctx.params, countries=ctx.params.salary_countries))
    p = ctx.params
    frame = _with_bootstrap(ctx.mart("fct_salary_bands"), p.bootstrap_samples, p.seed)
    cov = ctx.coverage()
    suppressed = f"n<{p.min_cell_n}"
    headlines = []
    for row in frame.filter(pl.col("role") == p.focus_role).iter_rows(named=True):
        if row["is_suppressed"] or row["seniority_group"] == "Unknown":
            continue
        gap = (
            f"{row['diff_vs_ref_mid_pct']:+}% vs reference midpoint ({row['vs_reference']})"
            if row["diff_vs_ref_mid_pct"] is not None
            else row["vs_reference"]
        )
        headlines.append(
            f"{p.focus_role} {row['seniority_group']}: median ${row['median_usd']:,} "
            f"[95% CI ${row['median_ci_low_usd']:,}-${row['median_ci_high_usd']:,}], "
            f"n={row['n_salary']} salaries of {row['n_postings']} postings; {gap}"
        )
    return ReportResult(
        name="salary_bands",
        title="Salary bands by role and seniority",
        description=(
            "Annualised USD midpoints of posted salary ranges (p25/median/p75) per role and "
            "seniority group (Intern, Entry, Mid, Senior = senior+staff_plus), "
            "next to the landscape guide's reference bands (US base pay). Country: "
            f"{', '.join(p.countries or ()) or 'all'} (inferred from locations when the source "
            "gives no code; `jobtrends report --country all` widens it)."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines,
        chart=_chart(frame, p.min_cell_n),
        null_text={c: suppressed for c in STAT_COLUMNS},
        notes=[
            f"Cells with fewer than {p.min_cell_n} salaries are suppressed ({suppressed}).",
            "Estimated salaries are excluded unless requested; salaries with a quality flag "
            "or pay that is not a full-time annual salary "
            f"({', '.join(p.excluded_flags)}) are excluded. The view report_salaries applies "
            "the same rules for SQL users.",
            f"Median CIs: percentile bootstrap, {p.bootstrap_samples} resamples, seed {p.seed}.",
            "diff_vs_ref_mid_pct = observed median vs the reference band midpoint; reference "
            "bands are US base salary, Europe runs 30-50% lower.",
        ],
        filters=p.describe(),
    )
