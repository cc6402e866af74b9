"""Seniority by class, on text written for these tests in the shapes real boards use.

Each class has both senses where a word is ambiguous: grades the taxonomy defines vs company
ladder grades, years required vs years welcomed or a contract's length, a level word naming this
position vs colleagues, the Nordic word "i" vs grade I.
"""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser
from pipelines.nlp.titles import title_years
from pipelines.nlp.years import required_years
from pipelines.textnorm import normalise_text


def level(title: str, text: str = "") -> tuple[str, str]:
    res = get_analyser().analyse(title, text)
    return res["seniority"], res["seniority_provenance"]


# ---- years in any form
@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("任职要求：三年以上工作经验，熟悉 Python。", 3),
        ("* 实习生或1-3 年开发经验，有项目经验者优先", 1),
        ("5年以上のエンジニア経験", 5),
        ("公司成立于2013年，总部位于上海。", None),  # a founding year, no requirement
        ("3-5 years of experience is a plus, but we hire for slope.", None),
        ("Having 4+ years in fintech would be a big plus.", None),
        ("5+ years of backend experience; 8+ years is a bonus.", 5),  # required one stays
        ("You bring 3+ years of experience. A plus: Kubernetes.", 3),
        # a range glued to the sentence before it reads from its lower bound, not its upper
        ("We hire for slope.3-5 years of experience required.", 3),
        ("Experience: 3 - 10 years", 3),
        ("Version 2.5 years of support is included.", None),
    ],
)
def test_years_required_vs_welcomed_and_cjk(text: str, years: int | None) -> None:
    assert required_years(normalise_text(text)) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # alternatives: the lower requirement suffices
        (
            "- 3+ years of software engineering experience, with security a plus and/or\n"
            "- 5+ years of detection engineering or incident response",
            3,
        ),
        ("A BS with 5+ years of experience or an MS with 3+ years of experience.", 3),
        ("mindestens 4 Jahre Berufserfahrung oder 2 Jahre mit Promotion", 2),
        # requirements that all hold: the largest counts
        ("- 2+ years of React or Vue\n- 5+ years of backend work", 5),
        ("3+ years of Python or Java experience, 5+ years overall", 5),
        ("- 5+ years with Python\n- 3+ years with AWS\n- 2+ years with LLM frameworks", 5),
    ],
)
def test_alternative_requirements_vs_ones_that_all_hold(text: str, years: int) -> None:
    assert required_years(normalise_text(text)) == years


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Consultant - Azure PaaS, Python, GenAI - 8 years", 8),
        ("Data Engineer (3-5 yrs)", 3),
        ("Java Developer - 10+ Years - Pune", 10),
        ("DevOps Engineer - 2 Year Contract", None),  # the contract's length
        ("Level 3 Apprenticeship - 18 months", None),
        ("Senior Data Engineer", None),
    ],
)
def test_years_written_in_the_title(title: str, years: int | None) -> None:
    assert title_years(title.lower()) == years


def test_years_in_the_title_outrank_the_text() -> None:
    title = "REQ-1042 - Consultant - Cloud, Python, GenAI - 8 years"
    assert level(title, "- 5+ years of experience in architecture.") == ("staff_plus", "title")


# ---- named and numbered grades
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # the taxonomy's own grades beat the years the text asks for
        ("Machine Learning Engineer II - Trust", "Experience: 5 - 9 years", ("mid", "title")),
        ("Data Engineer III", "Experience: 2 - 4 years", ("senior", "title")),
        ("Technical Support Engineer 2 (Agent)", "", ("mid", "title")),
        # company ladder grades differ between employers: the years in the text decide
        ("Machine Learning Engineer 4", "Experience: 4 - 7 years", ("mid", "years")),
        ("Data Analyst - L3", "Experience: 3 - 5 years", ("mid", "years")),
        ("Software Engineer IC4", "You have 3+ years of experience.", ("mid", "years")),
        # ...and decide when the text says nothing
        ("Machine Learning Engineer 4", "", ("staff_plus", "title")),
        ("Software Engineer L4", "We build tools for clinics.", ("mid", "title")),
        ("Software Engineer IC3", "", ("senior", "title")),
    ],
)
def test_table_grades_vs_company_ladders(title: str, text: str, expected: tuple[str, str]) -> None:
    assert level(title, text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Prosjektleder i Stavanger", "unknown"),  # Norwegian "i" = in
        ("Utvikler i Oslo", "unknown"),
        ("Welder I", "entry"),
        ("Data Scientist I", "entry"),
        ("Senior Software Engineer I (AI Team)", "senior"),
        ("data engineer ii", "mid"),  # a title scraped in lower case keeps its grade
    ],
)
def test_roman_grade_one_vs_the_word_i(title: str, expected: str) -> None:
    assert level(title)[0] == expected


