"""Skills asked in clause form (soft skills, production ML, performance work) and parent skills:
each class in both senses, asked of the candidate vs company text. Postings are our own text in
the shapes real sources have."""

from __future__ import annotations

from pipelines.nlp import get_analyser
from pipelines.nlp.asked_phrases import phrase_mentions
from pipelines.nlp.sections import split_sentences


def _verdicts(text: str, title: str = "Software Engineer") -> dict[str, set[bool]]:
    out: dict[str, set[bool]] = {}
    for m in get_analyser().analyse(title, text)["skills"]:
        out.setdefault(m["slug"], set()).add(m["asked"])
    return out


def _phrase_slugs(text: str) -> set[str]:
    return {m["slug"] for m in phrase_mentions(text, split_sentences(text))}


def test_soft_skills_asked_of_the_candidate() -> None:
    text = (
        "What you'll bring\n"
        "- You can explain complex ideas to customers who don't write code.\n"
        "- You thrive in ambiguous, fast-moving environments.\n"
        "- You're proactive and take initiative.\n"
        "- Experience at an early-stage startup.\n"
        "- Hire and mentor engineers as the team grows.\n"
    )
    v = _verdicts(text)
    for slug in (
        "communication",
        "adaptability",
        "ownership",
        "startup-experience",
        "recruiting-skills",
        "mentoring",
    ):
        assert v.get(slug) == {True}, slug


def test_soft_skills_in_company_text_are_not_asked() -> None:
    text = (
        "About us\n"
        "Our founders explain complex ideas at meetups every month. We thrive in fast-changing "
        "markets and mentor engineers from local bootcamps.\n"
        "Benefits\n"
        "A proactive health programme and a learning budget.\n"
    )
    v = _verdicts(text)
    for slug in ("communication", "adaptability", "mentoring", "ownership"):
        assert v.get(slug) == {False}, slug


def test_company_voice_before_a_frame_voids_it() -> None:
    # "we're hiring engineers" is the company recruiting, not a recruiting skill asked
    assert "recruiting-skills" not in _phrase_slugs("We're hiring engineers in Berlin.")
    assert "recruiting-skills" in _phrase_slugs("- Hiring and coaching engineers.")
    # a team that owns a flow is not the hire's ownership
    assert "ownership" not in _phrase_slugs("The team owns the billing flow end-to-end.")
    assert "ownership" in _phrase_slugs("You'll own the billing flow end-to-end.")


def test_passion_for_the_mission_is_not_curiosity() -> None:
    assert "curiosity" not in _phrase_slugs("- A passion for our mission and customers.")
    assert "curiosity" in _phrase_slugs("- Passionate about the latest research in LLMs.")
    assert "curiosity" in _phrase_slugs("- You are eager to learn new tools.")
    assert "curiosity" not in _phrase_slugs("- Humility; at Acme we love to learn from each other.")
    assert "curiosity" in _phrase_slugs("- Stay current with emerging AI tooling.")
    assert "curiosity" in _phrase_slugs("- Ability to pick up new languages quickly.")
    # the company keeping its customers up to date is not the hire's curiosity
    assert "curiosity" not in _verdicts("About us\nWe keep banks up to date with regulation.\n")


def test_production_ml_asked_in_clause_form() -> None:
    text = (
        "Responsibilities\n"
        "- Ship LLM-based features to production and keep them healthy.\n"
        "- Optimise inference latency and throughput.\n"
    )
    v = _verdicts(text)
    assert v.get("production-ml") == {True}
    assert v.get("performance-engineering") == {True}


def test_production_and_performance_in_other_senses_are_not_skills() -> None:
    text = (
        "We ship to production many times a day.\n"
        "Benefits\n"
        "Performance reviews twice a year and a tuned health plan.\n"
    )
    assert not {"production-ml", "performance-engineering"} & _phrase_slugs(text)


def test_company_blurb_production_ai_is_mentioned_only() -> None:
    text = (
        "About Acme\n"
        "Acme was founded in 2021 and brings AI models into production for banks.\n"
        "Requirements\n"
        "- Python\n"
    )
    v = _verdicts(text)
    assert v.get("production-ml") == {False}
    assert v["python"] == {True}


