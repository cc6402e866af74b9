"""chunks: bounded, ordered batches of a stream, the last one short."""

from __future__ import annotations

from pipelines.batching import chunks


def test_chunks_keep_order_and_bound_every_batch():
    assert list(chunks(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []
    assert list(chunks("ab", 2)) == [["a", "b"]]
