"""extract_salary: priority of sources, provenance, result shape, pay found in descriptions."""

from __future__ import annotations

from pipelines.salary import extract_salary

KEYS = {
    "min",
    "max",
    "currency",
    "period",
    "period_inferred",
    "annual_min_usd",
    "annual_max_usd",
    "source",
    "raw",
    "fx_rate",
    "fx_rate_date",
    "annualisation",
    "flags",
    "other_amounts",
}


def test_result_has_exactly_the_contract_keys() -> None:
    row = extract_salary({"salary_text": "$120k - $150k", "posted_at": "2025-01-15T00:00:00Z"})
    assert row is not None and set(row) == KEYS


def test_structured_beats_text_beats_description() -> None:
    rec = {
        "source": "lever",
        "salary_raw": {
            "currency": "USD",
            "interval": "per-year-salary",
            "min": 100000,
            "max": 120000,
        },
        "salary_text": "$90k - $95k",
        "description_text": "Salary: $50k - $60k",
    }
    assert extract_salary(rec)["min"] == 100000  # type: ignore[index]
    rec["salary_raw"] = None
    assert extract_salary(rec)["min"] == 90000  # type: ignore[index]
    rec["salary_text"] = None
    row = extract_salary(rec)
    assert row is not None and row["min"] == 50000 and row["source"] == "text"


def test_extract_cli_line_without_source() -> None:
    line = {
        "id": "x-1",
        "title": "ML Engineer",
        "company": "Acme",
        "location": "London, UK",
        "description_html": None,
        "description_text": None,
        "salary_text": "60k-75k",
        "posted_at": "2024-05-02T00:00:00Z",
    }
    row = extract_salary(line)
    assert row is not None and row["currency"] == "GBP"
    assert row["annualisation"]["country"] == "GB"
    assert "currency_from_location" in row["flags"]


def test_estimate_provenance_and_raw_snippet() -> None:
    row = extract_salary({"salary_text": "$101K-$155K (Glassdoor est.)"})
    assert row is not None and row["source"] == "estimate"
    assert row["raw"] == "$101K-$155K (Glassdoor est.)"


def test_hn_header_field_and_no_false_company_figures() -> None:
    html = (
        "Acme Robotics | Senior ML Engineer | NYC | $185-230K + equity<p>We are building a "
        "$300B+ market leader and raised $40M.<p>Apply at acme.example"
    )
    row = extract_salary({"description_html": html})
    assert row is not None and (row["min"], row["max"], row["currency"]) == (185000, 230000, "USD")
    quiet = (
        "Acme | Engineer | Remote<p>We raised $25M from investors and serve 10,000 customers."
        "<p>Every employee gets a $1,000 learning budget."
    )
    assert extract_salary({"description_html": quiet}) is None


def test_salary_sentence_in_plain_text() -> None:
    text = "About the team.\nThe base salary for this position is €68,000 - €82,000 per year.\n"
    row = extract_salary({"description_text": text})
    assert row is not None and (row["min"], row["max"], row["currency"], row["period"]) == (
        68000,
        82000,
        "EUR",
        "year",
    )


def test_nothing_to_read_returns_none() -> None:
    assert extract_salary({}) is None
    assert extract_salary({"salary_text": "Competitive + equity"}) is None


def test_location_hint_only_when_one_currency_fits() -> None:
    ca = extract_salary({"salary_text": "$150k - $180k", "locations": ["Toronto, Canada"]})
    assert ca is not None and ca["currency"] == "CAD"
    mixed = extract_salary({"salary_text": "$150k - $180k", "locations": ["Remote - US & Canada"]})
    assert mixed is not None and mixed["currency"] == "USD"


def test_bare_range_in_description_takes_the_currency_of_a_us_city() -> None:
    """'180k-200k' with no symbol, posted in Boston, MA: USD from the location, flagged as such."""
    from pipelines.salary import extract_salary

    out = extract_salary(
        {
            "description_html": "<p>The base salary range for this role is 180k-200k, plus benefits.</p>",
            "locations": ["Boston, MA"],
        }
    )
    assert out is not None
    assert (out["min"], out["max"], out["currency"], out["period"]) == (
        180000,
        200000,
        "USD",
        "year",
    )
    assert "currency_from_location" in out["flags"]
    assert (
        extract_salary({"description_html": "<p>The base salary range is 180k-200k.</p>"}) is None
    )
