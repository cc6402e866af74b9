"""Evaluation logic on small hand-written gold files (metrics must match the shared scorer's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.evaluate import (
    by_source,
    evaluate_skills,
    evaluate_titles,
    predict_skills,
    run_eval,
    source_of,
)

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "nlp"
SKILLS, TITLES = FIX / "skills_gold.jsonl", FIX / "titles_gold.jsonl"


def test_evaluate_skills_counts_only_core_slugs() -> None:
    preds = {"s1": ["python", "sql", "pandas"], "s2": ["ai-agents"], "s3": ["go", "rust"], "s4": []}
    res = evaluate_skills(SKILLS, preds)
    assert (res["tp"], res["fp"], res["fn"]) == (4, 1, 2)  # pandas is not core: ignored
    assert res["micro_f1"] == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert res["per_skill"]["rust"]["fp"] == 1
    assert res["errors"][0]["id"] == "s2"


def test_extraction_on_fixture() -> None:
    preds = predict_skills(SKILLS)
    assert set(preds["s1"]) >= {"python", "sql"}
    assert "ai-agents" in preds["s2"] and "rag" not in preds["s2"]
    assert "spark" not in preds["s4"]
    res = evaluate_skills(SKILLS, preds)
    assert (res["tp"], res["fp"], res["fn"]) == (5, 1, 1)


def test_evaluate_titles_like_scorer() -> None:
    preds = {
        "t1": {"role": "ai-engineer", "seniority": "senior"},
        "t2": {"role": "prompt-engineer", "seniority": "unknown"},
        "t3": {"role": "software-engineer", "seniority": "unknown"},
        "t4": {"role": "data-engineer", "seniority": "staff_plus"},
        "t5": {"role": "other", "seniority": "unknown"},
    }
    res = evaluate_titles(TITLES, preds)
    assert res["role_acc_all"] == pytest.approx(0.8)
    assert res["role_acc_high"] == pytest.approx(1.0)
    assert res["seniority_acc"] == pytest.approx(0.8)
    # macro-F1 over gold labels only: ml-engineer scores 0, the other four 1
    assert res["macro_f1"] == pytest.approx(0.8)
    assert res["confusion"] == [(("ml-engineer", "software-engineer"), 1)]


def test_run_eval_report_has_headlines() -> None:
    report = run_eval(SKILLS, TITLES)
    assert "skills_micro_f1=0.8333" in report
    assert "role_acc_all=0.8000 seniority_acc=0.8000 macro_f1=0.8000" in report
    assert "role_acc_high=1.0000" in report
    assert "taxonomy_version=" in report.splitlines()[0]


def test_source_is_src_without_year_or_id_prefix() -> None:
    assert source_of({"id": "x1", "src": "greenhouse-board-2026"}) == "greenhouse-board"
    assert source_of({"id": "hn-12"}) == "hn"
    gold = {"a-1": {"id": "a-1"}, "b-1": {"id": "b-1"}, "a-2": {"id": "a-2"}}
    assert {k: sorted(v) for k, v in by_source(gold).items()} == {"a": ["a-1", "a-2"], "b": ["b-1"]}


def test_run_eval_prints_each_figure_by_source(tmp_path: Path) -> None:
    rows = [
        {"id": "one-1", "src": "board-a-2025", "title": "Prompt Engineer",
         "gold_role": "prompt-engineer", "gold_seniority": "unknown", "confidence": "high"},
        {"id": "two-1", "src": "board-b-2026", "title": "Sales Agent",
         "gold_role": "ai-agent-engineer", "gold_seniority": "unknown", "confidence": "high"},
    ]  # fmt: skip
    gold = tmp_path / "titles.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    report = run_eval(None, gold)
    line = next(x for x in report.splitlines() if x.strip().startswith("role_acc_all by source"))
    assert "board-a 1.000 (n=1)" in line and "board-b 0.000 (n=1)" in line


def test_high_confidence_figure_by_source_counts_only_confident_titles(tmp_path: Path) -> None:
    rows = [
        {"id": "one-1", "src": "board-a-2025", "title": "Prompt Engineer",
         "gold_role": "prompt-engineer", "gold_seniority": "unknown", "confidence": "high"},
        {"id": "one-2", "src": "board-a-2025", "title": "Engineer",
         "gold_role": "ml-engineer", "gold_seniority": "unknown", "confidence": "low"},
        {"id": "two-1", "src": "board-b-2026", "title": "Engineer",
         "gold_role": "ml-engineer", "gold_seniority": "unknown", "confidence": "low"},
    ]  # fmt: skip
    gold = tmp_path / "titles.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    lines = run_eval(None, gold).splitlines()
    line = lines[lines.index("role_acc_high=1.0000") + 1]
    assert "board-a 1.000 (n=1)" in line  # the low-confidence title is not counted
    assert "board-b - (n=0)" in line  # no confident title: no figure, not 0.000