def test_a_child_skill_asks_for_its_parent() -> None:
    text = "Requirements\n- Experience with anomaly detection and Langfuse.\n"
    skills = get_analyser().analyse("Software Engineer", text)["skills"]
    ml = [m for m in skills if m["slug"] == "machine-learning"]
    assert ml and ml[0]["asked"] and ml[0]["text"] == "anomaly detection"  # provenance kept
    assert "llm-observability" in {m["slug"] for m in skills if m["asked"]}


def test_core_slugs_are_not_implied_by_children() -> None:
    v = _verdicts("Requirements\n- TypeScript and Django.\n")
    assert "typescript" in v and "javascript" not in v and "python" not in v


def test_no_phrase_mention_repeats_an_alias_mention() -> None:
    text = "Requirements\n- Strong communication skills; you communicate clearly.\n"
    skills = get_analyser().analyse("Software Engineer", text)["skills"]
    spans = [(m["start"], m["end"]) for m in skills if m["slug"] == "communication"]
    for i, (s, e) in enumerate(spans):
        assert all(not (s < e2 and s2 < e) for s2, e2 in spans[i + 1 :])


def test_practices_asked_in_clause_form() -> None:
    text = (
        "Responsibilities\n"
        "- Architect and build our document pipeline.\n"
        "- Write design docs and tutorials for other teams.\n"
        "- Design, develop, test, and maintain backend services.\n"
        "- Keep up with the latest papers on retrieval.\n"
        "- Cut real-time inference costs.\n"
    )
    v = _verdicts(text)
    for slug in (
        "system-design",
        "technical-writing",
        "testing",
        "research-papers",
        "llm-inference",
    ):
        assert v.get(slug) == {True}, slug


def test_practice_words_in_other_senses_are_not_practices() -> None:
    text = (
        "Acme is hiring a Solutions Architect, a role for people who love customers.\n"
        "We run A/B testing on every release and penetration testing yearly.\n"
        "Read our docs at acme.example.\n"
    )
    assert not {"system-design", "testing", "technical-writing"} & _phrase_slugs(text)
    stats = "- Strong grasp of hypothesis testing and the model lifecycle (AB/Testing, rollout)."
    assert "testing" not in _phrase_slugs(stats)


def test_domain_knowledge_and_product_sense_asked_in_clause_form() -> None:
    text = (
        "What we look for\n"
        "- Deep understanding of the insurance industry.\n"
        "- Domain background in market research is a bonus.\n"
        "- You translate customer needs into product decisions and advocate for the user.\n"
    )
    v = _verdicts(text)
    assert v.get("domain-expertise") == {True}
    assert v.get("product-sense") == {True}


def test_domain_and_product_words_in_company_text_are_not_asked() -> None:
    text = (
        "About us\n"
        "We were founded in 2019 and have deep relationships within the insurance industry.\n"
        "Our product team shapes product direction with our customers.\n"
    )
    v = _verdicts(text)
    assert v.get("domain-expertise") == {False}
    assert v.get("product-sense") == {False}


def test_languages_asked_in_a_fluency_clause() -> None:
    text = "Requirements\n- Professional fluency in Portuguese, Spanish, and English.\n"
    v = _verdicts(text)
    assert v.get("spanish") == {True} and v.get("english") == {True}
    assert _verdicts("Requirements: Polish & German fluency.\n").get("german") == {True}


def test_languages_the_company_speaks_are_not_asked() -> None:
    text = "About us\nFounded in 2020, our team of 40 speaks English, German and French daily.\n"
    v = _verdicts(text)
    assert v.get("english") == {False} and v.get("french") == {False}
    assert "english" not in _phrase_slugs("We sell English textbooks to schools.")


def test_working_with_clients_is_stakeholder_management() -> None:
    text = "What you'll do\n- Scope projects directly with clients and ship them.\n"
    assert _verdicts(text).get("stakeholder-management") == {True}
    blurb = "About us\nFounded in 2018, Acme works closely with customers in 30 countries.\n"
    assert _verdicts(blurb).get("stakeholder-management") == {False}
    assert "stakeholder-management" not in _phrase_slugs("- Work with data science teams.")


