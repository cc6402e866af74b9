"""Golden cases for Nordic and Chinese-script pay: period words, crowns, wage words, CJK numbers.

Text written for these tests in the shapes Norwegian, Danish, Swedish and Taiwanese boards use
(prose pay sentences, 'kr timen', '月薪 45,000元起', '時薪196～220', '1萬5，600元')."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.salary import extract_salary


def pay(text: str, location: str = "", title: str = "Utvikler") -> dict[str, Any] | None:
    return extract_salary({"title": title, "description_text": text, "location": location})


def band(row: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return None if row is None else (row["min"], row["max"], row["currency"], row["period"])


# -- Nordic period words and crowns ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "location", "expected"),
    [
        ("Lønna er grei: du får 245,50 kr timen.", "Trondheim, Norway", (245.5, 245.5, "NOK", "hour")),
        ("Du får 230.40 kr for hver time du jobber.", "Oslo, Norway", (230.4, 230.4, "NOK", "hour")),
        ("Løn: 180 kr. i timen", "Copenhagen, Denmark", (180, 180, "DKK", "hour")),
        ("Lön: 160 kr i timmen", "Stockholm, Sweden", (160, 160, "SEK", "hour")),
        ("Timelønn 212 kr", "Bergen, Norway", (212, 212, "NOK", "hour")),
        ("Kr 45 000 pr. måned", "Bergen, Norway", (45000, 45000, "NOK", "month")),
        ("Lønn: 52 000 kroner om måneden", "Oslo, Norway", (52000, 52000, "NOK", "month")),
        ("Startlønn er 720 000 kroner årlig.", "Oslo, Norway", (720000, 720000, "NOK", "year")),
    ],
)  # fmt: skip
def test_nordic_period_words_and_crowns(
    text: str, location: str, expected: tuple[Any, ...]
) -> None:
    assert band(pay(text, location)) == expected


def test_time_is_an_hour_only_in_the_nordic_sense() -> None:
    """'time' in English prose is no period; 'timen' after an amount in Norwegian is."""
    row = pay("Salary: $120,000 a year for this full time role.", "Austin, TX", "Engineer")
    assert band(row) == (120000, 120000, "USD", "year")
    assert pay("Du får 250 kr timen.", "Oslo, Norway")["period"] == "hour"


def test_degree_levels_in_one_sentence_span_and_a_pension_is_a_benefit() -> None:
    text = (
        "Som nyutdannet tjener du 610 000 kr (master) og 590 000 kr (bachelor) i året. "
        "I tillegg får du en [bonus](https://example.org/bonus) som pleier å ligge rundt "
        "60 000 kr i året."
    )
    row = pay(text, "Bergen, Norway")
    assert band(row) == (590000, 610000, "NOK", "year") and "span_of_ranges" in row["flags"]
    assert any(o["kind"] == "bonus" and o["min"] == 60000 for o in row["other_amounts"])
    pension = pay(
        "Startlønn er 720 000 kroner. Pensjonssparing på 50 400 kroner kommer i tillegg.",
        "Oslo, Norway",
    )
    assert band(pension)[:3] == (720000, 720000, "NOK")
    assert any(o["kind"] == "benefit" for o in pension["other_amounts"])


def test_a_linked_kind_word_still_types_its_amount() -> None:
    """'[bonus](url)' is the word bonus: the link's brackets are no closed aside."""
    assert pay("Du får en [bonus](https://example.org/b) på 40 000 kr i året.", "Oslo") is None


def test_an_aside_holding_a_figure_still_separates() -> None:
    text = "Level 2: $140,000 annual + variable (OTE $170,000) Level 3: $150,000 annual"
    row = pay(text, "Remote, US", "Account Executive")
    assert (row["min"], row["max"]) == (140000, 150000) and "ote" not in row["flags"]


# -- Chinese-script pay ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工作待遇\n時薪196～220", (196, 220, "TWD", "hour")),
        ("月薪  45,000元起", (45000, None, "TWD", "month")),
        ("薪資：月薪 38,000 ~ 46,000 元", (38000, 46000, "TWD", "month")),
        ("年薪 80萬元以上", (800000, None, "TWD", "year")),
    ],
)
def test_taiwan_wage_words_and_open_ends(text: str, expected: tuple[Any, ...]) -> None:
    assert band(pay(text, "台北市中山區, Taiwan", "工程師")) == expected


def test_qi_is_an_open_end_only_after_an_amount() -> None:
    """起 after a figure is 'and up'; in 起薪 ('starting pay') it is part of the pay word."""
    assert band(pay("起薪 36,000元", "台北市, Taiwan")) == (36000, 36000, "TWD", "month")
    assert pay("月薪 36,000元起", "台北市, Taiwan")["max"] is None


def test_ten_thousands_written_with_the_rest() -> None:
    row = pay("每年另有留任獎助 1萬5，600元至6萬2，400元", "台北市, Taiwan")
    assert row is None  # a grant (獎助), never the salary
    base = pay("月薪 3萬2，500元", "台北市, Taiwan")
    assert band(base) == (32500, 32500, "TWD", "month")


def test_a_period_written_after_another_amount_is_not_borrowed() -> None:
    text = "※ 41000為白班薪，另有夜班津貼600元/日。※"
    row = pay(text, "台北市, Taiwan", "護理師")
    assert band(row) == (41000, 41000, "TWD", "month") and row["period_inferred"] is True
    assert any(o["period"] == "day" and o["min"] == 600 for o in row["other_amounts"])


def test_numbers_in_links_are_not_amounts() -> None:
    text = "月薪 40,000元\n活動資訊: https://jobs.example.tw/activities/1072915430"
    row = pay(text, "新北市, Taiwan", "司機")
    assert band(row) == (40000, 40000, "TWD", "month") and row["other_amounts"] == []


# -- currency: with no place to go by, the text's language or script says which crown or yuan ----


def test_kr_without_a_location_follows_the_pay_word() -> None:
    assert pay("Lønn: 48 000 kr i måneden")["currency"] == "NOK"
    assert pay("Løn: 41 000 kr. om måneden")["currency"] == "DKK"
    assert pay("Lön: 39 000 kr per månad")["currency"] == "SEK"
    row = pay("Du får 250 kr timen.")  # no pay word, no place: the crown is not guessed from it
    assert row["currency"] == "SEK" and "currency_from_language" not in row["flags"]


def test_yuan_without_a_location_follows_the_script() -> None:
    assert pay("薪資待遇：月薪 45,000元，另有獎金")["currency"] == "TWD"
    assert pay("薪资待遇：月薪 25,000元，另有奖金")["currency"] == "CNY"


def test_a_bare_figure_under_a_nordic_pay_word_and_an_allowance_in_crowns() -> None:
    text = (
        "- Lønn. Ledertillegget er 120 000 kr. "
        "[Med master fra 2012 er startlønnen 1 020 400](/kalkulator?year=2012)."
    )
    row = pay(text)
    assert band(row) == (1020400, 1020400, "NOK", "year")
    assert "currency_from_language" in row["flags"]
    assert any(o["kind"] == "benefit" and o["min"] == 120000 for o in row["other_amounts"])
