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

from .context import Hit
from .taxonomy import TAXONOMY_DIR

_DATA = tomllib.loads((TAXONOMY_DIR / "context.toml").read_text("utf-8"))["practice"]
_PATTERNS = [(p["slug"], re.compile(p["pattern"]), tuple(p["keywords"])) for p in _DATA["patterns"]]


def practice_hits(text: str, low: str) -> list[Hit]:
    """Unambiguous hits for the practice patterns in `low` (`text` lower-cased, same offsets).

    Each pattern runs only on a window around its keywords (found with str.find)."""
    hits: list[Hit] = []
    for slug, pattern, keywords in _PATTERNS:
        seen: set[tuple[int, int]] = set()
        for key in keywords:
            i = low.find(key)
            while i != -1:
                lo = max(0, i - 40)
                for m in pattern.finditer(low, lo, min(len(low), i + 120)):
                    span = m.span("verb")
                    if span not in seen:
                        seen.add(span)
                        hits.append(Hit(span[0], span[1], text[span[0] : span[1]], (slug,), None))
                i = low.find(key, i + len(key))
    return hits
