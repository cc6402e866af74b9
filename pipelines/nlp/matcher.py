"""Skill mention extraction: Aho-Corasick prefilter over the taxonomy, spaCy context rules.

The automaton finds every taxonomy surface form in one pass over the lowercased text (C speed);
only sentences holding an ambiguous hit are tokenised by spaCy for the context rules.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import spacy

from ..textnorm import is_lowercased, lower_same_length
from .automaton import KeywordAutomaton
from .context import LOWER_AI_SENSE, LOWER_SAFE, MAKERS, RULES, Hit, SentCtx, employer_maker
from .hit_spans import resolve_overlaps, sentence_runs
from .mention_order import MENTION_ORDER
from .practice import KEYWORDS as PRACTICE_KEYWORDS
from .practice import practice_hits
from .sections import Sentence, split_sentences
from .taxonomy import TAXONOMY_DIR, SkillTaxonomy, Surface

_AI_POSTING_SLUGS = frozenset(
    "llm rag ai-agents llm-evaluation prompt-engineering langchain".split()
)


_CAPS_SUFFIX = re.compile(r"-[A-Z]{2,4}\b")


def _cjk(c: str) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese, Korean)."""
    return "\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff"


#: characters that end a word for every form on either side (none is a letter, a digit or one
#: of "_.+#@$-", which _boundary_ok looks at more closely)
_SEPARATORS = frozenset(" \n\t\r,;:!?()[]{}<>/|\\'\"*&=%~`•·–—‘’“”…\xa0")


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """Whole-word check: "Java" not in "JavaScript", "C" not in "C++", "js" not in "node.js".

    A form written in a script without spaces ("大模型") has no word boundary to check."""
    first, last = text[start], text[end - 1]
    if (first >= "\u2e80" and _cjk(first)) or (last >= "\u2e80" and _cjk(last)):
        return True
    if start > 0:
        p = text[start - 1]
        if p.isalnum() or p == "_" or (p == "." and start > 1 and text[start - 2].isalnum()):
            return False
        if p in "+#@$" and text[start].isalnum():
            return False
        if p == "-" and start > 1 and text[start - 2].islower() and text[start].islower():
            # "llama-cpp", "cutting-edge AI": part of another hyphenated word ("stack-Python",
            # a capitalised name after the hyphen, is not)
            return False
    if end < len(text):
        n = text[end]
        if n.isalnum() or n in "_+#":
            return False
        if n == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return False
        if n == "-" and _CAPS_SUFFIX.match(text, end):
            return False  # "JAX-RS", "JAX-WS": another product sharing the prefix
    return True


_COORDINATION = tomllib.loads((TAXONOMY_DIR / "context.toml").read_text("utf-8"))["coordination"]
_COORDINATION_HEADS = tuple(_COORDINATION["heads"])
_NOT_MODIFIERS = frozenset(_COORDINATION.get("not_modifiers", []))
_HEAD_AFTER: dict[str, re.Pattern[str]] = {}


def _coordinated(low: str, end: int, head: str) -> bool:
    """One or two words, then the shared head noun, right after "<modifier> and " at `end`."""
    pattern = _HEAD_AFTER.get(head)
    if pattern is None:
        pattern = _HEAD_AFTER[head] = re.compile(
            r"\s*[\w.+#-]+(?:\s+[\w.+#-]+)?\s+" + re.escape(head) + r"\b"
        )
    return pattern.match(low, end, min(len(low), end + 60)) is not None


def _folded_rule(s: Surface) -> str | None:
    """Context rule for a cased form met in lower case: its own rule, the AI-sense rule for AI
    acronyms (rag, rl), none for distinctive tokens (lora, phd, s3), else the tech-list rule."""
    form = s.form.lower()
    if s.rule:
        return s.rule
    if form in LOWER_AI_SENSE:
        return "ai_sense.v1"
    if form in LOWER_SAFE or not form.isalpha():
        return None
    return "tech_list.v1"


def _lower_context(text: str, start: int, end: int, width: int = 30) -> bool:
    """No capital letter near the hit: the text around it is written in lower case."""
    near = text[max(0, start - width) : end + width]
    return near == near.lower()


