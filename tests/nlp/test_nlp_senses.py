"""Word senses of skill names that are also everyday words: both senses of each class.

Text written for these tests in the shapes postings use (bullets opening with a verb, tool
lists, company values, engineering duties).
"""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser

CASES = [
    # a product named by a verb: "Excel" the spreadsheet vs "excel at/in" the verb
    ("Excel at cross-functional partnership and build trust quickly.", "excel", False),
    ("- Excel in ambiguous, fast-moving environments", "excel", False),
    ("You will Excel at turning research into product.", "excel", False),
    ("We want people who excel in fast-paced teams and love data.", "excel", False),
    ("Advanced Excel skills and experience with NetSuite.", "excel", True),
    ("Proficiency in SQL, Excel and Tableau.", "excel", True),
    ("Excel, Looker or similar tools for reporting.", "excel", True),
    ("Build financial models in Excel for the board.", "excel", True),
    ("Excel on a Mac is fine; we also use Google Sheets.", "excel", True),
    # a personal quality that is also a property of data: "integrity"
    ("Manage partner data integrity across the portfolio.", "ethics", False),
    ("Ensure data reliability, integrity, and privacy compliance.", "ethics", False),
    ("Verify the integrity of each batch before loading it.", "ethics", False),
    ("Experience with trust and safety: integrity, spam or fraud detection.", "ethics", False),
    ("Experience with integrity checks on replicated storage.", "ethics", False),
    ("You act with honesty, integrity and respect.", "ethics", True),
    ("Integrity comes first for us, with customers and with each other.", "ethics", True),
    ("Demonstrates a high degree of integrity and professionalism.", "ethics", True),
    # UX artefacts and practice vs engineering verbs and research prototypes
    ("Own the roadmap, design systems that serve millions of requests.", "ux-design", False),
    ("Design systems that are secure, scalable and observable.", "ux-design", False),
    ("Conduct ML research and prototyping to validate new techniques.", "ux-design", False),
    ("Rapid prototyping of LLM features with the product team.", "ux-design", False),
    ("Maintain and evolve our design system with the frontend team.", "ux-design", True),
    ("You know design systems, user research and usability testing.", "ux-design", True),
    ("Wireframing and prototyping of new onboarding screens.", "ux-design", True),
    ("Prototyping in Figma is part of the weekly routine.", "ux-design", True),
]


@pytest.mark.parametrize(("text", "slug", "present"), CASES)
def test_word_sense(text: str, slug: str, present: bool) -> None:
    slugs = {m["slug"] for m in get_analyser().analyse("Engineer", text)["skills"]}
    assert (slug in slugs) is present, (text, sorted(slugs))


def test_lowercase_verb_is_not_the_tool() -> None:
    """Text scraped in lower case reads "excel" folded; the verb sense still drops it."""
    text = "you will excel in a small team. you know sql, excel and python."
    hits = [m for m in get_analyser().analyse("analyst", text)["skills"] if m["slug"] == "excel"]
    assert [text[m["start"] : m["end"]] for m in hits] == ["excel"]
    assert hits[0]["start"] > text.index("sql")


ABOUT = "About Anthropic\nAnthropic's mission is to build reliable AI systems.\n"

OWN_PRODUCT = [
    # the maker's own posting: its model is the employer's product ...
    (ABOUT + "You will help partners bring Claude to enterprise customers.", None, False),
    (ABOUT + "Millions of users interact with Claude daily.", None, False),
    ("Lead the teams behind Claude's consumer apps.", "Anthropic", False),
    # ... unless the hire uses it or is asked for experience with it
    (ABOUT + "Experience building with Claude or similar models.", None, True),
    (ABOUT + "You will be using Claude to triage security alerts.", None, True),
    # another employer's posting: the model is a skill asked
    ("Experience building with Claude/GPT-4 APIs.", "Acme Health", True),
    ("About Acme\nAcme is hiring. You will bring Claude to our support workflows.", None, True),
    # having worked at the maker does not make it the employer
    ("Our founders previously worked at Anthropic. You ship features on Claude.", None, True),
]


