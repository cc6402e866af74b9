"""Candidate skill hits put in order for the context rules: duplicates dropped, overlapping spans
resolved (the longest span wins), and the kept hits cut into runs by sentence."""

from __future__ import annotations

import sys
from bisect import bisect_right

from .context import Hit
from .sections import Sentence


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """The hits in start order, one per span and skill, nested and crossing spans resolved."""
    # same span: a hit needing no context rule first, so it is the one kept below
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.rule is not None))
    return _outermost(_distinct(hits))


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Sorted hits less repeats of a span's skill ("ML and ..." repeats the cased "ML" hit); the
    hits of one span are adjacent, so only the current span's skills are remembered."""
    unique: list[Hit] = []
    span_start = span_end = -1
    span_slugs: list[tuple[str, ...]] = []
    for h in hits:
        if h.start != span_start or h.end != span_end:
            span_start, span_end, span_slugs = h.start, h.end, [h.slugs]
        elif h.slugs in span_slugs:
            continue
        else:
            span_slugs.append(h.slugs)
        unique.append(h)
    return unique


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Hits not inside a longer span, and the nested or crossing hits that still name a skill."""
    kept: list[Hit] = []
    outer: list[Hit] = []  # hits of the current outermost span
    o_start = o_end = -1
    for h in hits:
        if h.start >= o_end:
            outer, o_start, o_end = [h], h.start, h.end
            kept.append(h)
        elif h.start == o_start and h.end == o_end:
            outer.append(h)
            kept.append(h)
        elif (
            h.end <= o_end
            and h.rule is None
            and not any(o.opaque for o in outer)
            and not any(h.slugs[0] in o.slugs for o in outer)
        ):
            kept.append(h)  # "production LLM" still mentions LLM: keep nested other skills
        elif (
            h.end > o_end
            and h.rule is None
            and " " in h.text
            and all(" " in o.text and not o.opaque for o in outer)
            and not any(set(h.slugs) & set(o.slugs) for o in outer)
        ):
            # crossing phrases of two skills: "production ML infrastructure" is both
            # (a one-word name like "AI/ML" does not start a phrase here)
            outer, o_start, o_end = [h], h.start, h.end
            kept.append(h)
    return kept


def sentence_runs(
    text: str, sentences: list[Sentence], hits: list[Hit]
) -> list[tuple[Sentence, list[Hit], bool]]:
    """Hits (in start order) cut into runs by sentence (sorted by start; a hit before the first
    joins it), each flagged when it holds an ambiguous hit: one walk, a bisect per run only."""
    if not sentences:
        return [(Sentence(0, len(text), "other"), hits, any(h.rule is not None for h in hits))]
    starts = [s.start for s in sentences]
    runs: list[tuple[Sentence, list[Hit], bool]] = []
    group: list[Hit] = []
    ambiguous = False
    idx, bound = 0, -1  # bound: start of the sentence after the current run's
    for h in hits:
        if h.start >= bound:
            if group:
                runs.append((sentences[idx], group, ambiguous))
            idx = max(0, bisect_right(starts, h.start) - 1)
            bound = starts[idx + 1] if idx + 1 < len(starts) else sys.maxsize
            group, ambiguous = [], False
        group.append(h)
        if h.rule is not None:
            ambiguous = True
    if group:
        runs.append((sentences[idx], group, ambiguous))
    return runs
