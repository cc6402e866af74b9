"""Dimensions from rows (ours and the real taxonomy), and the real extractor's output loads clean."""

from __future__ import annotations

import pytest
from warehouse_seeds import RUN1, lake_postings, load_run, scalar, seed_dims

from analytics.datatests import run_data_tests
from analytics.load import load_dims, load_extractions


def test_load_dims_replaces_and_accepts_aliases(con):
    skills, roles = seed_dims()
    assert load_dims(con, skills, roles) == {"skills": 8, "roles": 17}
    assert load_dims(con, skills, roles) == {"skills": 8, "roles": 17}
    assert scalar(con, "select count(*) from roles where is_ai_role") == 12
    load_dims(con, [{"slug": "rag", "label": "RAG", "parent": "llm", "core": True}], roles)
    assert con.execute("select * from skills").fetchall() == [("rag", "RAG", None, "llm", True)]


def test_real_taxonomy_and_extractor_output_pass_the_data_tests(con):
    nlp = pytest.importorskip("pipelines.nlp")
    extract = pytest.importorskip("pipelines.extract")
    load_dims(con, nlp.load_skill_taxonomy(), nlp.load_roles())
    assert scalar(con, "select count(*) from roles") == 17
    postings = lake_postings(RUN1)
    load_run(con, RUN1)
    counts = load_extractions(con, [extract.extract_record(r) for r in postings])
    assert counts["extractions"] == len(postings)
    assert run_data_tests(con) == {}
    assert scalar(con, "select count(*) from postings where role is null") == 0