# ---- the text restating the title with a level vs level words about colleagues
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "AI Engineer",
            "Senior AI Engineer building agents in Python. Own the lifecycle.",
            "senior",
        ),
        (
            "AI Engineer (Data Science)",
            "Senior and Staff AI Engineers to join a fast team.",
            "senior",
        ),
        ("Data Engineer", "We are hiring a Junior Data Engineer for our Lisbon hub.", "entry"),
        ("Backend Engineer", "As our Lead Backend Engineer you own the API.", "staff_plus"),
        ("Software Engineer", "Junior-mid level role in a fintech start-up.", "entry"),
        # level words about other people, or a verb: no level for this position
        ("Data Engineer", "You will mentor junior data engineers and review designs.", "unknown"),
        ("Data Engineer", "Work with senior data engineers on the lakehouse.", "unknown"),
        ("Data Engineer", "Lead the design of our data platform with the team.", "unknown"),
        ("Data Engineer", "Senior leadership backs this data engineer hire.", "unknown"),
    ],
)
def test_text_restating_the_position_with_a_level(title: str, text: str, expected: str) -> None:
    assert level(title, text)[0] == expected


# ---- lead / principal per the taxonomy, intern / graduate / apprentice
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Lead Data Engineer", "staff_plus"),
        ("Principal Machine Learning Engineer", "staff_plus"),
        ("Team Lead - Data Engineering", "staff_plus"),
        ("Senior Web Frontend Engineer (Lead)", "staff_plus"),
        # level words in another sense vs the level
        ("Staff Accountant", "unknown"),
        ("Staff Nurse - ICU", "unknown"),
        ("Staff Product Designer", "staff_plus"),
        ("Staff Software Engineer", "staff_plus"),
        ("Lead Generation Specialist", "unknown"),
        ("Chief of Staff", "staff_plus"),
        ("Level 4 Apprenticeship - Software Development", "intern"),
        ("Frontend Engineer Apprenticeship", "intern"),
        ("2027 Internships - Data Science", "intern"),
        ("Software Engineering Co-op: January - April 2027", "intern"),
        ("Graduate Firmware Engineer", "entry"),
        ("Computer Vision Engineer (PhD Graduate)", "entry"),
        ("Trainee DevOps Engineer | No experience needed", "entry"),
        ("Business Analyst (Fresher)", "entry"),
    ],
)
def test_lead_principal_and_early_career_titles(title: str, expected: str) -> None:
    assert level(title)[0] == expected


# ---- titles in other languages
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Werkstudent Data Engineering (m/w/d)", "intern"),
        ("Praktikum im Bereich Softwareentwicklung", "intern"),
        ("Pflichtpraktikant*in Controlling", "intern"),
        ("Junior Softwareentwickler (m/w/d)", "entry"),
        ("Hochschulabsolvent Data Science (m/w/d)", "entry"),
        ("Duales Studium Informatik 2027", "intern"),
        ("Teamleiter Softwareentwicklung (m/w/d)", "staff_plus"),
        ("Erfaren utvikler til Bergen", "senior"),
        ("Seniorutvikler backend", "senior"),
        ("Nyutdannet utvikler 2027", "entry"),
        ("Sommerjobb utvikler 2026", "intern"),
        ("資深後端工程師", "senior"),
        ("高級數據工程師", "senior"),
        ("初級前端工程師", "entry"),
        ("中级Java开发工程师", "mid"),
        ("實習生 - 軟體工程", "intern"),
        ("2027届应届生 算法工程师", "entry"),
        ("シニア エンジニア", "senior"),
        ("Stagista Data Analyst", "intern"),
        ("Desenvolvedor Backend Pleno", "mid"),
    ],
)
def test_levels_in_other_languages(title: str, expected: str) -> None:
    assert level(title)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En tant que **stagiaire**, tu seras encadré par des profils seniors.", "intern"),
        ("Ce stage de fin d'études dure six mois.", "intern"),
        ("Tu encadreras deux stagiaires en data.", "unknown"),  # supervising interns
    ],
)
def test_french_internship_described_in_the_text(text: str, expected: str) -> None:
    assert level("Data Scientist / Analytics Engineer", text)[0] == expected


