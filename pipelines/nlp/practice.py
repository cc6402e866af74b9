"""Practices named by a verb phrase rather than a term: "deploying AI/ML solutions into
production", "productionizing AI models", "ML models operationalization" are MLOps (model
deployment) in the core-skill contract, but no fixed alias spells them.

Each pattern is a curated regex (data in context.toml `[practice]`) over the lower-cased text;
the mention's span is the verb alone, so skills named inside the phrase ("LLMs") stay their own
mentions. A cheap keyword test skips texts that cannot match.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping

from .context import Hit
from .taxonomy import TAXONOMY_DIR

_DATA = tomllib.loads((TAXONOMY_DIR / "context.toml").read_text("utf-8"))["practice"]
_PATTERNS = [(p["slug"], re.compile(p["pattern"]), tuple(p["keywords"])) for p in _DATA["patterns"]]


#: the patterns' keywords, for a caller whose own scan of the lower-cased text can find them
KEYWORDS = tuple(dict.fromkeys(key for _, _, keywords in _PATTERNS for key in keywords))


def practice_hits(text: str, low: str, found: Mapping[str, list[int]] | None = None) -> list[Hit]:
    """Unambiguous hits for the practice patterns in `low` (`text` lower-cased, same offsets).

    Each pattern runs only on a window around its keywords: their starts in `low` come from
    `found` (ascending, overlaps included, as an automaton reports them) or str.find."""
    hits: list[Hit] = []
    for slug, pattern, keywords in _PATTERNS:
        seen: set[tuple[int, int]] = set()
        for key in keywords:
            for i in _starts(low, key, found):
                lo = max(0, i - 40)
                for m in pattern.finditer(low, lo, min(len(low), i + 120)):
                    span = m.span("verb")
                    if span not in seen:
                        seen.add(span)
                        hits.append(Hit(span[0], span[1], text[span[0] : span[1]], (slug,), None))
    return hits


def _starts(low: str, key: str, found: Mapping[str, list[int]] | None) -> Iterator[int]:
    """Starts of `key` in `low`, each after the end of the one before (str.find's walk)."""
    if found is None:
        i = low.find(key)
        while i != -1:
            yield i
            i = low.find(key, i + len(key))
        return
    after = 0
    for i in found.get(key, ()):
        if i >= after:
            yield i
            after = i + len(key)
