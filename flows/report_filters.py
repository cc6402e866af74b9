"""Report filters checked against the warehouse, and the folder a filtered report goes to.

Why: a typo in `--role` used to give empty reports with exit 0, and a filtered report used to
overwrite the day's full reports. Unknown values now fail with the nearest valid ones, and each
filter combination gets its own folder named after it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

#: filter option -> column of the postings view holding its valid values
FILTER_COLUMNS = {"role": "role", "source": "source", "country": "country_code"}
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
MAX_FOLDER_CHARS = 120


class FilterError(ValueError):
    """A filter value the warehouse does not hold, or an empty date range."""


@dataclass(frozen=True, slots=True)
class Filters:
    """The report filters as given on the command line (countries upper-cased, 'all' kept)."""

    since: date | None = None
    until: date | None = None
    roles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    @property
    def is_filtered(self) -> bool:
        return bool(self.since or self.until or self.roles or self.sources or self.countries)


def nearest(value: str, valid: Sequence[str], limit: int = 3) -> list[str]:
    """The valid values closest to ``value`` (rapidfuzz WRatio, best first)."""
    from rapidfuzz import fuzz, process

    matches = process.extract(value, list(valid), scorer=fuzz.WRatio, limit=limit)
    return [m[0] for m in matches if m[1] >= 50]


def valid_values(warehouse: Path) -> dict[str, list[str]]:
    """Distinct roles, sources and country codes of the warehouse's postings."""
    from analytics.readonly import run_readonly_query

    values: dict[str, list[str]] = {}
    for option, column in FILTER_COLUMNS.items():
        _, rows = run_readonly_query(
            warehouse,
            f"select distinct {column} from postings where {column} is not null order by 1",
        )
        values[option] = [str(r[0]) for r in rows]
    return values


def check_filters(filters: Filters, valid: dict[str, list[str]]) -> None:
    """Raise FilterError naming the first unknown value and its nearest valid ones."""
    if filters.since and filters.until and filters.since > filters.until:
        raise FilterError(
            f"--since {filters.since} is after --until {filters.until}; swap them or drop one"
        )
    given = {
        "role": filters.roles,
        "source": filters.sources,
        "country": tuple(c for c in filters.countries if c.lower() != "all"),
    }
    for option, values in given.items():
        known = valid.get(option, [])
        folded = {k.lower(): k for k in known}
        for value in values:
            if value.lower() in folded:
                continue
            close = nearest(value, known)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else f"the warehouse holds: {', '.join(known[:12]) or 'none'}"
            )
            raise FilterError(f"unknown --{option} {value!r}: no postings have it; {hint}")


def canonical(filters: Filters, valid: dict[str, list[str]]) -> Filters:
    """Values spelled as the warehouse spells them (``AI-Engineer`` -> ``ai-engineer``)."""

    def fix(option: str, values: tuple[str, ...]) -> tuple[str, ...]:
        folded = {k.lower(): k for k in valid.get(option, [])}
        return tuple(folded.get(v.lower(), v) for v in values)

    return Filters(
        since=filters.since,
        until=filters.until,
        roles=fix("role", filters.roles),
        sources=fix("source", filters.sources),
        countries=tuple(c.upper() if c.lower() != "all" else "all" for c in filters.countries),
    )


def folder_name(day: str, filters: Filters) -> str:
    """``2026-12-03`` for the full reports, ``2026-12-03_role-ai-engineer_country-US`` filtered.

    A sibling of the day's folder (not inside it), so replacing the full reports never removes
    a filtered set and a filtered run never writes over the full one.
    """
    if not filters.is_filtered:
        return day
    parts = [day]
    for label, values in (
        ("role", filters.roles),
        ("source", filters.sources),
        ("country", filters.countries),
        ("since", (filters.since.isoformat(),) if filters.since else ()),
        ("until", (filters.until.isoformat(),) if filters.until else ()),
    ):
        if values:
            parts.append(label + "-" + "+".join(_UNSAFE.sub("-", v).strip("-") for v in values))
    name = "_".join(parts)
    if len(name) > MAX_FOLDER_CHARS:
        digest = hashlib.sha1(name.encode()).hexdigest()[:10]
        name = name[: MAX_FOLDER_CHARS - 11] + "-" + digest
    return name
