"""Golden fixtures: tests/fixtures/<source>/<case>/{body.*, meta.json, expected.json}.

meta.json names the pure parser ("module:function") and its kwargs. To (re)write expected.json
after a deliberate parser change: JOBTRENDS_UPDATE_GOLDEN=1 pytest tests/spiders -k golden,
then review the diff.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipelines.records import SOURCE_KINDS, Posting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = sorted(p.parent for kind in SOURCE_KINDS for p in (FIXTURES / kind).glob("*/meta.json"))


def _body(case: Path, meta: dict[str, Any]) -> Any:
    body = next(case.glob("body.*"))
    raw = body.read_bytes()
    if meta.get("body_as") == "bytes":
        return raw
    if body.suffix == ".json":
        return json.loads(raw.decode("utf-8"))
    return raw.decode("utf-8") if body.suffix == ".html" else raw


def run_case(case: Path) -> list[dict[str, Any]]:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    module, func = meta["parser"].split(":")
    result = getattr(importlib.import_module(module), func)(_body(case, meta), **meta["kwargs"])
    postings = result if isinstance(result, list) else [result]
    assert all(isinstance(p, Posting) for p in postings)
    return [p.to_dict() for p in postings]


def test_every_source_kind_has_a_fixture() -> None:
    assert {c.parent.name for c in CASES} == set(SOURCE_KINDS)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.parent.name}/{c.name}")
def test_golden(case: Path) -> None:
    got = run_case(case)
    expected_file = case / "expected.json"
    if os.environ.get("JOBTRENDS_UPDATE_GOLDEN") == "1" or not expected_file.exists():
        expected_file.write_text(
            json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if os.environ.get("JOBTRENDS_UPDATE_GOLDEN") != "1":
            pytest.fail(f"wrote missing {expected_file}; review it and re-run")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected
