"""spiders.parsers.common.cut_short: a whole feed/sitemap/page passes, any cut before its
closing root tag is caught (parsers recover silently from truncated markup)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prop_kit import FUZZED, nasty_text

from spiders.parsers.common import cut_short

pytestmark = pytest.mark.faults
DOCS = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>{x}</channel></rss>\n',
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{x}</urlset>',
    "<!DOCTYPE html>\n<!-- generated -->\n<html lang=en><body><ul>{x}</ul></body></html>\n\n",
]
items = st.lists(
    st.builds(
        lambda t: f"<item><title>{t}</title></item>",
        nasty_text.map(lambda s: s.replace("<", "&lt;").replace(">", "&gt;")),
    ),
    max_size=5,
).map("".join)


@given(st.sampled_from(DOCS), items)
def test_whole_documents_pass(template: str, inner: str) -> None:
    FUZZED["cut_short"] += 1
    assert cut_short(template.format(x=inner).encode()) is None


@given(st.sampled_from(DOCS), items, st.floats(0.0, 0.999))
def test_any_cut_is_caught(template: str, inner: str, fraction: float) -> None:
    FUZZED["cut_short"] += 1
    body = template.format(x=inner).encode()
    root_close = body.rstrip().rfind(b"</")
    cut = body[: int(root_close * fraction)]
    if cut.lstrip().startswith(b"<?xml") or b"<html" in cut:  # the root is (being) opened
        assert cut_short(cut) is not None


@given(nasty_text)
def test_any_text_never_crashes(text: str) -> None:
    FUZZED["cut_short"] += 1
    result = cut_short(text.encode())
    assert result is None or result.startswith("document cut short")
