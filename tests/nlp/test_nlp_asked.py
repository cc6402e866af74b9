"""Asked vs mentioned: a skill counts when the posting asks for it, not when the company blurb,
benefits or legal text merely names it. Postings below are written in the shapes real sources
have (HTML-derived heading lines, Markdown, all caps, "Label:" lines, forum posts, no headings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.evaluate_asked import GoldFormatError, asked_slugs, evaluate_asked, load_asked_gold
from pipelines.nlp import get_analyser
from pipelines.nlp.asked_cues import sentence_cue


def _verdicts(text: str, title: str = "Software Engineer") -> dict[str, set[bool]]:
    out: dict[str, set[bool]] = {}
    for m in get_analyser().analyse(title, text)["skills"]:
        out.setdefault(m["slug"], set()).add(m["asked"])
    return out


def _asked(text: str, title: str = "Software Engineer") -> set[str]:
    return asked_slugs(get_analyser().analyse(title, text)["skills"])


HTML_LINES = """About Northwind
 Northwind builds logistics software. Our platform runs on Kubernetes and we keep calm on-call rotations.
 About the role
 You'll run our Kubernetes clusters and build services in Go.
 What we're looking for
 Experience with Terraform
 Strong communication skills
 Benefits
 Health insurance, a learning budget and a free Docker course.
"""


def test_html_headings_about_vs_responsibilities() -> None:
    v = _verdicts(HTML_LINES)
    assert v["kubernetes"] == {False, True}  # one mention in About, one in the duties
    assert _asked(HTML_LINES) >= {"kubernetes", "go", "terraform", "communication"}
    assert "docker" not in _asked(HTML_LINES)


def test_company_blurb_alone_asks_nothing() -> None:
    text = (
        "About Northwind\n"
        "Northwind builds logistics software. Our platform runs on Kubernetes and Kafka.\n"
        "Benefits\n"
        "Equity, dental and a Python book stipend.\n"
    )
    assert _asked(text) == set()
    assert {"kubernetes", "kafka"} <= set(_verdicts(text))  # still mentioned


MARKDOWN = """# Senior Data Engineer

**About us**
We are a fintech backed by top investors. We build our pipelines with Spark.

## What you'll do
- Own our Airflow DAGs
- Model data in dbt

## Nice to have
- Rust experience
"""


def test_markdown_headings() -> None:
    asked = _asked(MARKDOWN, "Senior Data Engineer")
    assert {"airflow", "dbt", "rust"} <= asked
    assert "spark" not in asked


ALL_CAPS = """WHO WE ARE
We help hospitals schedule staff; our backend is written in Java.
WHAT YOU WILL DO
Design APIs in Python and deploy them on AWS.
EQUAL OPPORTUNITY
We are an equal opportunity employer and value diversity, including experience with SQL.
"""


def test_all_caps_headings_and_legal_text() -> None:
    asked = _asked(ALL_CAPS)
    assert {"python", "aws"} <= asked
    assert "java" not in asked and "sql" not in asked


LABELS = """Company: Acme Robotics, founded in 2019 and backed by Series B investors, uses PyTorch everywhere.
Responsibilities: build perception models with TensorFlow and ship them to robots.
Requirements: 3+ years of C++ and ROS.
Perks: free lunch and a Kubernetes-certified ops team.
"""


def test_label_lines_scope_their_line() -> None:
    asked = _asked(LABELS, "Robotics Engineer")
    assert {"tensorflow", "cpp"} <= asked
    assert "pytorch" not in asked and "kubernetes" not in asked


NO_HEADINGS = """Acme is building the data layer for insurance. We raised a $20M Series A and our customers include three of the top ten carriers, who use our Snowflake integration daily.

You'll design retrieval pipelines with LangChain and evaluate them on real claims. Experience with PostgreSQL is a plus.

