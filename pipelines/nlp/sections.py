"""Split a posting into sentences and label each with its section (from headings/lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTIONS = (
    "requirements",
    "nice_to_have",
    "responsibilities",
    "about_company",
    "benefits",
    "other",
)

# Checked in order: "preferred qualifications" is nice_to_have before "qualifications" matches,
# "about the role" is responsibilities before "about <company>" matches.
_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pat))
    for name, pat in (
        (
            "nice_to_have",
            r"nice[ -]to[ -]haves?|bonus|preferred|pluses|\ba plus\b|desired|good to have"
            r"|extra credit|even better|ideally|strong candidates may also|it'?s a plus|optional",
        ),
        (
            "benefits",
            r"benefits|perks|what we offer|we offer|compensation|salary|\bpay\b|total rewards"
            r"|why (work|join)|logistics|equal (employment )?opportunit|\beeo\b|what'?s in it for you|package",
        ),
        (
            "requirements",
            r"requirements|qualifications|what you('ll| will)? need|looking for|you have"
            r"|good fit|about you|who you are|skills|must[ -]haves?|minimum|required|what you bring"
            r"|your profile|ideal candidate|you are|you should|^experience$|experience (required|and)"
            r"|your background|to succeed",
        ),
        (
            "responsibilities",
            r"responsibilit|what you('ll| will)? (do|work|own|build)|the role|your role"
            r"|duties|in this role|your impact|you will|day[ -]to[ -]day|the job|job description"
            r"|accountabilit|the work|the opportunity|what the job involves|your mission|tasks"
            r"|the position|overview of the role|scope|job details|role description|position summary",
        ),
        (
            "about_company",
            r"about (us|the company|the team|our)|who we are|our (mission|story|team|company)"
            r"|company overview|mission|^about\b|the team|why us|our values|culture"
            r"|how we'?re different|come work with us|who we serve",
        ),
    )
)
_MARKUP = re.compile(r"^[\s#*_>\-•·–|]+|[\s*_:|]+$")
_SENT_END = re.compile(
    r"(?<![A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)[.!?;]+\s+(?=[\"'(\[]?[A-Z0-9])"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    section: str


def heading_section(line: str) -> str | None:
    """Section a heading line opens, or None when the line is not a heading.

    >>> heading_section("What you'll need:"), heading_section("Nice to have"), heading_section("We use Go.")
    ('requirements', 'nice_to_have', None)
    """
    if len(line) > 100 or line.lstrip().startswith(("- ", "• ", "· ", "* ", "– ")):
        return None  # a bullet is list content, not a heading
    head = _MARKUP.sub("", line).strip()
    if not head or len(head) > 80:
        return None
    inline = ":" in head and head.index(":") < 45
    words = head.split(":", 1)[0].split() if inline else head.split()
    if not inline and (len(words) > 9 or head.endswith((".", ","))):
        return None
    if not inline and not line.rstrip().endswith(":") and len(words) > 6:
        return None
    low = " ".join(words).lower().replace("’", "'")
    for name, pat in _HEADINGS:
        if pat.search(low):
            return name
    return None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences (lines split at sentence ends) with the section each one sits in."""
    out: list[Sentence] = []
    section = "other"
    pos = 0
    for line in text.splitlines(keepends=True):
        start, stripped = pos, line.rstrip("\r\n")
        pos += len(line)
        if not stripped.strip():
            continue
        found = heading_section(stripped)
        if found:
            section = found
        sub = 0
        for m in _SENT_END.finditer(stripped):
            out.append(Sentence(start + sub, start + m.start() + 1, section))
            sub = m.end()
        if sub < len(stripped):
            out.append(Sentence(start + sub, start + len(stripped), section))
    return out
