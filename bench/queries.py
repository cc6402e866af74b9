"""Report-query latency at 1M postings: the warehouse is synthesised in DuckDB SQL, not extracted.

Why SQL generation: running spaCy over 1M postings would take hours and measure extraction, not
the marts. Rows are hash-derived from the row number (deterministic), with skewed skill and role
distributions, ~8 mentions per posting and ~45% of postings with a salary, shaped like real loads.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb

from bench.measure import emit, maxrss_mb

#: used only when the taxonomy (pipelines.nlp) cannot be imported
_FALLBACK_SKILLS = (
    "python sql typescript javascript go rust java cpp scala r-lang pytorch tensorflow jax cuda "
    "hugging-face spark airflow dbt kubernetes docker terraform aws gcp azure llm rag llm-evaluation "
    "ai-agents prompt-engineering fine-tuning rlhf embeddings vector-databases langchain llamaindex "
    "mlops distributed-systems computer-vision nlp reinforcement-learning"
).split()
_FALLBACK_ROLES = (
    "ai-engineer ml-engineer llm-engineer data-scientist data-engineer software-engineer "
    "research-scientist ai-platform-engineer ai-agent-engineer prompt-engineer other"
).split()
SOURCES = [
    "greenhouse",
    "lever",
    "ashby",
    "jsonld",
    "workable",
    "smartrecruiters",
    "recruitee",
    "hn",
]


def _dims(con: duckdb.DuckDBPyConnection) -> None:
    """Real taxonomy dims when the nlp package is importable, else a core-skill stand-in."""
    try:
        from analytics.load import load_dims
        from pipelines.nlp import load_roles, load_skill_taxonomy

        load_dims(con, load_skill_taxonomy(), load_roles())
        return
    except Exception:  # noqa: BLE001 - the bench still runs on a partial checkout
        pass
    con.executemany(
        "insert into dim_skills values (?, ?, 'tech', null, true)",
        [(s, s) for s in _FALLBACK_SKILLS],
    )
    con.executemany("insert into dim_roles values (?, ?, true)", [(r, r) for r in _FALLBACK_ROLES])


def build_warehouse(
    path: Path, n: int = 1_000_000, mentions_per_posting: int = 8
) -> dict[str, int]:
    """Create a migrated warehouse at `path` holding n synthetic postings and their derived rows."""
    from analytics.db import connect

    if path.exists():
        path.unlink()
    con = connect(path)
    try:
        _dims(con)
        con.execute("create temp table s as select list(slug order by slug) as l from dim_skills")
        con.execute("create temp table r as select list(slug order by slug) as l from dim_roles")
        con.execute(
            """
            create temp table base as
            select i,
                $sources[1 + i % 8] || ':b' || (i % 400) || ':' || i as posting_id,
                $sources[1 + i % 8] as source,
                'b' || (i % 400) as board,
                timestamp '2025-01-01' + to_days(cast(hash(i) % 660 as integer)) as posted_at,
                (hash(i * 3) % 1000) / 1000.0 as u,
            from range($n) t(i)
            """,
            {"n": n, "sources": SOURCES},
        )
        con.execute(
            """
            insert into postings_core by name
            select posting_id, source, board, i::varchar as source_id,
                'https://bench.invalid/' || i as url, 'Engineer ' || (i % 300) as title,
                'Company ' || (i % 5000) as company, ['Remote'] as locations,
                [['US', 'GB', 'DE', 'IN'][1 + i % 4]] as country_codes, 'remote' as workplace_type,
                'Full-time' as employment_type, posted_at, md5(i::varchar) as content_hash,
                posted_at as first_seen_at, posted_at + interval 20 day as last_seen_at,
                'run' as last_run_id, case when u < 0.3 then posted_at + interval 30 day end as closed_at,
                u >= 0.3 as is_open,
                case when i % 10 = 0 then $sources[1 + (i + 1) % 8] || ':b' || ((i + 1) % 400) || ':' || (i + 1)
                     else posting_id end as dup_group_id,
            from base
            """,
            {"sources": SOURCES},
        )
        con.execute(
            """
            insert into extractions by name
            select b.posting_id, md5(i::varchar) as content_hash, 'bench' as taxonomy_version,
                r.l[1 + cast(floor(len(r.l) * b.u * b.u) as integer)] as role, 0.9 as role_confidence,
                'title' as role_provenance,
                ['intern', 'entry', 'mid', 'senior', 'staff_plus', 'unknown'][1 + i % 6] as seniority,
                0.8 as seniority_confidence, 'title' as seniority_provenance, $m as skill_count,
                now()::timestamp as extracted_at,
            from base b, r
            """,
            {"m": mentions_per_posting},
        )
        con.execute(
            """
            insert into skill_mentions_core by name
            select distinct on (posting_id, skill_slug, start_char) b.posting_id,
                s.l[1 + cast(floor(len(s.l) * pow((hash(b.i * 31 + k) % 10000) / 10000.0, 2)) as integer)] as skill_slug,
                'x' as matched_text, k * 100 as start_char, k * 100 + 5 as end_char,
                'requirements' as section, md5(b.i::varchar) as content_hash, 'bench' as taxonomy_version,
            from base b, s, range($m) t(k)
            """,
            {"m": mentions_per_posting},
        )
        con.execute(
            "insert into posting_skills_core select posting_id, skill_slug, hash(posting_id), "
            "hash(skill_slug), count(*), any_value(content_hash), any_value(taxonomy_version), "
            "true, count(*) "
            "from skill_mentions_core group by posting_id, skill_slug"
        )
        con.execute(
            """
            insert into salaries_core by name
            select posting_id, md5(i::varchar) as content_hash,
                60000 + (hash(i * 7) % 200) * 1000 as min_amount,
                90000 + (hash(i * 7) % 200) * 1000 as max_amount, 'USD' as currency, 'year' as period,
                false as period_inferred, 60000 + (hash(i * 7) % 200) * 1000 as annual_min_usd,
                90000 + (hash(i * 7) % 200) * 1000 as annual_max_usd, 'text' as source,
                i % 9 = 0 as is_estimate, '$ range' as raw_text, [] as flags,
            from base where hash(i * 5) % 100 < 45
            """
        )
        # a weekly crawl of every board over the postings' whole period (posted 2025-01-01 to
        # 2026-10, last seen 20 days later): the report calendar then ends in 2026-11 and the
        # trend windows (last complete month back) hold postings, as a real warehouse's would
        con.execute(
            """
            insert into crawl_runs by name
            select 'run' || d as run_id, $sources[1 + b % 8] as source, 'b' || b as board,
                timestamp '2025-01-01' + to_days(d::integer) as started_at,
                timestamp '2025-01-01' + to_days(d::integer) + interval 5 minute as finished_at,
                10 as pages, 100 as items, 0 as errors, 'ok' as status, true as listing_complete,
                [] as error_messages,
            from range(400) t(b), range(0, 700, 7) u(d)
            """,
            {"sources": SOURCES},
        )
        counts = {
            t: int(con.execute(f"select count(*) from {t}").fetchone()[0])  # type: ignore[index]
            for t in ("postings_core", "extractions", "skill_mentions_core", "salaries_core")
        }
        con.execute("checkpoint")
    finally:
        con.close()
    return counts


def time_marts(path: Path, repeats: int = 3) -> dict[str, dict[str, Any]]:
    """Latency of each analytics/sql/marts/*.sql on a read-only connection (first and median),
    after the shared report relations are built once (timed on their own, as `_shared`).

    Parameters come from the published ReportParams; one the defaults do not name yet is bound
    to null (and listed), so a mart under construction is still timed, not skipped.
    """
    from analytics.db import connect
    from analytics.reports.context import (
        _PARAM_RE,
        MART_DIR,
        SHARED_RELATIONS,
        ReportParams,
        materialise_shared,
        run_mart,
        shared_key,
    )
    from analytics.reports.reference import reference_rows

    params = {**ReportParams().sql_params(), "reference": reference_rows()}
    con = connect(path, read_only=True)
    out: dict[str, dict[str, Any]] = {}
    try:
        times = []
        key = shared_key(params)
        for _ in range(repeats):
            for name in SHARED_RELATIONS:
                con.execute(f"drop table if exists {name}__{key}")
            started = time.perf_counter()
            materialise_shared(con, params)
            times.append(time.perf_counter() - started)
        out["_shared"] = {"first_s": times[0], "median_s": sorted(times)[len(times) // 2]}
        for mart in sorted(MART_DIR.glob("*.sql")):
            missing = sorted(
                set(_PARAM_RE.findall(mart.read_text(encoding="utf-8"))) - params.keys()
            )
            given = {**params, **dict.fromkeys(missing)}
            times, rows = [], 0
            try:
                for _ in range(repeats):
                    started = time.perf_counter()
                    rows = run_mart(con, mart.stem, given, materialise=True).height
                    times.append(time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - one broken mart must not hide the others
                out[mart.stem] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
                continue
            out[mart.stem] = {
                "first_s": times[0],
                "median_s": sorted(times)[len(times) // 2],
                "rows": rows,
                "null_params": missing,
            }
    finally:
        con.close()
    return out


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="1M-posting warehouse and mart latencies (child)")
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--postings", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = build_warehouse(args.warehouse, args.postings)
    build_s = time.perf_counter() - started
    result: dict[str, Any] = {
        "counts": counts,
        "build_seconds": build_s,
        "marts": time_marts(args.warehouse),
    }
    result["maxrss_mb"] = maxrss_mb()
    emit(result)


if __name__ == "__main__":
    main()