We value collaboration and curiosity. Email jobs@acme.example with your GitHub."""


def test_no_headings_sentence_classifier() -> None:
    v = _verdicts(NO_HEADINGS)
    asked = _asked(NO_HEADINGS)
    assert {"langchain", "postgresql"} <= asked
    assert "snowflake" in v and "snowflake" not in asked
    assert "collaboration" not in asked  # a company value, not asked of the candidate


def test_soft_skill_asked_of_candidate_counts_not_as_company_value() -> None:
    asked = "Requirements\nYou bring excellent communication and collaboration skills.\n"
    assert {"communication", "collaboration"} <= _asked(asked)
    value = "We are a remote team. We greatly value collaboration skills.\n"
    assert "collaboration" in _verdicts(value)
    assert _asked(value) == set()


FORUM = """Acme | Staff Engineer, AI | Backend Engineer | Remote (US) | $180k-$220k

Acme builds tools for accountants. Our investors include big funds.

- Staff Engineer, AI: You build our agents with LangChain and evaluate them.
- Backend Engineer: You scale our Kafka pipelines and write Java services.

Apply: jobs@acme.example"""


def test_forum_post_other_role_block_is_not_asked() -> None:
    asked = _asked(FORUM, "Staff Engineer, AI")
    assert "langchain" in asked
    assert "kafka" not in asked and "java" not in asked
    # the same post read for the backend role asks the opposite
    backend = _asked(FORUM, "Backend Engineer")
    assert "kafka" in backend and "langchain" not in backend


def test_waived_requirement_is_not_asked() -> None:
    text = "Requirements\nStrong SQL.\nPrior Kubernetes experience is not required.\n"
    asked = _asked(text)
    assert "sql" in asked and "kubernetes" not in asked


def test_every_mention_carries_a_reason() -> None:
    for m in get_analyser().analyse("Engineer", HTML_LINES)["skills"]:
        assert isinstance(m["asked"], bool) and m["asked_reason"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("You'll run our Kubernetes clusters.", "candidate"),
        ("Our platform runs on Kubernetes.", "company"),
        ("We value collaboration and communication.", "values"),
        ("Stack: Python, Go, Postgres.", "stack"),
        ("Backed by Sequoia, we were founded in 2020.", "company"),
        ("We offer equity, 401(k) matching and parental leave.", "benefits"),
        ("We do not discriminate on the basis of race, religion or disability.", "legal"),
        ("Experience with distributed systems", "candidate"),
        ("Designing intelligent routing algorithms", "duty"),
        ("Prior ML experience is not required.", "waived"),
        ("We also maintain an open-source Terraform provider.", "company"),
        ("The weather is nice.", None),
    ],
)
def test_sentence_cues(sentence: str, cue: str | None) -> None:
    assert sentence_cue(sentence) == cue


def test_evaluate_asked_counts_like_the_scorer() -> None:
    gold = {
        "a": {"id": "a", "asked": ["python", "sql"], "mentioned_only": ["kubernetes"]},
        "b": {"id": "b", "asked": ["python"], "mentioned_only": ["docker", "sql"]},
    }
    pred = {"a": {"python", "kubernetes"}, "b": {"python", "sql"}}
    m = evaluate_asked(gold, pred)
    assert (m["precision"], m["recall"]) == (0.5, 2 / 3)
    assert (m["mentioned_only_counted"], m["mentioned_only"]) == (2, 3)
    assert m["share_errors"][0]["slug"] == "sql" and m["max_share_error_pts"] == 0.0
    pred["b"] = {"python"}
    assert evaluate_asked(gold, pred)["max_share_error_pts"] == 50.0


def test_teams_the_hire_works_with_are_not_asked() -> None:
    text = (
        "Responsibilities\n"
        "- Build pipelines in Python.\n"
        "- Work closely with data science and customer success teams.\n"
        "- Collaborate with cross-functional teams.\n"
    )
    v = _verdicts(text)
    assert v["python"] == {True}
    assert v.get("data-science") == {False}
    assert "collaboration" in _asked(text)  # teamwork itself is asked


def test_company_voice_inside_the_role_section_is_not_asked() -> None:
    text = (
        "About the role\n"
        "At Acme, we are pioneering computer vision for farms.\n"
        "You'll build our data pipelines with Airflow.\n"
    )
    v = _verdicts(text)
    assert v["computer-vision"] == {False}
    assert v["airflow"] == {True}


def test_asked_gold_without_labels_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a", "title": "Engineer", "description_text": "Python"}\n', "utf-8")
    with pytest.raises(GoldFormatError, match="row a has no 'asked' list"):
        load_asked_gold(bad)
    bad.write_text("not json\n", "utf-8")
    with pytest.raises(GoldFormatError, match="not JSON lines"):
        load_asked_gold(bad)


def test_a_waived_skill_is_not_asked_anywhere_in_the_posting() -> None:
    text = (
        "About the role\n"
        "You'll build the storage layer behind our Kubernetes platform.\n"
        "Requirements\n"
        "- Strong Python.\n"
        "- Prior Kubernetes experience is not required.\n"
    )
    v = _verdicts(text)
    assert v["kubernetes"] == {False} and v["python"] == {True}
    kept = "About the role\nYou'll build the storage layer behind our Kubernetes platform.\n"
    assert _verdicts(kept)["kubernetes"] == {True}  # without the waiver the duty asks for it


def test_a_list_of_other_openings_asks_nothing() -> None:
    text = (
        "You will build data pipelines in Python.\n\n"
        "Open roles include:\n\n"
        "• Senior AI Engineer\n\n"
        "• Kubernetes Platform Engineer\n"
    )
    asked = _asked(text, "Data Engineer")
    assert "python" in asked
    assert not {"ai", "kubernetes"} & asked
    assert "kubernetes" in _asked(text, "Platform Engineer")  # the posting's own opening


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # "email" as a channel the product covers is not how to apply; an address or "email us" is
        ("- Build assistants across chat, email and voice.", "duty"),
        ("Email us at jobs@acme.example.", "apply"),
        ("Contact: hiring@acme.example", "apply"),
        ("Questions? first.last+jobs@acme-labs.example", "apply"),
        # an "@" with no word character before it is a handle, not an address
        ("Follow -@acme.example for updates.", None),
        # "this is a ... role" speaks about the hire's job
        ("This is a hands-on leadership role.", "candidate"),
        # a requirement said as the company's need: "we need ...", "... is essential"
        ("We need strong Go skills and clear written communication.", "candidate"),
        ("Writing clear docs is essential, since our work is remote.", "candidate"),
        ("We need more coffee.", None),
    ],
)
def test_sentence_cues_channel_email_and_role_talk(sentence: str, cue: str) -> None:
    assert sentence_cue(sentence) == cue


def test_a_list_of_teams_and_the_company_leadership_are_people_not_skills() -> None:
    text = (
        "Responsibilities\n"
        "- Work closely with teams across Acme, including Data Science and Public Policy.\n"
        "- Report to our partnerships leadership and build SQL dashboards.\n"
    )
    v = _verdicts(text)
    assert v["data-science"] == {False} and v["policy-skills"] == {False}
    assert v["leadership"] == {False}
    assert v["sql"] == {True}


def test_leadership_and_teams_asked_as_skills_stay_asked() -> None:
    text = (
        "Requirements\n"
        "- Experience with technical leadership and Data Science.\n"
        "- You blend hands-on work with architectural leadership.\n"
    )
    v = _verdicts(text)
    assert v["leadership"] == {True} and v["data-science"] == {True}


def test_company_voice_continues_through_its_paragraph_in_a_role_section() -> None:
    text = (
        "About the role\n"
        "At Acme, we are pioneering robotics for farms. Computer vision in the field is still "
        "unsolved.\n"
        "\n"
        "You'll build our data pipelines. The pipelines are scheduled as Airflow DAGs.\n"
    )
    v = _verdicts(text)
    assert v["computer-vision"] == {False}  # no cue of its own, the paragraph is company voice
    assert v["airflow"] == {True}  # the paragraph speaks to the hire


def test_people_tests_run_whatever_the_case_of_the_team_word() -> None:
    """The team tests are skipped for a sentence without a team word (asked_people.has_team_word):
    a capitalised "Teams" still counts as one, and "leadership" the hire reports to needs none."""
    text = (
        "Responsibilities\n"
        "- Build evaluation tooling in Python.\n"
        "- Partner with Teams across Acme, including Data Science and Public Policy.\n"
        "- Report to our partnerships leadership.\n"
    )
    v = _verdicts(text)
    assert v["python"] == {True}
    assert v.get("data-science") == {False}
    assert v.get("leadership") == {False}
