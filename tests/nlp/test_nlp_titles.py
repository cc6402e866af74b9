"""Title normaliser: each taxonomy tie-break, seniority signals and the years fallback."""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser
from pipelines.nlp.titles import normalise_title, required_years

AI_TEXT = """Responsibilities
- Build LLM features with RAG over our documents and a vector database.
- Design AI agents with tool calling; write evals and prompt templates.
"""
ML_TEXT = """Responsibilities
- Train deep learning models in PyTorch and JAX on GPU clusters.
- Computer vision and reinforcement learning research to production.
"""
WEB_TEXT = """Responsibilities
- Build React frontends and Django APIs on Postgres.
"""


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # 1. explicit role word beats the description
        ("Prompt Engineer", "prompt-engineer"),
        # 2. founding + AI/ML
        ("Founding ML Engineer", "founding-ai-engineer"),
        ("Founding Engineer - AI Infra", "founding-ai-engineer"),
        ("Founding Fullstack Engineer", "software-engineer"),
        # 3. agent / eval+safety / architect+AI / platform+AI
        ("Senior Agentic Systems Engineer", "ai-agent-engineer"),
        ("ML Engineer, LLM Evaluation", "ai-safety-eval-engineer"),
        ("Red Team Engineer", "ai-safety-eval-engineer"),
        ("Functional Safety Engineer", "software-engineer"),
        ("GenAI Solutions Architect", "ai-architect"),
        ("ML Platform Engineer", "ai-platform-engineer"),
        ("Data Platform Engineer", "data-engineer"),
        ("Platform Engineer", "software-engineer"),
        # 4. LLM/post-training/inference > ML > AI
        ("Post-Training Research Engineer", "llm-engineer"),
        ("Inference Engineer", "llm-engineer"),
        ("Senior AI/ML Engineer", "ml-engineer"),
        ("Computer Vision Engineer", "ml-engineer"),
        ("Applied AI Engineer", "ai-engineer"),
        # 6. customer-facing architect vs sales
        ("Solutions Architect, Applied AI", "ai-architect"),
        ("Account Executive, AI", "other"),
        # adjacent families and non-engineering roles
        ("Marketing Data Engineer", "data-engineer"),
        ("Analytics Engineer", "data-scientist"),
        ("ML Researcher", "research-scientist"),
        ("Product Manager, GenAI", "ai-product-manager"),
        ("Product Manager", "other"),
        ("Recruiter, Engineering", "other"),
    ],
)
def test_title_rules(title: str, role: str) -> None:
    res = get_analyser().analyse(title, AI_TEXT)
    assert res["role"] == role
    assert res["role_provenance"] == "title"


@pytest.mark.parametrize(
    ("title", "text", "role"),
    [
        ("Member of Technical Staff", AI_TEXT, "ai-engineer"),
        ("Software Engineer", ML_TEXT, "ml-engineer"),
        ("Engineer", WEB_TEXT, "software-engineer"),
        ("Founding Engineer", AI_TEXT, "founding-ai-engineer"),
    ],
)
def test_generic_titles_use_description(title: str, text: str, role: str) -> None:
    res = get_analyser().analyse(title, text)
    assert (res["role"], res["role_provenance"]) == (role, "description")


def test_generic_title_without_text_is_default() -> None:
    res = get_analyser().analyse("Software Engineer", "")
    assert (res["role"], res["role_provenance"]) == ("software-engineer", "default")


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Software Engineering Intern", "intern"),
        ("Junior Data Analyst", "entry"),
        ("Data Scientist I", "entry"),
        ("Engineer II", "mid"),
        ("Mid-level Backend Developer", "mid"),
        ("Sr. Data Engineer", "senior"),
        ("Backend Engineer III", "senior"),
        ("Staff ML Engineer", "staff_plus"),
        ("Principal Engineer", "staff_plus"),
        ("Head of AI", "staff_plus"),
        ("Cloud Solutions Senior Architect", "staff_plus"),
        ("Machine Learning Engineer 5", "staff_plus"),
        ("Junior-Mid Engineer", "entry"),
        ("Member of Technical Staff", "unknown"),
    ],
)
def test_seniority_from_title(title: str, level: str) -> None:
    res = get_analyser().analyse(title, "")
    assert res["seniority"] == level
    assert res["seniority_provenance"] == ("none" if level == "unknown" else "title")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("You have 5+ years of experience building APIs.", "senior"),
        ("Requirements: 3-5 years of experience in Python.", "mid"),
        ("0-2 years of professional experience.", "entry"),
        ("At least 8 years of relevant experience.", "staff_plus"),
        ("Founded over 20 years ago, we serve banks.", "unknown"),
        ("Five years of experience with Python.", "senior"),
    ],
)
def test_seniority_falls_back_to_years(text: str, level: str) -> None:
    res = get_analyser().analyse("Data Engineer", text)
    assert res["seniority"] == level
    if level != "unknown":
        assert res["seniority_provenance"] == "years"


def test_required_years_takes_largest_lower_bound() -> None:
    assert required_years("2+ years of cloud; 6+ years of experience with SQL") == 6
    assert required_years("no requirement stated") is None


def test_normalise_title() -> None:
    assert normalise_title("Sr. AI/ML Engineer & Lead") == " sr ai ml engineer and lead "
