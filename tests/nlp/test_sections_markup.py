"""The cheaper forms in pipelines/nlp/sections.py agree with the regexes and loops they replaced."""

from __future__ import annotations

import random
import re
import sys

from pipelines.nlp.sections import (
    _HEADINGS,
    _LOOSE_HEADINGS,
    _SPACE,
    _section_named,
    _sentence_ends,
    _unmarked,
)

_MARKUP = re.compile(r"^[\s#*_>\-•·–|]+|[\s*_:|]+$")  # what _unmarked replaced


def test_space_is_regex_white_space() -> None:
    every = map(chr, range(sys.maxunicode + 1))
    assert set(_SPACE) == {c for c in every if re.match(r"\s", c)}


def test_unmarked_strips_what_the_markup_regex_removed() -> None:
    rng = random.Random(7)
    parts = list("#*_>-•·–|: .,a") + ["\t", "\xa0", "\u2003", "\n", "\r", "Perks", "we use Go"]
    lines = ["", ":", "#:", "**", "## **Perks:**", "- Python:", "Pay |", "a:\n", " \n "]
    lines += ["".join(rng.choices(parts, k=rng.randint(1, 9))) for _ in range(5000)]
    for line in lines:
        assert _unmarked(line) == _MARKUP.sub("", line).strip(), repr(line)


_SENT_END = re.compile(r"[.!?;]+\s+(?=[\"'(\[]?[A-Z0-9])")
_NOT_AN_END = re.compile(r"(?:[A-Z]|\be\.g|\bi\.e|\betc|\bvs)\Z")


def _reference_ends(line: str) -> list[tuple[int, int]]:
    """The sentence-end loop _sentence_ends replaced: a search per candidate, retried one on."""
    out: list[tuple[int, int]] = []
    pos = 0
    while m := _SENT_END.search(line, pos):
        i = m.start()
        if _NOT_AN_END.search(line, max(0, i - 5), i):
            pos = i + 1
            continue
        out.append((i, m.end()))
        pos = m.end()
    return out


def test_sentence_ends_agree_with_the_search_loop() -> None:
    rng = random.Random(11)
    parts = [".", ". ", "!", "?", ";", "..", " ", "\t", "\xa0", "U", "S", "e.g", "i.e", "etc"]
    parts += ["vs", "a", "Go", "3", "(", '"', "'", "[", "x", "ABC", "e", "g"]
    lines = ["U.S. Army.", "A.. Next", "e.g. Python", "etc. And", "We ship. Fast!", "vs.. Rust"]
    lines += ["".join(rng.choices(parts, k=rng.randint(1, 14))) for _ in range(20000)]
    for line in lines:
        assert _sentence_ends(line) == tuple(_reference_ends(line)), repr(line)


def test_loose_heading_patterns_only_drop_assertions() -> None:
    for (name, pat), (loose_name, loose, exact) in zip(_HEADINGS, _LOOSE_HEADINGS, strict=True):
        assert (loose_name, exact) == (name, pat)
        assert re.sub(r"\\b|\^|\$", "", pat.pattern) == loose.pattern
        assert not re.search(r"\\b|\^|\$", loose.pattern)


def test_section_named_is_the_first_matching_heading_pattern() -> None:
    rng = random.Random(5)
    words = "about our team the role pay eeo offer experience stack a plus you will mission".split()
    words += ["payroll", "repay", "abouts", "teamwork", "what's", "plus", "required", "x", "-", "("]
    for _ in range(5000):
        low = " ".join(rng.choices(words, k=rng.randint(1, 5)))
        first = next((name for name, pat in _HEADINGS if pat.search(low)), None)
        assert _section_named(low) == first, low
