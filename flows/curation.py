"""`jobtrends taxonomy suggest`: rising terms missing from the taxonomy, from the raw lake text."""

from __future__ import annotations

from pathlib import Path


def print_suggestions(warehouse: Path, top: int) -> None:
    from rich.console import Console
    from rich.table import Table

    from analytics.db import connect
    from pipelines.nlp import load_skill_taxonomy
    from pipelines.nlp.suggest import suggest_terms

    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            "select posted_month, title, description_text from raw_postings_latest where posted_month is not null"
        ).fetchall()
    finally:
        con.close()
    known = set()
    for skill in load_skill_taxonomy():
        known.add(str(skill["name"]).lower())
        known.update(str(a).lower() for a in skill.get("aliases", []) or [])
    suggestions = suggest_terms(rows, known)[:top]
    table = Table("term", "recent share", "earlier share", "trend", title="terms to consider adding")
    for s in suggestions:
        d = s if isinstance(s, dict) else s.__dict__
        table.add_row(*(str(d.get(k, "")) for k in ("term", "recent_share", "earlier_share", "trend")))
    Console(width=160).print(table)
