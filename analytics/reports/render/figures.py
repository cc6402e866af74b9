"""The report charts, built to be read at a glance: n on every mark, dates with their year.

Why one module: each report hands its frame to one of these builders, so every chart follows
the same rules: n as a label and in the tooltip, months as "Jan 2026", quarters as "Q1 2026"
with one tick per quarter, at most MAX_LINES lines per panel (small multiples beyond), line
styles told apart in the legend, suppressed cells drawn as "n < 5" instead of left out.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.render.charts import chart_data, message_chart

MAX_LINES = 8  #: lines one panel may carry; more series become small multiples
BAR_STEP = 18  #: pixels per bar row
LABEL_COLOR = "#333"


def _n_text(base: alt.Chart, x: str, text: str, dx: int = 4) -> alt.Chart:
    """An "n=..." label to the right of each bar or interval."""
    return base.mark_text(
        align="left", baseline="middle", dx=dx, fontSize=10, color=LABEL_COLOR
    ).encode(x=x, text=text)


def _with_n_label(frame: pl.DataFrame, *parts: str) -> pl.DataFrame:
    """Adds ``n_label``: "n=12" or "n=12/40" from the given count columns."""
    expr = pl.lit("n=") + pl.col(parts[0]).cast(pl.Utf8)
    if len(parts) > 1:
        expr = expr + pl.lit("/") + pl.col(parts[1]).cast(pl.Utf8)
    return frame.with_columns(n_label=expr)


def hbars(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    n: tuple[str, ...],
    title: str,
    x_title: str,
    sort: str | None = "-x",
    color: alt.Color | alt.ColorValue | str = "#4c78a8",
    ci: tuple[str, str] | None = None,
    tooltip: list[str] | None = None,
    x_format: str | None = None,
    empty: str = "no data",
) -> alt.TopLevelMixin:
    """Horizontal bars with an n label after each bar (and after its CI when given)."""
    if frame.is_empty():
        return message_chart(empty)
    right = ci[1] if ci else x
    # labels sit right of the bar, and right of zero for negative bars (never over the bar)
    data = chart_data(
        _with_n_label(frame, *n).with_columns(label_x=pl.max_horizontal(pl.col(right), pl.lit(0)))
    )
    axis = alt.Axis(format=x_format) if x_format else alt.Axis()
    base = alt.Chart(data).encode(
        y=alt.Y(f"{y}:N", sort=sort, title=None),
        tooltip=[f"{y}:N", f"{x}:Q", *[f"{c}:Q" for c in n], *(tooltip or [])],
    )
    bar_color = color if not isinstance(color, str) else alt.value(color)
    layers = [base.mark_bar().encode(x=alt.X(f"{x}:Q", title=x_title, axis=axis), color=bar_color)]
    if ci:
        layers.append(base.mark_rule(color="#1d232a").encode(x=f"{ci[0]}:Q", x2=f"{ci[1]}:Q"))
    layers.append(_n_text(base, "label_x:Q", "n_label:N"))
    return alt.layer(*layers).properties(
        width=520, height=alt.Step(BAR_STEP), title=alt.Title(title, subtitle=_n_subtitle(n))
    )


def _n_subtitle(n: tuple[str, ...]) -> str:
    names = [c.removeprefix("n_").removeprefix("k_").replace("_", " ") for c in n]
    return "labels: n = " + " / ".join(names) + " (postings)"


def _dash_legend(domain: list[str], dashes: list[list[int]], title: str) -> alt.StrokeDash:
    """Line styles as stroke symbols in the legend, so solid and dashed read differently."""
    return alt.StrokeDash(
        "style:N",
        title=title,
        scale=alt.Scale(domain=domain, range=dashes),
        legend=alt.Legend(
            symbolType="stroke",
            symbolSize=500,
            symbolStrokeWidth=2.5,
            symbolStrokeColor="#333",
        ),
    )


def monthly_lines(
    long: pl.DataFrame,
    *,
    series: str,
    style: str,
    styles: list[str],
    value: str,
    k: str,
    n: str,
    title: str,
    y_title: str,
    series_title: str,
    style_title: str,
) -> alt.TopLevelMixin:
    """Monthly shares, one colour per series and one dash per style ("new" solid, "live" dashed).

    ``long`` has ``month``, ``series``, ``style``, ``value`` and the counts ``k`` of ``n``.
    Up to MAX_LINES lines share one panel; beyond that each series gets its own small panel.
    """
    if long.is_empty():
        return message_chart("no data")
    data = chart_data(
        long.rename({style: "style"}).with_columns(
            n_label=pl.lit("k=")
            + pl.col(k).cast(pl.Utf8)
            + pl.lit(" of n=")
            + pl.col(n).cast(pl.Utf8)
        )
    )
    dashes = [[1, 0], [6, 4], [2, 2]][: len(styles)]
    x = alt.X(
        "yearmonth(month):T",
        title=None,
        axis=alt.Axis(format="%b %Y", labelAngle=-40, tickCount={"interval": "month", "step": 3}),
    )
    tooltip = [
        alt.Tooltip("yearmonth(month):T", title="month", format="%b %Y"),
        f"{series}:N",
        "style:N",
        f"{value}:Q",
        f"{k}:Q",
        f"{n}:Q",
    ]
    n_series = long[series].n_unique()
    base = alt.Chart(data).encode(x=x, y=alt.Y(f"{value}:Q", title=y_title), tooltip=tooltip)
    # points in their own layer: the dash legend then draws line symbols, not filled dots
    line = base.mark_line().encode(strokeDash=_dash_legend(styles, dashes, style_title))
    points = base.mark_circle(size=16, opacity=1)
    ranges = [
        f"{label} {part[n].min():,}-{part[n].max():,}"
        for label in styles
        if not (part := long.filter(pl.col(style) == label)).is_empty()
    ]
    subtitle = f"n postings per month: {'; '.join(ranges)} (tooltips: k of n)"
    if n_series * len(styles) <= MAX_LINES:
        color = alt.Color(f"{series}:N", title=series_title)
        return alt.layer(line.encode(color=color), points.encode(color=color)).properties(
            width=640, height=300, title=alt.Title(title, subtitle=subtitle)
        )
    panel = alt.layer(line.mark_line(color="#4c78a8"), points.mark_circle(size=12, color="#4c78a8"))
    return (
        panel.properties(width=230, height=140)
        .facet(facet=alt.Facet(f"{series}:N", title=None), columns=3)
        .resolve_scale(y="shared")
        .properties(title=alt.Title(title, subtitle=subtitle))
    )


def quarterly_lines(
    frame: pl.DataFrame,
    *,
    quarter: str,
    value: str,
    series: str,
    n: str,
    title: str,
    y_title: str,
    y_domain: tuple[float, float] | None = None,
    suppressed: str | None = None,
    n_caption: str | None = None,
    empty: str = "no data",
) -> alt.TopLevelMixin:
    """One tick per quarter labelled "2026 Q3"; each point labelled with its n.

    Rows whose ``value`` is null were suppressed for a small n: with ``suppressed`` (e.g.
    "n<20") they are drawn as that text at the foot of their quarter instead of vanishing.
    """
    shown = frame.drop_nulls(value)
    if shown.is_empty() and not (suppressed and frame.height):
        return message_chart(empty)
    data = chart_data(_with_n_label(frame, n))
    x = alt.X(f"yearquarter({quarter}):O", title=None, axis=alt.Axis(labelAngle=0))
    scale = alt.Scale(domain=list(y_domain)) if y_domain else alt.Scale()
    color = alt.Color(f"{series}:N", title=series)
    base = alt.Chart(data).encode(
        x=x,
        color=color,
        tooltip=[f"yearquarter({quarter}):O", f"{series}:N", f"{value}:Q", f"{n}:Q"],
    )
    drawn = base.transform_filter(f"isValid(datum['{value}'])").encode(
        y=alt.Y(f"{value}:Q", title=y_title, scale=scale)
    )
    layers = [
        drawn.mark_line(point=True),
        drawn.mark_text(align="left", dx=6, dy=-6, fontSize=9).encode(text="n_label:N"),
    ]
    if suppressed:
        foot = y_domain[0] if y_domain else 0
        layers.append(
            base.transform_filter(f"!isValid(datum['{value}'])")
            .transform_calculate(foot=f"{foot}", note=f"'{suppressed}'")
            .mark_text(fontSize=9, dy=-8, fontStyle="italic")
            .encode(
                y=alt.Y("foot:Q", scale=scale), yOffset=alt.YOffset(f"{series}:N"), text="note:N"
            )
        )
    caption = n_caption or n
    subtitle = f"labels: n = {caption} per quarter" + (
        f"; {suppressed}: too few postings, not drawn" if suppressed else ""
    )
    return alt.layer(*layers).properties(
        width=max(160, 110 * frame[quarter].n_unique()),
        height=300,
        title=alt.Title(title, subtitle=subtitle),
    )


def salary_intervals(
    frame: pl.DataFrame, *, groups: list[str], min_n: int, title: str
) -> alt.TopLevelMixin:
    """Median and CI per role x seniority next to the reference band; suppressed cells say n < 5."""
    data = frame.filter(pl.col("seniority_group").is_in(groups)).with_columns(
        cell=pl.col("role") + " · " + pl.col("seniority_group")
    )
    if data.is_empty():
        return message_chart("no salary cells")
    data = data.with_columns(
        n_label=pl.when(pl.col("is_suppressed"))
        .then(pl.lit(f"n < {min_n}"))
        .otherwise(pl.lit("n=") + pl.col("n_salary").cast(pl.Utf8)),
        label_x=pl.coalesce("median_ci_high_usd", "ref_high_usd", pl.lit(0)),
    )
    base = alt.Chart(chart_data(data)).encode(
        y=alt.Y("cell:N", sort=None, title=None),
        tooltip=[
            "cell:N",
            "n_salary:Q",
            "n_postings:Q",
            alt.Tooltip("median_usd:Q", format="$,.0f"),
            alt.Tooltip("median_ci_low_usd:Q", format="$,.0f"),
            alt.Tooltip("median_ci_high_usd:Q", format="$,.0f"),
        ],
    )
    x_axis = alt.Axis(format="$~s")
    band = base.mark_bar(color="#c9d6e3", height=10).encode(
        x=alt.X(
            "ref_low_usd:Q",
            title="annual USD (median, 95% CI; grey = reference band)",
            axis=x_axis,
        ),
        x2="ref_high_usd:Q",
    )
    shown = base.transform_filter("!datum.is_suppressed")
    ci = shown.mark_rule().encode(x="median_ci_low_usd:Q", x2="median_ci_high_usd:Q")
    point = shown.mark_point(filled=True, size=60).encode(
        x="median_usd:Q", color=alt.Color("seniority_group:N", title="seniority", sort=groups)
    )
    labels = base.mark_text(align="left", dx=6, fontSize=10).encode(
        x="label_x:Q",
        text="n_label:N",
        color=alt.condition("datum.is_suppressed", alt.value("#b8002e"), alt.value(LABEL_COLOR)),
    )
    return alt.layer(band, ci, point, labels).properties(
        width=600,
        height=alt.Step(BAR_STEP),
        title=alt.Title(
            title, subtitle=f"labels: n = salaries per cell; n < {min_n}: median not shown"
        ),
    )


def freshness_bars(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """Compact: one thin row per board, open postings drawn over all postings, n as text."""
    if frame.is_empty():
        return message_chart("no crawl runs")
    data = chart_data(
        frame.with_columns(
            board_label=pl.col("source") + ":" + pl.col("board"),
            n_label=pl.col("n_open").cast(pl.Utf8)
            + pl.lit(" open / ")
            + pl.col("n_postings").cast(pl.Utf8),
            status=pl.col("last_status").fill_null("never"),
        )
    )
    base = alt.Chart(data).encode(
        y=alt.Y("board_label:N", title=None, sort=None, axis=alt.Axis(labelFontSize=10)),
        tooltip=["board_label:N", "n_postings:Q", "n_open:Q", "status:N", "last_success_at:N"],
    )
    all_bar = base.mark_bar(color="#d5dde6", height=9).encode(
        x=alt.X("n_postings:Q", title="postings (dark: open)")
    )
    open_bar = base.mark_bar(height=9).encode(
        x="n_open:Q",
        color=alt.Color(
            "status:N",
            title="last crawl",
            scale=alt.Scale(
                domain=["ok", "partial", "failed", "never"],
                range=["#4c78a8", "#f58518", "#e45756", "#9d9d9d"],
            ),
        ),
    )
    labels = _n_text(base, "n_postings:Q", "n_label:N")
    return alt.layer(all_bar, open_bar, labels).properties(
        width=420,
        height=alt.Step(12),
        title=alt.Title("Postings per board", subtitle="labels: n open / n postings"),
    )
