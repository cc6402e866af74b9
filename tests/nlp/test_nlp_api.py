"""Public contract of pipelines.nlp (docs/contracts.md) and the taxonomy data files."""

from __future__ import annotations

import random

from pipelines.nlp import get_analyser, load_roles, load_skill_taxonomy
from pipelines.nlp.taxonomy import skill_taxonomy

KEYS = {
    "role",
    "role_confidence",
    "role_provenance",
    "seniority",
    "seniority_confidence",
    "seniority_provenance",
    "skills",
    "taxonomy_version",
}
CATEGORIES = {"language", "framework", "cloud", "data", "ml", "llm", "practice", "soft"}


def test_analyse_contract() -> None:
    res = get_analyser().analyse(
        "Senior AI Engineer", "Requirements:\n- Python, RAG and MCP servers", "Acme"
    )
    assert set(res) == KEYS
    assert res["role_provenance"] in {"title", "description", "default"}
    assert res["seniority_provenance"] in {"title", "years", "none"}
    assert 0 <= res["role_confidence"] <= 1 and 0 <= res["seniority_confidence"] <= 1
    assert res["taxonomy_version"] == skill_taxonomy().version
    for m in res["skills"]:
        assert set(m) == {
            "slug",
            "text",
            "start",
            "end",
            "section",
            "sentence",
            "asked",
            "asked_reason",
        }
        assert m["asked"] is True  # a requirements list asks for what it names
    assert {"python", "rag", "mcp"} <= {m["slug"] for m in res["skills"]}


def test_get_analyser_is_a_singleton() -> None:
    assert get_analyser() is get_analyser()


def test_analyse_many_streams_lazily() -> None:
    pulled = []

    def items():
        for i in range(10):
            pulled.append(i)
            yield ("Data Engineer", "SQL and Airflow DAGs", None)

    it = get_analyser().analyse_many(items(), batch_size=3)
    first = next(it)
    assert first["role"] == "data-engineer"
    assert len(pulled) == 3  # only one batch was read
    assert len(list(it)) == 9


def test_skill_dimension_rows() -> None:
    rows = load_skill_taxonomy()
    slugs = {r["slug"] for r in rows}
    assert len(rows) >= 400 and len(slugs) == len(rows)
    assert sum(r["is_core"] for r in rows) == 40
    assert {r["category"] for r in rows} <= CATEGORIES
    assert all(r["parent_slug"] in slugs for r in rows if r["parent_slug"])
    assert {"mcp", "context-engineering", "llm-evaluation", "ai-agents", "rag"} <= slugs


def test_implied_slugs_exist() -> None:
    slugs = {s["slug"] for s in skill_taxonomy().skills}
    for s in skill_taxonomy().skills:
        assert set(s.get("implies", [])) <= slugs, s["slug"]


def test_roles_dimension() -> None:
    roles = load_roles()
    assert len(roles) == 17
    assert sum(r["is_ai_role"] for r in roles) == 12


def _posting(seed: int) -> str:
    """A ~600-word synthetic posting: mostly prose, a dozen skill mentions, a few headings."""
    rng = random.Random(seed)
    filler = (
        "we our team product customers build ship reliable systems with care and speed across "
        "the company you will own projects end to end work closely partners data quality "
        "growth mission hiring people remote office impact scale users daily"
    ).split()
    skills = [
        "Python",
        "Go",
        "SQL",
        "Kubernetes",
        "RAG pipelines",
        "AI agents",
        "evals",
        "Spark",
        "dbt",
        "Terraform",
        "prompt templates",
        "TypeScript",
    ]
    lines = []
    for heading in ("About us", "What you'll do", "Requirements", "Nice to have", "Benefits"):
        lines.append(heading)
        for _ in range(4):
            words = [rng.choice(filler) for _ in range(28)]
            words.insert(rng.randrange(len(words)), rng.choice(skills))
            lines.append("- " + " ".join(words) + f" {rng.randint(1, 999)}.")
    return "\n".join(lines)


def test_speed_against_bare_tokenizer() -> None:
    texts = [_posting(i) for i in range(60)]
    assert 500 <= len(texts[0].split()) <= 700
    assert get_analyser().bench(texts)["ratio"] >= 0.6


def test_spacy_component_adds_skill_spans() -> None:
    from pipelines.nlp.component import build_nlp

    doc = build_nlp()("Requirements:\nPython, Go and Apache Spark")
    spans = [(s.text, s.label_, s._.section) for s in doc.spans["skills"]]
    assert ("Go", "go", "requirements") in spans
    assert ("Apache Spark", "spark", "requirements") in spans
