"""Asked vs mentioned: does the posting ask for a skill, or only mention it?

A mention is *asked* when it sits in what the job asks of the hire (requirements, duties,
nice-to-haves, the stack the hire works with) and *mentioned* when it sits in company text
(about, mission, product, funding, benefits, culture, legal/EEO, how to apply).

The decision, per sentence that holds a mention, in this order:
1. layout: the pipe-separated header line of a forum post ("Acme | Staff Engineer | Remote") and
   the block of another role in a multi-role post are not asked;
2. the section from headings (pipelines/nlp/sections.py): a requirements/duties section asks
   unless the sentence is legal, benefits, culture or apply text; a company/benefits section
   does not ask unless the sentence speaks to the candidate ("you'll run our clusters") or names
   the stack ("Stack: Python, Go"); company voice inside a role section ("At Acme, we are
   pioneering ...") and the teams the hire works with ("with data science teams") do not ask;
3. with no section, the sentence's own cue (pipelines/nlp/asked_cues.py), and for a sentence
   without any cue, the cue of its paragraph neighbours; a bare list item defaults to asked.
Each verdict keeps its reason (provenance) for the warehouse's `asked_reason`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .asked_cues import (
    APPLY,
    BENEFITS,
    CANDIDATE,
    COMPANY,
    DUTY,
    LEGAL,
    STACK,
    VALUES,
    WAIVED,
    company_text_cue,
    list_sentence_cue,
    sentence_cue,
)
from .asked_people import has_team_word, names_people
from .asked_phrases import add_phrase_mentions
from .sections import Sentence
from .skill_parents import add_parent_mentions

ASKED_SECTIONS = frozenset({"requirements", "nice_to_have", "responsibilities"})
COMPANY_SECTIONS = frozenset({"about_company", "benefits"})
_ASKING_CUES = frozenset({CANDIDATE, STACK, DUTY})
_NOT_ASKED_IN_ASKED_SECTION = frozenset({LEGAL, BENEFITS, VALUES, APPLY, WAIVED})

#: a role label opening a line of a multi-role post: "- Software Engineer, Backend: You build ..."
_ROLE_LABEL = re.compile(
    r"\s*(?:[-*•·–]|\d{1,2}[.)])?\s*(?P<label>[A-Z][^:.!?]{1,70}?"
    r"\b(?:engineers?|eng|swe|developers?|scientists?|researchers?|designers?|marketers?|managers?"
    r"|pm|devrel|architects?|analysts?|recruiters?|counsel|executives?|specialists?|interns?"
    r"|advocates?|lead|writers?|operators?|technicians?|consultants?)\b[^:.!?]{0,40}?)"
    r"\s*(?::|—|–| - )",
    re.IGNORECASE,
)


#: a list item that is a bare role title: "• Senior/medior AI Engineer", "- Product Designer (UX)"
_ROLE_TITLE_ITEM = re.compile(
    r"\s*(?:[-*•·–▪●◦+>]|\d{1,2}[.)])\s+(?P<label>[A-Z][\w/&+,.' -]{0,50}?\b(?:engineers?|developers?"
    r"|scientists?|researchers?|designers?|marketers?|managers?|owners?|architects?|analysts?"
    r"|leads?|recruiters?|advocates?|writers?|consultants?|interns?))\s*(?:\([^)]{0,30}\))?\s*[.;]?\s*",
    re.IGNORECASE,
)


def _has_separator(head: str) -> bool:
    """Cheap prefilter for _ROLE_LABEL: a label separator in the line's head (`in` tests on a
    slice cost half a regex alternation, which was tried at every space)."""
    return ":" in head or " - " in head or "—" in head or "–" in head


_WORD = re.compile(r"[a-z0-9+#]+")
#: words that do not tell two roles apart (level, contract, place, generic role nouns)
_GENERIC = frozenset(
    "senior sr staff principal lead junior jr mid founding new grad head of and the a an full time "
    "fulltime full-time part contract remote onsite hybrid us eu engineer engineers eng swe software "
    "developer developers i ii iii iv member technical team".split()
)


@dataclass(frozen=True, slots=True)
class Verdict:
    asked: bool
    #: header | header:role | header:stack | other_role | section | sentence:<cue> |
    #: context:<cue> | list | default | team | waived (said elsewhere not to be required)
    reason: str


def _role_words(label: str) -> set[str]:
    return {w for w in _WORD.findall(label.lower()) if w not in _GENERIC}


_ENGINEERING = re.compile(r"\b(?:engineers?|eng|swe|developers?|programmers?)\b", re.IGNORECASE)
_TITLE_SPLIT = re.compile(
    r"\s*(?:\+|&|/|\band\b|,(?=[^,]*\b(?:engineers?|eng|swe|developers?"
    r"|scientists?|researchers?|designers?|marketers?|managers?)\b))\s*",
    re.IGNORECASE,
)


def _same_role(label: str, title: str) -> bool:
    """Does a role label name one of the posting's roles? ("Staff Software Engineer, AI" ~ "Staff
    SWE, AI"; a generic "Software Engineers" title takes any engineering label, not "Marketer")."""
    words = _role_words(label)
    for part in _TITLE_SPLIT.split(title):
        part_words = _role_words(part)
        if not part_words or not words:
            # a generic part ("Software Engineers") or label: engineering matches engineering
            if _ENGINEERING.search(part) and _ENGINEERING.search(label):
                return True
            if not part_words and not words:
                return True
        elif words & part_words:
            return True
    return False


