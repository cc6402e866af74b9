"""One input row -> one lake row (a Posting dict of source `import`) or the reason it is rejected.

Why the spiders' normaliser: an imported posting must hash, key and look exactly like a crawled
one, so the same NormalisePipeline tidies it and computes its content hash.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from importers import IMPORT_SOURCE
from importers.fields import ColumnMap
from spiders.lake import NormalisePipeline
from spiders.parsers.common import iso_utc, workplace

_NULLS = {"", "nan", "none", "null", "nat", "n/a", "na"}
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_NORMALISE = NormalisePipeline()


class Rejected(ValueError):
    """A row the later stages could not key or use; the message is the reason."""

    def __init__(self, reason: str, board: str) -> None:
        super().__init__(reason)
        self.board = board


def _value(v: Any) -> Any:
    """None for empty cells, NaN and the usual null spellings; strings stripped."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, str):
        v = v.strip()
        return None if v.lower() in _NULLS else v
    return v


def _text(v: Any) -> str | None:
    v = _value(v)
    return None if v is None else str(v)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _timestamp(v: Any) -> str | None:
    v = _value(v)
    if isinstance(v, str) and len(v) == 10 and _DAY.fullmatch(v):  # JobSpy's date_posted
        try:
            return f"{date.fromisoformat(v).isoformat()}T00:00:00Z"
        except ValueError:
            return None
    if isinstance(v, datetime):
        v = v if v.tzinfo else v.replace(tzinfo=UTC)
        return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(v, date):
        return f"{v.isoformat()}T00:00:00Z"
    return iso_utc(v)


def _amount(v: Any) -> float | None:
    v = _value(v)
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    m = _NUMBER.search(str(v).replace(",", ""))
    return float(m.group(0)) if m else None


def _flag(v: Any) -> bool | None:
    v = _value(v)
    if isinstance(v, bool):
        return v
    text = str(v).lower() if v is not None else ""
    return True if text in _TRUE else False if text in _FALSE else None


def _workplace(v: Any) -> tuple[str, str | None]:
    """(workplace_type, raw): a remote flag says remote when true and nothing when false."""
    flag = _flag(v)
    if flag is not None:
        return ("remote" if flag else "unknown"), f"is_remote={flag}"
    raw = _text(v)
    return workplace(raw), raw


def _list(v: Any) -> list[str]:
    v = _value(v)
    if v is None:
        return []
    if isinstance(v, list | tuple):
        return [str(x).strip() for x in v if _value(x) is not None]
    return [str(v)]


@lru_cache(maxsize=1024)
def board_part(value: Any) -> str:
    """'Zip Recruiter' -> 'zip_recruiter': a site name as a board path segment."""
    return re.sub(r"[^a-z0-9]+", "_", str(value).strip().lower()).strip("_")


def url_id(url: str) -> str:
    """Stable id of a posting known only by its URL."""
    return "u" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:20]


def _pay(v: dict[str, Any]) -> dict[str, Any] | None:
    """Structured pay with its stated interval, in the shape the salary readers take."""
    lo, hi = _amount(v.get("salary_min")), _amount(v.get("salary_max"))
    if not lo and not hi:  # absent or 0/0 placeholders
        return None
    return {
        "min": lo,
        "max": hi,
        "currency": (_text(v.get("salary_currency")) or "").upper() or None,
        "period": (_text(v.get("salary_period")) or "").lower() or None,
    }


def _json_safe(v: Any) -> Any:
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def lake_row(
    row: dict[str, Any], cmap: ColumnMap, *, board: str, run_id: str, fetched_at: str
) -> dict[str, Any]:
    """The lake row of one input row; raises Rejected with the reason when it cannot be keyed."""
    v = {t: _value(row.get(c)) for t, c in cmap.targets.items()}
    site = v.get("board")
    if site is not None and board_part(site):
        board = f"{board}/{board_part(site)}"
    title = _text(v.get("title"))
    if not title:
        raise Rejected("no title", board)
    url = _text(v.get("url"))
    source_id = _text(v.get("source_id")) or (url_id(url) if url else None)
    if not source_id:
        raise Rejected("no id or url", board)
    work, work_raw = _workplace(v.get("workplace_type"))
    data: dict[str, Any] = {
        "source": IMPORT_SOURCE,
        "board": board,
        "source_id": source_id,
        "url": url,
        "apply_url": _text(v.get("apply_url")),
        "title": title,
        "company": _text(v.get("company")),
        "locations": _list(v.get("locations")),
        "country_codes": [c.upper() for c in _list(v.get("country_codes")) if len(c) == 2],
        "workplace_type": work,
        "workplace_raw": work_raw,
        "employment_type": _text(v.get("employment_type")),
        "department": _text(v.get("department")),
        "posted_at": _timestamp(v.get("posted_at")),
        "updated_at": _timestamp(v.get("updated_at")),
        "description_html": _text(v.get("description_html")),
        "description_text": _text(v.get("description_text")),
        "salary_raw": _pay(v),
        "salary_text": _text(v.get("salary_text")),
        "fetched_at": fetched_at,
        "run_id": run_id,
    }
    out = _NORMALISE.process_item(data)
    extra = {c: _json_safe(row[c]) for c in cmap.extras if _value(row.get(c)) is not None}
    if extra:
        out["extra"] = extra  # kept in the lake; later stages read the Posting fields only
    return out
