"""Golden cases for the issue's classes as English-language boards write them: perks and funding
(no pay), OTE beside base, bonus and equity beside base, currency by location, period words,
range shapes, and four other languages; an intern's stipend in both senses.

Written for these tests in the shapes of US/UK/Canadian/Australian postings."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.salary import extract_salary

CASES = [
    # benefit / perks (no pay)
    (
        "**What we offer**\n- $2,500 annual learning stipend\n- 16 weeks paid parental leave\n- $150/month wellness reimbursement",
        "Remote, US",
        None,
    ),
    (
        "We match 401(k) contributions up to 6% and offer a $1,000 home office setup budget.",
        "Austin, TX",
        None,
    ),
    ("Relocation assistance of up to $10,000 is available for this role.", "Seattle, WA", None),
    # funding / company
    (
        "Backed by $85M from top investors, we serve 12,000 customers across 40 countries.",
        "Remote",
        None,
    ),
    ("Our ARR grew to $30M in 2024.", "Remote", None),
    # OTE
    ("OTE: $160,000 - $180,000 (50/50 split)", "Denver, CO", (160000, 180000, "USD", "year")),
    (
        "Base salary $90,000 - $110,000; OTE $180,000 - $220,000.",
        "Chicago, IL",
        (90000, 110000, "USD", "year"),
    ),
    # bonus / equity next to base
    (
        "The base pay for this role is $140,000 per year, plus a $15,000 sign-on bonus and equity.",
        "Boston, MA",
        (140000, 140000, "USD", "year"),
    ),
    (
        "Compensation: $175K – $210K + 0.1% – 0.3% equity",
        "San Francisco, CA",
        (175000, 210000, "USD", "year"),
    ),
    # currency by location
    ("Salary: $95,000 - $115,000", "Toronto, ON, Canada", (95000, 115000, "CAD", "year")),
    ("Salary range: $120,000–$140,000 AUD", "Sydney, Australia", (120000, 140000, "AUD", "year")),
    ("Pay: £55,000 - £65,000 per annum", "Manchester, UK", (55000, 65000, "GBP", "year")),
    ("Salary: €70k–€85k", "Dublin, Ireland", (70000, 85000, "EUR", "year")),
    # period
    ("This is an hourly role paying $28.50 - $34.00.", "Phoenix, AZ", (28.5, 34, "USD", "hour")),
    ("Day rate: £550-£650 (outside IR35)", "London, UK", (550, 650, "GBP", "day")),
    ("Monthly stipend for this internship: $4,200", "Remote, US", (4200, 4200, "USD", "month")),
    ("Compensation: $8,500/mo", "Remote, US", (8500, 8500, "USD", "month")),
    # ranges
    (
        "The expected salary range is between $132,000 and $165,000 annually.",
        "New York, NY",
        (132000, 165000, "USD", "year"),
    ),
    ("Salary: up to $150k depending on experience", "Remote, US", (None, 150000, "USD", "year")),
    ("Starting at $72,000/year", "Columbus, OH", (72000, None, "USD", "year")),
    ("$110K-$125K/yr", "Remote, US", (110000, 125000, "USD", "year")),
    ("Pay Range: USD 61.00 - 79.00 per hour", "Remote, US", (61, 79, "USD", "hour")),
    (
        "California pay range: $150,000—$180,000 USD\nNew York pay range: $155,000—$185,000 USD",
        "San Diego, California",
        (150000, 180000, "USD", "year"),
    ),
    # language
    (
        "Rémunération : 55-65 k€ brut annuel selon profil",
        "Nantes, France",
        (55000, 65000, "EUR", "year"),
    ),
    ("Jahresgehalt: 72.000 - 85.000 € brutto", "Stuttgart", (72000, 85000, "EUR", "year")),
    (
        "Faixa salarial: R$ 9.000,00 - R$ 12.000,00 (CLT)",
        "Belo Horizonte, Brazil",
        (9000, 12000, "BRL", "month"),
    ),
    ("Salario bruto anual: 38.000€ - 45.000€", "Valencia, Spain", (38000, 45000, "EUR", "year")),
    ("Bruttolønn: 62 000 kr per måned", "Trondheim, Norway", (62000, 62000, "NOK", "month")),
]


@pytest.mark.parametrize(("text", "location", "expected"), CASES)
def test_class_shapes(text: str, location: str, expected: Any) -> None:
    row = extract_salary({"title": "Engineer", "description_text": text, "location": location})
    got = None if row is None else (row["min"], row["max"], row["currency"], row["period"])
    assert got == expected


def test_a_stipend_is_pay_only_for_the_intern_it_pays() -> None:
    row = extract_salary(
        {"title": "Data Intern", "description_text": "Stipend: $3,900 per month for the internship"}
    )
    assert (row["min"], row["period"]) == (3900, "month") and "intern" in row["flags"]
    for text in (
        "All interns get a $500 equipment stipend.",
        "Interns receive a learning stipend of $1,000 per year.",
        "Engineers get a $1,200 home office stipend.",
    ):
        assert extract_salary({"title": "Intern", "description_text": text}) is None
