"""The `jobtrends extract` engine reads postings in batches: same lines, same order, and a
posting that fails costs only its own line."""

from __future__ import annotations

import json

from pipelines.extract import extract_record
from pipelines.extract_lines import extract_json_lines

POSTINGS = [
    {
        "id": f"p{i}",
        "title": title,
        "description_text": text,
        "salary_text": pay,
    }
    for i, (title, text, pay) in enumerate(
        [
            ("Senior ML Engineer", "Requirements\n- Python and PyTorch\n- 5+ years", "$150k-$190k"),
            ("Data Scientist", "About us\nWe build with Go.\nYou have SQL and dbt.", None),
            ("AI Engineer (Remote)", "You will ship RAG pipelines with LangChain.", "€70.000"),
            ("Staff Engineer", "Our stack: Kubernetes, Terraform.\nNice to have: Rust.", None),
            ("Junior Analyst", "Excel and Tableau; SQL is a plus.", "£35,000 per annum"),
        ]
    )
]
#: `locations` must be a list of places: extraction of this posting raises
BROKEN = {"id": "bad", "title": "Engineer", "description_text": "Python", "locations": 5}


def _one_by_one(record: dict) -> dict:
    result = extract_record(record)
    result.pop("posting_key", None)
    result.pop("content_hash", None)
    return json.loads(json.dumps({"id": record["id"], **result}, default=str))


def test_batches_give_the_lines_one_by_one_reading_gives_in_input_order() -> None:
    lines = [json.dumps(p) for p in POSTINGS]
    lines.insert(2, "{not json")
    lines.insert(4, "")
    out = list(extract_json_lines(lines, batch_size=2))
    assert [ok for _, ok in out] == [True, True, False, True, True, True]
    assert "invalid JSON" in json.loads(out[2][0])["error"]
    got = [json.loads(line) for line, ok in out if ok]
    assert got == [_one_by_one(p) for p in POSTINGS]


def test_a_failing_posting_is_its_own_error_line_and_its_batch_is_kept() -> None:
    lines = [json.dumps(POSTINGS[0]), json.dumps(BROKEN), json.dumps(POSTINGS[1])]
    out = list(extract_json_lines(lines, batch_size=8))
    assert [ok for _, ok in out] == [True, False, True]
    error = json.loads(out[1][0])
    assert error["id"] == "bad" and error["error"].startswith("TypeError")
    assert [json.loads(out[i][0])["id"] for i in (0, 2)] == ["p0", "p1"]
    assert json.loads(out[2][0]) == _one_by_one(POSTINGS[1])
