"""Skills asked in clause form: "you communicate clearly", "thrive in ambiguous environments",
"ship LLM systems to production", "optimise inference latency".

Soft skills and practices are asked in words no fixed alias spells, so the taxonomy's aliases
miss them. Each frame (data in pipelines/taxonomy/phrases.toml) is a small regex over a clause;
one Aho-Corasick pass over the posting finds the frames' keywords, and a frame's regex runs only
inside the sentence holding its keyword (no whole-text regex scan). The mentions found here are
judged asked or mentioned like any other (pipelines/nlp/asked.py): "we value clear
communication" is a company value, "you communicate clearly" is asked of the candidate.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..textnorm import lower_same_length
from .asked_phrase_regex import literal_branches
from .automaton import KeywordAutomaton
from .mention_order import MENTION_ORDER
from .sections import Sentence
from .taxonomy import TAXONOMY_DIR


@dataclass(frozen=True, slots=True)
class Frame:
    """One clause pattern for one skill."""

    slug: str
    pattern: re.Pattern[str]
    #: company voice right before the match that voids it ("we're hiring engineers")
    not_after: re.Pattern[str] | None = None
    #: what must come right before the match (the verb "architect" opens a duty, the noun does not)
    after: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def load_frames() -> tuple[tuple[Frame, ...], KeywordAutomaton[tuple[int, ...]]]:
    """The frames and an automaton from each keyword to the indices of the frames it gates.
    Keywords are word starts ("own" in "down" gates nothing)."""
    data = tomllib.loads((TAXONOMY_DIR / "phrases.toml").read_text("utf-8"))
    frames: list[Frame] = []
    by_key: dict[str, set[int]] = {}
    for i, f in enumerate(data["frames"]):
        not_after = re.compile(f["not_after"]) if f.get("not_after") else None
        after = re.compile(f["after"]) if f.get("after") else None
        frames.append(
            Frame(f["slug"], re.compile(literal_branches(f["pattern"])), not_after, after)
        )
        for key in f["keywords"]:
            by_key.setdefault(key, set()).add(i)
    ac = KeywordAutomaton({key: tuple(sorted(idx)) for key, idx in by_key.items()})
    return tuple(frames), ac


def phrase_mentions(text: str, sentences: list[Sentence]) -> list[dict[str, Any]]:
    """Mentions of skills asked in clause form, shaped like the matcher's (slug, text, start,
    end, section, sentence); each (sentence, frame) pair is searched once."""
    if not sentences or not text:
        return []
    frames, ac = load_frames()
    low = lower_same_length(text)
    starts = [s.start for s in sentences]
    tried: set[tuple[int, int]] = set()
    out: list[dict[str, Any]] = []
    gated = ac.values
    for key_idx, begin, end in ac.matches(low):
        if begin > 0 and low[begin - 1].isalnum():
            continue  # inside a word
        si = max(0, bisect_right(starts, end - 1) - 1)
        sent = sentences[si]
        if not sent.start < end <= sent.end:
            continue  # a keyword on a blank or heading gap between sentences
        for fi in gated[key_idx]:
            if (si, fi) in tried:
                continue
            tried.add((si, fi))
            frame = frames[fi]
            for m in frame.pattern.finditer(low, sent.start, sent.end):
                lo = max(sent.start, m.start() - 30)
                if frame.not_after and frame.not_after.search(low, lo, m.start()):
                    continue
                if (
                    frame.after
                    and m.start() > sent.start  # a sentence start is always a fit
                    and not frame.after.search(low, lo, m.start())
                ):
                    continue
                out.append(
                    {
                        "slug": frame.slug,
                        "text": text[m.start() : m.end()],
                        "start": m.start(),
                        "end": m.end(),
                        "section": sent.section,
                        "sentence": text[sent.start : sent.end].strip(),
                    }
                )
    return out


def add_phrase_mentions(
    text: str, sentences: list[Sentence], mentions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """`mentions` plus the clause-form ones that do not overlap a mention of the same skill
    (the alias already found it), sorted like the matcher's output."""
    extra = phrase_mentions(text, sentences)
    if not extra:
        return mentions
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m["slug"], []).append((m["start"], m["end"]))
    added = False
    for m in extra:
        taken = spans.setdefault(m["slug"], [])
        if any(s < m["end"] and m["start"] < e for s, e in taken):
            continue
        taken.append((m["start"], m["end"]))
        mentions.append(m)
        added = True
    if added:
        mentions.sort(key=MENTION_ORDER)
    return mentions
