"""Golden cases for pay in the languages and number formats real boards use, read the same way as
a pay field and inside a description.

Written for these tests (Norwegian, Danish, Swedish, Spanish, Portuguese, French, German and
Taiwanese shapes: 'fra ... til', 'kr/mån', 'de ... a', 'entre ... et', '60.000,- bis', '4萬~5萬',
'經常性薪資達4萬元'); a stipend line is the other sense of a per-month amount."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.salary import extract_salary

CASES = [
    ("Lønn fra kr 550 000 til kr 650 000 per år", "Oslo, Norway", (550000, 650000, "NOK", "year")),
    ("Lønn: fra 550 000 til 650 000 kroner", "Oslo, Norway", (550000, 650000, "NOK", "year")),
    ("Løn: kr. 42.000-48.000 pr. måned", "Aarhus, Denmark", (42000, 48000, "DKK", "month")),
    ("Lön: 35 000–42 000 kr/mån", "Göteborg, Sweden", (35000, 42000, "SEK", "month")),
    ("Månadslön 38 000 kr", "Stockholm, Sweden", (38000, 38000, "SEK", "month")),
    ("Årslønn 720 000", "Oslo, Norway", (720000, 720000, "NOK", "year")),
    ("Timelønn: 220,50 kr", "Bergen, Norway", (220.5, 220.5, "NOK", "hour")),
    (
        "Salario: entre 30.000 y 36.000 € brutos anuales",
        "Madrid, Spain",
        (30000, 36000, "EUR", "year"),
    ),
    ("Sueldo: de 2.000 a 2.500 € al mes", "Sevilla, Spain", (2000, 2500, "EUR", "month")),
    ("Salário: R$ 6.500,00 a R$ 8.000,00 por mês", "Recife, Brazil", (6500, 8000, "BRL", "month")),
    ("Salário: 8 a 10 mil", "Remote, Brazil", (8000, 10000, "BRL", "month")),
    ("Rémunération : entre 50 et 60 k€ par an", "Paris, France", (50000, 60000, "EUR", "year")),
    ("Salaire : 3 500 € brut mensuel", "Lille, France", (3500, 3500, "EUR", "month")),
    ("Gehalt: von 55.000 bis 65.000 € brutto jährlich", "Berlin", (55000, 65000, "EUR", "year")),
    ("Gehalt: 4.500 - 5.200 EUR/Monat", "München", (4500, 5200, "EUR", "month")),
    ("Vergütung: 18,50 € pro Stunde", "Köln", (18.5, 18.5, "EUR", "hour")),
    ("月薪 4萬~5萬", "台北市", (40000, 50000, "TWD", "month")),
    ("年薪 120萬-150萬", "台北市", (1200000, 1500000, "TWD", "year")),
    ("時薪 190元", "台中市", (190, 190, "TWD", "hour")),
    ("NT$45,000~60,000", "台北市", (45000, 60000, "TWD", "month")),
    ("月薪42.5K~53K", "台北市", (42500, 53000, "TWD", "month")),
    ("薪資：月薪35,000元以上", "高雄市", (35000, None, "TWD", "month")),
    ("待遇面議（經常性薪資達4萬元）", "台北市", (40000, None, "TWD", "month")),
    ("Salary: 5.000-6.500 EUR brutto monthly", "Vienna, Austria", (5000, 6500, "EUR", "month")),
    ("Lønn: 600 000–700 000 NOK", "Remote", (600000, 700000, "NOK", "year")),
    ("Salary: 45 000 - 55 000 € per year", "Remote, Europe", (45000, 55000, "EUR", "year")),
    ("Gehalt: 60.000,- bis 70.000,- Euro p.a.", "Hamburg", (60000, 70000, "EUR", "year")),
    ("Stipend: 1.200 € / Monat", "Berlin", None),
]


@pytest.mark.parametrize("key", ["salary_text", "description_text"])
@pytest.mark.parametrize(("text", "location", "expected"), CASES)
def test_language_shapes(key: str, text: str, location: str, expected: Any) -> None:
    row = extract_salary({"title": "Dev", key: text, "location": location})
    got = None if row is None else (row["min"], row["max"], row["currency"], row["period"])
    assert got == expected
