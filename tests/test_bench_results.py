"""The bench's baseline comparison: moves past the machine's noise are flagged, smaller ones hinted."""

from __future__ import annotations

from bench.results import CALIBRATION_KEY, Row, comparable_sizes, compare, render


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
    assert table["not"].split()[-1] == "new"  # a row the baseline lacks says so


def test_without_a_baseline_nothing_is_compared():
    rows = _rows()
    compare(rows, None)
    assert all(r.delta_pct is None for r in rows)
    assert "REGRESSION" not in render(rows, "t")


def test_a_baseline_from_a_faster_machine_is_scaled_by_the_calibration_rows():
    """Same code on a machine a third as fast: rates a third, durations three times, ratios and
    memory as they were; none of it may read as a regression."""
    baseline = {
        "rows": [
            {"key": CALIBRATION_KEY, "value": 30.0},
            {"key": "extract.docs_s", "value": 900.0},
            {"key": "mart.s", "value": 0.5},
            {"key": "ratio", "value": 1.2},
            {"key": "rss", "value": 400.0},
        ]
    }
    rows = [
        Row(CALIBRATION_KEY, "calibration", 10.0, "M/s"),
        Row("extract.docs_s", "extract", 300.0, "docs/s"),
        Row("mart.s", "mart", 1.5, "s", higher_is_better=False),
        Row("ratio", "ratio", 1.2, "x"),
        Row("rss", "memory", 400.0, "MiB", higher_is_better=False),
    ]
    factor = compare(rows, baseline)
    assert factor is not None and abs(factor - 1 / 3) < 1e-9
    deltas = {r.key: r.delta_pct for r in rows}
    assert deltas[CALIBRATION_KEY] is None and rows[0].baseline_note == "machine x0.33"
    for key in ("extract.docs_s", "mart.s", "ratio", "rss"):
        assert abs(deltas[key] or 0.0) < 1e-9, key
    assert "REGRESSION" not in render(rows, "t")


def test_without_calibration_rows_speeds_are_compared_as_they_are():
    rows = [Row("extract.docs_s", "extract", 50.0, "docs/s")]
    assert compare(rows, {"rows": [{"key": "extract.docs_s", "value": 100.0}]}) is None
    assert rows[0].delta_pct == -50.0


def test_only_sizes_both_runs_set_differently_make_runs_incomparable():
    now = {"corpus": 20000, "queries": 1_000_000, "real_n": 3000}
    assert comparable_sizes(now, {"corpus": 20000, "queries": 1_000_000}) == []
    assert comparable_sizes(now, {"corpus": 5000, "queries": 1_000_000}) == ["corpus"]
