"""Evaluation logic on small hand-written gold files (metrics must match the shared scorer's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.evaluate import evaluate_skills, evaluate_titles, predict_skills, run_eval

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