def _add_coordination(taxonomy: SkillTaxonomy, lower: dict[str, tuple[Any, ...]]) -> None:
    """Keys "<modifier> and " / " or " / "/" for forms "<modifier> <head>" ("vector and graph
    databases"); a hit on one is kept only when the head follows within two words."""
    heads = set(_COORDINATION_HEADS)
    keys: dict[str, tuple[int, list[Surface], list[str]]] = {}
    for s in taxonomy.surfaces:
        words = s.form.split()
        if s.cased or len(words) < 2 or words[-1] not in heads:
            continue
        mod = " ".join(words[:-1])
        if mod in _NOT_MODIFIERS or words[-2] in {"of", "for", "to", "in"}:
            continue
        for joint in (" and ", " or ", "/", " & ", " and/or "):
            key = mod + joint
            if key in lower:
                continue
            entry = keys.setdefault(key, (len(mod), [], []))
            entry[1].append(s)
            entry[2].append(words[-1])
    for key, (mod_len, surfaces, heads_after) in keys.items():
        lower[key] = (tuple(surfaces), mod_len, tuple(heads_after))


class SkillMatcher:
    """Finds skill mentions in posting text; one instance per taxonomy version."""

    def __init__(self, taxonomy: SkillTaxonomy, nlp: Any | None = None) -> None:
        self.taxonomy = taxonomy
        self.nlp = nlp or spacy.blank("en")
        # Case-insensitive forms are matched on the lowercased text, cased forms ("R", "Go",
        # "RAG") on the raw text, so a one-letter form does not fire on every "r" of the posting.
        lower: dict[str, tuple[Any, ...]] = {}
        cased: dict[str, tuple[Any, ...]] = {}
        grouped: dict[tuple[str, bool], list[Surface]] = {}
        for s in taxonomy.surfaces:
            grouped.setdefault((s.form if s.cased else s.form.lower(), s.cased), []).append(s)
        for (key, is_cased), surfaces in grouped.items():
            (cased if is_cased else lower)[key] = (tuple(surfaces),)
        _add_coordination(taxonomy, lower)
        for key in PRACTICE_KEYWORDS:  # found by this pass for practice_hits, no hit of its own
            lower.setdefault(key, ((),))
        self.lower_ac = KeywordAutomaton(lower)
        self._keywords = {self.lower_ac.keys.index(key): key for key in PRACTICE_KEYWORDS}
        self.cased_ac = KeywordAutomaton(cased)
        # Text scraped in lower case writes "go", "r", "rag", "jax": the cased forms folded, each
        # decided by its context rule (a tech list, a programming or AI cue), see _folded_rule.
        folded: dict[str, list[Surface]] = {}
        for s in taxonomy.surfaces:
            if s.cased and s.form != s.form.lower():
                rule = _folded_rule(s)
                folded.setdefault(s.form.lower(), []).append(
                    Surface(s.form.lower(), s.slugs, False, rule, s.opaque, False)
                )
        self.folded_ac = KeywordAutomaton({k: (tuple(v),) for k, v in folded.items()})

    def candidates(self, text: str) -> list[Hit]:
        """All boundary- and case-valid hits, overlaps resolved (longest span wins)."""
        hits: list[Hit] = []
        low = lower_same_length(text)
        lower = self.lower_ac.matches(low)
        self._pass_hits(self.lower_ac, text, low, lower, hits)
        self._pass_hits(self.cased_ac, text, text, self.cased_ac.matches(text), hits)
        # only text written in lower case reads "go", "r", "rag" folded
        if is_lowercased(text, low=low):
            self._pass_hits(self.folded_ac, text, low, self.folded_ac.matches(low), hits)
        keywords = self._keywords
        found: dict[str, list[int]] = {}
        for idx, start, _ in lower:  # the practice keywords ride along the lower-case pass
            if idx in keywords:
                found.setdefault(keywords[idx], []).append(start)
        hits.extend(practice_hits(text, low, found))
        return resolve_overlaps(hits)

    def _pass_hits(
        self,
        ac: KeywordAutomaton[Any],
        text: str,
        source: str,
        matches: list[tuple[int, int, int]],
        hits: list[Hit],
    ) -> None:
        """Append the boundary- and case-valid hits of one automaton's matches in `source`."""
        folded = ac is self.folded_ac
        values = ac.values
        n = len(text)
        for idx, start, end in matches:
            value = values[idx]
            surfaces = value[0]
            if len(value) == 3:  # "<modifier> and": a mention when its head follows
                surfaces = tuple(
                    s
                    for s, head in zip(surfaces, value[2], strict=True)
                    if _coordinated(source, end, head)
                )
                if not surfaces:
                    continue
                end = start + value[1]
            # most kept matches stand between plain separators: no need for the full check
            if not (
                (not start or text[start - 1] in _SEPARATORS)
                and (end == n or text[end] in _SEPARATORS)
            ) and not _boundary_ok(text, start, end):
                continue
            raw = text[start:end]
            if folded and (raw != source[start:end] or not _lower_context(text, start, end)):
                continue  # a capitalised "Go" is the cased form's; "go" in cased prose is a verb
            for s in surfaces:
                hits.append(Hit(start, end, raw, s.slugs, s.rule, s.opaque, s.cased, s.named))

    def mentions(
        self, text: str, sentences: list[Sentence] | None = None, company: str | None = None
    ) -> list[dict[str, Any]]:
        """Mentions as dicts: slug, text, start, end, section, sentence (the sentence text).

        An ambiguous word that is the posting's company name ("Prompt", "Spark") is the employer.
        """
        hits = self.candidates(text)
        if company and hits:
            name = company.strip().lower()
            hits = [h for h in hits if h.rule is None or h.text.lower() != name]
        if not hits:
            return []
        posting_ai = any(h.rule is None and not _AI_POSTING_SLUGS.isdisjoint(h.slugs) for h in hits)
        maker = employer_maker(text, hits, company)
        if maker:  # the employer's own model ("bring Claude to customers") is no skill unless
            own = MAKERS[maker]  # asked; its name ("for Anthropic") is the employer, as above
            hits = [
                replace(h, rule="own_product.v1") if h.text.lower() in own else h
                for h in hits
                if h.rule is None or h.text.lower() != maker
            ]
        sentences = sentences if sentences is not None else split_sentences(text)
        out: list[dict[str, Any]] = []
        last_start, last_slug = -1, ""
        in_order = True  # usually already (start, slug) order: then no sort
        for sent, group, ambiguous in sentence_runs(text, sentences, hits):
            accepted = self._filter(text, sent, group, posting_ai) if ambiguous else group
            sentence_text = text[sent.start : sent.end].strip() if accepted else ""
            for h in accepted:
                start = h.start
                for slug in dict.fromkeys(h.slugs) if len(h.slugs) > 1 else h.slugs:
                    if start <= last_start and (start < last_start or slug < last_slug):
                        in_order = False
                    last_start, last_slug = start, slug
                    out.append(
                        {
                            "slug": slug,
                            "text": h.text,
                            "start": start,
                            "end": h.end,
                            "section": sent.section,
                            "sentence": sentence_text,
                        }
                    )
        if not in_order:
            out.sort(key=MENTION_ORDER)
        return out

    def _filter(self, text: str, sent: Sentence, group: list[Hit], posting_ai: bool) -> list[Hit]:
        """Keep unambiguous hits; run the named context rule on the ambiguous ones."""
        ctx = SentCtx(
            self.nlp,
            text[sent.start : sent.end],
            sent.start,
            group,
            posting_ai,
            text[max(0, sent.start - 8) : sent.start],
        )
        return [h for h in group if h.rule is None or RULES[h.rule](h, ctx)]

    def slugs(self, text: str) -> set[str]:
        """Distinct slugs mentioned in `text`."""
        return {m["slug"] for m in self.mentions(text)}


def distinct_slugs(mentions: Iterable[dict[str, Any]]) -> list[str]:
    """Distinct skill slugs of a mention list, in first-mention order."""
    return list(dict.fromkeys(m["slug"] for m in mentions))
