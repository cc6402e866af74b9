"""Many keywords found in one pass over a text, each keyword carrying its own value.

Every extractor that looks for a word list (skill forms, clause-frame keywords, asked-cue
triggers) scans with this. It wraps the Rust aho-corasick automata (`ahocorasick_rs`), which scan
about twice as fast as pyahocorasick's and return all matches as one list, instead of a Python
tuple per step of an iterator.

Why two layouts: a DFA is the fastest scan while its table stays in the CPU cache, but the table
grows with states x byte classes (13 MB for the ~4,900 skill forms, against 0.6 MB as a
contiguous NFA); between two postings the other stages evict it, and the big scan ran ~30%
slower as a DFA inside the pipeline than alone. Small keyword sets keep the DFA.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

import ahocorasick_rs

V = TypeVar("V")

#: keyword sets up to this size scan as a DFA (a few hundred KB at most), larger ones as an NFA
DFA_MAX_KEYS = 1000


class KeywordAutomaton(Generic[V]):
    """Keyword -> value; `matches` finds every occurrence, overlaps included, in one pass."""

    __slots__ = ("_ac", "keys", "values")

    def __init__(self, entries: Mapping[str, V]) -> None:
        keys = [k for k in entries if k]
        self.keys: list[str] = keys
        self.values: list[V] = [entries[k] for k in keys]
        layout = (
            ahocorasick_rs.Implementation.DFA
            if len(keys) <= DFA_MAX_KEYS
            else ahocorasick_rs.Implementation.ContiguousNFA
        )
        self._ac = ahocorasick_rs.AhoCorasick(keys, implementation=layout) if keys else None

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(keyword index into `keys` and `values`, start, end) of every occurrence, in order
        of their end (longer keyword first at the same end); offsets are str indices."""
        if self._ac is None or not text:
            return []
        return self._ac.find_matches_as_indexes(text, overlapping=True)


def _word_char(c: str) -> bool:
    """Python's `\\w` for str patterns (sre tests isalnum or underscore)."""
    return c.isalnum() or c == "_"


class WholeWordPhrases:
    """`re.search(r"\\b(?:p1|p2|...)\\b", text)` answered by one automaton pass: the leftmost
    phrase standing as whole words, and at one start the earliest phrase in the given order.

    Why: sre tries every alternative at every word start, ~0.2 ms on a long posting."""

    __slots__ = ("_ac",)

    def __init__(self, phrases: list[str]) -> None:
        if not all(p and _word_char(p[0]) and _word_char(p[-1]) for p in phrases):
            raise ValueError("each phrase must start and end with a word character")
        self._ac = KeywordAutomaton({p: rank for rank, p in enumerate(dict.fromkeys(phrases))})

    def search(self, text: str) -> str | None:
        best: tuple[int, int] | None = None  # (start, rank); a keyword's index is its rank
        for rank, start, end in self._ac.matches(text):
            if (start > 0 and _word_char(text[start - 1])) or (
                end < len(text) and _word_char(text[end])
            ):
                continue
            if best is None or (start, rank) < best:
                best = (start, rank)
        return None if best is None else self._ac.keys[best[1]]
