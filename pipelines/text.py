"""HTML to plain text that keeps block structure (headings and list items on their own lines)."""

from __future__ import annotations

import html as html_lib

import html_text


def html_to_text(html: str | None) -> str:
    """Readable text from posting HTML; entity-escaped HTML (Greenhouse `content`) is unescaped first."""
    if not html:
        return ""
    if "&lt;" in html and "<" not in html:
        html = html_lib.unescape(html)
    try:
        return html_text.extract_text(html, guess_layout=True).strip()
    except Exception:  # lxml rejects some hostile inputs; fall back to plain unescape
        return html_lib.unescape(html).strip()
