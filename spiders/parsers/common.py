"""Helpers shared by the pure parsers: dates to ISO UTC, HTML unescaping, posting finishing."""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from pipelines.records import Posting, compute_content_hash
from pipelines.text import html_to_text
from spiders.parsers.places import split_locations

logger = logging.getLogger(__name__)

#: a run of characters that UTF-8 lead/continuation bytes become when read as cp1252/Latin-1
_MOJIBAKE_RUN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0178\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+"
)
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
        try:
            dt = datetime.fromtimestamp(seconds, tz=UTC)
        except (
            ValueError,
            OverflowError,
            OSError,
        ):  # NaN, year 10000+, beyond the platform's range
            return None
    elif isinstance(value, str):
        dt = _parse_str_date(value.strip())
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    # isoformat, not strftime("%Y"): it pads years below 1000 to four digits ("0999-...")
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


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


_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", re.S | re.I)
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_DOCUMENT_ROOTS = (b"html", b"rss", b"feed", b"urlset", b"sitemapindex", b"rdf:rdf")


def cut_short(body: bytes) -> str | None:
    """Why a markup document (RSS, sitemap, HTML page) looks cut short, or None when it ends with
    its root element's closing tag. Parsers recover silently from a truncated document, so
    without this a half feed would pass as the whole listing. Fragments without an `<html>`
    root cannot be judged and pass."""
    head = body[:65536]
    prolog = _PROLOG.match(head)
    match = _ROOT_TAG.match(head, prolog.end() if prolog else 0)
    if match is None:  # only an XML declaration left means cut short; text or a fragment passes
        return "document cut short: no root element" if head.lstrip().startswith(b"<?xml") else None
    root = match.group(1).lower()
    if root not in _DOCUMENT_ROOTS and not head.lstrip().startswith(b"<?xml"):
        return None  # an HTML fragment: closing tags are optional there
    tail = body.rstrip()[-(len(root) + 256) :].lower()
    if re.search(rb"</\s*" + re.escape(root) + rb"\s*>(?:\s*<!--.*?-->)*$", tail, re.S):
        return None
    return f"document cut short: no closing </{root.decode('ascii', 'replace')}> at the end"


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


@lru_cache(maxsize=4096)
def description_text(html: str) -> str:
    """html_to_text, remembered per crawl process: a list response and the detail response of
    the same posting (Greenhouse fetches both) carry the same HTML, converted once instead of
    twice (the conversion was the largest single cost of a crawl's CPU). 4096 entries bound
    the memory to tens of MB."""
    return html_to_text(html)


def finish(posting: Posting) -> Posting:
    """Fill derived fields every parser owes: places only in `locations` (employment types
    and visa notes moved to their fields), plain text from HTML and the content hash."""
    posting.title = " ".join((posting.title or "").split())
    places, employment, visa = split_locations(posting.locations)
    posting.locations = places
    if employment and not posting.employment_type:
        posting.employment_type = "; ".join(unique(employment))
    if visa and not posting.visa_sponsorship:
        posting.visa_sponsorship = "; ".join(unique(visa))
    if not posting.description_text and posting.description_html:
        posting.description_text = description_text(posting.description_html) or None
    posting.content_hash = compute_content_hash(posting)
    return posting


def first(items: Any) -> Any:
    """First element of a list, or the value itself when it is not a list."""
    if isinstance(items, list):
        return items[0] if items else None
    return items


class ResponseShapeError(ValueError):
    """A well-formed response in a shape the parser does not know (an API changed): a named
    error for that board, never read as an empty listing (which would close its postings).
    A ValueError like any malformed answer, but the spider does not retry it: the same
    answer would come back in the same shape."""


def items_of(payload: Any, key: str | None = None) -> list[Any]:
    """The job list of a payload (`payload[key]`, or the payload itself when key is None);
    null means no jobs; an object without the key is an unknown shape (ResponseShapeError);
    any other shape is a malformed answer (ValueError: retried)."""
    if key is not None:
        if not isinstance(payload, dict):
            raise ValueError(f"expected a JSON object with {key!r}, got {type(payload).__name__}")
        if key not in payload:
            keys = sorted(str(k) for k in payload)[:8]
            raise ResponseShapeError(f"unknown response shape: no {key!r} (keys: {keys})")
        payload = payload.get(key)
    if payload is None:
        return []
    if not isinstance(payload, list):
        raise ValueError(f"expected a list of jobs, got {type(payload).__name__}")
    return payload


class MissingId(KeyError):
    """A job object without the id that keys it: a listed posting we cannot keep."""


def require_id(item: Any, key: str = "id") -> dict[str, Any]:
    """The item when it is an object with a non-empty `key`; else MissingId/TypeError, which
    parse_each counts as a skip (a listed posting lost), never a silent None."""
    if not isinstance(item, dict):
        raise TypeError(f"job of type {type(item).__name__}")
    if item.get(key) in (None, ""):
        raise MissingId(key)
    return item


class ParseNotes:
    """What the parsers left out of one response, by reason.

    `skipped`: a listed posting we could not keep (unreadable item, no title, unreadable
    JSON-LD block, ...): the listing is then incomplete, so nothing on the board is closed.
    `ignored`: items that are not postings (HN replies and discussion, unlisted or deleted jobs):
    counted so nothing vanishes silently, but the listing stays complete."""

    def __init__(self) -> None:
        self.skipped: list[tuple[str, str]] = []
        self.ignored: dict[str, int] = {}


_NOTES: ContextVar[ParseNotes | None] = ContextVar("jobtrends_parse_notes", default=None)


@contextmanager
def collect_skipped() -> Iterator[ParseNotes]:
    """Collect what the parsers skipped or ignored while the block runs (the spider counts
    both in the crawl record and marks the listing incomplete when a posting was skipped)."""
    notes = ParseNotes()
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def note_skipped(reason: str, detail: str = "") -> None:
    """A listed posting that could not be kept: `reason` is a short stable label (counted),
    `detail` names the item (logged)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.skipped.append((reason, detail))
    else:
        logger.warning("skipped %s: %s", reason, detail)


def note_ignored(reason: str, count: int = 1) -> None:
    """Items that are not postings (replies, unlisted jobs): counted, listing stays complete."""
    notes = _NOTES.get()
    if notes is not None:
        notes.ignored[reason] = notes.ignored.get(reason, 0) + count


def parse_each(items: Iterable[Any], build: Callable[[Any], Posting | None]) -> list[Posting]:
    """One posting per item (None = not a posting). An item whose fields have shapes the parser
    does not expect is skipped and noted, instead of failing every other posting of the page;
    an item without a title is skipped and noted too (a posting we cannot name is still listed)."""
    out: list[Posting] = []
    for n, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        try:
            posting = build(item)
        except MissingId as exc:
            note_skipped("no id", f"item #{n}: no {exc.args[0]!r}")
            continue
        except Exception as exc:  # noqa: BLE001 - any malformed field of one job
            note_skipped(
                "unreadable item",
                f"item #{n} (id {ident!r}): {type(exc).__name__}: {str(exc)[:120]}",
            )
            continue
        if posting is None:
            continue
        if not posting.title:
            note_skipped("no title", f"item #{n} (id {posting.source_id!r})")
            continue
        out.append(posting)
    return out
