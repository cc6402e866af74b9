"""HTML to plain text that keeps block structure (headings and list items on their own lines)."""

from __future__ import annotations

import html as html_lib
import re

import html_text

#: elements whose content a reader never sees; html_text's cleaner misses some (template,
#: noscript, iframe) and skips cleaning altogether when lxml's cleaner trips on odd markup
HIDDEN_TAGS = ("script", "style", "template", "noscript", "iframe", "object", "embed")
_HIDDEN_XPATH = "|".join(f"//{tag}" for tag in HIDDEN_TAGS)
_HIDDEN_BLOCK = re.compile(
    rf"<({'|'.join(HIDDEN_TAGS)})\b.*?</\1\s*>|<!--.*?(?:-->|$)", re.S | re.I
)
_TAG = re.compile(r"<[^>]*>?")


def html_to_text(html: str | None) -> str:
    """Readable text from posting HTML; entity-escaped HTML (Greenhouse `content`) is unescaped first.

    Never returns markup or the content of scripts, styles and other hidden elements, whatever
    the input: a parser failure falls back to stripping tags with regular expressions."""
    if not html:
        return ""
    if "&lt;" in html and "<" not in html:
        html = html_lib.unescape(html)
    try:
        tree = html_text.parse_html(html)
        for element in tree.xpath(_HIDDEN_XPATH):
            if element.getparent() is not None:
                element.drop_tree()  # keeps the element's tail text
        return html_text.extract_text(tree, guess_layout=True).strip()
    except Exception:  # lxml rejects some hostile inputs
        return _strip_markup(html)


def _strip_markup(html: str) -> str:
    text = _TAG.sub(" ", _HIDDEN_BLOCK.sub(" ", html))
    return " ".join(html_lib.unescape(text).split())
