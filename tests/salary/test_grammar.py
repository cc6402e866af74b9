"""Free-text salary grammar: every written form the issue lists, read to exact numbers."""

from __future__ import annotations

import pytest

from pipelines.salary import parse_salary_text

CASES = [
    # shared vs separate suffixes
    ("$150-225K", 150000, 225000, "USD", "year"),
    ("$150K-$225K", 150000, 225000, "USD", "year"),
    ("150k to 225k", 150000, 225000, "USD", "year"),
    ("$95 - 130k + equity", 95000, 130000, "USD", "year"),
    ("2-3k take home per month", 2000, 3000, "USD", "month"),
    ("$6 - $9K / monthly", 6, 9000, "USD", "month"),  # each side formatted on its own
    ("$85k – $140/yr", 85000, 140000, "USD", "year"),  # upper bound lost its k
    # magnitudes
    ("$1.5M", 1500000, 1500000, "USD", "year"),
    ("₹7.5L - ₹11L", 750000, 1100000, "INR", "year"),
    ("14-22 LPA", 1400000, 2200000, "INR", "year"),
    ("₹1.1 Cr - ₹1.6 Cr per annum", 11000000, 16000000, "INR", "year"),
    ("Rs. 12,00,000 - 18,00,000", 1200000, 1800000, "INR", "year"),
    # locale thousands separators
    ("€52.000 - €64.000", 52000, 64000, "EUR", "year"),
    ("CHF 135'000", 135000, 135000, "CHF", "year"),
    ("€ 41 000 - 49 000", 41000, 49000, "EUR", "year"),
    ("1,5k EUR/month", 1500, 1500, "EUR", "month"),
    # open ends
    ("$110k+", 110000, None, "USD", "year"),
    ("up to £95k", None, 95000, "GBP", "year"),
    (">= €55k", 55000, None, "EUR", "year"),
    ("£45k-95k+", 45000, 95000, "GBP", "year"),
    # periods
    ("$52/hr", 52, 52, "USD", "hour"),
    ("$48 per hour", 48, 48, "USD", "hour"),
    ("$70 hourly", 70, 70, "USD", "hour"),
    ("£61,500 p.a.", 61500, 61500, "GBP", "year"),
    ("€66k per annum", 66000, 66000, "EUR", "year"),
    ("$9,500/month", 9500, 9500, "USD", "month"),
    ("$7k/mo", 7000, 7000, "USD", "month"),
    ("£525 daily", 525, 525, "GBP", "day"),
    ("$2,300 weekly", 2300, 2300, "USD", "week"),
    ("$35 - $42 Per Hour", 35, 42, "USD", "hour"),
    # currencies
    ("C$118k", 118000, 118000, "CAD", "year"),
    ("A$142,000", 142000, 142000, "AUD", "year"),
    ("AUD $135k - $155k", 135000, 155000, "AUD", "year"),
    ("US$88k", 88000, 88000, "USD", "year"),
    ("$72,000–$96,000 (EUR)", 72000, 96000, "EUR", "year"),  # code hint beats '$'
    ("$115K - $190K CAD", 115000, 190000, "CAD", "year"),
    ("64-79k€ + equity", 64000, 79000, "EUR", "year"),
    ("45K euros", 45000, 45000, "EUR", "year"),
    ("22M JPY/yr (~$145k/yr)", 22000000, 22000000, "JPY", "year"),
    # base pay picked among equity / bonus / OTE / TC
    ("$140-175k + 0.2-.4% equity", 140000, 175000, "USD", "year"),
    ("Base $140k, OTE $260k", 140000, 140000, "USD", "year"),
    ("$125k base + $25k bonus", 125000, 125000, "USD", "year"),
    ("$210k+ TC", 210000, None, "USD", "year"),
    ("$90k OTE + equity", 90000, 90000, "USD", "year"),
    ("0.5% - 1% equity, $115k - $135k", 115000, 135000, "USD", "year"),
    ("38-60 USD per hour, or 6600-10400 USD a month", 38, 60, "USD", "hour"),
    ("between $75k and $95k", 75000, 95000, "USD", "year"),
    ("From $85,000 to $105,000 a year", 85000, 105000, "USD", "year"),
    ("~165K", 165000, 165000, "USD", "year"),
    ("75-95 GBP", 75000, 95000, "GBP", "year"),  # bare thousands, flagged
]