@pytest.mark.parametrize(("text", "company", "present"), OWN_PRODUCT)
def test_employers_own_model_is_not_a_skill(text: str, company: str | None, present: bool) -> None:
    skills = get_analyser().analyse("Engineer", text, company)["skills"]
    claude = [m for m in skills if m["text"] == "Claude" and m["slug"] == "llm"]
    assert bool(claude) is present, (text, skills)


def test_maker_tools_stay_skills_in_the_makers_posting() -> None:
    """'Claude API' / 'Claude Code' are tools the hire builds with, asked in the maker's
    posting too: only the bare model name is the employer's product."""
    text = ABOUT + "Support customers building with Claude Code and the Claude API."
    slugs = {m["slug"] for m in get_analyser().analyse("Architect", text)["skills"]}
    assert {"claude-code", "anthropic-api"} <= slugs


def test_employers_own_name_is_not_a_model_provider() -> None:
    """Inferred like the company field: "for Anthropic" in Anthropic's posting is the employer;
    another employer's posting listing providers names the skill."""
    own = ABOUT + "You'll develop the database strategy for Anthropic, across clouds."
    other = "About Acme\nAcme is hiring. Experience with OpenAI, Anthropic, or Cohere models."
    slugs = [
        {m["slug"] for m in get_analyser().analyse("Engineer", t)["skills"]} for t in (own, other)
    ]
    assert "model-providers" not in slugs[0]
    assert "model-providers" in slugs[1]


MODIFIERS = [
    # a skill word inside another hyphenated word is no mention of it
    ("Bring cutting-edge AI tools to our platform.", "edge-ai", False),
    ("Deploy models for edge AI on phones and cameras.", "edge-ai", True),
    # a skill word modifying a noun that makes it something else
    ("Experience working with systems integrators or consulting firms.", "consulting", False),
    ("We are a machine learning consulting company.", "consulting", False),
    ("4+ years of strategy consulting or investment banking.", "consulting", True),
    ("Act as a consulting partner to enterprise clients.", "consulting", True),
    ("Harden CI/CD pipelines against supply chain attacks.", "operations-skills", False),
    ("Secure the software supply chain with signed builds.", "operations-skills", False),
    ("Experience in supply chain planning and logistics.", "operations-skills", True),
    ("A fast-growing Silicon Valley-based startup.", "hardware-design", False),
    ("Bring-up of new silicon and ASIC validation.", "hardware-design", True),
    # a product named by a common word is the product when capitalised
    ("Leave the work area after the end of the scheduled workday.", "erp", False),
    ("Experience administering Workday or NetSuite.", "erp", True),
    # an LLM framework next to an AI word gives it the AI sense
    ("Frameworks: DSPy (programmatic prompting, optimization).", "prompt-engineering", True),
    ("Prompting customers for feedback after each call.", "prompt-engineering", False),
    # an acronym with a sense in another field needs a cue of its own field
    ("Familiarity with Spark, EMR, S3 and Redshift.", "healthcare-data", False),
    ("Integrate EMR data from partner clinics.", "healthcare-data", True),
]


@pytest.mark.parametrize(("text", "slug", "present"), MODIFIERS)
def test_modified_word_sense(text: str, slug: str, present: bool) -> None:
    slugs = {m["slug"] for m in get_analyser().analyse("Engineer", text)["skills"]}
    assert (slug in slugs) is present, (text, sorted(slugs))


def test_rule_words_are_cut_like_spacys_tokens_without_building_a_doc() -> None:
    """Rules read a sentence's words off a pattern, not a spaCy Doc: clitics and Markdown
    emphasis split as spaCy splits them, a version number stays on its name, a link has no words."""
    import spacy

    from pipelines.nlp.context import SentCtx

    text = "_The_ model's evals beat GPT-4, don't miss https://acme.example/knowledge-hub today."
    ctx = SentCtx(spacy.blank("en"), text, 0)
    words = ctx.words()
    assert {"the", "model", "'s", "evals", "gpt-4", "do", "n't", "today"} <= words
    assert not {"knowledge", "hub", "model's", "gpt", "_the_"} & words
    assert ctx._doc is None  # no Doc was built for the words
