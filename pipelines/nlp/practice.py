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
    """Unambiguous hits for the practice patterns in `low` (`text` lower-cased, same offsets)."""
    hits: list[Hit] = []
    for slug, pattern, keywords in _PATTERNS:
        if not any(k in low for k in keywords):
            continue
        for m in pattern.finditer(low):
            start, end = m.span("verb")
            hits.append(Hit(start, end, text[start:end], (slug,), None))
    return hits