@pytest.mark.parametrize(("text", "mn", "mx", "cur", "period"), CASES)
def test_grammar_reads_exact_numbers(text: str, mn, mx, cur: str, period: str) -> None:
    p = parse_salary_text(text)
    assert p is not None, text
    assert (p.min, p.max, p.currency, p.period) == (mn, mx, cur, period)


@pytest.mark.parametrize(
    "text",
    [
        "Competitive",
        "5-10 years experience",
        "$0",
        "",
        "   ",
        "We are a $200B company",
        "40 hours per week",
    ],
)
def test_non_pay_gives_none(text: str) -> None:
    assert parse_salary_text(text) is None


def test_period_inferred_only_when_unstated() -> None:
    stated = parse_salary_text("$120k - $150k per year")
    unstated = parse_salary_text("$120k - $150k")
    assert stated is not None and not stated.period_inferred
    assert unstated is not None and unstated.period_inferred
    hourly = parse_salary_text("$45-$60")
    assert hourly is not None and hourly.period == "hour" and hourly.period_inferred


def test_other_amounts_are_kept() -> None:
    p = parse_salary_text("$150k-$170k + 0.1%-0.3% equity + $20k signing bonus")
    assert p is not None
    kinds = {o["kind"]: o for o in p.other_amounts}
    assert kinds["equity"]["min"] == 0.1 and kinds["equity"]["unit"] == "percent"
    assert kinds["bonus"]["min"] == 20000


def test_flags_for_headline_kinds_and_guesses() -> None:
    ote = parse_salary_text("$200-250k OTE")
    assert ote is not None and "ote" in ote.flags
    bare = parse_salary_text("75-95 GBP")
    assert bare is not None and "magnitude_inferred" in bare.flags
    nocur = parse_salary_text("150k - 200k")
    assert nocur is not None and "currency_assumed" in nocur.flags


def test_currency_hint_used_only_without_a_stated_currency() -> None:
    p = parse_salary_text("60k-80k", currency_hint="GBP")
    assert p is not None and p.currency == "GBP"
    q = parse_salary_text("€60k-80k", currency_hint="GBP")
    assert q is not None and q.currency == "EUR"
    r = parse_salary_text("$90k", currency_hint="CAD")
    assert r is not None and r.currency == "CAD"


def test_board_estimates_are_marked() -> None:
    for text in ("$98K-$160K (Glassdoor est.)", "$14K-$17K(Employer est.)"):
        p = parse_salary_text(text)
        assert p is not None and p.estimate
    plain = parse_salary_text("Employer Provided Salary:$80K-$95K")
    assert plain is not None and not plain.estimate and plain.min == 80000


def test_ambiguous_symbols_follow_location_family() -> None:
    no = parse_salary_text("kr 58 000 - 66 000 /mån", currency_hint="NOK")
    assert no is not None and (no.min, no.max, no.currency, no.period) == (
        58000,
        66000,
        "NOK",
        "month",
    )
    eur = parse_salary_text("kr 58 000", currency_hint="EUR")  # not a krone currency: keep SEK
    assert eur is not None and eur.currency == "SEK"


@pytest.mark.parametrize(
    ("text", "mx"),
    [("$165K+ equity (USD)", 165000), ("$135k+bonus", 135000), ("$145k+ (USD)", None)],
)
def test_plus_joins_pay_parts_or_opens_the_range(text: str, mx) -> None:
    p = parse_salary_text(text)
    assert p is not None and p.max == mx
