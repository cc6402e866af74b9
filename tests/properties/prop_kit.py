"""Shared strategies and the fuzzed-input counter for the property tests."""

from __future__ import annotations

from collections import Counter

from hypothesis import strategies as st

#: parser name -> generated inputs run through it this session
FUZZED: Counter[str] = Counter()

#: text that may hit parser edge cases: markup characters, entities, separators, unicode
NASTY_CHARS = st.sampled_from(
    list("<>&;\"'/=|,;:-*•\n\t #")
    + ["&amp;", "&lt;", "&#x27;", "\u00a0", "\ufffd", "é", "—", "\u200b", "💼"]
)
nasty_text = st.lists(st.one_of(NASTY_CHARS, st.text(max_size=8)), max_size=40).map("".join)

#: any JSON value (bounded), for feeding parsers payloads of the wrong shape
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**15)
    | st.floats(allow_nan=False)
    | nasty_text,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=25,
)
