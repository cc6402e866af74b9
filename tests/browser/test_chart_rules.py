"""Charts read at a glance: n on marks, dated axes with the year, quarters, line styles, n < 5.

Fast checks on the chart specs and SVGs (no browser); tests/browser/test_reports_in_chromium.py
looks at the drawn pages.
"""

from __future__ import annotations

import re
from datetime import date

import polars as pl

from analytics.reports.render.charts import to_svg
from analytics.reports.render.figures import (
    MAX_LINES,
    freshness_bars,
    hbars,
    monthly_lines,
    quarterly_lines,
    salary_intervals,
)
from analytics.reports.render.tables import md_escape


def svg_texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def months_frame(n_skills: int) -> pl.DataFrame:
    rows = []
    for s in range(n_skills):
        for m in range(1, 13):
            for style, n in (("new", 40), ("live", 90)):
                rows.append(
                    {
                        "month": date(2025, m, 1),
                        "skill": f"skill {s}",
                        "style": style,
                        "share": 10.0 + s + m,
                        "k": 4 + s,
                        "n": n + m,
                    }
                )
    return pl.DataFrame(rows)


def lines(n_skills: int):  # noqa: ANN201
    return monthly_lines(
        months_frame(n_skills),
        series="skill",
        style="style",
        styles=["new", "live"],
        value="share",
        k="k",
        n="n",
        title="t",
        y_title="%",
        series_title="skill",
        style_title="denominator",
    )


def test_month_labels_carry_the_year() -> None:
    texts = svg_texts(to_svg(lines(2)))
    months = [t for t in texts if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t)]
    assert months and all(t.endswith("2025") or t.endswith("2026") for t in months)
    assert not any(t in ("March", "July", "November") for t in texts)  # bare month names


def test_trend_chart_names_n_and_tooltips_hold_k_of_n() -> None:
    svg = to_svg(lines(2))
    assert any(t.startswith("n postings per month: new 41-52; live 91-102") for t in svg_texts(svg))
    assert re.search(r"<title>[^<]*k: 4; n: 41", svg)  # hover tooltip of a point


def test_at_most_max_lines_per_panel_then_small_multiples() -> None:
    few = lines(MAX_LINES // 2).to_dict()
    assert "facet" not in few
    many = lines(MAX_LINES // 2 + 1).to_dict()
    assert many["facet"]["field"] == "skill" and many["columns"] == 3


def test_solid_and_dashed_lines_have_distinct_legend_symbols() -> None:
    svg = to_svg(lines(2))
    legend = re.findall(r'role-legend-symbol".*?stroke-dasharray="([^"]+)"', svg)
    symbols = re.findall(
        r'<path transform="translate\([^)]*\)" d="M-?[\d.]+,0L[\d.]+,0" stroke="#[0-9a-f]+"[^>]*'
        r'stroke-dasharray="([^"]+)"',
        svg,
    )
    assert legend and {"1,0", "6,4"} <= set(symbols)  # drawn as stroked lines, not dots


def test_quarter_axis_has_one_tick_per_quarter() -> None:
    frame = pl.DataFrame(
        {
            "quarter_start": [date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1)],
            "role": ["ml-engineer"] * 3,
            "sim": [0.5, 0.6, 0.7],
            "n_role": [30, 31, 32],
        }
    )
    svg = to_svg(
        quarterly_lines(
            frame,
            quarter="quarter_start",
            value="sim",
            series="role",
            n="n_role",
            title="t",
            y_title="y",
        )
    )
    texts = svg_texts(svg)
    assert [t for t in texts if "Q" in t and re.search(r"\d{4}", t)] == [
        "2025 Q3",
        "2025 Q4",
        "2026 Q1",
    ]
    assert {"n=30", "n=31", "n=32"} <= set(texts)


def test_a_suppressed_quarter_is_drawn_as_its_note() -> None:
    frame = pl.DataFrame(
        {
            "quarter_start": [date(2025, 7, 1), date(2025, 10, 1)],
            "role": ["ml-engineer"] * 2,
            "sim": [0.5, None],
            "n_role": [30, 12],
        }
    )
    chart = quarterly_lines(
        frame,
        quarter="quarter_start",
        value="sim",
        series="role",
        n="n_role",
        title="t",
        y_title="y",
        y_domain=(0, 1),
        suppressed="n<20",
    )
    texts = svg_texts(to_svg(chart))
    assert "n&lt;20" in texts and "n=30" in texts and "n=12" not in texts
    assert "2025 Q4" in texts  # the quarter keeps its tick


def test_bars_carry_n_labels_and_negative_bars_keep_theirs_clear() -> None:
    frame = pl.DataFrame({"label": ["up", "down"], "pct": [5.0, -4.0], "k": [12, 9], "n": [40, 30]})
    svg = to_svg(hbars(frame, x="pct", y="label", n=("k", "n"), title="t", x_title="x"))
    assert {"n=12/40", "n=9/30"} <= set(svg_texts(svg))
    spec = hbars(frame, x="pct", y="label", n=("k", "n"), title="t", x_title="x").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["label_x"] for r in rows] == [5.0, 0.0]


def test_suppressed_salary_cells_are_drawn_as_n_below_5() -> None:
    frame = pl.DataFrame(
        {
            "role": ["ai-engineer", "ai-engineer"],
            "seniority_group": ["Senior", "Entry"],
            "n_postings": [40, 6],
            "n_salary": [22, 3],
            "is_suppressed": [False, True],
            "median_usd": [210_000, None],
            "median_ci_low_usd": [190_000, None],
            "median_ci_high_usd": [230_000, None],
            "ref_low_usd": [180_000, 110_000],
            "ref_high_usd": [260_000, 150_000],
        }
    )
    svg = to_svg(salary_intervals(frame, groups=["Entry", "Senior"], min_n=5, title="t"))
    texts = svg_texts(svg)
    assert "n=22" in texts and "n &lt; 5" in texts
    assert "ai-engineer · Entry" in texts  # the suppressed cell keeps its row


def test_freshness_chart_is_compact_and_labelled() -> None:
    boards = 60
    frame = pl.DataFrame(
        {
            "source": ["greenhouse"] * boards,
            "board": [f"board-with-a-rather-long-name-{i}" for i in range(boards)],
            "n_postings": [20 + i for i in range(boards)],
            "n_open": [10 + i for i in range(boards)],
            "last_status": ["ok"] * boards,
            "last_success_at": ["2026-12-01 06:00:00"] * boards,
        }
    )
    svg = to_svg(freshness_bars(frame))
    height = float(re.search(r'<svg[^>]*height="([\d.]+)"', svg).group(1))
    assert height < 14 * boards + 150  # one thin row per board
    texts = svg_texts(svg)
    assert "10 open / 20" in texts
    assert "greenhouse:board-with-a-rather-long-name-59" in texts  # full label, not cut
    assert not any(t.endswith("…") for t in texts)


def test_markdown_escapes_are_backslashes_not_html_entities() -> None:
    assert md_escape("R&D, C++ & Rust") == "R&D, C++ & Rust"
    assert md_escape("<script>x</script>") == "\\<script>x\\</script>"
    assert md_escape("a|b [l](u) *e* &amp;") == "a\\|b \\[l\\](u) \\*e\\* \\&amp;"
    assert "&lt;" not in md_escape("<b>") and "&amp;" not in md_escape("&")
