"""Self-contained HTML pages (inline CSS and SVG, no scripts, no external URLs).

Why Jinja2 autoescape: scraped text (titles, companies, board names, error bodies) reaches
these pages; every value is escaped unless it is our own rendered SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from analytics.reports.context import ReportResult
from analytics.reports.render.charts import message_chart, to_svg
from analytics.reports.render.tables import display_rows, truncation_note

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates"


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(result: ReportResult, links: dict[str, str] | None = None) -> str:
    """One report as a standalone page: headline, n and coverage, chart, table."""
    chart = result.chart if result.chart is not None else message_chart("no data")
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            r=result,
            svg=Markup(to_svg(chart)),
            columns=result.frame.columns,
            numeric={c for c, t in result.frame.schema.items() if t.is_numeric()},
            rows=display_rows(result),
            truncation=truncation_note(result),
            links=links or {},
        )
    )


def render_index(entries: list[dict[str, Any]], title: str = "jobtrends reports") -> str:
    """Index page: one card per report with its headline numbers and links to each format."""
    return environment().get_template("index.html.j2").render(title=title, entries=entries)


def write_html(result: ReportResult, path: Path, links: dict[str, str] | None = None) -> Path:
    path.write_text(render_report(result, links), encoding="utf-8")
    return path
