"""Property tests: formatted ranges round-trip through the grammar; no input crashes it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.salary import extract_salary, parse_salary_text

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹"}
PERIOD_WORDS = {
    "year": ["per year", "/yr", "p.a.", "annually"],
    "month": ["/month", "per month", "monthly"],
}


def _fmt(v: int, style: str) -> str:
    if style == "comma":
        return f"{v:,}"
    if style == "dot":
        return f"{v:,}".replace(",", ".")
    if style == "space":
        return f"{v:,}".replace(",", " ")
    return f"{v // 1000}k"


@settings(max_examples=300, deadline=None)
@given(
    lo=st.integers(20, 400),
    span=st.integers(0, 200),
    cur=st.sampled_from(sorted(SYMBOL)),
    style=st.sampled_from(["comma", "dot", "space", "k"]),
    layout=st.sampled_from(["sym_both", "sym_first", "code_after", "to"]),
    dash=st.sampled_from(["-", " - ", "–", " — "]),
    period=st.sampled_from(["year", "month"]),
    pidx=st.integers(0, 2),
)
def test_formatted_range_round_trips(
    lo: int, span: int, cur: str, style: str, layout: str, dash: str, period: str, pidx: int
) -> None:
    lo_v, hi_v = lo * 1000, (lo + span) * 1000
    a, b = _fmt(lo_v, style), _fmt(hi_v, style)
    sym = SYMBOL[cur]
    text = {
        "sym_both": f"{sym}{a}{dash}{sym}{b}",
        "sym_first": f"{sym}{a}{dash}{b}",
        "code_after": f"{a}{dash}{b} {cur}",
        "to": f"{sym}{a} to {sym}{b}",
    }[layout]
    words = PERIOD_WORDS[period]
    text = f"{text} {words[pidx % len(words)]}"
    p = parse_salary_text(text)
    assert p is not None, text
    assert (p.min, p.max, p.currency, p.period) == (lo_v, hi_v, cur, period), text
    assert not p.period_inferred


@settings(max_examples=200, deadline=None)
@given(v=st.integers(10, 999), cur=st.sampled_from(sorted(SYMBOL)))
def test_single_k_amount_round_trips(v: int, cur: str) -> None:
    p = parse_salary_text(f"{SYMBOL[cur]}{v}K")
    assert p is not None and p.min == p.max == v * 1000 and p.currency == cur


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789$€£₹kKmM.,'- +~%/()<>=LPACrhryearmonth ")),
        max_size=60,
    )
)
def test_parser_never_crashes_on_salaryish_noise(text: str) -> None:
    parse_salary_text(text)
    extract_salary({"salary_text": text, "description_text": text})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parser_never_crashes_on_any_text(text: str) -> None:
    parse_salary_text(text)
