"""Helpers shared by the pure parsers: dates to ISO UTC, HTML unescaping, posting finishing."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from pipelines.records import Posting, compute_content_hash
from pipelines.text import html_to_text

#: a run of characters that UTF-8 lead/continuation bytes become when read as cp1252/Latin-1
_MOJIBAKE_RUN = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0178\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+")
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf\u201a-\u203a\u0152-\u0178\u02c6\u02dc\u0160\u2122]")
WORKPLACE_TYPES = ("remote", "hybrid", "onsite", "unknown")
_WORKPLACE_ALIASES = {
    "remote": "remote",
    "telecommute": "remote",
    "fully remote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on-site": "onsite",
    "on_site": "onsite",
    "on site": "onsite",
    "office-based": "onsite",
    "in office": "onsite",
}


def iso_utc(value: Any) -> str | None:
    """Any timestamp a source uses (ISO with offset, 'YYYY-MM-DD HH:MM:SS UTC', RFC 822,
    epoch s/ms, bare date) as 'YYYY-MM-DDTHH:MM:SSZ'; None when unparseable, so bad dates never
    fail a posting."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    dt: datetime | None = None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value  # epoch ms vs s
        dt = datetime.fromtimestamp(seconds, tz=UTC)
    elif isinstance(value, str):
        dt = _parse_str_date(value.strip())
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_str_date(text: str) -> datetime | None:
    cleaned = re.sub(r"\s+UTC$", "", text)
    cleaned = cleaned.replace("Z", "+00:00") if cleaned.endswith("Z") else cleaned
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.combine(date.fromisoformat(cleaned[:10]), datetime.min.time())
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 bytes that were decoded as Latin-1/cp1252 ('MecÃ¡nico' -> 'Mecánico').
    Repairs run by run, so one bad stretch (or a U+FFFD) does not block the rest."""
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE_RUN.sub(_repair_run, text)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    for codec in ("cp1252", "latin-1"):
        try:
            return run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def unescape_html(value: str | None) -> str | None:
    """HTML from sources that entity-escape it (Greenhouse `content`, some feeds); unescapes until
    real tags appear (the Greenhouse docs example is double-escaped)."""
    if not value:
        return value or None
    for _ in range(3):
        if ("&lt;" in value or "&amp;lt;" in value) and "<" not in value:
            value = html_lib.unescape(value)
        else:
            break
    return value


def workplace(raw: str | None) -> str:
    """Map a source's workplace label to remote|hybrid|onsite|unknown."""
    if not raw:
        return "unknown"
    return _WORKPLACE_ALIASES.get(raw.strip().lower(), "unknown")


def clean_str(value: Any) -> str | None:
    """Stripped string or None for empty/non-string values."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def unique(values: Iterable[Any]) -> list[str]:
    """Non-empty stripped strings, first occurrence kept, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        text = clean_str(value)
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def finish(posting: Posting) -> Posting:
    """Fill derived fields every parser owes: plain text from HTML and the content hash."""
    posting.title = " ".join((posting.title or "").split())
    if not posting.description_text and posting.description_html:
        posting.description_text = html_to_text(posting.description_html) or None
    posting.content_hash = compute_content_hash(posting)
    return posting


def first(items: Any) -> Any:
    """First element of a list, or the value itself when it is not a list."""
    if isinstance(items, list):
        return items[0] if items else None
    return items
