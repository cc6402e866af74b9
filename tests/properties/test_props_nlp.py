"""pipelines.nlp title normaliser and skill matcher: any title and text give a valid analysis
(role, seniority and skill slugs from the taxonomy, offsets that point at the matched text)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prop_kit import FUZZED, nasty_text

from pipelines.textnorm import normalise_text

pytestmark = pytest.mark.faults
nlp = pytest.importorskip("pipelines.nlp")
SENIORITY = {"intern", "entry", "mid", "senior", "staff_plus", "unknown"}
SECTIONS = {
    "requirements",
    "nice_to_have",
    "responsibilities",
    "about_company",
    "benefits",
    "other",
}
TITLE_WORDS = [
    "Senior",
    "Sr.",
    "Staff",
    "Principal",
    "Lead",
    "Junior",
    "Intern",
    "II",
    "III",
    "AI",
    "ML",
    "Machine Learning",
    "LLM",
    "Engineer",
    "Scientist",
    "Researcher",
    "Prompt",
    "Agent",
    "Data",
    "Manager",
    "Head of",
    "Architect",
    "MLOps",
    "(Remote)",
    "-",
    "/",
    "&",
    "—",
    "🚀",
]
SKILL_WORDS = [
    "Python",
    "PyTorch",
    "SQL",
    "k8s",
    "Kubernetes",
    "RAG",
    "LangChain",
    "evals",
    "MCP",
    "Spark",
    "prompt, honest feedback",
    "travel agent",
    "5+ years",
    "Requirements:",
    "Nice to have\n",
]
titles = st.one_of(nasty_text, st.lists(st.sampled_from(TITLE_WORDS), max_size=7).map(" ".join))
texts = st.one_of(
    nasty_text,
    st.lists(st.one_of(st.sampled_from(SKILL_WORDS), nasty_text), max_size=12).map(" ".join),
)


@cache
def allowed() -> tuple[set[str], set[str]]:
    return {r["slug"] for r in nlp.load_roles()}, {s["slug"] for s in nlp.load_skill_taxonomy()}


def check(result: dict[str, Any], text: str) -> None:
    roles, skills = allowed()
    assert result["role"] in roles
    assert result["seniority"] in SENIORITY
    assert result["role_provenance"] in ("title", "description", "default")
    assert result["seniority_provenance"] in ("title", "text", "years", "none")
    assert 0.0 <= result["role_confidence"] <= 1.0 and 0.0 <= result["seniority_confidence"] <= 1.0
    assert result["taxonomy_version"]
    text = normalise_text(text)  # offsets index the normalised text (docs/contracts.md)
    for skill in result["skills"]:
        assert skill["slug"] in skills and skill["section"] in SECTIONS
        assert 0 <= skill["start"] < skill["end"] <= len(text)
        assert text[skill["start"] : skill["end"]] == skill["text"]


@given(titles, texts)
def test_any_title_and_text_give_valid_slugs(title: str, text: str) -> None:
    FUZZED["title normaliser"] += 1
    check(nlp.get_analyser().analyse(title, text), text)


@given(st.lists(st.tuples(titles, texts, st.one_of(st.none(), nasty_text)), min_size=1, max_size=4))
def test_analyse_many_matches_analyse(items: list[tuple[str, str, str | None]]) -> None:
    FUZZED["title normaliser"] += len(items)
    analyser = nlp.get_analyser()
    many = list(analyser.analyse_many(items))
    assert len(many) == len(items)
    for (title, text, company), result in zip(items, many, strict=True):
        check(result, text)
        single = analyser.analyse(title, text, company)
        assert (result["role"], result["seniority"]) == (single["role"], single["seniority"])
        assert [s["slug"] for s in result["skills"]] == [s["slug"] for s in single["skills"]]
