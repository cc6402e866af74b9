"""The salary eval scores like shared score.py and prints the headline last."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.evaluate_salary import run_salary_eval


def test_run_salary_eval_reports_per_source_and_headline(tmp_path: Path, capsys) -> None:
    gold = [
        {
            "id": "yc-1",
            "salary_text": "$100K - $120K",
            "gold": {"min": 100000, "max": 120000, "currency": "USD", "period": "year"},
        },
        {
            "id": "yc-2",
            "salary_text": "$10 - $12 / hourly",
            "gold": {"min": 10, "max": 12, "currency": "USD", "period": "year"},
        },
        {"id": "gd-3", "salary_text": "Competitive", "gold": None},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    report = run_salary_eval(path)
    lines = report.splitlines()
    assert lines[-1] == "salary_exact=0.6667"
    assert "  yc: 1/2 = 0.500" in lines and "  gd: 1/1 = 1.000" in lines
    assert any(line.startswith("  miss: $10 - $12 / hourly") for line in lines)
    assert capsys.readouterr().out == ""  # the caller prints; the function only returns


def test_misses_are_listed_by_class(tmp_path: Path) -> None:
    gold = [
        {
            "id": "a-1",
            "salary_text": "$10 - $12 / hourly",
            "gold": {"min": 10, "max": 12, "currency": "USD", "period": "year"},
        },
        {
            "id": "a-2",
            "description_text": "Perks:\n- Home office stipend: $500 per year",
            "gold": {"min": 90000, "max": 90000, "currency": "USD", "period": "year"},
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    lines = run_salary_eval(path).splitlines()
    assert "  misses period: 1  a-1" in lines and "  misses missing: 1  a-2" in lines


def test_records_with_a_source_field_are_also_counted_by_source(tmp_path: Path) -> None:
    gold = [
        {"id": "a-1", "src": "board-2024", "salary_text": "$100K", "gold": None},
        {"id": "a-2", "src": "board-2025", "salary_text": "Competitive", "gold": None},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    lines = run_salary_eval(path).splitlines()
    assert "  src board-2024: 0/1" in lines and "  src board-2025: 1/1" in lines
