"""Term suggestion: unknown rising terms are proposed, known and flat ones are not."""

from __future__ import annotations

from pipelines.nlp.suggest import candidates, suggest_terms, taxonomy_terms


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for month in range(1, 9):
        for i in range(30):
            text = "We build services with Python and Kafka. Work with Widgetron daily."
            if i < month * 3:  # share rises from 10% to 80%
                text += " Experience with Quaxel Studio is a plus."
            title = "Quaxel Engineer" if i < month * 2 else "Backend Engineer"
            rows.append((f"2026-{month:02d}-01", title, text))
    return rows


def test_rising_unknown_terms_are_suggested() -> None:
    out = suggest_terms(_rows())
    terms = {(d["term"], d["source"]) for d in out}
    assert ("quaxel studio", "text") in terms
    assert ("quaxel engineer", "title") in terms  # "quaxel" alone is subsumed
    assert ("studio", "text") not in terms  # subsumed by "quaxel studio"
    assert not any(d["term"] == "widgetron" for d in out)  # flat share
    assert not any(d["term"] in {"python", "kafka"} for d in out)  # already in the taxonomy


def test_candidates_skip_stopwords_and_plain_words() -> None:
    cands = candidates(
        "We are looking for someone using FooDB and the Bar-Baz toolkit.", taxonomy_terms()
    )
    assert "foodb" in cands and "bar-baz toolkit" in cands
    assert "looking" not in cands and "someone" not in cands
