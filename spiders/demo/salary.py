"""Planted salaries: levels from the reference table, local currencies, periods and text forms.

Why: salary extraction is only testable against known answers in every shape sources use, so
each posting's pay is drawn here once (truth) and rendered per source format elsewhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: US base salary bands in $K per role and group (Entry, Mid, Senior); see docs/taxonomy.md.
#: Roles the reference table leaves open (harness, adjacent families, other) use our own guesses.
BANDS: dict[str, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    "prompt-engineer": ((80, 110), (110, 150), (150, 180)),
    "context-engineer": ((100, 140), (140, 180), (180, 230)),
    "ai-engineer": ((120, 160), (160, 220), (220, 300)),
    "llm-engineer": ((130, 170), (170, 250), (250, 350)),
    "ai-agent-engineer": ((130, 170), (170, 240), (240, 320)),
    "founding-ai-engineer": ((100, 150), (100, 150), (100, 150)),
    "ai-architect": ((180, 260), (180, 260), (260, 380)),
    "ai-platform-engineer": ((110, 150), (150, 210), (210, 280)),
    "harness-engineer": ((140, 180), (180, 240), (240, 300)),
    "ai-product-manager": ((130, 170), (170, 230), (230, 350)),
    "ai-safety-eval-engineer": ((140, 180), (180, 250), (250, 400)),
    "ml-engineer": ((100, 140), (140, 200), (200, 280)),
    "research-scientist": ((130, 180), (180, 260), (260, 380)),
    "data-scientist": ((90, 120), (120, 160), (160, 210)),
    "data-engineer": ((95, 125), (125, 170), (170, 220)),
    "software-engineer": ((100, 135), (135, 185), (185, 250)),
    "other": ((60, 90), (90, 130), (130, 180)),
}
GROUP = {"intern": 0, "entry": 0, "mid": 1, "unknown": 1, "senior": 2, "staff_plus": 2}
#: Pay level relative to the US (Europe 30-50% lower, per the reference guide).
REGION_FACTOR = {
    "US": (1.0, 1.0),
    "CA": (0.75, 0.85),
    "UK": (0.55, 0.7),
    "EU": (0.5, 0.7),
    "IN": (0.18, 0.26),
}
#: Fixed demo FX (USD per unit) used only to state truth in USD; the pipeline has its own rates.
FX_USD = {"USD": 1.0, "CAD": 0.73, "GBP": 1.27, "EUR": 1.08, "INR": 0.012}
HOURS_PER_YEAR = 2080
PERIOD_FACTOR = {"year": 1, "month": 12, "hour": HOURS_PER_YEAR}


@dataclass(slots=True, frozen=True)
class Salary:
    """Pay as the employer states it, plus the channel it is published in."""

    min: float
    max: float
    currency: str
    period: str  # year | month | hour
    #: "structured" (source field, e.g. pay_input_ranges) or "text" (inside the description)
    channel: str
    #: the exact text shown in the description (None when only structured)
    text: str | None
    #: equity range in percent (Ashby EquityPercentage), or None
    equity: tuple[float, float] | None = None

    @property
    def annual_usd(self) -> tuple[float, float]:
        k = PERIOD_FACTOR[self.period] * FX_USD[self.currency]
        return round(self.min * k), round(self.max * k)

    def as_truth(self) -> dict[str, object]:
        lo, hi = self.annual_usd
        return {
            "min": self.min,
            "max": self.max,
            "currency": self.currency,
            "period": self.period,
            "channel": self.channel,
            "text": self.text,
            "annual_min_usd": lo,
            "annual_max_usd": hi,
            "equity": self.equity,
        }


def _num(x: float, sep: str = ",") -> str:
    return f"{int(x):,}".replace(",", sep)


def _inr(x: float) -> str:
    """Indian digit grouping: 2500000 -> 25,00,000."""
    s = str(int(x))
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(([head] if head else []) + groups + [tail])


def _round(x: float, step: int) -> int:
    return max(step, int(round(x / step)) * step)


def _text(rng: random.Random, lo: float, hi: float, cur: str, period: str) -> tuple[str, int, int]:
    """(text, min, max): the amounts are rounded to what the text shows, so truth == text."""
    if period == "hour":
        a, b = _round(lo, 1), _round(hi, 1)
        sym = {"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€", "INR": "₹"}[cur]
        if rng.random() < 0.5:
            return f"{sym}{a}/hr", a, a
        return f"{sym}{a} - {sym}{b} per hour", a, b
    if period == "month":
        step = 10000 if cur == "INR" else 100
        a, b = _round(lo, step), _round(hi, step)
        if cur == "EUR":
            return f"€{_num(a, '.')} - €{_num(b, '.')} per month", a, b
        if cur == "INR":
            return f"₹{_inr(a)} - ₹{_inr(b)} per month", a, b
        sym = {"USD": "$", "CAD": "CA$", "GBP": "£"}[cur]
        return f"{sym}{_num(a)} - {sym}{_num(b)} per month", a, b
    r = rng.random()
    if cur == "USD":
        if r < 0.35:
            a, b = _round(lo, 5000), _round(hi, 5000)
            return f"${a // 1000}K - ${b // 1000}K", a, b
        if r < 0.55:
            a, b = _round(lo, 5000), _round(hi, 5000)
            return f"{a // 1000}k-{b // 1000}k", a, b
        a, b = _round(lo, 1000), _round(hi, 1000)
        return (f"${_num(a)} - ${_num(b)}" if r < 0.8 else f"${_num(a)}–${_num(b)} USD"), a, b
    if cur == "GBP":
        a, b = _round(lo, 1000), _round(hi, 1000)
        if r < 0.7:
            return f"£{_num(a)} - £{_num(b)} per annum", a, b
        a, b = _round(lo, 5000), _round(hi, 5000)
        return f"£{a // 1000}k–£{b // 1000}k", a, b
    if cur == "EUR":
        a, b = _round(lo, 1000), _round(hi, 1000)
        if r < 0.6:
            return f"€{_num(a, '.')} - €{_num(b, '.')}", a, b
        return f"€{_num(a)} - €{_num(b)} per year", a, b
    if cur == "INR":
        a, b = _round(lo, 100000), _round(hi, 100000)
        if r < 0.7:
            return f"₹{a // 100000} LPA - ₹{b // 100000} LPA", a, b
        return f"INR {_inr(a)} - {_inr(b)} per annum", a, b
    a, b = _round(lo, 1000), _round(hi, 1000)  # CAD
    if r < 0.5:
        return f"CA${_num(a)} - CA${_num(b)}", a, b
    return f"${_num(a)} - ${_num(b)} CAD", a, b


def draw_salary(
    rng: random.Random,
    role: str,
    seniority: str,
    region: str,
    *,
    structured_share: float,
    employment_type: str,
) -> Salary | None:
    """One posting's pay, or None (about 30% of postings state no pay at all)."""
    if rng.random() < 0.3:
        return None
    lo_k, hi_k = BANDS[role][GROUP[seniority]]
    width = hi_k - lo_k
    start = rng.uniform(0.4, 0.7) if seniority == "staff_plus" else rng.uniform(0.0, 0.45)
    lo = (lo_k + width * start) * 1000
    hi = min(hi_k * 1000 * 1.05, lo + width * 1000 * rng.uniform(0.3, 0.6))
    f = rng.uniform(*REGION_FACTOR[region])
    cur = {"US": "USD", "CA": "CAD", "UK": "GBP", "EU": "EUR", "IN": "INR"}[region]
    lo, hi = lo * f / FX_USD[cur], hi * f / FX_USD[cur]
    period = "year"
    if employment_type == "CONTRACTOR" or (seniority == "intern" and region in ("US", "CA")):
        period = "hour"
    elif seniority == "intern":
        period = "month"
    elif region in ("EU", "IN", "UK") and rng.random() < 0.12:
        period = "month"
    if period != "year":
        div = PERIOD_FACTOR[period] * (0.75 if seniority == "intern" else 1.0)
        lo, hi = lo / div, hi / div
    text, a, b = _text(rng, lo, hi, cur, period)
    equity = None
    if role in ("founding-ai-engineer", "ai-agent-engineer", "ai-engineer") and rng.random() < 0.6:
        e_lo = round(rng.uniform(0.05, 0.5), 2)
        equity = (e_lo, round(e_lo * rng.uniform(2, 4), 2))
    if rng.random() < structured_share:
        return Salary(a, b, cur, period, "structured", None, equity)
    return Salary(a, b, cur, period, "text", text, equity)
