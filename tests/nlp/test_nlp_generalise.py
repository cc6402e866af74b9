"""Golden cases for postings nobody tuned on (issue 14): lower-case text, word senses, titles as
boards write them, seniority in any form. Every ambiguous word is tested in both senses.
All text is written for these tests in the shapes real boards use."""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser
from pipelines.nlp.titles import required_years


def slugs(text: str, title: str = "Engineer") -> set[str]:
    return {m["slug"] for m in get_analyser().analyse(title, text)["skills"]}


# ---- lower-case text: the cased forms (Go, R, RAG, JAX) decided by context
LOWER_STACK = (
    "about the role\n"
    "- our stack: python, go, java and postgres; some services in rust.\n"
    "- you know llms, rag, embeddings and vector search.\n"
    "- you have trained models in pytorch, tensorflow, or jax.\n"
    "- analytics in python, r, java, scala.\n"
)


@pytest.mark.parametrize(
    "slug", ["python", "go", "java", "llm", "rag", "embeddings", "jax", "r-lang"]
)
def test_lower_case_lists_are_read(slug: str) -> None:
    assert slug in slugs(LOWER_STACK)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("we ship fast. when it is time to go, we go above and beyond for our customers.", "go"),
        ("please bring a rag and a bucket; the workshop floor gets messy every single day.", "rag"),
        (
            "our founders like to spark joy and spark conversations with everyone in the room.",
            "spark",
        ),
        (
            "our agents sell insurance and travel packages to families across the whole region.",
            "ai-agents",
        ),
        (
            "we value prompt responses to customer emails and prompt payment of every invoice.",
            "prompt-engineering",
        ),
        (
            "you will fine-tune inference engines for throughput and latency on our gpu fleet.",
            "fine-tuning",
        ),
    ],
)
def test_lower_case_everyday_senses_are_not_skills(text: str, absent: str) -> None:
    assert absent not in slugs(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "you will build ai agents with tool calling on top of our llm platform and apis.",
            "ai-agents",
        ),
        (
            "you will write evals for our llm features and track the regressions they catch.",
            "llm-evaluation",
        ),
        (
            "you will design prompts and prompt templates for the llm that drafts our replies.",
            "prompt-engineering",
        ),
        (
            "you will fine-tune open-source llms with lora on our support transcripts.",
            "fine-tuning",
        ),
        ("you will run batch jobs on spark clusters and keep our etl pipelines healthy.", "spark"),
    ],
)
def test_lower_case_skill_senses_are_found(text: str, present: str) -> None:
    assert present in slugs(text)


# ---- false senses met on real text
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("You will own model serving for our fraud models on Kubernetes.", "llm"),
        ("You will write SQL queries for data retrieval and weekly reporting.", "rag"),
        ("Improve data representation and retrieval in our machine learning models.", "rag"),
        ("You will fine-tune inference engines and kernels for GPU throughput.", "fine-tuning"),
        ("We want you to infuse our AI vision into the product roadmap.", "computer-vision"),
        ("Services are built with gRPC and JAX-RS REST endpoints in Java.", "jax"),
        ("Serve models with llama-cpp and vLLM on our own hardware.", "cpp"),
    ],
)
def test_false_senses_seen_on_real_text(text: str, absent: str) -> None:
    assert absent not in slugs(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("You will build retrieval for LLMs over our document store with embeddings.", "rag"),
        ("You will fine-tune LLMs with LoRA on our data.", "fine-tuning"),
        ("Experience deploying and optimizing our deep learning models in production.", "mlops"),
        ("Familiarity with productionizing AI models is a plus.", "mlops"),
        ("Work on image segmentation and object detection.", "computer-vision"),
    ],
)
def test_skill_senses_next_to_the_false_ones(text: str, present: str) -> None:
    assert present in slugs(text)


def test_deploying_llm_applications_is_product_work_not_mlops() -> None:
    assert "mlops" not in slugs("Build and deploy LLM-based applications for our support team.")


# ---- titles in the wild
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior AI Engineer - Grafana AI/ML | USA | Remote", "ai-engineer"),
        ("Data Engineer | $60/hr Remote", "data-engineer"),
        ("🚀 Backend Developer (Python) 📍 Remote 🚀", "software-engineer"),
        ("AI Engineer, RAG", "ai-engineer"),
        ("RAG Engineer", "context-engineer"),
        ("Data Engineer with AI", "data-engineer"),
        ("MLOps Engineer", "ai-platform-engineer"),
        ("Senior ML Platform Engineer - Remote (EU)", "ai-platform-engineer"),
        ("Platform Engineer, Machine Learning", "ai-platform-engineer"),
        ("Solutions Architect, Applied AI (Pre-Sales)", "ai-architect"),
        ("Pre-Sales Solutions Architect", "software-engineer"),
        ("Quant Developer", "software-engineer"),
        ("Senior Quantitative Researcher | Trading", "data-scientist"),
        ("Machine Learning Engineer - LLMs (f/m/x)", "llm-engineer"),
        ("Research Engineer, Post-Training - London", "llm-engineer"),
        ("Product Manager, AI/ML", "ai-product-manager"),
        ("Staff Product Marketing Manager, Context Engineering", "other"),
    ],
)
def test_titles_with_places_pay_modes_and_teams(title: str, role: str) -> None:
    assert get_analyser().analyse(title, "")["role"] == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # "agent" as the person vs the AI sense
        ("Insurance Agent", "other"),
        ("Corporate Travel Agent - GDS", "other"),
        ("Sales Agent", "other"),
        ("AI Agent Engineer", "ai-agent-engineer"),
        ("Agent Developer", "ai-agent-engineer"),
        ("Software Engineer, Agents", "ai-agent-engineer"),
        ("Support Engineer II (Agent) - US-East", "software-engineer"),
        # evaluation in the defence/test sense vs model evals
        ("Technical Director of Test & Evaluation", "other"),
        ("Evals Engineer", "ai-safety-eval-engineer"),
        # research in other senses
        ("Senior UX Researcher", "other"),
        ("Vulnerability Research Engineer", "software-engineer"),
        ("AI Researcher", "research-scientist"),
        # harness: wiring vs agents
        ("Harness Design Engineer, Satellites", "software-engineer"),
        ("Harness Engineer", "harness-engineer"),
        ("Senior LLM Penetration Tester", "ai-safety-eval-engineer"),
    ],
)
def test_role_words_in_other_senses(title: str, role: str) -> None:
    assert get_analyser().analyse(title, "")["role"] == role


@pytest.mark.parametrize(
    ("title", "role", "seniority"),
    [
        ("Desenvolvedor(a) Backend Sênior - Remoto", "software-engineer", "senior"),
        ("Estagiário de QA", "software-engineer", "intern"),
        ("Werkstudent Softwareentwicklung (m/w/d)", "software-engineer", "intern"),
        ("Softwareentwickler (m/w/d)", "software-engineer", "unknown"),
        ("Seniorutvikler", "software-engineer", "senior"),
        ("【远程】- 高级算法工程师", "software-engineer", "senior"),
    ],
)
def test_titles_in_other_languages(title: str, role: str, seniority: str) -> None:
    res = get_analyser().analyse(title, "")
    assert (res["role"], res["seniority"]) == (role, seniority)


# ---- seniority
@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Software Engineer L4", "mid"),
        ("Software Engineer IC3", "senior"),
        ("Software Engineer II", "mid"),
        ("Senior Software Engineer II", "senior"),
        ("Electrical Engineer I/II", "entry"),
        ("Senior~Staff, Data Analyst", "senior"),
        ("Senior/Sr. Staff AI Infrastructure Engineer", "senior"),
        ("Level 4 Apprenticeship - Software Development", "intern"),
        ("2027 Internships - Software Engineering", "intern"),
        ("Graduate Engineer Trainee", "entry"),
        ("Lead Data Engineer", "staff_plus"),
        ("Principal ML Engineer", "staff_plus"),
        ("Trust & Safety Associate", "unknown"),
        ("Associate Product Manager", "entry"),
    ],
)
def test_title_levels(title: str, seniority: str) -> None:
    assert get_analyser().analyse(title, "")["seniority"] == seniority


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of experience with Python", 5),
        ("5 plus years of experience", 5),
        ("five years of experience building APIs", 5),
        ("at least five (5) years in software", 5),
        ("two-plus years of experience", 2),
        ("5\\+ years of backend experience", 5),
        ("Experience: 4 years", 4),
        ("Exp: 8-10 Yrs", 8),
        ("3 or more years of experience", 3),
        ("mindestens 3 Jahre Berufserfahrung", 3),
        ("3 anos de experiência com Python", 3),
        ("we have served customers for over 20 years", None),
        ("a 2-year fixed-term contract", None),
        ("the grant vests over 4 years", None),
    ],
)
def test_required_years_in_any_form(text: str, years: int | None) -> None:
    from pipelines.textnorm import normalise_text

    assert required_years(normalise_text(text)) == years


