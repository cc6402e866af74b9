"""The shapes other projects' salary test suites assert, as a table we wrote ourselves.

`fixtures/other_suites_shapes.jsonl` holds one line per shape (our own text and figures, in the
forms those suites check: Australian board pay strings with super and packaging, US aggregator
fields, pay-transparency sentences, Czech, Turkish and Taiwanese board fields; then, written
apart before being run, Polish, Norwegian, LinkedIn-style, Indian and UK dataset fields). The same
file is a gold file for `jobtrends eval --salary`, which prints the figure the salary issue tracks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines.evaluate_salary import _good
from pipelines.salary import extract_salary

TABLE = Path(__file__).parent / "fixtures" / "other_suites_shapes.jsonl"
CASES = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_shape(case: dict[str, Any]) -> None:
    got = extract_salary(case)
    shown = got and {k: got[k] for k in ("min", "max", "currency", "period")}
    assert _good(case["gold"], got), f"{case['salary_text']!r}: got {shown}"


def test_the_table_covers_pay_and_no_pay() -> None:
    assert len(CASES) >= 90
    assert sum(c["gold"] is None for c in CASES) >= 10
