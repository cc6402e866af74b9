"""`jobtrends taxonomy suggest`: rising terms missing from the taxonomy, from the raw lake text."""

from __future__ import annotations

from pathlib import Path


def print_suggestions(warehouse: Path, top: int) -> None:
    from analytics.db import connect
    from flows.terminal import print_table
    from pipelines.nlp.suggest import suggest_terms

    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            # sources that only reach back a few months (HN, RSS) would make every word look "rising"
            """
            select posted_month, title, description_text from raw_postings_latest
            where posted_month is not null and source in (
                select source from raw_postings_latest group by source
                having count(distinct posted_month) >= 6
            )
            """
        ).fetchall()
    finally:
        con.close()
    suggestions = suggest_terms(rows)[:top]
    print_table(
        ["term", "from", "postings", "earlier share", "recent share", "z"],
        [
            [
                s["term"],
                s["source"],
                s["postings"],
                f"{s['early_share']:.1%}",
                f"{s['recent_share']:.1%}",
                f"{s['z']:.1f}",
            ]
            for s in suggestions
        ],
        title="rising terms not in the taxonomy",
        width=160,
    )
