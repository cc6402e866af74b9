"""Skill, role and seniority extraction (spaCy blank pipeline + taxonomy rules).

from pipelines.nlp import get_analyser
get_analyser().analyse("Senior AI Engineer", text)
"""

from __future__ import annotations

from functools import lru_cache

from .analyser import Analyser
from .matcher import distinct_slugs
from .taxonomy import load_roles, load_skill_taxonomy

__all__ = [
    "Analyser",
    "bench",
    "get_analyser",
    "distinct_slugs",
    "load_roles",
    "load_skill_taxonomy",
]


@lru_cache(maxsize=1)
def get_analyser() -> Analyser:
    """The process-wide analyser (compiling the taxonomy takes ~0.5 s; do it once)."""
    return Analyser()


def bench(texts: list[str], repeat: int = 3) -> dict[str, float]:
    """Docs/s of the analyser vs spaCy's bare tokenizer on `texts` (for `make bench`)."""
    return get_analyser().bench(texts, repeat)
