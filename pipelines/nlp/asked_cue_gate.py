"""Which asked-cue patterns can match a sentence: literal trigger words, at least one of which
every match of a pattern contains, found in one Aho-Corasick pass; only the triggered patterns
run (regex alternations are slow in Python's re; most sentences trigger one or two).
"""

from __future__ import annotations

import re
from functools import cache

from .asked_cue_patterns import (
    APPLY_RE,
    BENEFITS_RE,
    COMPANY_RE,
    HISTORY_RE,
    LEGAL_RE,
    STACK_RE,
    STRONG_BRANCHES,
    STRONG_RE,
    VALUES_RE,
    WAIVED_RE,
    WEAK_RE,
)
from .automaton import KeywordAutomaton


def _words(spec: str) -> tuple[str, ...]:
    """Trigger words written "a|b|c" (a word may hold a space or a comma: "race,")."""
    return tuple(spec.split("|"))


#: pattern name -> (pattern, trigger words); the names are what `Hits` answers for
TRIGGERS: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "legal": (
        LEGAL_RE,
        _words(
            "equal|regard|race,|religio|gender|sexual|origin|disabilit|veteran|protected|"
            "accommodat|verify|background check|privacy|applicant|recruiter|scam|fraud|"
            "underrepresented|affirmative|eeo|transparency|fair chance|criminal"
        ),
    ),
    "waived": (
        WAIVED_RE,
        _words("not|no |n't|n’t"),
    ),
    "values": (
        VALUES_RE,
        _words(
            "value|care about|celebrate|prize|cherish|believe in|foster|embrace|our culture|"
            "our principles|culture of|collaborative|curious|humble|diverse|inclusive|"
            "remote-first|remote first|distributed"
        ),
    ),
    "history": (
        HISTORY_RE,
        _words(
            "founded|backed|funded|raised|series|seed|venture|investor|valuation|"
            "headquartered|customers include|trusted by|ex-|formerly|previously|invented|"
            "pioneered"
        ),
    ),
    "strong": (
        STRONG_RE,
        _words(
            "you|looking|hiring|searching|seeking|candidate|role|responsib|must|plus|bonus|"
            "nice|prefer|require|qualif|we need|essential|a must"
        ),
    ),
    "stack": (
        STACK_RE,
        _words("stack|tool|we use|we work|built|written"),
    ),
    "benefits": (
        BENEFITS_RE,
        _words(
            "benefit|perk|401|health|dental|vision|parental|paid time|pto|vacation|stipend|"
            "wellness|equity|stock|compensation|salary|base pay|pay range|ote|bonus|"
            "relocation|visa|sponsor|offsite|retreat|gym|meal|snack|hybrid|office|day|"
            "remote|flexible"
        ),
    ),
    "apply": (
        APPLY_RE,
        _words("apply|email|send|reach out|resume|cv|application|@"),
    ),
    "company": (
        COMPANY_RE,
        _words(
            "our |we|founded|backed|funded|raised|series|seed|venture|investor|valuation|"
            "unicorn|headquartered|customers include|trusted by|used by|public benefit|"
            "fortune|portfolio|revenue|arr|is a|is the|are a|are the|previously|formerly|"
            "ex-|invented|pioneered|said"
        ),
    ),
    "weak": (
        WEAK_RE,
        _words(
            "experience|expertise|proficien|fluen|background|track record|familiar|skilled|"
            "adept|expert|comfortable|knowledge|understanding|mastery|command|ability to|"
            "hands|year|yrs|degree|bs in|ms in|phd|bachelor|master|strong"
        ),
    ),
}


#: STRONG_RE's branches by the trigger words one of which each branch's match contains: when
#: "strong" is triggered only the branches of the words that fired run (STRONG_RE tried every
#: branch at every word start); any branch matching is exactly STRONG_RE matching
_STRONG_PARTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (pattern, _words(words)) for pattern, words in STRONG_BRANCHES
)


def _automaton() -> tuple[KeywordAutomaton[tuple[int, int]], dict[str, int]]:
    """Trigger words -> (bit mask of pattern names, bit mask of STRONG_RE parts)."""
    bits = {name: 1 << i for i, name in enumerate(TRIGGERS)}
    masks: dict[str, list[int]] = {}
    for name, (_, words) in TRIGGERS.items():
        for w in words:
            masks.setdefault(w, [0, 0])[0] |= bits[name]
    for i, (_, words) in enumerate(_STRONG_PARTS):
        for w in words:
            masks.setdefault(w, [0, 0])[1] |= 1 << i
    ac = KeywordAutomaton({w: (names, parts) for w, (names, parts) in masks.items()})
    return ac, bits


_AC, _BITS = _automaton()


@cache  # at most 2**len(TRIGGERS) masks
def _absent(possible: int) -> dict[str, bool]:
    """The names no trigger word of a sentence can fire (mask `possible`), each False."""
    return {name: False for name, bit in _BITS.items() if not possible & bit}


class Hits(dict[str, bool]):
    """Which cue patterns match one sentence: `hits[name]`. The names without a trigger word in
    the sentence are False from the start; a triggered pattern runs on its first lookup
    (`__missing__`) and only then (sentence_cue stops at the first decisive cue, so most
    patterns never run). A dict, so a cue test is a C-level lookup, not a method call: a
    sentence's cues are asked for ~15 times and most names are not triggered."""

    __slots__ = ("low", "parts")

    def __init__(self, sentence: str) -> None:
        self.low = sentence.lower().replace("\u2019", "'")
        possible = parts = 0  # int masks: cheaper than set unions per trigger hit
        masks = _AC.values
        for key_idx, _, _ in _AC.matches(self.low):
            names, strong = masks[key_idx]
            possible |= names
            parts |= strong
        super().__init__(_absent(possible))
        self.parts = parts

    def __missing__(self, name: str) -> bool:
        if name == "strong":
            fired = self._strong()
        else:
            fired = TRIGGERS[name][0].search(self.low) is not None
        self[name] = fired
        return fired

    def _strong(self) -> bool:
        low, parts = self.low, self.parts
        for i, (pattern, _) in enumerate(_STRONG_PARTS):
            if parts >> i & 1 and pattern.search(low):
                return True
        return False
