"""A posting's country from its location strings, with provenance (never a silent guess).

Salary comparisons need like-for-like markets: the reference table is US base pay, and Europe runs
30-50% lower, so reports filter by country. Sources rarely give country codes; locations do.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _places() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(
        resources.files("pipelines.taxonomy").joinpath("places.toml").read_text("utf-8")
    )
    names = {name: code for code, aliases in data["countries"].items() for name in aliases}
    ordered = sorted(names, key=len, reverse=True)  # "new york" before "york"-like shorter names
    name_re = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")
    subs = {sub: code for code, codes in data["subdivisions"].items() for sub in codes}
    sub_re = re.compile(r",\s*(" + "|".join(sorted(subs)) + r")\b(?!\.\w)")
    return name_re, names, sub_re, subs


def countries_in(location: str) -> set[str]:
    """Countries named by one location string ("Boston, MA" -> {"US"}; "Remote - Europe" -> {})."""
    name_re, names, sub_re, subs = _places()
    found = {names[m.group(1)] for m in name_re.finditer(location.lower())}
    found |= {subs[m.group(1)] for m in sub_re.finditer(location)}
    return found


def infer_country(
    locations: list[str] | str | None, country_codes: list[str] | None = None
) -> dict[str, Any]:
    """{"country_code", "country_provenance"}: "source" codes win; else one country named by the
    locations ("location"); several or none -> None, so mixed-market postings stay unassigned."""
    codes = [c.upper() for c in (country_codes or []) if isinstance(c, str) and len(c) == 2]
    if codes:
        return {"country_code": codes[0], "country_provenance": "source"}
    if isinstance(locations, str):
        locations = [locations]
    found: set[str] = set()
    for loc in locations or []:
        if isinstance(loc, str):
            found |= countries_in(loc)
    if len(found) == 1:
        return {"country_code": found.pop(), "country_provenance": "location"}
    return {"country_code": None, "country_provenance": "ambiguous" if found else None}
