"""Golden cases for pay decided by context: perks lists that open with the pay, later pay steps,
months judged on both ends, currency from the language, markup inside numbers.

Text written for these tests in the shapes real postings have; each rule has its other sense too.
"""

from __future__ import annotations

from typing import Any

from pipelines.salary import extract_salary


def pay(text: str, location: str = "", title: str = "Engineer") -> dict[str, Any] | None:
    return extract_salary({"title": title, "description_text": text, "location": location})


def band(row: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return None if row is None else (row["min"], row["max"], row["currency"], row["period"])


# -- benefit: a perks list may open with the pay; a perk amount stays a perk ------------------


def test_a_salary_shaped_line_under_benefits_is_the_pay() -> None:
    text = "**Benefits**\n\n  * £85-100k (or local equivalent)\n\n  * 30 days annual leave\n"
    assert band(pay(text, "")) == (85000, 100000, "GBP", "year")


def test_perk_amounts_under_benefits_stay_perks() -> None:
    text = (
        "## Benefits\n\n* $2,000 per year\n* €50 a month towards your gym\n"
        "* Up to $1,500 for your home office\n"
    )
    assert pay(text, "Remote, US") is None


# -- range: a later pay step is not part of the starting range ---------------------------------


def test_pay_after_n_months_is_a_later_step() -> None:
    text = "- Festes Gehalt: 40.000 € - 42.000 € brutto im Jahr, nach 6 Monaten 45.000 € brutto"
    row = pay(text, "Hamburg")
    assert band(row) == (40000, 42000, "EUR", "year")
    assert any(o["kind"] == "later" and o["min"] == 45000 for o in row["other_amounts"])


def test_two_levels_without_a_later_word_still_span() -> None:
    text = "Salary: Level 2 $120,000 per year, Level 3 $140,000 per year"
    row = pay(text, "Remote")
    assert (row["min"], row["max"]) == (120000, 140000)


# -- period: both ends of a range are weighed --------------------------------------------------


def test_a_range_whose_both_ends_are_months_pay_is_monthly() -> None:
    row = pay("Salary: SGD 5,500 - 14,000", "Singapore")
    assert band(row) == (5500, 14000, "SGD", "month") and row["period_inferred"] is True


def test_an_annual_range_stays_annual() -> None:
    row = pay("Salary: SGD 60,000 - 140,000", "Singapore")
    assert band(row) == (60000, 140000, "SGD", "year")


# -- currency: German pay words say euro only when nothing else does ---------------------------


def test_german_pay_words_say_euro_and_flag_it() -> None:
    row = pay("- Attraktives Gehaltspaket mit bis zu 70.000 Festgehalt + Bonus", "Bielefeld")
    assert band(row) == (None, 70000, "EUR", "year")
    assert "currency_from_language" in row["flags"]


def test_english_bare_numbers_get_no_currency_from_language() -> None:
    assert pay("- Attractive package of up to 70,000 plus bonus", "Springfield") is None


def test_a_written_currency_beats_a_bare_number_with_a_pay_word() -> None:
    text = (
        "Arbeitsort: Hauptstraße 3, 32052 Herford Gehaltsspanne: 16 – 21 €/h Aufgaben: Buchhaltung"
    )
    assert band(pay(text, "Herford")) == (16, 21, "EUR", "hour")


# -- language/markup: emphasis inside a number is markup -----------------------------------------


def test_bold_split_digits_read_as_one_number() -> None:
    text = "(Your salary starts from **42** **00€ per month** with stock options.)"
    assert band(pay(text, "Remote, Europe")) == (4200, None, "EUR", "month")


def test_separate_bold_figures_are_not_joined() -> None:
    text = "**Salary:** €4,200 per month, **25** days of holiday"
    assert band(pay(text, "Remote, Europe")) == (4200, 4200, "EUR", "month")


# -- range: sums written out, caps above a stated floor --------------------------------------------


def test_a_sum_written_out_gives_its_total() -> None:
    text = "店長起薪：36000元+主管津貼4000元=40000元"
    row = pay(text, "台北市, Taiwan", "店長")
    assert band(row) == (40000, 40000, "TWD", "month")
    assert [o["kind"] for o in row["other_amounts"]] == ["component", "component"]
    small = pay("Salary: 3000 + 500 = 3500 EUR per month", "Berlin")  # a part below 1,000 counts
    assert band(small) == (3500, 3500, "EUR", "month")


def test_figures_that_do_not_add_up_are_no_sum() -> None:
    text = "Salary: €3,000 + €500 bonus = great package, €3,200 per month from year two"
    row = pay(text, "Berlin")
    assert row is not None and row["min"] == 3000
    assert not any(o["kind"] == "component" for o in row["other_amounts"])


def test_a_cap_above_the_starting_pay_makes_a_range() -> None:
    text = "起薪 40000元\n表現優異者月薪可達52000元以上"
    assert band(pay(text, "台北市, Taiwan")) == (40000, 52000, "TWD", "month")
    english = "Starting salary: $90,000 per year.\nTop performers can earn up to $120,000 per year."
    assert band(pay(english, "Austin, TX")) == (90000, 120000, "USD", "year")


def test_a_cap_below_a_stated_floor_leaves_the_minimum_open() -> None:
    text = "Salary: up to $80,000 per year (junior)\nSalary: $100,000 - $120,000 per year (senior)"
    row = pay(text, "Remote")
    assert (row["min"], row["max"]) == (None, 120000)


# -- pay fields: months, open ends, years, totals, sentences -----------------------------------


def field(text: str, location: str = "") -> tuple[Any, ...] | None:
    return band(extract_salary({"salary_text": text, "location": location}))


def test_a_pay_field_in_months_pay_reads_monthly_unless_written_in_thousands() -> None:
    assert field("48 000 - 62 000 Kč", "Brno, Czech Republic") == (48000, 62000, "CZK", "month")
    assert field("$3K - $7K", "Remote, US") == (3000, 7000, "USD", "year")


def test_turkish_period_words() -> None:
    assert field("Maaş: ₺38.000 - ₺47.000 aylık", "Ankara") == (38000, 47000, "TRY", "month")


def test_a_dangling_range_sign_opens_the_top_and_a_word_after_it_does_not() -> None:
    assert field("NT$ 48,000 - (月薪)", "台北市") == (48000, None, "TWD", "month")
    assert field("$120k - Remote", "Austin, TX") == (120000, 120000, "USD", "year")


def test_a_trailing_spaced_plus_is_an_open_end_and_a_joined_part_is_not() -> None:
    assert field("$95,000 +", "Perth WA, Australia") == (95000, None, "AUD", "year")
    assert field("$95,000 + super", "Perth WA, Australia") == (95000, 95000, "AUD", "year")


def test_a_lone_year_is_no_pay_but_a_priced_figure_is() -> None:
    assert field("Subject to the Teachers Award 2021", "Hobart, Australia") is None
    assert field("$2021 per month", "Austin, TX") == (2021, 2021, "USD", "month")


def test_a_figure_with_its_own_period_is_pay() -> None:
    assert field("27.35 p/hr plus penalties", "Adelaide, Australia") == (
        27.35,
        27.35,
        "AUD",
        "hour",
    )


def test_total_package_is_not_the_salary_when_the_salary_is_given() -> None:
    text = "Total remuneration package up to $90,500. Includes salary ($72,300 - $78,100) and super"
    assert field(text, "Canberra, Australia") == (72300, 78100, "AUD", "year")
    alone = extract_salary({"salary_text": "Total package: $90,500", "location": "Canberra"})
    assert alone["max"] == 90500 and "total_comp" in alone["flags"]