def _is_header(text: str, sent: Sentence) -> bool:
    """The first line of a forum post: "Company | Role | Place | Pay" (two or more pipes)."""
    return sent.block <= 1 and text.count("|", sent.start, sent.end) >= 2


_ROLE_NOUN = re.compile(
    r"\b(?:engineers?|eng|swe|developers?|scientists?|researchers?|designers?|architects?"
    r"|analysts?|cto|devrel|lead|manager|roles?)\b",
    re.IGNORECASE,
)


def header_verdict(text: str, sent: Sentence, pos: int, title: str | None) -> Verdict:
    """A header field asks for its skills when it names the posting's role ("Full-Stack AI
    Engineer" for that title, or any role when the title is unknown) or lists a stack
    ("Python, TensorFlow, AWS"); company, place, pay and other roles only mention them."""
    left = text.rfind("|", sent.start, pos) + 1 or sent.start
    right = text.find("|", pos, sent.end)
    field = text[left : right if right != -1 else sent.end]
    if _ROLE_NOUN.search(field):
        if not title or _same_role(field, title):
            return Verdict(True, "header:role")
        return Verdict(False, "header")
    if len(re.findall(r"[,/]", field)) >= 2:
        return Verdict(True, "header:stack")
    return Verdict(False, "header")


class AskedClassifier:
    """Verdicts for the sentences of one posting, computed lazily (only sentences with mentions)."""

    def __init__(
        self, text: str, sentences: list[Sentence], title: str | None = None, default: bool = False
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.default = default
        self.title = title
        self._cues: dict[int, str | None] = {}
        self._other_role = self._other_role_sentences(title) if title else frozenset()

    def _other_role_sentences(self, title: str) -> frozenset[int]:
        """Sentences in the block of a role that is not the posting's (multi-role posts only)."""
        labels: dict[int, str] = {}
        for i, s in enumerate(self.sentences):
            if (
                s.first
                and _has_separator(self.text[s.start : min(s.end, s.start + 116)])
                and (m := _ROLE_LABEL.match(self.text, s.start, s.end))
            ):
                labels[i] = m.group("label")
        if len({v.strip().lower() for v in labels.values()}) < 2:  # one role: not multi-role
            return frozenset()
        out: set[int] = set()
        current: tuple[int, bool] | None = None  # (block, other role?)
        for i, s in enumerate(self.sentences):
            if i in labels:
                current = (s.block, not _same_role(labels[i], title))
            elif current and s.block != current[0]:
                current = None
            if current and current[1]:
                out.add(i)
        return frozenset(out)

    def cue(self, idx: int) -> str | None:
        if idx not in self._cues:
            s = self.sentences[idx]
            self._cues[idx] = sentence_cue(self.text[s.start : s.end])
        return self._cues[idx]

    def _context(self, idx: int) -> str | None:
        """The nearest cue in the same paragraph: earlier sentences first, then later ones."""
        block = self.sentences[idx].block
        for step in (-1, 1):
            j = idx + step
            while 0 <= j < len(self.sentences) and self.sentences[j].block == block:
                if (c := self.cue(j)) is not None:
                    return c
                j += step
        return None

    def _lists_other_role(self, s: Sentence) -> bool:
        """A list item that is only a role title ("- Senior AI Engineer" under "Open roles:")
        names another opening of the company, not a skill the posting's role asks for."""
        if not self.title or s.end - s.start > 70:
            return False
        m = _ROLE_TITLE_ITEM.fullmatch(self.text, s.start, s.end)
        return bool(m) and not _same_role(m.group("label"), self.title)

    def verdict(self, idx: int, pos: int | None = None) -> Verdict:
        """Verdict for sentence `idx`; `pos` (the mention's offset) picks the field of a header."""
        s = self.sentences[idx]
        if idx in self._other_role or (s.bullet and self._lists_other_role(s)):
            return Verdict(False, "other_role")
        if _is_header(self.text, s):
            return header_verdict(self.text, s, s.start if pos is None else pos, self.title)
        if s.section in ASKED_SECTIONS:
            cue = list_sentence_cue(self.text[s.start : s.end])
            if cue in _NOT_ASKED_IN_ASKED_SECTION:
                return Verdict(False, f"sentence:{cue}")
            if cue is None and not s.bullet:
                own = self.cue(idx)
                if own == COMPANY:
                    return Verdict(False, "sentence:company")  # "At Acme, we are pioneering ..."
                if own is None and self._context(idx) == COMPANY:
                    return Verdict(False, "context:company")  # "... However, advanced AI ..."
            return Verdict(True, "section")
        if s.section in COMPANY_SECTIONS:  # asks only for the stack or when said to the hire
            if cue := company_text_cue(self.text[s.start : s.end]):
                return Verdict(True, f"sentence:{cue}")
            return Verdict(False, "section")
        cue = self.cue(idx)
        if cue is not None:
            return Verdict(cue in _ASKING_CUES, f"sentence:{cue}")
        ctx = self._context(idx)
        if ctx is not None:
            return Verdict(ctx in _ASKING_CUES, f"context:{ctx}")
        if s.bullet:
            return Verdict(True, "list")
        return Verdict(self.default, "default")


def asked_sentences(text: str, title: str | None = None) -> list[str]:
    """The sentences of a posting that ask something of the hire (for taxonomy suggestions):
    company blurbs, benefits, legal text and other roles' blocks are left out."""
    from .sections import split_sentences

    sentences = split_sentences(text)
    clf = AskedClassifier(text, sentences, title)
    return [
        text[s.start : s.end]
        for i, s in enumerate(sentences)
        if not _is_header(text, s) and clf.verdict(i).asked
    ]


def mark_asked(
    text: str,
    sentences: list[Sentence],
    mentions: list[dict[str, Any]],
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Add `asked` and `asked_reason` to each mention dict (in place; returns the list), after
    adding the skills asked in clause form ("you communicate clearly", see asked_phrases.py) and
    the parent skill of each mention (skill_parents.py)."""
    mentions = add_parent_mentions(add_phrase_mentions(text, sentences, mentions))
    if not mentions:
        return mentions
    if not sentences:
        for m in mentions:
            m["asked"], m["asked_reason"] = True, "default"
        return _apply_waivers(mentions)
    clf = AskedClassifier(text, sentences, title)
    starts = [s.start for s in sentences]
    verdicts: dict[int, Verdict] = {}  # per sentence (a header's verdict is per field)
    team_words: dict[int, bool] = {}
    for m in mentions:
        start = m["start"]
        idx = max(0, bisect_right(starts, start) - 1)
        sent = sentences[idx]
        if sent.block <= 1 and _is_header(text, sent):
            v = clf.verdict(idx, start)
        else:
            v = verdicts.get(idx)
            if v is None:
                v = verdicts[idx] = clf.verdict(idx)
        if v.asked:
            team_word = team_words.get(idx)
            if team_word is None:
                team_word = team_words[idx] = has_team_word(text[sent.start : sent.end])
            # names_people needs a team word in the sentence or the mention "leadership":
            # tested here first, as most asked mentions have neither
            if (team_word or m["text"].lower() == "leadership") and names_people(
                text, start, m["end"], sent, team_word
            ):
                v = Verdict(False, "team")
        m["asked"], m["asked_reason"] = v.asked, v.reason
    return _apply_waivers(mentions)


def _apply_waivers(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A skill the posting says is not required ("prior ML experience is not required") is not
    asked anywhere in it: its other mentions describe the work's setting, not a requirement."""
    waived = {m["slug"] for m in mentions if m["asked_reason"] == f"sentence:{WAIVED}"}
    for m in mentions:
        if m["asked"] and m["slug"] in waived:
            m["asked"], m["asked_reason"] = False, "waived"
    return mentions


__all__ = [
    "ASKED_SECTIONS",
    "COMPANY",
    "COMPANY_SECTIONS",
    "AskedClassifier",
    "asked_sentences",
    "Verdict",
    "mark_asked",
]
