"""Section shapes beyond plain headings: unknown headings end a section, "Label: text" lines
scope their own paragraph, all-caps and Markdown headings, layout fields for the asked classifier."""

from __future__ import annotations

import pytest

from pipelines.nlp.sections import heading_shaped, label_section, split_sentences


def _sections(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.section for s in split_sentences(text)}


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("## Our Product", True),
        ("**The Team**", True),
        ("THE TEAM", True),
        ("Some of the problems we work on:", True),
        ("AWS, GCP", False),  # a tech list, not a heading
        ("- Python:", False),  # a list item
        ("We use Go to build services.", False),
    ],
)
def test_heading_shaped(line: str, shaped: bool) -> None:
    assert heading_shaped(line) is shaped


def test_unknown_heading_ends_the_previous_section() -> None:
    text = "Requirements\n- Python\nWhat makes this hard:\nRetrieval at scale.\n"
    got = _sections(text)
    assert got["- Python"] == "requirements"
    assert got["Retrieval at scale."] == "other"


def test_label_line_scopes_only_its_line_inside_a_section() -> None:
    text = (
        "Responsibilities\nShip features.\nLocation: Remote, three days in office.\nOwn the API.\n"
    )
    got = _sections(text)
    assert got["Location: Remote, three days in office."] == "benefits"
    assert got["Own the API."] == "responsibilities"


def test_label_opening_a_paragraph_scopes_the_paragraph() -> None:
    text = (
        "The work: building evaluations for frontier models. We publish results.\n\n"
        "Acme is a small team.\n"
    )
    got = _sections(text)
    assert got["We publish results."] == "responsibilities"
    assert got["Acme is a small team."] == "other"


def test_label_section_needs_a_short_known_label() -> None:
    assert label_section("Requirements: Go and Terraform in production.") == "requirements"
    assert label_section("Note: we ship weekly.") is None
    assert label_section("We ship weekly: every Friday.") is None


def test_layout_fields() -> None:
    text = "Intro line. Second sentence.\n\n- Build APIs.\n- Run evals.\n"
    sents = split_sentences(text)
    assert [s.first for s in sents] == [True, False, True, True]
    assert [s.bullet for s in sents] == [False, False, True, True]
    assert sents[0].block == sents[1].block != sents[2].block == sents[3].block


def test_stack_heading_and_title_case_heading_end_company_text() -> None:
    text = (
        "Why join us\n- Equity and a Presidio office.\n\nOur Stack\n\nPython · Postgres · React\n"
        "\nPerks\n- Free lunch.\n\nLife in Numbers\n\nWe ship daily.\n"
    )
    got = _sections(text)
    assert got["Python · Postgres · React"] == "requirements"
    assert got["- Free lunch."] == "benefits"
    assert got["We ship daily."] == "other"  # Title Case line ended the perks


def test_title_case_line_inside_requirements_keeps_the_section() -> None:
    text = "Requirements\nPython or Rust\nDistributed Systems\n- Kafka\n"
    assert _sections(text)["- Kafka"] == "requirements"


def test_your_team_is_not_our_team() -> None:
    # "y-our team" once read as the company heading "our team"; a duty label stays a duty
    text = "What you'll own\n- Build your team: hire and mentor engineers.\n"
    assert set(_sections(text).values()) == {"responsibilities"}
    assert _sections("Our Team\nWe are 12 engineers.\n")["We are 12 engineers."] == "about_company"
