"""Readers for each source's structured pay field; every reader returns base + other ranges.

A reading is a dict {min, max, currency, period, period_inferred, raw, flags, other_amounts};
None means the field holds no usable pay (absent, all null, 0/0 placeholders).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Reading = dict[str, Any]

_LEVER = {
    "per-year-salary": "year",
    "per-month-salary": "month",
    "per-week-salary": "week",
    "per-day-wage": "day",
    "per-hour-wage": "hour",
    "bi-week-salary": "biweek",
}
_UNITS = {
    "year": "year",
    "years": "year",
    "annual": "year",
    "yearly": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
}


def _num(v: Any) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(str(v).replace(",", "").strip())
    except ValueError:
        return None
    return f


def _unit(text: Any) -> str | None:
    """'1 YEAR', 'YEAR', 'per hour', 'Hourly Range' -> period."""
    for word in re.findall(r"[a-z]+", str(text or "").lower()):
        if word in _UNITS:
            return _UNITS[word]
    return None


def _reading(
    mn: float | None,
    mx: float | None,
    cur: str | None,
    period: str | None,
    raw: Any,
    flags: list[str] | None = None,
) -> Reading | None:
    if mn is None and mx is None:
        return None
    flags = list(flags or [])
    if period == "biweek":  # no bi-weekly period in the schema: halve to weekly, flagged
        mn, mx, period = (None if mn is None else mn / 2), (None if mx is None else mx / 2), "week"
        flags.append("converted_from_biweekly")
    return {
        "min": mn,
        "max": mx,
        "currency": (cur or "USD").upper(),
        "period": period or "year",
        "period_inferred": period is None,
        "raw": _raw(raw),
        "flags": flags,
        "other_amounts": [],
    }


def _raw(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)[:500]


def _first_with_others(readings: list[Reading]) -> Reading | None:
    if not readings:
        return None
    base = readings[0]
    for other in readings[1:]:
        base["other_amounts"].append(
            {k: other[k] for k in ("min", "max", "currency", "period", "raw")}
            | {"kind": other.get("kind", "other")}
        )
    return base


def greenhouse(raw: Any) -> Reading | None:
    """pay_input_ranges: cents; period only from the title/blurb words; several zones possible."""
    out = []
    for r in raw if isinstance(raw, list) else [raw]:
        if not isinstance(r, dict):
            continue
        mn, mx = _num(r.get("min_cents")), _num(r.get("max_cents"))
        period = _unit(r.get("title")) or _unit(r.get("blurb"))
        rd = _reading(
            None if mn is None else mn / 100,
            None if mx is None else mx / 100,
            r.get("currency_type"),
            period,
            r,
        )
        if rd:
            rd["kind"] = r.get("title") or "other"
            out.append(rd)
    return _first_with_others(out)


def lever(raw: Any) -> Reading | None:
    if not isinstance(raw, dict):
        return None
    mn, mx = _num(raw.get("min")), _num(raw.get("max"))
    if not mn and not mx:  # {min: 0, max: 0} placeholders
        return None
    return _reading(mn, mx, raw.get("currency"), _LEVER.get(str(raw.get("interval"))), raw)


def ashby(raw: Any) -> Reading | None:
    """Salary components are base pay; equity/bonus components and extra tiers go to others."""
    if not isinstance(raw, dict):
        return None
    comps: list[tuple[str | None, dict[str, Any]]] = []
    for tier in raw.get("compensationTiers") or []:
        comps += [(tier.get("title"), c) for c in tier.get("components") or []]
    if not comps:
        comps = [(None, c) for c in raw.get("summaryComponents") or []]
    base: list[Reading] = []
    others: list[dict[str, Any]] = []
    for title, c in comps:
        mn, mx = _num(c.get("minValue")), _num(c.get("maxValue"))
        kind = str(c.get("compensationType") or "")
        if kind == "Salary":
            rd = _reading(mn, mx, c.get("currencyCode"), _unit(c.get("interval")), c)
            if rd:
                rd["kind"] = title or "Salary"
                base.append(rd)
        elif mn is not None or mx is not None:
            others.append(
                {
                    "kind": kind.lower() or "other",
                    "min": mn,
                    "max": mx,
                    "currency": c.get("currencyCode"),
                    "raw": _raw(c),
                }
            )
    result = _first_with_others(base)
    if result is None:
        return None
    result["other_amounts"] += others
    return result


def recruitee(raw: Any) -> Reading | None:
    if not isinstance(raw, dict):
        return None
    return _reading(
        _num(raw.get("min")),
        _num(raw.get("max")),
        raw.get("currency"),
        _unit(raw.get("period")),
        raw,
    )


def jsonld(raw: Any) -> Reading | None:
    """baseSalary: MonetaryAmount with a QuantitativeValue (min/max or value) or a bare number."""
    if isinstance(raw, list):
        return _first_with_others([r for r in map(jsonld, raw) if r])
    if isinstance(raw, (int, float, str)):
        v = _num(raw)
        return _reading(v, v, None, None, raw)
    if not isinstance(raw, dict):
        return None
    value = raw.get("value")
    unit = raw.get("unitText")
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        mn, mx = _num(value.get("minValue")), _num(value.get("maxValue"))
        single = _num(value.get("value"))
        if mn is None and mx is None:
            mn = mx = single
    else:
        mn = mx = _num(value)
    return _reading(mn, mx, raw.get("currency"), _unit(unit), raw)


def remoteok(raw: Any) -> Reading | None:
    """salary_min/max are annual USD by the board's convention; 0 means not given."""
    if not isinstance(raw, dict):
        return None
    mn, mx = _num(raw.get("salary_min")) or None, _num(raw.get("salary_max")) or None
    rd = _reading(mn, mx, "USD", None, raw)
    return rd


READERS: dict[str, Callable[[Any], Reading | None]] = {
    "greenhouse": greenhouse,
    "lever": lever,
    "ashby": ashby,
    "recruitee": recruitee,
    "jsonld": jsonld,
    "remoteok": remoteok,
    "import": recruitee,  # importers: {min, max, currency, period} as the file states them
}
