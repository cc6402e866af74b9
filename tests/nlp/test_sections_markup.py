"""The cheap string forms in pipelines/nlp/sections.py agree with the regexes they replaced."""

from __future__ import annotations

import random
import re
import sys

from pipelines.nlp.sections import _SPACE, _unmarked

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
