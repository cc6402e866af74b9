"""The keyword automaton every extractor scans with: overlaps, str offsets, values."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.nlp.automaton import KeywordAutomaton, WholeWordPhrases


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


_PHRASES = ["new grads", "new grad", "the internship", "ce stage", "stage de fin d'études"]
_REGEX = re.compile(r"\b(?:" + "|".join(map(re.escape, _PHRASES)) + r")\b")


def _regex_first(text: str) -> str | None:
    m = _REGEX.search(text)
    return m.group() if m else None


def test_whole_word_phrases_answer_as_the_alternation_regex() -> None:
    finder = WholeWordPhrases(_PHRASES)
    assert finder.search("hiring new grads and the internship") == "new grads"
    assert finder.search("renew grads; ce stages; ce stage") == "ce stage"  # whole words only
    assert finder.search("our_new grad") is None  # "_" is a word character, as in \b
    assert finder.search("nothing here") is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_PHRASES, "new", "grad", "s", " ", "_", "é", "-", "the", "x", "stage"]),
        max_size=12,
    ).map("".join)
)
def test_whole_word_phrases_match_the_regex_on_any_text(text: str) -> None:
    assert WholeWordPhrases(_PHRASES).search(text) == _regex_first(text)


def test_a_phrase_must_start_and_end_with_a_word_character() -> None:
    with pytest.raises(ValueError):
        WholeWordPhrases(["c++"])
