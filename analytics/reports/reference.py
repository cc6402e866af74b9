"""Loads the reference salary table the salary report compares against."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

REFERENCE_PATH = Path(__file__).with_name("reference_salaries.toml")
GROUPS = ("Entry", "Mid", "Senior", "All")


@cache
def load_reference(path: Path = REFERENCE_PATH) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def reference_rows(path: Path = REFERENCE_PATH) -> list[dict[str, Any]]:
    """Flat rows (role, seniority_group, low_usd, high_usd, note) for the salary mart."""
    rows: list[dict[str, Any]] = []
    for role, entry in load_reference(path)["roles"].items():
        note = entry.get("note", "")
        for group in GROUPS:
            if group in entry:
                low, high = entry[group]
                rows.append(
                    {
                        "role": role,
                        "seniority_group": group,
                        "low_usd": float(low),
                        "high_usd": float(high),
                        "note": note,
                    }
                )
        if not any(g in entry for g in GROUPS):
            rows.append(
                {
                    "role": role,
                    "seniority_group": "All",
                    "low_usd": None,
                    "high_usd": None,
                    "note": note,
                }
            )
    return rows
