"""Dated FX lookup on the shipped monthly reference table (no network, reproducible)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).parent / "data" / "fx_monthly.csv"


@lru_cache(maxsize=1)
def _rates() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    with _TABLE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["currency"], {})[row["month"]] = float(row["usd_per_unit"])
    return out


def usd_rate(currency: str, posted_at: str | None) -> tuple[float | None, str | None, list[str]]:
    """USD per unit for the posting month; outside the table the nearest month is used, flagged."""
    table = _rates().get((currency or "").upper())
    if not table:
        return None, None, ["fx_missing"]
    months = sorted(table)
    month = (posted_at or "")[:7]
    flags: list[str] = []
    if month not in table:
        if not month or len(month) != 7:
            month, flags = months[-1], ["fx_date_assumed"]
        else:
            month, flags = (months[0] if month < months[0] else months[-1]), ["fx_date_clamped"]
    return table[month], f"{month}-01", flags


def rough_usd_rate(currency: str) -> float:
    """Latest rate, only for magnitude heuristics (period inference)."""
    rate, _, _ = usd_rate(currency, None)
    return rate if rate is not None else 1.0
