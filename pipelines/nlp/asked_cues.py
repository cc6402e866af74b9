"""Sentence cues for asked-vs-mentioned: is a sentence addressed to the candidate (what the job
asks for) or the company speaking about itself, its perks or the law?

The patterns live in asked_cue_patterns.py and are gated by trigger words (asked_cue_gate.py), so
a sentence costs one Aho-Corasick pass plus the few patterns it can match (no tokenisation);
this module only decides which cue wins.
"""

from __future__ import annotations

from functools import lru_cache

from .asked_cue_gate import TRIGGERS, Hits
from .asked_cue_patterns import DUTY_VERB_RE, YOU_RE

# Cue kinds, strongest first within each side.
CANDIDATE = "candidate"  # requirement / duty addressed to the hire
DUTY = "duty"  # a line opening with a verb ("Build ...", "Designing ..."): a duty in a list
STACK = "stack"  # "Stack: Python, Go" / "our stack": the tools the hire works with
COMPANY = "company"  # company voice: mission, product, funding, team history
VALUES = "values"  # "we value collaboration": culture, not a requirement
BENEFITS = "benefits"  # pay, perks, leave, office policy
LEGAL = "legal"  # EEO, privacy, accommodation, recruiting scams
WAIVED = "waived"  # "X is not required": named, not asked
APPLY = "apply"  # how to apply / contact


@lru_cache(maxsize=256)
def _hits(sentence: str) -> Hits:
    """One trigger pass per sentence text: a sentence in a requirements list is read by
    list_sentence_cue and then by sentence_cue (its patterns run lazily, at most once each)."""
    return Hits(sentence)


def cue_hits(sentence: str) -> frozenset[str]:
    """Names of the cue patterns that match a sentence (patterns gated by their trigger words)."""
    hits = Hits(sentence)
    return frozenset(n for n in TRIGGERS if hits[n])


#: the cues that take a sentence out of a requirements/duties section
_NOT_ASKED_IN_LISTS = (("legal", LEGAL), ("waived", WAIVED), ("values", VALUES))


@lru_cache(maxsize=4096)  # pure; boilerplate sentences repeat across a company's postings
def list_sentence_cue(sentence: str) -> str | None:
    """The cue of a sentence inside a requirements/duties section, where only legal, waived,
    culture, benefits and apply text can take it out (cheaper than sentence_cue)."""
    hits = _hits(sentence)
    for name, cue in _NOT_ASKED_IN_LISTS:
        if hits[name]:
            return cue
    if hits["stack"] or hits["strong"]:
        return CANDIDATE
    if hits["benefits"]:
        return BENEFITS
    if hits["apply"]:
        return APPLY
    return None


@lru_cache(maxsize=4096)
def sentence_cue(sentence: str) -> str | None:
    """The strongest cue of one sentence, or None when it says nothing either way.

    Legal and benefits vocabulary wins over everything (an EEO line mentioning "qualifications" is
    still legal text); a candidate cue wins over company voice ("we're looking for someone with
    Go experience"); the stack cue wins over company voice ("our stack: Python, Go").

    >>> sentence_cue("You'll run our Kubernetes clusters."), sentence_cue("Our platform runs on Kubernetes.")
    ('candidate', 'company')
    >>> sentence_cue("We value collaboration and communication."), sentence_cue("Stack: Python, Go.")
    ('values', 'stack')
    """
    hits = _hits(sentence)
    if hits["legal"]:
        return LEGAL
    if hits["waived"]:
        return WAIVED
    if hits["values"]:
        return VALUES
    if hits["history"] and not YOU_RE.search(hits.low):
        return COMPANY
    if hits["stack"]:
        return STACK
    if hits["strong"] and not hits["benefits"]:
        return CANDIDATE
    if hits["benefits"]:
        return BENEFITS
    if hits["apply"]:
        return APPLY
    if hits["company"]:
        return COMPANY
    if hits["weak"]:
        return CANDIDATE
    if DUTY_VERB_RE.search(hits.low):
        return DUTY
    return None


def company_text_cue(sentence: str) -> str | None:
    """The cue by which a sentence of company text asks (see asked.py): the stack, or a candidate
    cue said to the hire ("you"); None otherwise. Neither can hold without a stack trigger word
    or "you" in the sentence, so most company sentences run no pattern here."""
    hits = _hits(sentence)
    if hits.get("stack", True) is False and "you" not in hits.low:  # False: not triggered
        return None
    cue = sentence_cue(sentence)
    if cue == STACK or (cue == CANDIDATE and YOU_RE.search(hits.low)):
        return cue
    return None
