"""Seed warehouses for the report tests: the contract views as plain tables.

(A uniquely named module, not conftest, so other test packages' conftests cannot shadow it.)

The analytics schema is built elsewhere; these tests only rely on the view contract in
docs/contracts.md, so they create tables with exactly those columns from synthetic seed data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import numpy as np
import polars as pl

from analytics.db import sql

XSS = "<script>alert(1)</script>"

POSTINGS_DDL = """
create table postings (
    posting_id varchar, source varchar, board varchar, source_id varchar, url varchar,
    company varchar, title varchar, role varchar, role_confidence double,
    role_provenance varchar, seniority varchar, seniority_confidence double,
    seniority_provenance varchar, locations varchar[], country_code varchar,
    workplace_type varchar, posted_at timestamp, posted_month date, first_seen_at timestamp,
    last_seen_at timestamp, closed_at timestamp, is_open boolean, content_hash varchar,
    taxonomy_version varchar, has_salary boolean, dup_group_id varchar
)"""
MENTIONS_DDL = """
create table skill_mentions (
    posting_id varchar, skill_slug varchar, skill_name varchar, category varchar,
    matched_text varchar, start_char integer, end_char integer, section varchar,
    taxonomy_version varchar, asked boolean, asked_reason varchar
)"""
SALARIES_DDL = """
create table salaries (
    posting_id varchar, min_amount double, max_amount double, currency varchar,
    period varchar, period_inferred boolean, annual_min_usd double, annual_max_usd double,
    annual_mid_usd double, salary_source varchar, is_estimate boolean, flags varchar[],
    fx_rate_date date, raw_text varchar
)"""
OTHER_DDL = [
    "create table skills (slug varchar, name varchar, category varchar, parent_slug varchar,"
    " is_core boolean)",
    "create table roles (slug varchar, name varchar, is_ai_role boolean)",
    """create table crawl_runs (
        run_id varchar, source varchar, board varchar, started_at timestamp,
        finished_at timestamp, pages integer, items integer, errors integer, status varchar,
        listing_complete boolean, error_messages varchar[])""",
    "create table flow_runs (flow_run_id varchar, flow varchar, started_at timestamp,"
    " finished_at timestamp, status varchar)",
]

AI_ROLES = [
    "prompt-engineer",
    "context-engineer",
    "ai-engineer",
    "llm-engineer",
    "ai-agent-engineer",
    "founding-ai-engineer",
    "ai-architect",
    "ai-platform-engineer",
    "harness-engineer",
    "ai-product-manager",
    "ai-safety-eval-engineer",
    "ml-engineer",
]
OTHER_ROLES = [
    "research-scientist",
    "data-scientist",
    "data-engineer",
    "software-engineer",
    "other",
]
SKILLS = {
    "python": "Python",
    "sql": "SQL",
    "rag": "RAG",
    "llm-evaluation": "LLM evaluation",
    "ai-agents": "AI agents",
    "mlops": "MLOps",
    "pytorch": "PyTorch",
    "mcp": "MCP",
    "tensorflow": "TensorFlow",
    "evil": XSS,
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    cols = [r[1] for r in con.execute(f"pragma table_info('{table}')").fetchall()]
    frame = pl.DataFrame([{c: r.get(c) for c in cols} for r in rows], infer_schema_length=None)
    con.register("_seed_rows", frame)
    con.execute(f"insert into {table} by name select * from _seed_rows")
    con.unregister("_seed_rows")


def make_db(
    postings: Iterable[dict[str, Any]],
    mentions: Iterable[dict[str, Any]] = (),
    salaries: Iterable[dict[str, Any]] = (),
    crawl_runs: Iterable[dict[str, Any]] = (),
) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with the contract tables; missing columns default to null."""
    con = duckdb.connect()
    for ddl in (POSTINGS_DDL, MENTIONS_DDL, SALARIES_DDL, *OTHER_DDL):
        con.execute(ddl)
    _insert(con, "postings", postings)
    _insert(con, "skill_mentions", mentions)
    con.execute(
        "create or replace table posting_skills as select posting_id, skill_slug, "
        "any_value(skill_name) as skill_name, any_value(category) as category, "
        "count(*)::integer as mentions, hash(posting_id) as posting_no, "
        "hash(skill_slug) as skill_no, any_value(taxonomy_version) as taxonomy_version, "
        "bool_or(coalesce(asked, true)) as asked, "
        "count(*) filter (where coalesce(asked, true))::integer as asked_mentions "
        "from skill_mentions group by posting_id, skill_slug"
    )
    _insert(con, "salaries", salaries)
    _insert(con, "crawl_runs", crawl_runs)
    _insert(con, "skills", [{"slug": s, "name": n, "is_core": True} for s, n in SKILLS.items()])
    _insert(con, "roles", [{"slug": r, "name": r, "is_ai_role": True} for r in AI_ROLES])
    _insert(con, "roles", [{"slug": r, "name": r, "is_ai_role": False} for r in OTHER_ROLES])
    for view in ("report_calendar", "report_salaries"):  # the analyst views over these tables
        con.execute(f"create view {view} as {sql(f'views/{view}')}")
    return con


