"""prefect.yaml: every deployment points at a flow that accepts its parameters, and the crawl
groups split the source kinds without overlap (two groups must never write one lake file)."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import yaml
from prefect import Flow

from pipelines.records import SOURCE_KINDS

ROOT = Path(__file__).resolve().parents[2]


def deployments() -> list[dict]:
    return yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


def test_each_entrypoint_is_a_flow_that_takes_its_parameters():
    for dep in deployments():
        path, name = dep["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        target = getattr(module, name)
        assert isinstance(target, Flow), dep["name"]
        accepted = set(inspect.signature(target.fn).parameters)
        assert set(dep.get("parameters", {})) <= accepted, (dep["name"], accepted)
        assert dep["work_pool"]["name"], dep["name"]


def test_crawl_groups_split_the_source_kinds_without_overlap():
    groups = [d["parameters"]["kinds"] for d in deployments() if d["name"].startswith("crawl-")]
    kinds = [k for group in groups for k in group]
    assert len(groups) >= 2
    assert len(kinds) == len(set(kinds))  # no kind in two groups
    assert set(kinds) == set(SOURCE_KINDS)  # every kind crawled by some group
