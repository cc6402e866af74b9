"""Altair charts rendered offline to SVG with vl-convert.

Why SVG from vl-convert: it needs no JavaScript or network to display, and it escapes data
text (a skill named ``<script>`` becomes ``&lt;script&gt;`` inside ``<text>``).
"""

from __future__ import annotations

import re
from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc

MAX_CHART_ROWS = 4000
_XMLNS = re.compile(r'\s+xmlns(:xlink)?="[^"]*"')
_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe)|\son[a-z]+\s*=", re.IGNORECASE)


def chart_data(frame: pl.DataFrame) -> pl.DataFrame:
    """Dates as ISO text and a row cap, so Altair's inline data stays small and portable."""
    temporal = [c for c, t in frame.schema.items() if t in (pl.Date, pl.Datetime)]
    out = frame.with_columns(pl.col(c).cast(pl.Utf8) for c in temporal)
    list_cols = [c for c, t in out.schema.items() if isinstance(t, pl.List)]
    return out.drop(list_cols).head(MAX_CHART_ROWS)


def message_chart(text: str) -> alt.Chart:
    """Placeholder chart for an empty report, so every report still has a visible figure."""
    return (
        alt.Chart(pl.DataFrame({"message": [text]}))
        .mark_text(size=14)
        .encode(text="message:N")
        .properties(width=400, height=60)
    )


#: labels are never cut (Vega's default cuts axis labels at 180 px and legend labels at 160 px)
LABEL_LIMIT = 1000


def finish(chart: Any) -> Any:
    """Shared look of every chart: full-length labels, readable fonts, months with their year."""
    return (
        chart.configure_axis(labelLimit=LABEL_LIMIT, titleLimit=LABEL_LIMIT, labelFontSize=11)
        .configure_axisTemporal(format="%b %Y")
        .configure_legend(labelLimit=LABEL_LIMIT, titleLimit=LABEL_LIMIT)
        .configure_title(subtitleColor="#555", subtitleFontSize=11, anchor="start")
    )


#: a mark Vega describes for screen readers (aria-label holds its data, n included)
_TIPPED = re.compile(r'<(path|rect|circle|line)(\s[^<>]*?aria-label="([^"<>]*)"[^<>]*?)/>')


def _with_title(match: re.Match[str]) -> str:
    """The mark's description as an SVG <title>, which browsers show as a hover tooltip.

    The label is already attribute-escaped by Vega (&amp; &lt; &quot;), valid as element text.
    """
    tag, attrs, label = match.groups()
    return f"<{tag}{attrs}><title>{label}</title></{tag}>"


def to_svg(chart: Any) -> str:
    """Render to inline SVG; namespace URLs are dropped (HTML5 inline SVG does not need them)."""
    svg = vlc.vegalite_to_svg(finish(chart).to_dict())
    svg = _XMLNS.sub("", svg, count=2)
    svg = _TIPPED.sub(_with_title, svg)
    if _UNSAFE.search(svg):
        raise ValueError("chart SVG contains active content; refusing to inline it")
    return svg