def test_years_decide_seniority_without_a_title_level() -> None:
    text = "requirements\n- 6 plus years of experience with go and python.\n"
    res = get_analyser().analyse("Backend Engineer", text)
    assert (res["seniority"], res["seniority_provenance"]) == ("senior", "years")


def test_crossing_phrases_of_two_skills_are_both_mentions() -> None:
    found = slugs("Our team has shipped production ML infrastructure for self-driving cars.")
    assert "mlops" in found  # "production ML" (a practice) must not hide "ML infrastructure"


def test_level_stated_as_a_field_in_the_text() -> None:
    text = "Vaga\n- 📍 Localização: remoto\n- 📈 Nível: júnior\n- Contrato: CLT\n"
    res = get_analyser().analyse("Desenvolvedor Fullstack .NET", text)
    assert (res["seniority"], res["seniority_provenance"]) == ("entry", "text")
    plain = "We build things. Our level of care is high: every detail matters."
    assert get_analyser().analyse("Developer", plain)["seniority"] == "unknown"


def test_generic_head_with_only_place_qualifiers_is_decided_by_the_text() -> None:
    text = (
        "About us\nAn early-stage startup building an AI-native workspace.\n"
        "Requirements\n- Build AI agents with tool calling on top of LLMs and RAG.\n"
    )
    res = get_analyser().analyse("Founding Engineer - Hybrid/HCMC - FT", text)
    assert (res["role"], res["role_provenance"]) == ("founding-ai-engineer", "description")


@pytest.mark.parametrize(
    ("text", "seniority"),
    [
        ("About the role\nThis internship runs for twelve weeks in our Berlin office.", "intern"),
        ("Wir suchen dich als Werkstudent im Team Data.", "intern"),
        ("The role is open to recent graduates with a CS degree.", "entry"),
        ("You will mentor junior engineers and review their designs.", "unknown"),
    ],
)
def test_text_describing_the_position_gives_a_level(text: str, seniority: str) -> None:
    assert get_analyser().analyse("Data Engineer", text)["seniority"] == seniority


@pytest.mark.parametrize(
    ("text", "company", "absent"),
    [
        ("Prompt is looking for an AI Engineer to join our LLM team.", None, "prompt-engineering"),
        ("At Spark, we build data tools for clinics across the country.", None, "spark"),
        (
            "Work on LLM tools; every week Prompt ships to production.",
            "Prompt",
            "prompt-engineering",
        ),
    ],
)
def test_a_word_naming_the_employer_is_no_skill(
    text: str, company: str | None, absent: str
) -> None:
    found = {m["slug"] for m in get_analyser().analyse("AI Engineer", text, company)["skills"]}
    assert absent not in found


def test_the_same_word_as_a_skill_still_counts() -> None:
    text = "You will iterate on the prompt for our LLM and keep a library of prompts."
    assert "prompt-engineering" in slugs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Confidence with ML libraries such as scikit-learn, PyTorch, Transformers, LangChain.",
            True,
        ),
        (
            "Understand fundamentals such as Transformers, Self-Attention mechanisms and tokenizers.",
            False,
        ),
    ],
)
def test_transformers_the_library_vs_the_architecture(text: str, expected: bool) -> None:
    assert ("hugging-face" in slugs(text)) is expected


def test_a_name_after_an_abbreviation_is_still_mid_sentence() -> None:
    assert "airflow" in slugs("Strong experience with cloud tools and data work (ie. Airflow).")
    assert "airflow" not in slugs("Airflow. Keep the server room cool and dry.")
