"""`taxonomy suggest` proposes asked skills only: not product names from the company blurb,
not perks, not fragments of skills the taxonomy already knows."""

from __future__ import annotations

from pipelines.nlp.suggest import candidates, known_fragments, suggest_terms, taxonomy_terms


def _rows(asked_line: str, blurb_line: str) -> list[tuple[str, str, str]]:
    rows = []
    for month in range(1, 9):
        for i in range(30):
            rising = i < month * 3  # share rises from 10% to 80%
            text = (
                "About Acme\n"
                + (f"{blurb_line}\n" if rising else "Acme builds tools for clinics.\n")
                + "Requirements\n"
                + "- 3+ years of Python.\n"
                + (f"- {asked_line}\n" if rising else "")
                + "Benefits\n"
                + ("- Free Glimmerdesk seats for the whole family.\n" if rising else "")
            )
            rows.append((f"2026-{month:02d}-01", "Backend Engineer", text))
    return rows


def test_only_asked_sentences_feed_suggestions() -> None:
    rows = _rows(
        "Experience with Quaxel Studio is a plus.",
        "Our flagship product Zorblax Cloud is used by 400 hospitals.",
    )
    terms = {d["term"] for d in suggest_terms(rows)}
    assert "quaxel studio" in terms
    assert not any("zorblax" in t for t in terms)  # company product in the About section
    assert not any("glimmerdesk" in t for t in terms)  # a perk
    # without the asked filter the blurb term would have been proposed
    wide = {d["term"] for d in suggest_terms(rows, asked_only=False)}
    assert any("zorblax" in t for t in wide)


def test_fragments_of_known_terms_are_not_proposed() -> None:
    known = {"model context protocol", "python"}
    frags = known_fragments(known)
    assert {"model context", "context protocol", "model", "protocol"} <= frags
    assert "model context protocol" not in frags
    cands = candidates("Experience with Model Context servers and Frobnik Graphs.", known)
    assert not any("model context" in c for c in cands)
    assert "frobnik graphs" in cands


def test_real_taxonomy_mcp_fragment() -> None:
    known = taxonomy_terms()
    assert "model context protocol" in known or "mcp" in known
    cands = candidates("You'll build Model Context servers for our agents.", known)
    assert "model context" not in cands


def test_clause_form_skills_are_not_proposed_as_new_terms() -> None:
    from pipelines.nlp.suggest import without_known_phrases

    cut = without_known_phrases("You thrive in ambiguous environments and use Quaxel Studio.")
    assert "ambiguous environments" not in cut and "Quaxel Studio" in cut
    rows = []
    for month in range(1, 9):
        for i in range(30):
            text = "Requirements\n- Python.\n"
            if i < month * 3:  # rising share
                text += (
                    "- You thrive in ambiguous environments.\n- Experience with Quaxel Studio.\n"
                )
            rows.append((f"2026-{month:02d}-01", "Engineer", text))
    terms = {d["term"] for d in suggest_terms(rows)}
    assert "quaxel studio" in terms
    assert not {"ambiguous environments", "thrive", "ambiguous"} & terms
