"""Skills as postings write them beyond plain English phrases: scripts without spaces between
words (Chinese, Japanese), metric names, German compounds, two modifiers sharing one head noun
("vector and graph databases"); near-misses that name something else stay out."""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser


def slugs(text: str) -> set[str]:
    return {m["slug"] for m in get_analyser().analyse("工程师", text)["skills"]}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("负责大模型算法的优化与落地。", "llm"),
        ("熟悉大語言模型的微調與部署。", "llm"),
        ("熟悉大語言模型的微調與部署。", "fine-tuning"),
        ("有分布式训练经验者优先。", "distributed-systems"),
        ("构建上亿级向量化表示与检索。", "embeddings"),
        ("熟悉向量数据库，如 Milvus。", "vector-databases"),
        ("研究深度学习与计算机视觉算法。", "computer-vision"),
        ("具备自然语言处理项目经验。", "nlp"),
        ("设计多智能体协作系统。", "ai-agents"),
    ],
)
def test_cjk_skill_forms_match_inside_running_text(text: str, present: str) -> None:
    assert present in slugs(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("我们是一支全球分布式团队。", "distributed-systems"),  # a distributed team
        ("熟悉嵌入式系统开发。", "embeddings"),  # embedded systems
        ("负责模型训练数据的整理。", "llm"),  # "model" alone is no LLM
    ],
)
def test_cjk_near_misses_are_not_skills(text: str, absent: str) -> None:
    assert absent not in slugs(text)


def en(text: str) -> set[str]:
    return {m["slug"] for m in get_analyser().analyse("Engineer", text)["skills"]}


@pytest.mark.parametrize(
    ("text", "slug", "present"),
    [
        # evaluation metrics and human evaluation of models vs other senses
        (
            "Track quality with BLEU scores and human evaluation of model outputs.",
            "llm-evaluation",
            True,
        ),
        ("Experience with ROUGE for summarisation models.", "llm-evaluation", True),
        ("Human evaluation of job applicants is done by our HR team.", "llm-evaluation", False),
        ("Le drapeau rouge flotte sur le bâtiment.", "llm-evaluation", False),
        # German compounds for AI agents vs agencies
        (
            "Einbindung von KI-Technologien (z.B. agentenbasierte Systeme) in Python.",
            "ai-agents",
            True,
        ),
        ("Du entwickelst KI-Agenten für unsere Kunden.", "ai-agents", True),
        ("Wir arbeiten mit einer Agentur für Personalvermittlung.", "ai-agents", False),
    ],
)
def test_metric_names_and_german_agent_compounds(text: str, slug: str, present: bool) -> None:
    assert (slug in en(text)) is present


@pytest.mark.parametrize(
    ("text", "slug", "present"),
    [
        ("- Work with vector and graph databases for retrieval.", "vector-databases", True),
        ("- Build distributed and fault-tolerant systems in Go.", "distributed-systems", True),
        ("Experience with frontier and open-weight models.", "llm", True),
        ("Ship image/video models from research to production.", "computer-vision", True),
        ("Build CI and CD pipelines for the team.", "ci-cd", True),
        # the head must follow within two words; a verb is no modifier
        ("Experience with relational and graph databases.", "vector-databases", False),
        ("We are a distributed and remote team across Europe.", "distributed-systems", False),
        (
            "Vector and raster graphics for our maps, stored in databases.",
            "vector-databases",
            False,
        ),
        ("Design and optimize translation systems.", "ux-design", False),
    ],
)
def test_two_modifiers_sharing_one_head_noun(text: str, slug: str, present: bool) -> None:
    assert (slug in en(text)) is present
