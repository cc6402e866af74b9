"""pipelines/text.py html_to_text: never crashes, never leaks tags or script/style content, keeps
every visible word, and treats entity-escaped HTML (Greenhouse `content`) like the real thing."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prop_kit import FUZZED, nasty_text

from pipelines.text import html_to_text

pytestmark = pytest.mark.faults

words = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=10
)
BLOCK = ["p", "div", "li", "h2", "h3", "section", "td", "blockquote"]
INLINE = ["b", "i", "em", "strong", "span", "a", "code"]
attrs = st.sampled_from(
    [
        "",
        ' class="x"',
        ' onclick="steal()"',
        ' href="https://e.org/?a=1&amp;b=2"',
        " style='color:red'",
        ' data-x="&lt;b&gt;"',
    ]
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """(HTML document, its visible words in order); hidden script/style/comment parts carry
    the marker word HIDDENZZ, which must never reach the text."""
    parts: list[str] = []
    visible: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.integers(0, 5))
        text = draw(st.lists(words, min_size=1, max_size=5))
        if choice == 0:
            hidden = draw(
                st.sampled_from(
                    [
                        "<script>var HIDDENZZ = '<p>x</p>';</script>",
                        "<style>p:before{content:'HIDDENZZ'}</style>",
                        "<!-- HIDDENZZ <b> -->",
                        "<template>HIDDENZZ</template>",
                    ]
                )
            )
            parts.append(hidden)
            continue
        inner = " ".join(text)
        if choice in (1, 2):
            tag = draw(st.sampled_from(INLINE))
            inner = f"<{tag}{draw(attrs)}>{inner}</{tag}>"
        block = draw(st.sampled_from(BLOCK))
        parts.append(
            f"<{block}{draw(attrs)}>{inner}</{block}>"
            + draw(st.sampled_from(["", "<br>", "<hr/>", "\n"]))
        )
        visible += text
    return "<html><body>" + "".join(parts) + "</body></html>", visible


@given(nasty_text)
def test_any_text_gives_text(value: str) -> None:
    FUZZED["html_to_text"] += 1
    out = html_to_text(value)
    assert isinstance(out, str) and out == out.strip()


@given(st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")))
def test_any_bytes_decoded_give_text(value: str) -> None:
    FUZZED["html_to_text"] += 1
    assert isinstance(html_to_text(value), str)


@given(documents())
def test_no_tags_no_hidden_content_every_word_in_order(doc: tuple[str, list[str]]) -> None:
    FUZZED["html_to_text"] += 1
    markup, visible = doc
    out = html_to_text(markup)
    assert "<" not in out and ">" not in out and "HIDDENZZ" not in out
    assert "steal()" not in out and "color:red" not in out
    pos = 0
    for word in visible:  # every visible word, in document order
        found = out.find(word, pos)
        assert found >= 0, (word, out)
        pos = found + len(word)


@given(documents())
def test_entity_escaped_html_reads_like_html(doc: tuple[str, list[str]]) -> None:
    FUZZED["html_to_text"] += 1
    markup, _ = doc
    assert html_to_text(html.escape(markup, quote=False)) == html_to_text(markup)
