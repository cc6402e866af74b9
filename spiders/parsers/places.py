"""Keep `locations` to places: employment types, visa notes and office-group names that boards
put in their location fields move to their own fields or go; empty segments are cleaned.

Why here and not per parser: every source has its own way of filling a location field with
something else ("Permanent (Full-time)", "Visa sponsorship", "Australia Locations"), and the
same typed classifier as the HN header judges each segment.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spiders.parsers.hn_header import classify

#: boards repeat the same few location strings thousands of times
_kind = lru_cache(maxsize=8192)(classify)

_GROUP = re.compile(r"^(?P<rest>.*?)\s*\b(?:locations?|offices?|sites)\s*$", re.I)
_NOT_A_PLACE = re.compile(r"^(?:all|multiple|various|several|other|many|global|our)?$", re.I)
_SEGMENTS = re.compile(r"\s*[;|]\s*")


def tidy(text: str) -> str:
    """ "Berlin, , Germany," -> "Berlin, Germany": empty comma segments and trailing commas."""
    parts = [p.strip() for p in text.split(",")]
    return ", ".join(p for p in parts if p)


def split_locations(values: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(places, employment types, visa notes) of a posting's raw location strings.
    An office-group name keeps its place ("Australia Locations" -> "Australia") or goes
    ("Multiple Locations")."""
    places: list[str] = []
    employment: list[str] = []
    visa: list[str] = []
    for value in values:
        for segment in _SEGMENTS.split(value or ""):
            text = tidy(segment)
            if not text:
                continue
            kind = _kind(text)
            if kind == "employment":
                employment.append(text)
                continue
            if kind == "visa":
                visa.append(text)
                continue
            if kind in ("pay", "url"):
                continue
            group = _GROUP.match(text)
            if group:
                rest = tidy(group.group("rest"))
                text = "" if _NOT_A_PLACE.match(rest) else rest
            if text and text not in places:
                places.append(text)
    return places, employment, visa
