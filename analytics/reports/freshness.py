"""Crawl freshness per source and board: is the data behind the other reports current?"""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult
from analytics.reports.render.figures import freshness_bars


def _chart(frame: pl.DataFrame) -> alt.TopLevelMixin:
    return freshness_bars(frame)


def freshness(ctx: ReportContext) -> ReportResult:
    """Last successful crawl, status, open postings and last error per board."""
    p = ctx.params
    frame = ctx.mart("fct_freshness")
    n_boards = frame.height
    ok = frame.filter(pl.col("last_success_at").is_not_null()).height
    failing = frame.filter(pl.col("last_status").is_in(["partial", "failed"]))
    headlines = [f"{ok} of {n_boards} boards have a successful crawl"]
    headlines += [
        f"{r['source']}:{r['board']} last run {r['last_status']} at {r['last_run_at']}"
        for r in failing.iter_rows(named=True)
    ][:5]
    stale = frame.filter(pl.col("hours_behind_newest") > 48)
    if stale.height:
        headlines.append(f"{stale.height} boards more than 48 h behind the newest crawl")
    return ReportResult(
        name="freshness",
        title="Crawl freshness",
        description=(
            "Per source and board: last successful crawl (status ok), hours it lags the newest "
            "crawl in the warehouse, postings and open postings, and the last error message."
        ),
        frame=frame,
        n_postings=int(frame["n_postings"].sum()) if n_boards else 0,
        coverage=f"{ok} of {n_boards} boards have at least one successful crawl.",
        headlines=headlines,
        chart=_chart(frame),
        null_text={"last_success_at": "never", "last_error": "", "last_error_at": ""},
        notes=[
            "Only the sources filter applies: freshness describes the current crawl state.",
            "Postings here are per board and not de-duplicated across boards.",
        ],
        filters=p.describe(),
    )