# ---- roles: classes seen on boards nobody tuned on (both senses)
@pytest.mark.parametrize(
    ("title", "role"),
    [
        # an ML/AI word before "Data Engineer" names the data's use; the role word decides
        ("Machine Learning Data Engineer", "data-engineer"),
        ("AI Data Engineer (Lakehouse)", "data-engineer"),
        ("Machine Learning Engineer, Data Platform", "ai-platform-engineer"),
        # "Modeler" names the job: ML modeling vs financial or 3D modeling
        ("Senior Machine Learning Modeler, Risk (Payments)", "ml-engineer"),
        ("Data Modeler", "data-engineer"),
        ("Financial Modeler", "other"),
        # a talent pool lists jobs; it is not the recruiter's job
        ("Infrastructure Talent Pool (Storage Engineer, SRE, MLOps)", "ai-platform-engineer"),
        ("Talent Acquisition Partner", "other"),
        # a programme name vs the occupation in another segment
        ("Seeds Trainee Program - Full Stack Engineer", "software-engineer"),
        ("Internship - Data Science", "data-scientist"),
        # a qualifier describing the employer does not refine the head; one naming the team does
        ("Full Stack Engineer (React, Python) - Agentic AI Startup", "software-engineer"),
        ("Backend Engineer | LLM company | Remote", "software-engineer"),
        ("Full Stack Engineer - Agentic AI", "ai-agent-engineer"),
        # a second job joined by a slash counts when it is the AI one; a dash qualifier does not
        ("Data Scientist / Machine Learning Engineer, GenAI & LLM", "llm-engineer"),
        ("Data Scientist / Analytics Engineer", "data-scientist"),
        ("Sales Manager - AI Engineer Recruitment", "other"),
        # a broad head refined by its qualifiers alone; a specific head keeps its own list
        ("Research Engineer, Applied AI", "ai-engineer"),
        ("Research Engineer", "research-scientist"),
        ("Research Engineer, Post-Training", "llm-engineer"),
        ("Machine Learning Engineer (Inference and Production)", "ml-engineer"),
        ("Product Manager, AI/ML", "ai-product-manager"),
        # a PM of AI evals or agentic products is an AI PM; of travel agents, not
        ("Staff Product Manager (Evals)", "ai-product-manager"),
        ("Product Manager, Agentic Workflows", "ai-product-manager"),
        ("Product Manager, Travel Agents", "other"),
        # release management is engineering; a title in an unread script is not engineering
        ("Senior Release Manager (Agile / DevOps)", "software-engineer"),
        ("兼職人員", "other"),
    ],
)
def test_role_classes_from_unseen_boards(title: str, role: str) -> None:
    assert get_analyser().analyse(title, "")["role"] == role


def test_an_unread_title_with_an_ai_description_follows_the_text() -> None:
    text = (
        "Responsibilities\n- Build LLM features with RAG over our documents and a vector "
        "database.\n- Design AI agents with tool calling; write evals and prompt templates.\n"
    )
    assert get_analyser().analyse("兼職人員", text)["role"] == "ai-engineer"


def test_a_skill_and_its_parent_named_by_one_phrase_count_once() -> None:
    from pipelines.nlp.titles import _distinct_named

    family = {"machine-learning", "reinforcement-learning", "pytorch"}
    one = [
        {"slug": "machine-learning", "start": 10, "end": 32},
        {"slug": "reinforcement-learning", "start": 10, "end": 32},
    ]
    assert _distinct_named(one, family) == 1
    two = [*one, {"slug": "machine-learning", "start": 50, "end": 66}]
    assert _distinct_named(two, family) == 2  # "Machine Learning" named on its own too
    assert _distinct_named([*one, {"slug": "pytorch", "start": 70, "end": 77}], family) == 2


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("About us: we build tools.\nSeniority level: Entry level\nLocation: Remote", "entry"),
        ("Stack: Go\n- 📈 NÍVEL: Júnior\n- Contrato: PJ", "entry"),
        ("Karrierestufe: Senior\nOrt: Berlin", "senior"),
        ("Job level : Staff\n", "staff_plus"),
        ("ſeniority: senior\n", "senior"),  # a long s matches "s" case-insensitively
        ("Requirements: Python and SQL.\nBenefits: equity.", None),
    ],
)
def test_a_stated_level_field_is_read_with_or_without_the_word_pre_check(
    text: str, level: str | None
) -> None:
    """The substring pre-check before the field regex (given the lower-cased text) reads the
    same fields as the regex alone."""
    titles = get_analyser().titles
    assert titles._stated_level(text) == level
    assert titles._stated_level(text, text.lower()) == level


def test_year_word_prescan_finds_every_stem_occurrence() -> None:
    """The one-pass year-word scan finds what a str.find per stem finds, in words too."""
    from pipelines.nlp.years import _YEAR_STEMS, _year_positions

    text = (
        "5+ years (yrs) of python; mindestens 3 jahre; 3 anos / 2 años; 4 ans; 2 år; 6 jaar; "
        "3 vuotta; 3年以上; transformers, plans, yearly yearyear årår 年年"
    )
    expected = {i for stem in _YEAR_STEMS for i in range(len(text)) if text.startswith(stem, i)}
    assert _year_positions(text) == expected
    assert required_years("Mindestens 3 Jahre Berufserfahrung; 5年以上经验") == 5
