"""Section tagger: headings (plain, markdown, inline, trailing colon) switch the section."""

from __future__ import annotations

import pytest

from pipelines.nlp.sections import heading_section, split_sentences

POSTING = """About Acme
Acme builds tools for hospitals. We care about Kubernetes.

## What you'll do
- Build data pipelines in Python.
- Run evals on our LLM features.

**Requirements**
- 5+ years with SQL.

Nice to have:
- Rust experience.

Requirements: Go and Terraform
Benefits
Health insurance and a Docker-themed mug.
"""


def _section_of(word: str) -> str:
    for s in split_sentences(POSTING):
        if word in POSTING[s.start : s.end]:
            return s.section
    raise AssertionError(word)


@pytest.mark.parametrize(
    ("word", "section"),
    [
        ("hospitals", "about_company"),
        ("Kubernetes", "about_company"),
        ("data pipelines", "responsibilities"),
        ("evals", "responsibilities"),
        ("SQL", "requirements"),
        ("Rust", "nice_to_have"),
        ("Terraform", "requirements"),
        ("Docker", "benefits"),
    ],
)
def test_sections(word: str, section: str) -> None:
    assert _section_of(word) == section


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Responsibilities", "responsibilities"),
        ("What we're looking for:", "requirements"),
        ("Preferred Qualifications", "nice_to_have"),
        ("Minimum Qualifications", "requirements"),
        ("About the role", "responsibilities"),
        ("About Us", "about_company"),
        ("Perks & Benefits", "benefits"),
        ("You might be a good fit if you have:", "requirements"),
        ("Strong candidates may also have:", "nice_to_have"),
        ("- Experience with Python", None),
        ("We build reliable systems for millions of users every day.", None),
    ],
)
def test_heading_lines(line: str, section: str | None) -> None:
    assert heading_section(line) == section


def test_text_before_any_heading_is_other() -> None:
    assert split_sentences("We use Python.")[0].section == "other"


def test_sentences_split_at_sentence_ends_not_abbreviations() -> None:
    text = "We use Go, e.g. for APIs. Then we ship it."
    sents = [text[s.start : s.end] for s in split_sentences(text)]
    assert sents == ["We use Go, e.g. for APIs.", "Then we ship it."]
