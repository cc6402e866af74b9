"""Golden cases for pay read from descriptions: typed amounts, ranges, languages, context.

Text written for these tests in the shapes real postings have (Markdown as scrapers save it,
benefits blocks, pay-transparency paragraphs, several languages)."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.salary import extract_salary


def pay(text: str, location: str = "", title: str = "Engineer") -> dict[str, Any] | None:
    return extract_salary({"title": title, "description_text": text, "location": location})


def band(row: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return None if row is None else (row["min"], row["max"], row["currency"], row["period"])


# -- benefits, funding, bonus, equity: never the salary; both senses of the ambiguous words ----


def test_benefit_amounts_alone_give_no_salary() -> None:
    text = (
        "## Perks\n\n* $1,500 yearly learning budget\n* Home office stipend of $500\n"
        "* 401(k) match up to 4%\n* €50 monthly wellness budget\n"
    )
    assert pay(text, "Remote, US") is None


def test_learning_budget_and_base_in_one_posting() -> None:
    text = "The base salary is $150,000 per year. You also get a $5,000 learning budget."
    row = pay(text, "New York, NY")
    assert band(row) == (150000, 150000, "USD", "year")
    kinds = {o["kind"] for o in row["other_amounts"]}
    assert "benefit" in kinds


def test_funding_and_headcount_are_not_pay() -> None:
    text = "We raised $120M in our Series C and serve 4,000 customers. Team of 300 people."
    assert pay(text, "Remote, US") is None


def test_signing_bonus_is_kept_apart_from_base() -> None:
    text = "1. Salary: $135k+ based on experience\n2. $20,000 signing bonus"
    row = pay(text, "Remote, US")
    assert band(row) == (135000, None, "USD", "year")
    assert any(o["kind"] == "bonus" and o["min"] == 20000 for o in row["other_amounts"])


def test_equity_joined_after_the_range_does_not_type_it() -> None:
    row = pay("Acme | Backend Engineer | Remote | $170-225K + equity | Full-time")
    assert band(row) == (170000, 225000, "USD", "year")


def test_ote_only_when_nothing_else_and_flagged() -> None:
    row = pay("The salary range for this role is $194,000-$278,000 OTE.", "Remote (United States)")
    assert band(row) == (194000, 278000, "USD", "year") and "ote" in row["flags"]
    both = pay("Base: $120,000 - $140,000. On-target earnings: $200,000.", "Austin, TX")
    assert band(both) == (120000, 140000, "USD", "year") and "ote" not in both["flags"]


def test_insurance_coverage_per_annum_is_a_benefit() -> None:
    text = "* Group Medical Insurance - Coverage of INR 7,50,000 per annum for a family"
    assert pay(text, "Bengaluru, India") is None


# -- ranges people write ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay range: between $127,400 and $182,000.", (127400, 182000, "USD", "year")),
        ("Salary: $145k to $155k", (145000, 155000, "USD", "year")),
        ("Salary: $90-$110k", (90000, 110000, "USD", "year")),
        ("Salary: $85k _$95k", (85000, 95000, "USD", "year")),
        ("Base pay: $168,200 usd - $224,900 usd", (168200, 224900, "USD", "year")),
        (r"The pay range is \$48\.26 \- \$82\.69 per hour.", (48.26, 82.69, "USD", "hour")),
        ("Hourly rate: up to USD $30.00 per hour", (None, 30, "USD", "hour")),
        ("Salary: $130 to $160K", (130000, 160000, "USD", "year")),
        ("Salary: $140 - $160000 per annum", (140000, 160000, "USD", "year")),
        ("Salary: USD 3.5K-4.9K per month", (3500, 4900, "USD", "month")),
        ("Salary from $120,000 per year", (120000, None, "USD", "year")),
    ],
)
def test_range_shapes(text: str, expected: tuple[Any, ...]) -> None:
    assert band(pay(text, "Remote, US")) == expected


def test_the_postings_location_range_is_chosen_and_others_kept() -> None:
    text = "Compensation ranges:\n* Seattle: $150,000 - $180,000\n* Austin: $130,000 - $160,000\n"
    row = pay(text, "Austin, TX")
    assert band(row) == (130000, 160000, "USD", "year")
    assert any(o["min"] == 150000 for o in row["other_amounts"])


def test_ranges_for_no_stated_location_span_and_say_so() -> None:
    text = (
        "Salary by zone:\nZone A: USD $135,200 - USD $169,000\nZone B: USD $121,700 - USD $152,100"
    )
    row = pay(text, "Remote")
    assert band(row) == (121700, 169000, "USD", "year") and "span_of_ranges" in row["flags"]


# -- languages and number formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "location", "expected"),
    [
        ("Gehalt zwischen 3.800 und 4.200 Euro brutto/Monat", "Berlin", (3800, 4200, "EUR", "month")),
        ("Jahresgehalt bis zu 65.000 € brutto im Jahr", "Köln", (None, 65000, "EUR", "year")),
        ("Gehalt ab 2.800 € brutto pro Monat", "Essen", (2800, None, "EUR", "month")),
        ("Stundenlohn: 16,50 € brutto pro Stunde", "Hamburg", (16.5, 16.5, "EUR", "hour")),
        ("Rémunération : entre 45 000 et 52 000 € brut annuel", "Lyon, France",
         (45000, 52000, "EUR", "year")),
        ("Salaire : 3 200 € brut par mois", "Paris, France", (3200, 3200, "EUR", "month")),
        ("Faixa salarial: R$ 7.000 a 12.000/mês", "São Paulo, Brazil", (7000, 12000, "BRL", "month")),
        ("Salário: R$ 8 mil a R$ 11 mil por mês", "Remote, Brazil", (8000, 11000, "BRL", "month")),
        ("Salario: 30.000 - 36.000 EUR brutos al año", "Madrid, Spain", (30000, 36000, "EUR", "year")),
        ("Lønn: 600 000 - 750 000 kr per år", "Oslo, Norway", (600000, 750000, "NOK", "year")),
        ("Salaris: 4.000 - 5.000 euro per maand", "Amsterdam", (4000, 5000, "EUR", "month")),
        ("Mzda: 60-80 000 Kč měsíčně", "Praha, Czech Republic", (60000, 80000, "CZK", "month")),
        ("Gehalt: 9046,80 EUR brutto pro Monat", "Berlin", (9046.8, 9046.8, "EUR", "month")),
        ("Gehalt: 65.000 EUR brutto im Jahr", "Berlin", (65000, 65000, "EUR", "year")),
        ("Salaire : 45-55 k EUR brut annuel", "Paris, France", (45000, 55000, "EUR", "year")),
    ],
)  # fmt: skip
def test_languages(text: str, location: str, expected: tuple[Any, ...]) -> None:
    assert band(pay(text, location)) == expected


# -- currency and period from context -----------------------------------------------------------


def test_bare_dollar_follows_the_posting_location() -> None:
    assert pay("Salary: $120,000 - $140,000", "Toronto, Canada")["currency"] == "CAD"
    assert pay("Salary: $120,000 - $140,000", "Vancouver, WA")["currency"] == "USD"


def test_period_elsewhere_in_the_sentence_wins_over_a_guess() -> None:
    row = pay("Monthly gross salary, depending on level: $4,000 - $6,000.", "Remote")
    assert row["period"] == "month" and row["period_inferred"] is False


def test_guessed_period_is_marked() -> None:
    row = pay("## Salary Expectation\n\n* $2000 - $3000\n", "Ho Chi Minh City, Vietnam")
    assert band(row) == (2000, 3000, "USD", "month") and row["period_inferred"] is True


# -- part-time, contract, intern ----------------------------------------------------------------


def test_contract_and_intern_pay_is_flagged() -> None:
    row = pay("Hourly rate: $45/hr on a contract basis.", "Remote, US", "Data Engineer - Contract")
    assert row["period"] == "hour" and "contract" in row["flags"]
    intern = pay("Salary: $25 per hour", "Boston, MA", "Software Engineering Intern")
    assert "intern" in intern["flags"]
    full = pay("Salary: $150,000 per year", "Boston, MA", "Senior Engineer")
    assert not {"intern", "contract", "part_time"} & set(full["flags"])


def test_chinese_and_japanese_pay_words_and_units() -> None:
    assert band(pay("月薪 NT$ 40,000 - 60,000 元", "Taipei, Taiwan")) == (
        40000,
        60000,
        "TWD",
        "month",
    )
    assert band(pay("年薪 80万-120万元", "Shanghai, China")) == (800000, 1200000, "CNY", "year")


def test_kr_follows_the_nordic_location() -> None:
    assert pay("Lön: 45 000 kr per månad", "Stockholm, Sweden")["currency"] == "SEK"
    assert pay("Løn: 45.000 kr. om måneden", "Copenhagen, Denmark")["currency"] == "DKK"


def test_a_bare_kr_with_no_place_or_language_is_flagged_ambiguous() -> None:
    """Nothing says which crown: read as SEK, and the guess is visible in the flags."""
    row = pay("Salary: 45 000 - 55 000 kr per month", "Remote")
    assert row is not None and row["currency"] == "SEK"
    assert "currency_symbol_ambiguous" in row["flags"]
    resolved = pay("Lønn: 45 000 - 55 000 kr per måned", "Remote")  # Norwegian pay word
    assert resolved is not None and "currency_symbol_ambiguous" not in resolved["flags"]
    placed = pay("Lön: 45 000 kr per månad", "Stockholm, Sweden")
    assert placed is not None and "currency_symbol_ambiguous" not in placed["flags"]


def test_twd_has_no_ecb_rate_and_says_so() -> None:
    row = pay("月薪 NT$ 40,000 - 60,000", "Taipei, Taiwan")
    assert row["annual_min_usd"] is None and "fx_missing" in row["flags"]


def test_cjk_ranges_open_ends_and_places() -> None:
    row = extract_salary({"salary_text": "月薪40,000至60,000元", "location": "台北市"})
    assert band(row) == (40000, 60000, "TWD", "month")
    more = extract_salary({"salary_text": "經常性薪資達4萬元或以上", "location": "台北市"})
    assert band(more) == (40000, None, "TWD", "month")


@pytest.mark.parametrize(
    ("text", "location", "expected"),
    [
        ("Lønn: kr 55 000 pr. mnd", "Bergen, Norway", (55000, 55000, "NOK", "month")),
        ("Salary: RM 8,000 per month", "Kuala Lumpur, Malaysia", (8000, 8000, "MYR", "month")),
        ("Lương: 15 - 25 triệu", "Hanoi, Vietnam", (15e6, 25e6, "VND", "month")),
        ("Salário: R$ 5.000,00 mensais", "São Paulo, Brazil", (5000, 5000, "BRL", "month")),
    ],
)
def test_more_markets(text: str, location: str, expected: tuple[Any, ...]) -> None:
    assert band(pay(text, location)) == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [("New York, NY", (130000, 150000)), ("Denver, Colorado", (110000, 130000))],
)
def test_location_ranges_in_one_sentence(location: str, expected: tuple[int, int]) -> None:
    text = (
        "The hiring range for this position in New York City is $130,000 - $150,000; "
        "in Colorado it is $110,000 - $130,000."
    )
    row = pay(text, location)
    assert (row["min"], row["max"]) == expected and "span_of_ranges" not in row["flags"]


def test_pay_in_the_title_only_when_marked_as_money() -> None:
    row = pay("We build developer tools.", "Berlin", "Backend Engineer (80-100k €)")
    assert band(row) == (80000, 100000, "EUR", "year") and "from_title" in row["flags"]
    assert pay("We build developer tools.", "Berlin", "Engineer, 401k match") is None
    assert pay("We build developer tools.", "Berlin", "Web3 Developer 2025") is None


def test_401k_in_a_benefits_list_is_not_pay() -> None:
    assert pay("Benefits: health, dental, 401k with 4% match", "Austin, TX") is None


def test_location_named_on_the_line_above_a_range() -> None:
    text = (
        "Pay ranges:\n\n**San Francisco Bay Area**\n\n$180,000 - $220,000\n\n"
        "**Other US locations**\n\n$150,000 - $190,000\n"
    )
    assert band(pay(text, "San Francisco, CA")) == (180000, 220000, "USD", "year")
    assert band(pay(text, "Remote")) == (150000, 220000, "USD", "year")
