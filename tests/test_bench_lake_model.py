"""The lake model: vocabulary growth fitted from the corpus, the tokenizer's cost extrapolated."""

from __future__ import annotations

import pytest

from bench.lake_model import heaps_fit, lake_estimate, lake_row, new_chunks_per_posting


def test_vocabulary_growth_is_fitted_from_the_postings() -> None:
    common = ["we", "use", "python"]
    fresh = [[*common, *(f"w{i}_{j}" for j in range(10))] for i in range(400)]
    _, beta = heaps_fit(fresh)
    assert 0.9 < beta <= 1.0  # every posting brings the same number of new chunks
    _, flat = heaps_fit([common] * 400)
    assert abs(flat) < 1e-9  # no posting brings any


def test_later_postings_bring_fewer_new_chunks_when_vocabulary_saturates() -> None:
    assert new_chunks_per_posting(500, 0.66, 1_000_000) < new_chunks_per_posting(500, 0.66, 10_000)
    with pytest.raises(ValueError, match="at least 2 postings"):
        heaps_fit([["one"]])


def test_the_estimate_falls_with_lake_size_and_is_one_unjudged_row() -> None:
    postings = [
        {"title": f"ML Engineer {i}", "description_text": f"We use Go and SQL. Posting {i} w{i}."}
        for i in range(30)
    ]
    out = lake_estimate(postings, sizes=(100, 10_000))
    small, large = (out["lakes"][n]["tokenizer_vs_reread"] for n in ("100", "10000"))
    assert small > large >= 1.0  # more new chunks in a smaller lake: the tokenizer reads slower
    row = lake_row(out, 0.8)
    assert row.ok is None and row.value == 0.8 * large
    assert "100: " in row.note and "not judged" in row.note
    assert lake_row(None, 0.8).value is None and lake_row(out, None).value is None
