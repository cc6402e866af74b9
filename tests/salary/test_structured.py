"""Structured pay fields of each source, read from fixtures written in the sources' real shapes."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.salary import extract_salary

FIX = Path(__file__).parent / "fixtures"


def load(name: str) -> Any:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def posting(source: str, salary_raw: Any = None, **kw: Any) -> dict[str, Any]:
    return {
        "source": source,
        "salary_raw": salary_raw,
        "salary_text": None,
        "description_html": None,
        "description_text": None,
        "locations": [],
        "posted_at": "2025-06-10T12:00:00Z",
        **kw,
    }


def core(row: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return row and (row["min"], row["max"], row["currency"], row["period"])


def test_greenhouse_pay_input_ranges_cents_and_zones() -> None:
    row = extract_salary(posting("greenhouse", load("greenhouse_pay_input_ranges.json")))
    assert core(row) == (142500, 188000, "USD", "year")
    assert row is not None and row["source"] == "structured" and row["period_inferred"]
    assert [(o["min"], o["max"]) for o in row["other_amounts"]] == [(128000, 169000)]
    assert row["other_amounts"][0]["kind"] == "Remote (US) Salary Range"


def test_greenhouse_pay_range_html_in_escaped_content() -> None:
    job = load("greenhouse_content_job.json")
    rec = posting(
        "greenhouse", description_html=job["content"], locations=[job["location"]["name"]]
    )
    row = extract_salary(rec)
    assert core(row) == (131000, 164000, "CAD", "year")
    assert row is not None and row["source"] == "text" and not row["period_inferred"]
    assert row["other_amounts"][0]["currency"] == "USD" and row["other_amounts"][0]["max"] == 181000
    # unescaped HTML reads the same
    assert core(
        extract_salary(posting("greenhouse", description_html=html.unescape(job["content"])))
    ) == (131000, 164000, "CAD", "year")


@pytest.mark.parametrize(
    ("idx", "expected"),
    [
        (0, (152000, 204000, "USD", "year")),
        (1, (5200, 6100, "GBP", "month")),
        (2, (38, 52, "USD", "hour")),
        (3, (450, 600, "EUR", "day")),
        (4, (2100, 2600, "USD", "week")),
        (5, (2000, 2500, "USD", "week")),
    ],
)
def test_lever_salary_range_every_interval(idx: int, expected: tuple[Any, ...]) -> None:
    row = extract_salary(posting("lever", load("lever_salary_range.json")[idx]))
    assert core(row) == expected
    assert row is not None and not row["period_inferred"]
    if idx == 5:
        assert "converted_from_biweekly" in row["flags"]


def test_lever_zero_placeholder_falls_back_to_text() -> None:
    rec = posting(
        "lever",
        {"currency": "USD", "interval": "per-year-salary", "min": 0, "max": 0},
        salary_text="$120k - $140k",
    )
    row = extract_salary(rec)
    assert core(row) == (120000, 140000, "USD", "year") and row and row["source"] == "text"


def test_ashby_salary_component_first_tier_rest_kept() -> None:
    row = extract_salary(posting("ashby", load("ashby_compensation.json")))
    assert core(row) == (92000, 118000, "EUR", "year")
    kinds = [o["kind"] for o in row["other_amounts"]] if row else []
    assert "Zone 2" in kinds and "equitypercentage" in kinds


def test_ashby_summary_components_and_summary_text() -> None:
    comp = load("ashby_compensation.json")
    only_summary = {"summaryComponents": comp["summaryComponents"]}
    assert core(extract_salary(posting("ashby", only_summary))) == (80000, 118000, "EUR", "year")
    text_only = {"scrapeableCompensationSalarySummary": "$81K - $87K", "summaryComponents": []}
    row = extract_salary(posting("ashby", text_only))
    assert core(row) == (81000, 87000, "USD", "year") and row and row["source"] == "structured"


@pytest.mark.parametrize(
    ("idx", "expected"),
    [
        (0, (48000, 62000, "EUR", "year")),
        (1, (65, 65, "USD", "hour")),
        (2, (4200, 4200, "GBP", "month")),
    ],
)
def test_jsonld_base_salary(idx: int, expected: tuple[Any, ...]) -> None:
    assert core(extract_salary(posting("jsonld", load("jsonld_base_salary.json")[idx]))) == expected


def test_recruitee_salary_strings_and_nulls() -> None:
    shapes = load("recruitee_salary.json")
    assert core(extract_salary(posting("recruitee", shapes[0]))) == (58000, 72000, "EUR", "year")
    assert core(extract_salary(posting("recruitee", shapes[1]))) == (4100, 4900, "EUR", "month")
    assert extract_salary(posting("recruitee", shapes[2])) is None


def test_remoteok_zero_means_none() -> None:
    row = extract_salary(posting("remoteok", {"salary_min": 90000, "salary_max": 130000}))
    assert core(row) == (90000, 130000, "USD", "year")
    assert extract_salary(posting("remoteok", {"salary_min": 0, "salary_max": 0})) is None
