"""Find pay text inside a posting description when no pay field exists.

Greenhouse's `content-pay-transparency` block (one or more `.pay-range` divs) is read here; pay
in free text (header fields, "Salary: ..." sentences) is found by candidates.py.
"""

from __future__ import annotations

import html as html_lib
import re

_PAY_RANGE = re.compile(
    r'<div class="title">(?P<title>.*?)</div>\s*<div class="pay-range">(?P<range>.*?)</div>'
    r'|<div class="pay-range">(?P<bare>.*?)</div>',
    re.S | re.I,
)
_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


def _clean(fragment: str) -> str:
    text = html_lib.unescape(_TAG.sub(" ", fragment))
    return _WS.sub(" ", text).strip()


def pay_blocks(description_html: str | None) -> list[tuple[str, str]]:
    """(title, range text) for each Greenhouse pay-range div, in page order."""
    if not description_html:
        return []
    doc = description_html
    if "<div" not in doc and "&lt;" in doc:  # '<div' is found early; '&lt;' is searched to the end
        doc = html_lib.unescape(doc)
    if "pay-range" not in doc:
        return []
    out = []
    for m in _PAY_RANGE.finditer(doc):
        rng = m.group("range") if m.group("range") is not None else m.group("bare")
        out.append((_clean(m.group("title") or ""), _clean(rng or "")))
    return out


def pay_context(description_html: str | None) -> str:
    """Text of the pay-transparency block (its description often says 'annual' or 'hourly')."""
    if not description_html:
        return ""
    doc = (
        html_lib.unescape(description_html) if "<div" not in description_html else description_html
    )
    m = re.search(r'class="content-pay-transparency"(.*?)class="pay-range"', doc, re.S)
    return _clean(m.group(1)) if m else ""


_BLOCK_END = re.compile(r"<(?:br|/p|/li|/h[1-6]|/div|/tr|/ul|/ol|li|h[1-6]|p)\b[^>]*>", re.I)
_HIDDEN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)


def html_lines(doc: str) -> str:
    """Text of posting HTML, one block per line, by regular expressions only.

    Why not the full HTML-to-text converter: pay is read from a few lines, and a tag strip that
    keeps block breaks is ten times cheaper on long postings (the salary step's whole budget)."""
    if "&lt;" in doc and "<" not in doc:
        doc = html_lib.unescape(doc)
    if "<s" in doc or "<S" in doc or "<t" in doc or "<!" in doc or "<n" in doc:
        doc = _HIDDEN.sub(" ", doc)
    doc = _TAG.sub(" ", _BLOCK_END.sub("\n", doc))
    doc = html_lib.unescape(doc)
    return doc  # runs of spaces are collapsed per pay segment, where it is cheap


def description_text(record: dict) -> str:
    """The description as plain text (the source's own text when given)."""
    text = record.get("description_text") or ""
    if not text and record.get("description_html"):
        text = html_lines(record["description_html"])
    return text
