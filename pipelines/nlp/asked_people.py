"""Skill words that name people the hire works with, not something asked of the hire: "with data
science and customer success teams", "teams across Acme, including Data Science and Public
Policy", "reports to our partnerships leadership".

Run only on mentions already judged asked (pipelines/nlp/asked.py), each test on a short window
around the mention, cheapest first.
"""

from __future__ import annotations

import re

from .sections import Sentence

#: "work closely with data science and customer success teams"
_WITH_BEFORE = re.compile(r"\b(?:with|alongside|including)\s+(?:the\s+|our\s+)?[\w ,&/-]{0,60}$")
_TEAM_AFTER = re.compile(r"^[\w ,&/-]{0,50}?\b(?:teams?|functions|departments?|orgs?)\b")


def _holds_team_word(s: str) -> bool:
    """Does `s` hold a word _TEAM_AFTER needs (each of its alternatives holds one)? Chained `in`
    tests: a generator over the words cost twice as much."""
    return "team" in s or "function" in s or "department" in s or "org" in s


_SKILL_WITH = re.compile(r"experience|familiar|knowledge|proficien|skills", re.IGNORECASE)
_TEAMWORK = re.compile(r"collab|team|stakeholder|cross|partner|experience", re.IGNORECASE)
#: "teams across Acme, including Data Science and Analytics, ..., Public Policy" (from "team")
_TEAM_LIST = re.compile(
    r"teams?\b[^.;:!?]{0,40}?(?:\bincluding\b|\bsuch as\b|-including\b)[^.;:!?()]*$", re.IGNORECASE
)
#: "reports to our partnerships leadership", "collaborating closely with leadership"
#: (a determiner, a rank or an organisation's name - "partnerships" - not a kind of leadership)
_LEADERS_BEFORE = re.compile(
    r"\b(?:with|to|from|by)\s+(?:(?:the|our|their|senior|executive|exec|company|[a-z-]+s)\s+){0,2}$"
)
_LEADERSHIP_SKILL = re.compile(
    r"\b(?:technical|team|people|thought|strong|proven|engineering|demonstrated|your)\s+$"
)


def names_a_team(text: str, start: int, end: int, sent: Sentence) -> bool:
    """Is the mention at [start, end) one of the teams the hire works with ("with data science
    and customer success teams")? Teamwork words themselves ("collaborate with teams") are not."""
    # cheapest test first: most mentions are not followed by a team word (substring tests
    # before the lazy regex, which retries its word alternation at up to 50 positions)
    after = text[end : min(sent.end, end + 60)]
    if not _holds_team_word(after) or not _TEAM_AFTER.match(after):
        return False
    if _TEAMWORK.search(text, start, end):
        return False
    before = text[max(sent.start, start - 80) : start]
    return bool(_WITH_BEFORE.search(before) and not _SKILL_WITH.search(before[-60:]))


def in_team_list(text: str, start: int, end: int, sent: Sentence) -> bool:
    """A capitalised name in a list of teams ("teams across Acme, including Data Science and
    Analytics, Public Policy"): a team the hire works with."""
    if not text[start : start + 1].isupper():
        return False
    lo = max(sent.start, start - 240)
    i = text.rfind("team", lo, start)
    if i == -1:
        i = text.rfind("Team", lo, start)
    return (
        i != -1
        and not _TEAMWORK.search(text, start, end)
        and _TEAM_LIST.match(text, i, start) is not None
    )


def names_leaders(text: str, start: int, end: int, sent: Sentence) -> bool:
    """ "leadership" as the company's leaders the hire reports to or works with, not the skill
    ("experience with technical leadership" stays the skill)."""
    if text[start:end].lower() != "leadership":
        return False
    before = text[max(sent.start, start - 60) : start].lower()
    return bool(
        _LEADERS_BEFORE.search(before)
        and not _LEADERSHIP_SKILL.search(before)
        and not _SKILL_WITH.search(before)
    )


def has_team_word(sentence: str) -> bool:
    """Can a mention in this sentence be one of the teams the hire works with? Both team tests
    need a team word inside the sentence; a posting's ~35 mentions share ~15 sentences, so the
    sentence is tested once instead of each mention's windows."""
    return _holds_team_word(sentence.lower())


def names_people(text: str, start: int, end: int, sent: Sentence, team_word: bool = True) -> bool:
    """Any of the above: the mention names people or teams, not a skill asked of the hire.
    `team_word`: has_team_word of the sentence (False skips the two team tests)."""
    return (  # cheapest first
        names_leaders(text, start, end, sent)
        or (
            team_word
            and (in_team_list(text, start, end, sent) or names_a_team(text, start, end, sent))
        )
    )
