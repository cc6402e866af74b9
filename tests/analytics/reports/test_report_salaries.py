"""The view report_salaries gives SQL users the salary report's numbers: same seniority bands,
same excluded pay, same window of complete months."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from report_seed import make_db, posting

from analytics.reports import ReportContext, ReportParams
from analytics.reports.context import EXCLUDED_SALARY_FLAGS, data_calendar
from analytics.reports.salary_bands import salary_bands

#: crawls until 2026-09-14: September is partial, the last complete month is August
CRAWLS = [
    {"run_id": "r1", "source": "greenhouse", "board": "acme", "started_at": datetime(2026, 1, 5),
     "finished_at": datetime(2026, 1, 5, 1), "status": "ok"},
    {"run_id": "r2", "source": "greenhouse", "board": "acme", "started_at": datetime(2026, 9, 14),
     "finished_at": datetime(2026, 9, 14, 1), "status": "ok"},
]  # fmt: skip


def _salary(pid: str, amount: float, flags: list[str] | None = None, **extra) -> dict:
    return {"posting_id": pid, "annual_mid_usd": amount, "is_estimate": False,
            "flags": flags or [], "period": "year", **extra}  # fmt: skip


@pytest.fixture(scope="module")
def con():
    postings, salaries = [], []
    for m in range(1, 10):  # January .. September (partial)
        for i in range(6):
            pid = f"s{m}-{i}"
            country = "US" if i < 4 else "GB"
            postings.append(
                posting(pid, "ai-engineer", "senior" if i % 2 else "staff_plus",
                        date(2026, m, 3 + i), country_code=country)
            )  # fmt: skip
            salaries.append(_salary(pid, 150_000 + 10_000 * m + 1_000 * i))
        # pay the report leaves out: each excluded flag once, an estimate, hourly contract
        for j, flag in enumerate(EXCLUDED_SALARY_FLAGS):
            pid = f"x{m}-{j}"
            postings.append(posting(pid, "ai-engineer", "senior", date(2026, m, 10)))
            if flag == "contract_hourly":
                salaries.append(_salary(pid, 90_000, ["contract"], period="hour"))
            else:
                salaries.append(_salary(pid, 900_000, [flag]))
        postings.append(posting(f"est{m}", "ai-engineer", "senior", date(2026, m, 11)))
        salaries.append({**_salary(f"est{m}", 1_000_000), "is_estimate": True})
        # a contract salary stated per year stays; an intern is not Entry nor Senior
        postings.append(posting(f"ct{m}", "ai-engineer", "senior", date(2026, m, 12)))
        salaries.append(_salary(f"ct{m}", 210_000, ["contract"]))
        postings.append(posting(f"in{m}", "ai-engineer", "entry", date(2026, m, 12)))
        salaries.append(_salary(f"in{m}", 60_000, ["intern"]))
    # the same job on a second board, seen later: counted once
    postings.append(
        posting("dup", "ai-engineer", "senior", date(2026, 8, 20), dup_group_id="s8-1",
                board="other")
    )  # fmt: skip
    salaries.append(_salary("dup", 5_000_000))
    # a job first posted before the window and seen again inside it counts in its first month
    postings.append(posting("early", "ai-engineer", "senior", date(2026, 2, 27)))
    postings.append(
        posting("late", "ai-engineer", "senior", date(2026, 3, 2), dup_group_id="early",
                board="aggregator")
    )  # fmt: skip
    salaries += [_salary("early", 400_000), _salary("late", 400_000)]
    for p in postings:
        p.setdefault("dup_group_id", p["posting_id"])
    return make_db(postings, salaries=salaries, crawl_runs=CRAWLS)


def test_calendar_marks_the_partial_month(con) -> None:
    cal = data_calendar(con)
    assert cal["last_complete_month"] == date(2026, 8, 1)
    assert cal["partial_month"] == date(2026, 9, 1)


def test_sql_median_of_senior_ai_engineers_equals_the_report(con) -> None:
    report = salary_bands(
        ReportContext(con, ReportParams(roles=("ai-engineer",), countries=("US",), last_months=6))
    )
    senior = report.frame.filter(pl.col("seniority_group") == "Senior").row(0, named=True)
    median, n = con.sql(
        "select median(annual_mid_usd), count(*) from report_salaries "
        "where role = 'ai-engineer' and seniority_group = 'Senior' and country_code = 'US' "
        "and months_ago between 0 and 5"
    ).fetchall()[0]
    # March..August, 4 US postings + one per-year contract salary each month
    assert n == senior["n_salary"] == 6 * 5
    assert round(median) == senior["median_usd"]
    assert "the last 6 complete months" in report.filters
    assert report.filters.startswith("since 2026-03-01; until 2026-08-31")


def test_interns_and_excluded_pay(con) -> None:
    groups = dict(
        con.sql("select seniority_group, count(*) from report_salaries group by 1").fetchall()
    )
    # 4 US + 2 GB + the per-year contract a month, and the early job once
    assert groups == {"Senior": 9 * 7 + 1, "Intern": 9}
    frame = salary_bands(ReportContext(con, ReportParams(countries=("US",)))).frame
    intern = frame.filter(pl.col("seniority_group") == "Intern").row(0, named=True)
    assert intern["n_salary"] == 9 and intern["median_usd"] == 60_000
    assert "Entry" not in frame["seniority_group"].to_list()
    widened = ReportParams(countries=("US",), excluded_flags=())
    wide = salary_bands(ReportContext(con, widened)).frame
    senior = wide.filter(pl.col("seniority_group") == "Senior").row(0, named=True)
    assert senior["n_salary"] == 9 * (5 + len(EXCLUDED_SALARY_FLAGS)) + 1
