"""The JSON API parsers (greenhouse, lever, ashby, workable, smartrecruiters, recruitee, remoteok):
one job object with fields of any JSON type must never take the rest of the page down with it,
and every posting returned is keyed. Inputs are the golden fixtures with one job garbled."""

from __future__ import annotations

import copy
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prop_kit import FUZZED, json_values

from pipelines.records import Posting

pytestmark = pytest.mark.faults
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LIST_KEYS = ("jobs", "content", "offers", "results")


def cases() -> list[str]:
    out = []
    for meta in sorted(FIXTURES.glob("*/*/meta.json")):
        if meta.parent.parent.name not in ("jsonld", "hn", "wwr"):
            out.append(f"{meta.parent.parent.name}/{meta.parent.name}")
    return out


def load(case: str) -> tuple[Callable[..., Any], Any, dict[str, Any]]:
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    module, func = meta["parser"].split(":")
    body = json.loads((folder / "body.json").read_text(encoding="utf-8"))
    return getattr(importlib.import_module(module), func), body, meta["kwargs"]


def job_list(body: Any) -> list[Any] | None:
    if isinstance(body, list):
        return body
    for key in LIST_KEYS:
        if isinstance(body, dict) and isinstance(body.get(key), list):
            return body[key]
    return None


def as_list(result: Any) -> list[Posting]:
    return [result] if isinstance(result, Posting) else [p for p in result if p is not None]


@pytest.mark.parametrize("case", cases())
@settings(max_examples=max(30, settings.default.max_examples * 2 // 5))
@given(data=st.data())
def test_one_garbled_job_spares_the_others(case: str, data: st.DataObject) -> None:
    FUZZED["api parsers"] += 1
    parse, body, kwargs = load(case)
    clean = as_list(parse(copy.deepcopy(body), **kwargs))
    body = copy.deepcopy(body)
    jobs = job_list(body)
    target = (
        body if jobs is None else jobs[data.draw(st.integers(0, len(jobs) - 1))] if jobs else body
    )
    if isinstance(target, dict) and target:
        for key in data.draw(st.lists(st.sampled_from(sorted(target)), min_size=1, max_size=4)):
            if key not in ("id", "shortcode", "uuid", "slug", "legal"):
                target[key] = data.draw(json_values)
    if jobs is None:  # a detail endpoint may refuse a garbled object: the spider keeps list data
        try:
            got = as_list(parse(body, **kwargs))
        except Exception:  # noqa: BLE001
            return
    else:  # a list page: one bad job must never fail the page
        got = as_list(parse(body, **kwargs))
    assert all(p.source_id and isinstance(p.source_id, str) for p in got)
    assert len(got) >= len(clean) - 1


@pytest.mark.parametrize("case", cases())
@settings(max_examples=max(20, settings.default.max_examples // 4))
@given(payload=json_values)
def test_any_payload_shape(case: str, payload: Any) -> None:
    FUZZED["api parsers"] += 1
    parse, body, kwargs = load(case)
    expected = ValueError if job_list(body) is not None else Exception
    try:
        got = as_list(parse(payload, **kwargs))
    except expected:  # list: wrong envelope is retried, then a failed listing; detail: fallback
        return
    assert all(p.source_id for p in got)
