"""The bench's baseline comparison: moves past the machine's noise are flagged, smaller ones hinted."""

from __future__ import annotations

from bench.results import Row, compare, render


def _rows() -> list[Row]:
    return [
        Row("load.rows_s", "load", 70.0, "rows/s"),
        Row("crawl.pages_s", "crawl", 85.0, "pages/s"),
        Row("extract.docs_s", "extract", 97.0, "docs/s"),
        Row("mart.s", "mart latency", 1.3, "s", higher_is_better=False),
        Row("new.row", "not in the baseline", 5.0, "x"),
    ]


def test_moves_against_the_baseline_are_flagged_by_size_and_direction():
    baseline = {
        "rows": [
            {"key": "load.rows_s", "value": 100.0},
            {"key": "crawl.pages_s", "value": 100.0},
            {"key": "extract.docs_s", "value": 100.0},
            {"key": "mart.s", "value": 1.0},
        ]
    }
    rows = _rows()
    compare(rows, baseline)
    table = {line.split()[0]: line for line in render(rows, "t").splitlines()[4:-1]}
    assert "-30.0% REGRESSION" in table["load"]
    assert "-15.0% slower?" in table["crawl"]
    assert table["extract"].endswith("-3.0%")
    assert "+30.0% REGRESSION" in table["mart"]  # latency up is worse
    assert rows[-1].delta_pct is None


def test_without_a_baseline_nothing_is_compared():
    rows = _rows()
    compare(rows, None)
    assert all(r.delta_pct is None for r in rows)
    assert "REGRESSION" not in render(rows, "t")
