"""Salary bands on hand-made numbers: exact medians, suppression, coverage, reference gap."""

from datetime import date

import polars as pl
import pytest
from report_seed import make_db, posting

from analytics.reports import ReportContext, ReportParams, build_reports
from analytics.reports.salary_bands import salary_bands

D = date(2026, 3, 2)


@pytest.fixture()
def salary_con():
    postings, salaries = [], []
    mids = [100_000, 110_000, 120_000, 130_000, 140_000]
    for i, amount in enumerate(mids):
        postings.append(posting(f"m{i}", "prompt-engineer", "mid", D))
        salaries.append(
            {"posting_id": f"m{i}", "annual_mid_usd": amount, "is_estimate": False, "flags": []}
        )
    postings += [
        posting("m-est", "prompt-engineer", "mid", D),
        posting("m-flag", "prompt-engineer", "mid", D),
        posting("m-none", "prompt-engineer", "mid", D),
    ]
    salaries += [
        {"posting_id": "m-est", "annual_mid_usd": 1_000_000, "is_estimate": True, "flags": []},
        {
            "posting_id": "m-flag",
            "annual_mid_usd": 5_000_000,
            "is_estimate": False,
            "flags": ["min_gt_max", "approximate"],
        },
    ]
    for i, amount in enumerate([90_000, 95_000, 99_000]):
        postings.append(posting(f"e{i}", "prompt-engineer", "intern" if i == 0 else "entry", D))
        salaries.append(
            {"posting_id": f"e{i}", "annual_mid_usd": amount, "is_estimate": False, "flags": []}
        )
    # an informational flag keeps the salary
    postings.append(posting("c0", "context-engineer", "mid", D))
    salaries.append(
        {
            "posting_id": "c0",
            "annual_mid_usd": 150_000,
            "is_estimate": False,
            "flags": ["approximate", "open_upper_plus"],
        }
    )
    return make_db(postings, salaries=salaries)


def _row(frame: pl.DataFrame, group: str) -> dict:
    rows = frame.filter(
        (pl.col("seniority_group") == group) & (pl.col("role") == "prompt-engineer")
    )
    return rows.row(0, named=True)


def test_bands_exact_numbers(salary_con) -> None:
    frame = salary_bands(ReportContext(salary_con)).frame
    mid = _row(frame, "Mid")
    assert (mid["n_postings"], mid["n_salary"]) == (8, 5)
    assert mid["coverage_pct"] == 62.5
    assert (mid["p25_usd"], mid["median_usd"], mid["p75_usd"]) == (110_000, 120_000, 130_000)
    assert mid["median_ci_low_usd"] <= 120_000 <= mid["median_ci_high_usd"]
    # reference Mid band 110K-150K: midpoint 130K -> -7.7%, inside the band
    assert (mid["ref_low_usd"], mid["ref_high_usd"]) == (110_000, 150_000)
    assert mid["diff_vs_ref_mid_pct"] == -7.7
    assert mid["vs_reference"] == "inside band"
    assert "Senior" not in frame["seniority_group"].to_list()
    ctx_row = frame.filter(pl.col("role") == "context-engineer").row(0, named=True)
    assert ctx_row["n_salary"] == 1 and ctx_row["is_suppressed"]


def test_small_cells_are_suppressed(salary_con, tmp_path) -> None:
    frame = salary_bands(ReportContext(salary_con)).frame
    entry = _row(frame, "Entry")
    assert entry["n_salary"] == 2 and entry["is_suppressed"]
    # interns form their own band, not Entry
    assert _row(frame, "Intern")["n_salary"] == 1
    groups = frame.filter(pl.col("role") == "prompt-engineer")["seniority_group"].to_list()
    assert groups == ["Intern", "Entry", "Mid", "All"]
    assert entry["median_usd"] is None and entry["median_ci_low_usd"] is None
    assert entry["vs_reference"] == "n<5"
    build_reports(salary_con, tmp_path, names=["salary_bands"], formats=("md", "html"))
    md = (tmp_path / "salary_bands.md").read_text()
    entry_line = next(line for line in md.splitlines() if "| Entry |" in line)
    assert entry_line.count("n<5") >= 5  # "<" before a digit starts no tag: left as is
    assert "n&lt;5" in (tmp_path / "salary_bands.html").read_text()


def test_all_row_and_estimates_switch(salary_con) -> None:
    frame = salary_bands(ReportContext(salary_con)).frame
    everything = _row(frame, "All")
    assert (everything["n_postings"], everything["n_salary"]) == (11, 8)
    with_est = salary_bands(ReportContext(salary_con, ReportParams(include_estimates=True)))
    assert _row(with_est.frame, "Mid")["n_salary"] == 6


def test_bootstrap_is_deterministic(salary_con) -> None:
    a = salary_bands(ReportContext(salary_con)).frame
    b = salary_bands(ReportContext(salary_con)).frame
    assert a.equals(b)


def test_salary_bands_default_to_the_us_market_of_the_reference() -> None:
    """Annualised USD from several markets is not compared with a US reference table."""
    from datetime import date

    from report_seed import make_db, posting

    from analytics.reports.context import ReportContext, ReportParams
    from analytics.reports.salary_bands import salary_bands

    postings, salaries = [], []
    for i in range(12):
        for country, pay in (("US", 200_000), ("GB", 100_000)):
            pid = f"{country}-{i}"
            postings.append(
                posting(pid, "ai-engineer", "senior", date(2026, 5, 1), country_code=country)
            )
            salaries.append(
                {"posting_id": pid, "annual_mid_usd": pay, "is_estimate": False, "flags": []}
            )
    con = make_db(postings, [], salaries)
    us = salary_bands(ReportContext(con, ReportParams())).frame
    every = salary_bands(ReportContext(con, ReportParams(salary_countries=()))).frame
    cell = {"role": "ai-engineer", "seniority_group": "Senior"}
    pick = lambda f: f.filter(*(f[k] == v for k, v in cell.items())).row(0, named=True)  # noqa: E731
    assert pick(us)["median_usd"] == 200_000 and pick(us)["n_salary"] == 12
    assert pick(every)["n_salary"] == 24
