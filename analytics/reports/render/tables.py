"""Markdown, CSV, JSON and Parquet views of a report frame.

Why: numbers are rounded once in the mart, so these writers print values verbatim and the
formats agree cell for cell; only nulls get a per-column label (e.g. "n<5").
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from analytics.reports.context import ReportResult

MAX_TABLE_ROWS = 400  #: longer frames are truncated in Markdown/HTML; CSV/JSON/Parquet keep all
DEFAULT_NULL = "–"


def format_cell(value: Any, column: str, null_text: dict[str, str]) -> str:
    """The display text of one cell; shared by the Markdown and HTML tables."""
    if value is None or (isinstance(value, float) and value != value):
        return null_text.get(column, DEFAULT_NULL)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def display_rows(result: ReportResult, max_rows: int = MAX_TABLE_ROWS) -> list[list[str]]:
    """Formatted rows (strings) of the first ``max_rows`` rows of the frame."""
    cols = result.frame.columns
    return [
        [format_cell(row[c], c, result.null_text) for c in cols]
        for row in result.frame.head(max_rows).iter_rows(named=True)
    ]


def truncation_note(result: ReportResult, max_rows: int = MAX_TABLE_ROWS) -> str | None:
    n = result.frame.height
    if n <= max_rows:
        return None
    return f"Showing {max_rows} of {n} rows; the CSV, JSON and Parquet files hold all rows."


#: what could start Markdown or HTML markup: a backslash, code, emphasis, a link, a tag or
#: comment (``<`` before a letter, ``/``, ``!`` or ``?``), a table cell break, an entity
_MD_SPECIAL = re.compile(r"[\\`*\[\]|]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")


def md_escape(text: str) -> str:
    """Scraped text must not become Markdown/HTML markup in a Markdown viewer.

    Backslash escapes (CommonMark) instead of HTML entities, and only where markup could
    start, so the file reads as plain text too: ``R&D`` stays ``R&D`` (never ``R&amp;D``) and
    ``<script>`` is written ``\\<script>``.
    """
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text.replace("\r", " ").replace("\n", " "))


def to_markdown(result: ReportResult, links: dict[str, str] | None = None) -> str:
    """A standalone Markdown document: title, n and coverage, headlines, table, notes."""
    lines = [f"# {md_escape(result.title)}", "", md_escape(result.description), ""]
    lines += [f"**n:** {result.n_postings} postings. **Coverage:** {md_escape(result.coverage)}"]
    lines += ["", f"_Filters: {md_escape(result.filters)}_", ""]
    if result.headlines:
        lines += ["## Headlines", ""] + [f"- {md_escape(h)}" for h in result.headlines] + [""]
    cols = result.frame.columns
    lines += ["## Table", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in display_rows(result)]
    note = truncation_note(result)
    notes = ([note] if note else []) + result.notes
    if notes:
        lines += ["", "## Notes", ""] + [f"- {md_escape(n)}" for n in notes]
    if links:
        lines += ["", " · ".join(f"[{k}]({v})" for k, v in links.items())]
    return "\n".join(lines) + "\n"


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV cannot hold lists: join them with '; '."""
    list_cols = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    return frame.with_columns(pl.col(c).cast(pl.List(pl.Utf8)).list.join("; ") for c in list_cols)


def write_csv(result: ReportResult, path: Path) -> Path:
    _flat(result.frame).write_csv(path, datetime_format="%Y-%m-%d %H:%M:%S")
    return path


def write_parquet(result: ReportResult, path: Path) -> Path:
    result.frame.write_parquet(path)
    return path


def to_json_doc(result: ReportResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "title": result.title,
        "n_postings": result.n_postings,
        "coverage": result.coverage,
        "filters": result.filters,
        "headlines": result.headlines,
        "notes": result.notes,
        "columns": result.frame.columns,
        "rows": result.frame.to_dicts(),
    }


def _json_default(value: Any) -> str:
    """Dates and datetimes read the same as in the Markdown and CSV views."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_json(result: ReportResult, path: Path) -> Path:
    path.write_text(
        json.dumps(to_json_doc(result), indent=1, default=_json_default, allow_nan=False) + "\n",
        encoding="utf-8",
    )
    return path


def write_markdown(result: ReportResult, path: Path, links: dict[str, str] | None = None) -> Path:
    path.write_text(to_markdown(result, links), encoding="utf-8")
    return path
