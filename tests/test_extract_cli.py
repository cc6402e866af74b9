"""`jobtrends extract`: the fixed interface, good and broken lines, streaming."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOOD = {
    "id": "p1",
    "title": "Senior AI Engineer",
    "company": "Acme Robotics",
    "location": "San Francisco, CA",
    "description_text": (
        "About the role\nYou will build LLM-powered products with RAG pipelines and AI agents.\n"
        "Requirements\n- 5+ years of Python and SQL\n- Experience with LangChain and PyTorch\n"
    ),
    "salary_text": "$180K - $220K",
}
HTML_ONLY = {
    "id": 2,
    "title": "Machine Learning Engineer II",
    "description_html": "<h3>Requirements</h3><ul><li>Kubernetes and Docker</li><li>TensorFlow</li></ul>",
}


def run_extract(
    tmp_path: Path, lines: list[str]
) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "extract", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    return proc, rows


def test_good_and_broken_lines(tmp_path: Path) -> None:
    lines = [json.dumps(GOOD), "{not json", json.dumps({"title": "no id"}), json.dumps(HTML_ONLY)]
    proc, rows = run_extract(tmp_path, lines)
    assert proc.returncode == 0, proc.stderr
    assert len(rows) == 4
    good = rows[0]
    assert good["id"] == "p1"
    assert good["role"] == "ai-engineer"
    assert 0 <= good["role_confidence"] <= 1
    assert good["seniority"] == "senior"
    slugs = {s["slug"] for s in good["skills"]}
    assert {"python", "sql", "rag", "ai-agents", "langchain", "pytorch", "llm"} <= slugs
    sal = good["salary"]
    assert (sal["min"], sal["max"], sal["currency"], sal["period"]) == (
        180000,
        220000,
        "USD",
        "year",
    )
    assert sal["period_inferred"] is True
    assert sal["annual_min_usd"] == 180000 and sal["source"] == "text"
    assert "error" in rows[1] and "invalid JSON" in rows[1]["error"]
    assert "error" in rows[2]
    html = rows[3]
    assert html["id"] == 2 and html["role"] == "ml-engineer" and html["seniority"] == "mid"
    assert {"kubernetes", "docker", "tensorflow"} <= {s["slug"] for s in html["skills"]}
    assert html["salary"] is None


def test_unreadable_input_is_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "extract",
            str(tmp_path / "missing.jsonl"),
            "-o",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "cannot read" in proc.stderr
