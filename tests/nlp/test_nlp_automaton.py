"""The keyword automaton every extractor scans with: overlaps, str offsets, values."""

from pipelines.nlp.automaton import KeywordAutomaton


def test_every_overlapping_keyword_is_found_with_its_value() -> None:
    ac = KeywordAutomaton({"learning": "a", "machine learning": "b", "ml": "c"})
    found = [(ac.values[i], start, end) for i, start, end in ac.matches("machine learning, ml")]
    assert sorted(found) == [("a", 8, 16), ("b", 0, 16), ("c", 18, 20)]


def test_longer_keyword_comes_first_at_the_same_end() -> None:
    ac = KeywordAutomaton({"b": 1, "ab": 2})
    assert [ac.values[i] for i, _, _ in ac.matches("ab")] == [2, 1]


def test_offsets_count_characters_not_utf8_bytes() -> None:
    text = "café 大模型 and rag"
    ac = KeywordAutomaton({"大模型": 0, "rag": 1})
    assert [text[s:e] for _, s, e in ac.matches(text)] == ["大模型", "rag"]


def test_empty_keyword_set_and_empty_text_find_nothing() -> None:
    assert KeywordAutomaton({}).matches("anything") == []
    assert KeywordAutomaton({"x": 1}).matches("") == []