def test_selling_as_the_hires_work_is_sales_skills() -> None:
    text = "Responsibilities\n- Win new business and design sales strategies for banks.\n"
    assert _verdicts(text).get("sales-skills") == {True}
    pay = (
        "Compensation\nFor sales roles, the range includes sales commissions tied to deal cycles.\n"
    )
    assert _verdicts(pay).get("sales-skills") in (None, {False})


def test_every_frame_names_a_known_non_core_skill() -> None:
    from pipelines.nlp.asked_phrases import load_frames
    from pipelines.nlp.taxonomy import skill_taxonomy

    tax = skill_taxonomy()
    slugs = {s["slug"] for s in tax.skills}
    frames, ac = load_frames()
    assert frames and all(f.slug in slugs and f.slug not in tax.core for f in frames)
    for key in ac.keys:
        assert key == key.lower(), key  # matched against lower-cased text


def test_architect_is_a_duty_only_as_a_verb() -> None:
    assert "system-design" in _phrase_slugs("Requirements\nArchitect scalable services.\n")
    assert "system-design" in _phrase_slugs("You will architect and operate databases.")
    assert "system-design" not in _phrase_slugs("Our Architect team reviews every design.")


def test_literal_first_patterns_match_exactly_as_written() -> None:
    """A pattern rewritten to open with its literal (or each branch with its own) finds the same
    spans as written, in any window of any text (hypothesis): small patterns over a small
    alphabet, so words glued to the literal ("xabc") come up, and every frame of phrases.toml
    over its own words."""
    import re
    import tomllib

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from pipelines.nlp.asked_phrase_regex import literal_branches, literal_first
    from pipelines.nlp.taxonomy import TAXONOMY_DIR

    small = [r"\baba(?:b|bd)?\b", r"\babb?a", r"\bbab\s+a", r"\bdab[ab]*d", r"\baab\b"]
    branchy = [  # alternations, leading groups (optional too), plain-text lookbehinds
        r"\b(?:ab|ba)d|\bdd",
        r"\b(?:a|ab)(?:b|d)?\b|\bb(?:a|d)",
        r"\b(?:ab )?ba\b|(?<!a )(?<!b)\bbab|\bd",
        r"\b(?:a(?:b|d)|ba)\s+a|\bab?d",
    ]
    frames = [
        f["pattern"]
        for f in tomllib.loads((TAXONOMY_DIR / "phrases.toml").read_text("utf-8"))["frames"]
    ]
    pairs = [(re.compile(p), re.compile(literal_first(p))) for p in small + frames]
    assert all(p.pattern != q.pattern for p, q in pairs[: len(small)])
    assert sum(p.pattern != q.pattern for p, q in pairs) >= len(small) + 5  # frames use it
    branched = [(re.compile(p), re.compile(literal_branches(p))) for p in branchy + frames]
    assert all(p.pattern != q.pattern for p, q in branched[: len(branchy)])
    pairs += branched
    words = sorted({w for p in frames for w in re.findall(r"[a-z]{2,}", p)})
    pieces = st.one_of(
        st.sampled_from(list("ab d_9\n")),
        st.sampled_from([*words, " ", "-", ",", "/", "x", "s", "ing"]),
    )

    @settings(max_examples=600, deadline=None)
    @given(st.lists(pieces, max_size=16), st.integers(0, 6), st.integers(0, 6))
    def check(parts: list[str], lo: int, cut: int) -> None:
        text = "".join(parts)
        start, end = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
        for written, rewritten in pairs:
            got = [m.span() for m in rewritten.finditer(text, start, end)]
            assert got == [m.span() for m in written.finditer(text, start, end)]

    check()


def test_literal_first_leaves_other_patterns_alone() -> None:
    from pipelines.nlp.asked_phrase_regex import literal_first

    assert literal_first(r"\bthrives?\s+in") == r"thrive(?<=\bthrive)s?\s+in"
    assert literal_first(r"\bown\b|\bbuilt\b") == r"\bown\b|\bbuilt\b"  # a top-level branch
    assert literal_first(r"\b(?:a|b)c") == r"\b(?:a|b)c"  # no literal first
    assert literal_first(r"\bab[|]c") == r"\bab[|]c"  # too short a literal ("ab")
    assert literal_first(r"\babc[|]d") == r"abc(?<=\babc)[|]d"  # "|" inside a class is no branch
