"""Which asked-cue patterns can match a sentence: literal trigger words, at least one of which
every match of a pattern contains, found in one Aho-Corasick pass; only the triggered patterns
run (regex alternations are slow in Python's re; most sentences trigger one or two).
"""

from __future__ import annotations

import re

import ahocorasick

from .asked_cue_patterns import (
    APPLY_RE,
    BENEFITS_RE,
    COMPANY_RE,
    HISTORY_RE,
    LEGAL_RE,
    STACK_RE,
    STRONG_RE,
    VALUES_RE,
    WAIVED_RE,
    WEAK_RE,
)


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


def _automaton() -> ahocorasick.Automaton:
    ac = ahocorasick.Automaton()
    by_word: dict[str, set[str]] = {}
    for name, (_, words) in TRIGGERS.items():
        for w in words:
            by_word.setdefault(w, set()).add(name)
    for w, names in by_word.items():
        ac.add_word(w, frozenset(names))
    ac.make_automaton()
    return ac


_AC = _automaton()


class Hits:
    """Which cue patterns match one sentence, each run at most once and only when asked for and
    triggered (sentence_cue stops at the first decisive cue, so most patterns never run)."""

    __slots__ = ("low", "possible", "done")

    def __init__(self, sentence: str) -> None:
        self.low = sentence.lower().replace("\u2019", "'")
        self.possible: set[str] = set()
        for _, names in _AC.iter(self.low):
            self.possible |= names
        self.done: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if name not in self.possible:
            return False
        if name not in self.done:
            self.done[name] = TRIGGERS[str(name)][0].search(self.low) is not None
        return self.done[name]
