"""Split a posting into sentences and label each with its section (from headings/lines).

Headings come in many shapes: HTML headings (already lines, see pipelines/text.py), Markdown
(`## What you'll do`, `**Requirements**`), all-caps lines, "Label:" lines and inline
"Requirements: Go and Terraform". A heading-shaped line that names no known section (a product
name, "Some of the problems we work on:") ends the previous section, so its text is left to the
sentence classifier (pipelines/nlp/asked.py) instead of inheriting the wrong section.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

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
            r"|extra credit|even better|ideally|strong candidates may|it'?s a plus|optional"
            r"|candidates may (also )?have|not required",
        ),
        (
            "benefits",
            r"benefits|perks|what we offer|we offer|compensation|salary|\bpay\b|total rewards"
            r"|why (work|join)|logistics|equal (employment )?opportunit|\beeo\b|what'?s in it for you|package"
            r"|^offer$|what you('ll| will)? get|diversity|inclusion|accommodation|privacy|disclaimer"
            r"|how to apply|to apply|application process|interview process|hiring process|location"
            r"|visa|work authori[sz]ation|sponsorship|policy|legal",
        ),
        (
            "requirements",
            r"requirements|qualifications|what you('ll| will)? need|looking for|you have"
            r"|good fit|about you|who you are|skills|must[ -]haves?|minimum|required|what you bring"
            r"|your profile|ideal candidate|you are|you should|^experience$|experience (required|and)"
            r"|your background|to succeed|\bstack\b|technologies|tools we use|tech we use",
        ),
        (
            "responsibilities",
            r"responsibilit|what you('ll| will)? (do|work|own|build)|the role|your role"
            r"|duties|in this role|your impact|you will|day[ -]to[ -]day|the job|job description"
            r"|accountabilit|the work|the opportunity|what the job involves|your mission|tasks"
            r"|the position|overview of the role|scope|job details|role description|position summary"
            r"|projects|problems (we|you)|what you('ll| will)? work on|challenges|the challenge",
        ),
        (
            "about_company",
            r"about (us|the company|the team|our)|who we are|\bour (mission|story|team|company)"
            r"|company overview|mission|^about\b|the team|why us|\bour values|culture"
            r"|how we'?re different|come work with us|who we serve|\bour (product|customers|investors)"
            r"|the company|company description|our backers|funding|investors|traction|founders",
        ),
    )
)
# Each pattern also without its anchors and word boundaries: re searches that looser pattern about
# twice as fast (it can skip to a letter a match starts with), so only text it matches needs the
# exact pattern, and text that names no section (most) is rejected sooner.
_LOOSE_HEADINGS = tuple(
    (name, re.compile(re.sub(r"\\b|\^|\$", "", pat.pattern)), pat) for name, pat in _HEADINGS
)


def _section_named(low: str) -> str | None:
    """The first section (in _HEADINGS order) whose pattern occurs in lower-cased heading text."""
    for name, loose, exact in _LOOSE_HEADINGS:
        if loose.search(low) and exact.search(low):
            return name
    return None


# Markup around a heading: leading `#*_>-•·–|` and trailing `*_:|`, with any white space (what
# str.isspace and regex \s call space). Stripped with str.strip sets, ~10x cheaper than the regex
# `^[\s#*_>\-•·–|]+|[\s*_:|]+$` it replaces (tests/nlp/test_sections_markup.py checks both agree).
_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_MARKUP_LEAD = _SPACE + "#*_>-•·–|"
_MARKUP_TRAIL = _SPACE + "*_:|"


def _unmarked(line: str) -> str:
    """The text of a heading line without its markup and space ("## **Perks:**" -> "Perks")."""
    return line.lstrip(_MARKUP_LEAD).rstrip(_MARKUP_TRAIL)


# A sentence end is punctuation + space + a capital/digit, unless the punctuation follows a capital
# ("U.S. Army") or an abbreviation ("e.g. Go"). The pattern opens on the punctuation and only then
# looks behind it: opening with the lookbehinds made re try every position of the text (slow),
# while a leading character class lets re skip ahead to the candidate punctuation.
_SENT_END = re.compile(
    r"[.!?;](?<![A-Z].)(?<!\b(?:e\.g|i\.e|etc).)(?<!\bvs.)[.!?;]*\s+(?=[\"'(\[]?[A-Z0-9])"
)


def _sentence_ends(line: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence end in a line."""
    first = _SENT_END.search(line)
    if not first:  # most lines: no iterator to build
        return ()
    # Resume at the first end (re's lookbehinds still see the text before pos).
    return tuple([m.span() for m in _SENT_END.finditer(line, first.start())])


_BULLET = re.compile(r"^\s*(?:[-*•·–▪●◦+>]|\d{1,2}[.)])\s+")
_LOWER, _UPPER, _LIST_PUNCT = re.compile("[a-z]"), re.compile("[A-Z]"), re.compile("[,/&+]")


# Builds a named tuple from all its fields without the generated Python __new__ (half the cost).
_new_tuple = tuple.__new__


class Sentence(NamedTuple):
    """One sentence: char offsets, its section, and its layout (for the asked classifier).

    `block` numbers paragraphs (a blank line or a heading starts a new one), `first` marks the
    first sentence of its line, `bullet` a sentence on a list-item line. A named tuple: a posting
    has ~50 of them and a frozen dataclass cost more to build than splitting the text."""

    start: int
    end: int
    section: str
    block: int = 0
    first: bool = True
    bullet: bool = False


_SMALL_WORDS = frozenset("a an and & of the to for in on at with our your".split())
_TITLE_PUNCT = re.compile(r"[.,;:!?()|]")


