"""Annualise, convert to USD and guard one salary reading; suspicious values are flagged only."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .fx import usd_rate

_CONF = Path(__file__).parent / "data" / "annualisation.json"
RATIO_LIMIT = 5.0


@lru_cache(maxsize=1)
def _conf() -> dict[str, Any]:
    return json.loads(_CONF.read_text(encoding="utf-8"))


def annualisation_for(country: str | None) -> dict[str, Any]:
    """Constants for a country (defaults filled in); stored with each row for auditability."""
    conf = _conf()
    consts = dict(conf["default"])
    consts.update(conf["countries"].get(country or "", {}))
    consts["country"] = country
    return consts


def periods_per_year(period: str, consts: dict[str, Any]) -> float:
    return {
        "year": 1.0,
        "month": consts["months_per_year"],
        "week": consts["weeks_per_year"],
        "day": consts["days_per_year"],
        "hour": consts["hours_per_year"],
    }[period]


def plausible_bounds(currency: str) -> tuple[float, float]:
    """[low, high] annual USD that full-time base pay in this currency plausibly falls in."""
    bounds = _conf()["plausible_annual_usd"]
    low, high = bounds.get(currency, bounds["default"])
    return float(low), float(high)


def guard_flags(
    mn: float | None, mx: float | None, currency: str, annual_usd: tuple[float | None, float | None]
) -> list[str]:
    """min > max, absurd ratios, implausible annual pay: flagged so analysts can filter."""
    flags: list[str] = []
    if mn is not None and mx is not None:
        if mn > mx:
            flags.append("min_gt_max")
        elif mn > 0 and mx / mn > RATIO_LIMIT:
            flags.append("absurd_ratio")
    if mn is not None and mn <= 0 or mx is not None and mx <= 0:
        flags.append("non_positive")
    low, high = plausible_bounds(currency)
    vals = [v for v in annual_usd if v is not None]
    if any(v < low for v in vals):
        flags.append("below_plausible_annual")
    if any(v > high for v in vals):
        flags.append("above_plausible_annual")
    return flags


def normalise(
    mn: float | None,
    mx: float | None,
    currency: str,
    period: str,
    country: str | None,
    posted_at: str | None,
) -> dict[str, Any]:
    """annual_*_usd, fx rate/date, constants and guard flags for one reading."""
    consts = annualisation_for(country)
    rate, rate_date, flags = usd_rate(currency, posted_at)
    factor = periods_per_year(period, consts)

    def annual(v: float | None) -> float | None:
        if v is None or rate is None:
            return None
        return round(v * factor * rate, 2)

    a_min, a_max = annual(mn), annual(mx)
    flags += guard_flags(mn, mx, currency, (a_min, a_max))
    return {
        "annual_min_usd": a_min,
        "annual_max_usd": a_max,
        "fx_rate": rate,
        "fx_rate_date": rate_date,
        "annualisation": consts,
        "flags": flags,
    }
