"""The real-text bench: its corpus reader and its rows (the timing itself lives in bench/)."""

import json
from pathlib import Path

from bench.realtext import load_postings
from bench.rows import realtext_rows

LONG = "We build retrieval systems in Python. " * 10


def test_corpus_reader_keeps_distinct_descriptions_and_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "postings.jsonl"
    lines = [
        json.dumps({"id": "a", "title": "ML Engineer", "description_text": LONG}),
        json.dumps({"id": "b", "title": "ML Engineer", "description_text": LONG}),  # same text
        "{torn line",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "description_text": "too short"}),
        json.dumps({"id": "d", "description_html": f"<p>{LONG} and SQL</p>"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [p["id"] for p in load_postings([path])] == ["a", "d"]


def test_rows_judge_the_issue_targets() -> None:
    run = {"docs": 3000, "distinct": 400}
    raw = {
        "tokenizer": {**run, "docs_per_s": 400.0},
        "extract": {**run, "docs_per_s": 440.0},
        "extract_2p": {**run, "docs_per_s": 600.0, "steady_docs_per_s": 660.0},
        "stages": {"stages": {"salary": 1200.0, "skills": 900.0, "role": "KeyError: 'x'"}},
        "paired": {"ratios": [0.9, 1.2, 1.1], "ratio_median": 1.1, "block": 400},
    }
    rows = {r.key: r for r in realtext_rows(raw)}
    assert rows["real.ratio_vs_tokenizer"].ok is True  # paired median 1.1 >= 1.0
    assert "range 0.90-1.20" in rows["real.ratio_vs_tokenizer"].note
    assert rows["real.ratio_separate_runs"].ok is None  # 440 / 400, shown, not judged
    assert rows["real.speedup_2p"].ok is False  # 660 / 440 = 1.5 < 1.7 after start-up
    assert rows["real.speedup_2p"].value == 1.5
    assert rows["real.speedup_2p_wall"].ok is None  # the wall figure is context, not judged
    assert rows["real.stage.salary"].ok is False  # 1,200 < 1,500
    assert rows["real.stage.skills"].ok is None  # no target, shown for the next bottleneck
    assert rows["real.stage.role"].value is None and "KeyError" in rows["real.stage.role"].note


def test_paired_rounds_missing_judge_nothing() -> None:
    run = {"docs": 10, "distinct": 5, "docs_per_s": 100.0}
    raw = {"tokenizer": run, "extract": run, "extract_2p": run, "stages": {"stages": {}}}
    rows = {r.key: r for r in realtext_rows(raw)}
    assert rows["real.ratio_vs_tokenizer"].value is None
    assert rows["real.ratio_vs_tokenizer"].ok is None
