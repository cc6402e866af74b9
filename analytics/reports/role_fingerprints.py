"""What each role asks for more than the others, and whether AI roles are converging."""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.figures import hbars, quarterly_lines
from analytics.reports.skill_trends import data_reach_notes


def _fingerprint_chart(frame: pl.DataFrame) -> alt.TopLevelMixin:
    data = frame.filter(pl.col("skill_rank") <= 3).with_columns(
        label=pl.col("role") + " · " + pl.col("skill_name")
    )
    return hbars(
        data,
        x="log_odds",
        y="label",
        n=("k_role", "n_role"),
        sort=None,
        title="Top 3 distinguishing skills per role",
        x_title="log-odds ratio, role vs all other roles",
        color=alt.Color("role:N", legend=None),
        empty="no distinguishing skills",
    )


def role_fingerprints(ctx: ReportContext) -> ReportResult:
    """Per role, the skills with the highest smoothed log-odds against all other roles."""
    p = ctx.params
    frame = ctx.mart("fct_role_fingerprints")
    cov = ctx.coverage()
    headlines = [
        f"{role}: "
        + ", ".join(
            f"{r['skill_name']} ({r['share_in_role_pct']}% vs {r['share_in_others_pct']}%)"
            for r in grp.head(3).iter_rows(named=True)
        )
        for (role,), grp in frame.group_by("role", maintain_order=True)
    ][:6]
    return ReportResult(
        name="role_fingerprints",
        title="Role skill fingerprints",
        description=(
            "Skills that distinguish each role: share of the role's postings mentioning the "
            "skill vs share in all other roles, smoothed log-odds ratio (+0.5) and its z; "
            f"top {p.top_n} per role among skills with >= {p.min_cell_n} mentions."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines or ["no distinguishing skills"],
        chart=_fingerprint_chart(frame),
        filters=p.describe(),
    )


def _convergence_chart(frame: pl.DataFrame, focus: str, min_n: int) -> alt.TopLevelMixin:
    return quarterly_lines(
        frame,
        quarter="quarter_start",
        value="cosine_similarity",
        series="role",
        n="n_role",
        title=f"Skill-profile similarity to {focus} by quarter",
        y_title=f"cosine similarity to {focus}",
        y_domain=(0, 1),
        suppressed=f"n<{min_n}",
        n_caption="postings of the role",
        empty=f"not enough {focus} postings per quarter",
    )


def role_convergence(ctx: ReportContext) -> ReportResult:
    """Cosine similarity of quarterly skill-share vectors, focus role vs each other AI role."""
    p = ctx.params
    frame = ctx.mart("fct_role_convergence")
    cov = ctx.coverage()
    headlines = []
    for (role,), grp in frame.drop_nulls("cosine_similarity").group_by("role", maintain_order=True):
        first, last = grp.row(0, named=True), grp.row(-1, named=True)
        headlines.append(
            f"{role}: {first['cosine_similarity']} ({first['quarter_start']}) → "
            f"{last['cosine_similarity']} ({last['quarter_start']})"
        )
    return ReportResult(
        name="role_convergence",
        title=f"Role convergence with {p.focus_role}",
        description=(
            f"Cosine similarity between the skill-share vector of {p.focus_role} and each other "
            "AI role, per quarter (1 = identical skill mix). Rising values mean the roles "
            f"converge. Quarters where either side has fewer than {p.min_convergence_n} postings "
            "are left blank."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines[:8] or ["not enough postings to compare roles"],
        chart=_convergence_chart(frame, p.focus_role, p.min_convergence_n),
        null_text={"cosine_similarity": f"n<{p.min_convergence_n}"},
        notes=data_reach_notes(ctx),
        filters=p.describe(),
    )
