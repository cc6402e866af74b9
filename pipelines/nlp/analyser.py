"""The extraction front door: skills, role and seniority for one posting (contract in docs)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import spacy

from ..textnorm import normalise_text
from .asked import mark_asked
from .matcher import SkillMatcher
from .sections import split_sentences
from .taxonomy import role_taxonomy, skill_taxonomy
from .titles import TitleNormaliser

Item = tuple[str, str, str | None]


class Analyser:
    """Holds the compiled taxonomy (automaton, rules); build once and reuse (see get_analyser)."""

    def __init__(self) -> None:
        self.taxonomy = skill_taxonomy()
        self.nlp = spacy.blank("en")
        self.matcher = SkillMatcher(self.taxonomy, self.nlp)
        self.titles = TitleNormaliser(role_taxonomy())
        roles_version = role_taxonomy()["version"]
        # one version string for both data files; they are normally bumped together
        same = roles_version == self.taxonomy.version
        self.version = (
            self.taxonomy.version if same else f"{self.taxonomy.version}+roles.{roles_version}"
        )

    def analyse(self, title: str, text: str, company: str | None = None) -> dict[str, Any]:
        """Role, seniority and skill mentions of one posting.

        `company` only tells the skill matcher which ambiguous word is the employer's name
        ("Prompt is hiring"); the role rules do not use it (AI-named startups hire full-stack
        engineers too).
        """
        return self.analyse_batch([(title, text, company)])[0]

    def analyse_batch(self, items: list[Item]) -> list[dict[str, Any]]:
        """`analyse` of each (title, text, company) item, one stage at a time over the batch.

        Why stage by stage: each stage's regexes, automata and memos stay in the CPU cache
        while it reads the whole batch; run posting by posting, the stages evict each other
        and the same work cost ~10% more (docs/scaling.md, "extraction on real text")."""
        titles = [normalise_text(title) for title, _, _ in items]
        texts = [normalise_text(text) for _, text, _ in items]
        sentences = [split_sentences(text) for text in texts]
        found = [
            self.matcher.mentions(text, sents, company=company)
            for text, sents, (_, _, company) in zip(texts, sentences, items, strict=True)
        ]
        skills = [mark_asked(*args) for args in zip(texts, sentences, found, titles, strict=True)]
        roles = [
            self.titles.role(title, sk, has_text=bool(text.strip()))
            for title, sk, text in zip(titles, skills, texts, strict=True)
        ]
        levels = [self.titles.seniority(t, x) for t, x in zip(titles, texts, strict=True)]
        return [
            {
                "role": role.value,
                "role_confidence": role.confidence,
                "role_provenance": role.provenance,
                "seniority": seniority.value,
                "seniority_confidence": seniority.confidence,
                "seniority_provenance": seniority.provenance,
                "skills": sk,
                "taxonomy_version": self.version,
            }
            for role, seniority, sk in zip(roles, levels, skills, strict=True)
        ]

    def analyse_many(
        self, items: Iterable[Item], batch_size: int = 256
    ) -> Iterator[dict[str, Any]]:
        """Stream results for (title, text, company) items, holding at most one batch in memory."""
        it = iter(items)
        while batch := list(islice(it, batch_size)):
            yield from self.analyse_batch(batch)

    def bench(self, texts: list[str], repeat: int = 3) -> dict[str, float]:
        """Docs/s of `analyse` vs spaCy's bare tokenizer on the same texts (issue target >= 0.6)."""

        def rate(fn: Any) -> float:
            best = float("inf")
            for _ in range(repeat):
                t0 = time.perf_counter()
                for t in texts:
                    fn(t)
                best = min(best, time.perf_counter() - t0)
            return len(texts) / best if best else float("inf")

        tok = rate(self.nlp.make_doc)
        ours = rate(lambda t: self.analyse("Engineer", t))
        return {"tokenizer_docs_per_s": tok, "analyser_docs_per_s": ours, "ratio": ours / tok}
