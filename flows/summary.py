"""Run observability: key numbers -> Prefect artifacts (Markdown + table) and the flow_runs table."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def coverage_numbers(warehouse: Path) -> dict[str, Any]:
    """Extraction and salary coverage of open postings, straight from the warehouse views."""
    from analytics.db import connect

    con = connect(warehouse, read_only=True)
    try:
        row = con.execute(
            """
            select count(*) as postings,
                   count(*) filter (where is_open) as open_postings,
                   avg(case when role is not null and role <> 'other' then 1 else 0 end) as role_coverage,
                   avg(case when has_salary then 1 else 0 end) as salary_coverage
            from postings
            """
        ).fetchone()
    finally:
        con.close()
    return {
        "postings_total": int(row[0] or 0),
        "postings_open": int(row[1] or 0),
        "extraction_coverage": round(float(row[2] or 0), 4),
        "salary_coverage": round(float(row[3] or 0), 4),
    }


#: the crawl record's per-reason summary line ("skipped 3: no title"), see spiders/base.py
SKIP_LINE = re.compile(r"^skipped (\d+): (.+)$")


def skip_numbers(warehouse: Path, run_id: str) -> dict[str, Any]:
    """Postings the crawl saw but could not keep, by reason, and the boards whose listing was
    incomplete (nothing closed on them): read from this run's crawl records."""
    from analytics.db import connect

    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            "select listing_complete, error_messages from crawl_runs where run_id = ?", [run_id]
        ).fetchall()
    finally:
        con.close()
    reasons: dict[str, int] = {}
    for _complete, messages in rows:
        for message in messages or []:
            match = SKIP_LINE.match(message or "")
            if match:
                reasons[match.group(2)] = reasons.get(match.group(2), 0) + int(match.group(1))
    out: dict[str, Any] = {
        "items_skipped": sum(reasons.values()),
        "boards_listing_incomplete": sum(1 for complete, _ in rows if not complete),
    }
    out.update({f"skipped: {why}": n for why, n in sorted(reasons.items())})
    return out


def record_run(
    warehouse: Path,
    run_id: str,
    started: datetime,
    load_stats: dict[str, Any],
    extract_stats: dict[str, Any],
    crawl_errors: dict[str, str],
    flow: str = "daily",
    state: str | None = None,
) -> dict[str, Any]:
    """Store the run's key numbers in flow_runs (as run of `flow`) and return them."""
    from analytics.db import connect
    from analytics.load import record_flow_run

    numbers: dict[str, Any] = {
        "postings_new": int(load_stats.get("new", 0)),
        "postings_updated": int(load_stats.get("updated", 0)),
        "postings_unchanged": int(load_stats.get("unchanged", 0)),
        "postings_closed": int(load_stats.get("closed", 0)),
        "extracted": int(extract_stats.get("extracted", 0)),
        "skipped_unchanged": int(extract_stats.get("skipped_unchanged", 0)),
        # lake lines not read (torn, corrupt, bad UTF-8, no keys); their boards closed nothing
        "lake_lines_skipped": int(load_stats.get("lake_lines_skipped", 0)),
    }
    numbers.update(coverage_numbers(warehouse))
    numbers.update(skip_numbers(warehouse, run_id))
    state = state or ("Partial" if crawl_errors else "Completed")
    con = connect(warehouse)
    try:
        record_flow_run(
            con,
            run_id=run_id,
            flow=flow,
            started_at=started,
            finished_at=datetime.now(UTC),
            state=state,
            postings_new=numbers["postings_new"],
            postings_updated=numbers["postings_updated"],
            postings_closed=numbers["postings_closed"],
            extraction_coverage=numbers["extraction_coverage"],
            salary_coverage=numbers["salary_coverage"],
            errors=crawl_errors,
        )
    finally:
        con.close()
    return numbers


def summary_markdown(
    run_id: str, numbers: dict[str, Any], out_dir: Path, crawl_errors: dict[str, str]
) -> str:
    lines = [f"# jobtrends run {run_id}", "", "| measure | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in numbers.items()]
    lines += ["", f"Reports: `{out_dir}`", ""]
    if crawl_errors:
        lines += ["## Failed sources", ""] + [
            f"- **{k}**: {v[:300]}" for k, v in crawl_errors.items()
        ]
    else:
        lines.append("All sources crawled.")
    return "\n".join(lines)


def publish_summary(
    run_id: str, numbers: dict[str, Any], out_dir: Path, crawl_errors: dict[str, str]
) -> None:
    """Prefect artifacts a person can check in seconds in the UI or through the client."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(
        key="daily-summary",
        markdown=summary_markdown(run_id, numbers, out_dir, crawl_errors),
        description=f"jobtrends daily run {run_id}",
    )
    rows = [{"measure": k, "value": v} for k, v in numbers.items()]
    rows += [{"measure": f"error:{k}", "value": v[:200]} for k, v in crawl_errors.items()]
    create_table_artifact(
        key="daily-numbers", table=rows, description=f"key numbers of run {run_id}"
    )