def posting(pid: str, role: str, seniority: str, posted: date, **extra: Any) -> dict[str, Any]:
    """A minimal contract-shaped posting row."""
    at = datetime(posted.year, posted.month, posted.day, 9)
    row = {
        "posting_id": pid,
        "source": "greenhouse",
        "board": "acme",
        "source_id": pid,
        "company": "Acme",
        "title": f"{role} {seniority}",
        "role": role,
        "seniority": seniority,
        "posted_at": at,
        "posted_month": posted.replace(day=1),
        "first_seen_at": at,
        "last_seen_at": at + timedelta(days=20),
        "closed_at": None,
        "is_open": True,
        "country_code": "US",
    }
    row.update(extra)
    return row


def _month(i: int) -> date:
    return date(2025 + i // 12, i % 12 + 1, 1)


def synthetic_warehouse(per_month: int = 160, n_months: int = 18) -> duckdb.DuckDBPyConnection:
    """18 months of postings with a planted riser (mcp 2% -> 40% in the last 6 months) and a
    planted faller (tensorflow 40% -> 10%), plus XSS payloads in scraped text fields."""
    rng = np.random.default_rng(7)
    roles = [
        "ai-engineer",
        "ml-engineer",
        "llm-engineer",
        "ai-agent-engineer",
        "data-scientist",
        "software-engineer",
    ]
    role_p = [0.4, 0.2, 0.1, 0.05, 0.1, 0.15]
    levels = ["entry", "mid", "senior", "staff_plus", "unknown"]
    level_p = [0.2, 0.3, 0.35, 0.05, 0.1]
    base = {"entry": 130e3, "mid": 170e3, "senior": 240e3, "staff_plus": 300e3, "unknown": 180e3}
    end = datetime(2026, 6, 30)
    postings, mentions, salaries = [], [], []
    for m in range(n_months):
        late = m >= n_months - 6
        for j in range(per_month):
            pid = f"p{m:02d}{j:03d}"
            role = str(rng.choice(roles, p=role_p))
            level = str(rng.choice(levels, p=level_p))
            posted = _month(m) + timedelta(days=int(rng.integers(0, 28)))
            closed = datetime.combine(posted, datetime.min.time()) + timedelta(
                days=int(rng.integers(20, 90))
            )
            is_open = closed > end
            postings.append(
                posting(
                    pid,
                    role,
                    level,
                    posted,
                    closed_at=None if is_open else closed,
                    is_open=is_open,
                    company=XSS if j == 0 else "Acme",
                    title=XSS if j == 1 else "AI Engineer",
                    board="acme" if j % 2 else XSS,
                )
            )
            probs = {
                "python": 0.7,
                "sql": 0.3,
                "evil": 0.3,
                "rag": 0.6 if role == "ai-engineer" else 0.15,
                "llm-evaluation": 0.45 if role == "ai-engineer" else 0.1,
                "ai-agents": {"ai-engineer": 0.5, "ai-agent-engineer": 0.9}.get(role, 0.1),
                "mlops": {"ai-engineer": 0.35, "ml-engineer": 0.5}.get(role, 0.1),
                "pytorch": {"ml-engineer": 0.6, "llm-engineer": 0.7}.get(role, 0.1),
                "mcp": 0.40 if late else 0.02,
                "tensorflow": 0.10 if late else 0.40,
            }
            has = {s for s, p in probs.items() if rng.random() < p}
            for s in sorted(has):
                mentions.append(
                    {
                        "posting_id": pid,
                        "skill_slug": s,
                        "skill_name": SKILLS[s],
                        "matched_text": XSS if s == "evil" else s,
                    }
                )
            if rng.random() < 0.6:
                mid = base[level] * (1.1 if "pytorch" in has else 1.0) + rng.normal(0, 15e3)
                salaries.append(
                    {
                        "posting_id": pid,
                        "annual_mid_usd": round(mid, 2),
                        "currency": "USD",
                        "is_estimate": bool(rng.random() < 0.05),
                        "flags": ["above_plausible_annual"]
                        if rng.random() < 0.03
                        else ["approximate"],
                        "raw_text": XSS,
                        "salary_source": "text",
                    }
                )
    runs = [
        {
            "run_id": "20260629T000000Z-aaaaaa",
            "source": "greenhouse",
            "board": "acme",
            "started_at": datetime(2026, 6, 29),
            "finished_at": datetime(2026, 6, 29, 1),
            "status": "ok",
            "errors": 0,
            "listing_complete": True,
            "error_messages": [],
        },
        {
            "run_id": "20260630T000000Z-bbbbbb",
            "source": "greenhouse",
            "board": "acme",
            "started_at": datetime(2026, 6, 30),
            "finished_at": datetime(2026, 6, 30, 1),
            "status": "partial",
            "errors": 2,
            "listing_complete": False,
            "error_messages": [f"HTTP 500 body: {XSS}"],
        },
        {
            "run_id": "20260630T000000Z-bbbbbb",
            "source": "greenhouse",
            "board": XSS,
            "started_at": datetime(2026, 6, 30),
            "finished_at": datetime(2026, 6, 30, 2),
            "status": "ok",
            "errors": 0,
            "listing_complete": True,
            "error_messages": [],
        },
    ]
    return make_db(postings, mentions, salaries, runs)
