"""Extraction recovers the demo board's planted truth (skills, sections, role, seniority)."""

from __future__ import annotations

from datetime import date

import pytest

demo = pytest.importorskip("spiders.demo")

from pipelines.nlp import get_analyser  # noqa: E402
from pipelines.text import html_to_text  # noqa: E402


def test_demo_board_truth_is_recovered() -> None:
    board = demo.generate_board(seed=11, n_postings=300, n_companies=20, as_of=date(2026, 11, 1))
    a = get_analyser()
    tp = fp = fn = roles = levels = sections = 0
    for job in board.jobs:
        res = a.analyse(job.title, html_to_text(job.description_html), job.company.name)
        found = {m["slug"] for m in res["skills"]}
        planted = set(job.skills)
        tp += len(found & planted)
        fn += len(planted - found)
        fp += len((found - planted) & a.taxonomy.core)
        roles += res["role"] == job.role
        levels += res["seniority"] == job.seniority
        for slug, (_phrase, section) in job.mentions.items():
            sections += section in {m["section"] for m in res["skills"] if m["slug"] == slug}
    n = len(board.jobs)
    assert tp / (tp + fp) >= 0.97 and tp / (tp + fn) >= 0.97
    assert sections / tp >= 0.95
    assert roles / n >= 0.95 and levels / n >= 0.95


def test_context_rules_are_registered_with_spacy() -> None:
    import spacy

    import pipelines.nlp.context  # noqa: F401

    for name in ("tech_list.v1", "sense.v1", "ai_sense.v1", "distributed.v1"):
        assert callable(spacy.registry.misc.get(f"skill_context.{name}")())