def title_case_line(line: str) -> bool:
    """A short Title Case line without punctuation ("Our Stack", "Life at Acme"): a heading in
    plain text, though it may also be a list item, so it only ends company text (see below).

    >>> title_case_line("Our Stack"), title_case_line("Python or Rust"), title_case_line("We ship.")
    (True, False, False)
    """
    if len(line) > 40:  # first: most lines are longer, and it needs no split
        return False
    words = line.strip().split()
    if not 1 <= len(words) <= 5 or _TITLE_PUNCT.search(line):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def heading_shaped(line: str) -> bool:
    """A line that looks like a heading whatever it says: Markdown `#`/`**bold**`, an all-caps
    line, or a short line ending with a colon (no sentence end, no list marker).

    >>> heading_shaped("## Our Product"), heading_shaped("THE TEAM"), heading_shaped("We use Go.")
    (True, True, False)
    """
    raw = line.strip()
    if not raw or len(raw) > 80 or _BULLET.match(raw):
        return False
    head = _unmarked(raw)
    if not head or head.endswith((".", ",", ";", "!", "?")):
        return False
    words = head.split()
    if len(words) > 8:
        return False
    if raw.startswith("#") or (raw.startswith("**") and raw.rstrip(":").endswith("**")):
        return True
    capitals = not _LOWER.search(head) and _UPPER.search(head)  # its ASCII letters are all caps
    if capitals and max(map(len, words)) >= 4 and not _LIST_PUNCT.search(head):
        return True  # "THE TEAM", not a tech list like "AWS, GCP"
    return raw.endswith(":")


def heading_section(line: str) -> str | None:
    """Section a heading line opens, or None when the line is not a heading.

    >>> heading_section("What you'll need:"), heading_section("Nice to have"), heading_section("We use Go.")
    ('requirements', 'nice_to_have', None)
    """
    if len(line) > 100 or line.lstrip().startswith(("- ", "• ", "· ", "* ", "– ")):
        return None  # a bullet is list content, not a heading
    head = _unmarked(line)
    if not head or len(head) > 80:
        return None
    inline = ":" in head and head.index(":") < 45
    words = head.split(":", 1)[0].split() if inline else head.split()
    if not inline and (len(words) > 9 or head.endswith((".", ","))):
        return None
    if not inline and not line.rstrip().endswith(":") and len(words) > 6:
        return None
    return _section_named(" ".join(words).lower().replace("’", "'"))


_LABEL = re.compile(r"^\s*(?:[-*•·–]\s*)?(?:\*\*)?([A-Za-z][^:.!?]{1,40}?)(?:\*\*)?:\s+\S")


def label_section(line: str) -> str | None:
    """Section named by the label of a "Label: text" line too long to be a heading
    ("The work: Developing evaluations ..."); it scopes only that paragraph.

    >>> label_section("Requirements: Polish and English fluency. Hands-on experience with ML in production.")
    'requirements'
    """
    m = _LABEL.match(line)
    if not m or len(m.group(1).split()) > 5:
        return None
    return _section_named(m.group(1).lower().replace("’", "'"))


class _LineFacts(NamedTuple):
    """What one line says on its own, whatever the lines around it."""

    found: str | None  # the section a heading opens
    label: str | None  # the section a "Label: text" line names
    shaped: bool | None  # heading-shaped (None when a heading or label decided the line)
    bullet: bool
    ends: tuple[tuple[int, int], ...]  # sentence ends inside the line


@lru_cache(maxsize=8192)
def _line_facts(line: str) -> _LineFacts:
    """Facts of one line, memoised: a company's boilerplate lines (about, benefits, EEO) repeat
    across its postings (a third of the lines of the eval postings are repeats), and a
    re-extraction of a lake reads them again for every posting."""
    found = heading_section(line)
    label = None
    if ":" in line and _LABEL.match(line):  # "Label: text" scopes its line/paragraph
        label, found = found or label_section(line), None
    shaped = None if found else heading_shaped(line)
    facts = (found, label, shaped, bool(_BULLET.match(line)), _sentence_ends(line))
    return _new_tuple(_LineFacts, facts)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences (lines split at sentence ends) with the section each one sits in."""
    out: list[Sentence] = []
    section = "other"
    pos = 0
    block, blank = 0, False
    scoped: tuple[int, str] | None = None  # (block, section) of a "Label: text" paragraph
    for line in text.splitlines(keepends=True):
        start, stripped = pos, line.rstrip("\r\n")
        pos += len(line)
        if not stripped.strip():
            blank = True
            continue
        found, label, shaped, bullet, ends = _line_facts(stripped)
        if found:
            section = found
        elif not label and shaped:
            section = "other"  # an unknown heading ends the previous section
        elif section in ("about_company", "benefits") and title_case_line(stripped):
            section = "other"  # a plain-text heading ends company text, not a requirements list
        opens = blank or bool(found) or bool(out and shaped) or not out
        block += opens
        blank = False
        here = scoped[1] if scoped and scoped[0] == block else section
        if label:
            here = label  # this line; the whole paragraph when the label opens it
            scoped = (block, label) if opens else scoped
        sub, first = 0, True
        for m_start, m_end in ends:
            row = (start + sub, start + m_start + 1, here, block, first, bullet)
            out.append(_new_tuple(Sentence, row))
            sub, first = m_end, False
        if sub < len(stripped):
            row = (start + sub, start + len(stripped), here, block, first, bullet)
            out.append(_new_tuple(Sentence, row))
    return out
