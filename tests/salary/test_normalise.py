"""FX, annualisation constants and guards: values are flagged, never dropped or fixed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipelines.salary import extract_salary
from pipelines.salary.fx import usd_rate
from pipelines.salary.normalise import annualisation_for, guard_flags

TABLE = Path(__file__).parents[2] / "pipelines" / "salary" / "data" / "fx_monthly.csv"


def test_fx_table_covers_three_years_of_twenty_currencies() -> None:
    rows = list(csv.DictReader(TABLE.open(encoding="utf-8")))
    months = {r["month"] for r in rows}
    currencies = {r["currency"] for r in rows}
    assert {"2023-11", "2026-11"} <= months and len(months) == 37
    assert len(currencies - {"USD"}) >= 20
    for cur in currencies:  # every currency present every month
        assert sum(r["currency"] == cur for r in rows) == 37


def test_fx_uses_posting_month_and_flags_clamping() -> None:
    rate, date, flags = usd_rate("EUR", "2024-06-20T10:00:00Z")
    assert date == "2024-06-01" and flags == [] and 1.0 < rate < 1.2
    _, date, flags = usd_rate("EUR", "2019-01-01T00:00:00Z")
    assert date == "2023-11-01" and flags == ["fx_date_clamped"]
    assert usd_rate("XXX", None) == (None, None, ["fx_missing"])


def test_annual_usd_uses_rate_and_stored_constants() -> None:
    row = extract_salary(
        {"salary_text": "£40/hr", "location": "London", "posted_at": "2025-02-03T00:00:00Z"}
    )
    assert row is not None
    consts = row["annualisation"]
    assert consts == annualisation_for("GB") and consts["hours_per_year"] == 1950
    assert row["annual_min_usd"] == pytest.approx(40 * 1950 * row["fx_rate"], rel=1e-6)
    assert row["fx_rate_date"] == "2025-02-01"


def test_country_constants_differ() -> None:
    assert annualisation_for("FR")["hours_per_year"] != annualisation_for("US")["hours_per_year"]
    assert annualisation_for(None)["months_per_year"] == 12


def test_guards_flag_but_keep_values() -> None:
    assert "min_gt_max" in guard_flags(200000, 150000, "USD", (200000, 150000))
    assert "absurd_ratio" in guard_flags(4, 7000, "USD", (48, 84000))
    assert "below_plausible_annual" in guard_flags(100, 200, "USD", (100, 200))
    assert "above_plausible_annual" in guard_flags(5e6, 6e6, "USD", (5e6, 6e6))
    assert guard_flags(120000, 150000, "USD", (120000, 150000)) == []
    # INR has a lower plausible floor than USD
    assert "below_plausible_annual" not in guard_flags(300000, 400000, "INR", (3600, 4800))


def test_suspicious_row_is_kept_raw() -> None:
    row = extract_salary({"salary_text": "$180k - $150k"})
    assert row is not None and (row["min"], row["max"]) == (180000, 150000)
    assert "min_gt_max" in row["flags"]
    odd = extract_salary({"salary_text": "$3 - $8K / monthly"})
    assert odd is not None and odd["min"] == 3 and "absurd_ratio" in odd["flags"]
