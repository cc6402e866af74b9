"""Many keywords found in one pass over a text, each keyword carrying its own value.

Every extractor that looks for a word list (skill forms, clause-frame keywords, asked-cue
triggers) scans with this. It wraps the Rust aho-corasick DFA (`ahocorasick_rs`), which scans
about twice as fast as pyahocorasick's automaton and returns all matches as one list, instead of
a Python tuple per step of an iterator.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

import ahocorasick_rs

V = TypeVar("V")


class KeywordAutomaton(Generic[V]):
    """Keyword -> value; `matches` finds every occurrence, overlaps included, in one pass."""

    __slots__ = ("_ac", "keys", "values")

    def __init__(self, entries: Mapping[str, V]) -> None:
        keys = [k for k in entries if k]
        self.keys: list[str] = keys
        self.values: list[V] = [entries[k] for k in keys]
        self._ac = (
            ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.DFA)
            if keys
            else None
        )

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(keyword index into `keys` and `values`, start, end) of every occurrence, in order of their end
        (longer keyword first at the same end); offsets are str indices, not bytes."""
        if self._ac is None or not text:
            return []
        return self._ac.find_matches_as_indexes(text, overlapping=True)
