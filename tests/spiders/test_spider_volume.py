"""A replica crawl of >= 10,000 postings across every source kind loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spider_replica import FAST

from spiders.demo.generator import generate_board
from spiders.demo.server import DemoServer
from spiders.run import crawl, new_run_id

pytestmark = pytest.mark.slow


def test_ten_thousand_postings_crawled_with_zero_lost(tmp_path: Path) -> None:
    board = generate_board(seed=21, n_postings=23_500, n_companies=60)
    expected = {j.posting_key for j in board.snapshot(include_unlisted=False)}
    assert len(expected) >= 10_000
    run_id = new_run_id()
    with DemoServer(board) as srv:
        sources = srv.sources()
        records = crawl(sources, tmp_path, run_id, {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 16})
    assert {r["source"] for r in records} == {s.kind for s in sources}
    assert all(r["status"] == "ok" and r["listing_complete"] for r in records), [
        (r["source"], r["board"], r["status"]) for r in records if r["status"] != "ok"
    ]
    got: list[str] = []
    for path in (tmp_path / run_id).glob("*.jsonl"):
        if path.name.startswith("_"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            got.append(f"{rec['source']}:{rec['board']}:{rec['source_id']}")
    main = {k for k in got if k.split(":", 1)[0] in {"greenhouse", "lever", "ashby", "jsonld"}}
    assert len(got) == len(set(got)), "duplicated postings in the lake"
    assert expected - main == set(), f"{len(expected - main)} postings lost"
    assert main - expected == set(), "postings that the board does not list"
