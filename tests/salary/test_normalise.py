"""FX, annualisation constants and guards: values are flagged, never dropped or fixed."""

from __future__ import annotations

import pytest

from pipelines.salary import extract_salary
from pipelines.salary.fx import usd_rate
from pipelines.salary.normalise import annualisation_for, guard_flags


def test_fx_uses_the_last_ecb_rate_on_or_before_the_posting_day() -> None:
    rate, date, flags = usd_rate("EUR", "2024-06-20T10:00:00Z")
    assert date == "2024-06-20" and flags == [] and 1.0 < rate < 1.2
    _, date, _ = usd_rate("EUR", "2024-06-22T10:00:00Z")  # a Saturday: Friday's publication
    assert date == "2024-06-21"
    _, date, flags = usd_rate("EUR", "1990-01-01")
    assert date == "1999-01-04" and flags == ["fx_before_first_rate"]


def test_fx_never_projects_past_the_shipped_history() -> None:
    rate, date, flags = usd_rate("GBP", "2099-01-01")
    assert flags == ["fx_after_last_rate"] and rate is not None
    assert date is not None and date < "2099-01-01"
    assert usd_rate("GBP", None)[1] == date and usd_rate("GBP", None)[2] == ["fx_date_assumed"]


def test_fx_missing_currency_is_said_not_guessed() -> None:
    assert usd_rate("XXX", None) == (None, None, ["fx_missing"])
    row = extract_salary({"salary_text": "TWD 60,000 per month", "posted_at": "2025-03-01"})
    assert row is not None and row["currency"] == "TWD"
    assert row["annual_min_usd"] is None and "fx_missing" in row["flags"]
    assert usd_rate("USD", "2025-03-01")[:2] == (1.0, None)


def test_annual_usd_uses_rate_and_stored_constants() -> None:
    row = extract_salary(
        {"salary_text": "£40/hr", "location": "London", "posted_at": "2025-02-03T00:00:00Z"}
    )
    assert row is not None
    consts = row["annualisation"]
    assert consts == annualisation_for("GB") and consts["hours_per_year"] == 1950
    assert row["annual_min_usd"] == pytest.approx(40 * 1950 * row["fx_rate"], rel=1e-6)
    assert row["fx_rate_date"] == "2025-02-03"


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
