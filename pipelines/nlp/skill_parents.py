"""A mention of a narrower skill also mentions its parent: "anomaly detection" is machine
learning, "Langfuse" is LLM observability, "Django" is Python (taxonomy `parent`).

Matching spells only the child; without this, a posting that asks for RL or anomaly detection
would not count as asking for machine learning. The parent mention shares the child's span and
text (its provenance), exactly like the slugs a surface form `implies`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .mention_order import MENTION_ORDER
from .taxonomy import skill_taxonomy


@lru_cache(maxsize=1)
def parent_chains() -> dict[str, tuple[str, ...]]:
    """Each skill's ancestors, nearest first (a cycle in the data stops the walk). Core slugs
    are left out: the core-skill contract says itself what mentions them ("TypeScript" is not a
    JavaScript mention, "Django" not a Python one)."""
    tax = skill_taxonomy()
    parent = {s["slug"]: s.get("parent") for s in tax.skills}
    out: dict[str, tuple[str, ...]] = {}
    for slug in parent:
        chain: list[str] = []
        p = parent.get(slug)
        while p and p not in chain and p != slug:
            chain.append(p)
            p = parent.get(p)
        chain = [p for p in chain if p not in tax.core]
        if chain:
            out[slug] = tuple(chain)
    return out


def add_parent_mentions(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`mentions` plus one mention per ancestor of each mention's skill at the same span (none
    when that skill is already mentioned at that span); order kept by start offset."""
    chains = parent_chains()
    have = {(m["slug"], m["start"], m["end"]) for m in mentions}
    extra: list[dict[str, Any]] = []
    for m in mentions:
        for p in chains.get(m["slug"], ()):
            key = (p, m["start"], m["end"])
            if key not in have:
                have.add(key)
                extra.append({**m, "slug": p})
    if not extra:
        return mentions
    mentions.extend(extra)
    mentions.sort(key=MENTION_ORDER)
    return mentions
