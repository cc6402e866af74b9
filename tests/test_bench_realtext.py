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
        "paired": {"ratios": [0.7, 0.8, 0.9], "ratio_median": 0.8, "block": 400},
        "unseen": {"ratios": [0.95, 1.1, 1.2], "ratio_median": 1.1, "folds": 5},
    }
    rows = {r.key: r for r in realtext_rows(raw)}
    assert rows["real.ratio_unseen"].ok is True  # unseen median 1.1 >= 1.0
    assert "range 0.95-1.20" in rows["real.ratio_unseen"].note
    assert rows["real.ratio_vs_tokenizer"].value == 0.8  # re-read: judged too, 0.8 < 1.0
    assert rows["real.ratio_vs_tokenizer"].ok is False
    assert "range 0.70-0.90" in rows["real.ratio_vs_tokenizer"].note
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
    assert rows["real.ratio_unseen"].value is None and rows["real.ratio_unseen"].ok is None


def test_unseen_ratio_reads_each_fold_after_the_others() -> None:
    from bench.paired import unseen_ratio

    postings = [
        {"title": f"ML Engineer {i}", "description_text": f"{LONG} Posting {i} uses Go."}
        for i in range(4)
    ]
    out = unseen_ratio(postings, folds=2, rounds=2)
    assert out["folds"] == 2 and len(out["ratios"]) == 2
    assert all(r > 0 for r in out["ratios"])
    assert out["ratio_median"] == sum(out["ratios"]) / 2  # the median of two rounds


def test_each_unseen_fold_starts_without_the_extractors_memory_of_it() -> None:
    """The extractor's memos (lines, sentence cues, titles) are emptied before each fold's
    warm-up, as the fresh tokenizer's cache is: a fold's own lines are not remembered from the
    earlier folds' reads."""
    from bench.paired import forget_read_text
    from pipelines.extract import extract_record
    from pipelines.nlp import get_analyser
    from pipelines.nlp.sections import _line_facts

    extract_record({"title": "Data Engineer", "description_text": f"{LONG}\nWe use Airflow."})
    assert _line_facts.cache_info().currsize > 0 and get_analyser().titles._memo
    assert forget_read_text() >= 2
    assert _line_facts.cache_info().currsize == 0 and not get_analyser().titles._memo
