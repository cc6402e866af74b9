"""`jobtrends status`: per source and board, last success, last error, postings and freshness."""

from __future__ import annotations

from pathlib import Path

STATUS_SQL = """
with runs as (
    select source, board,
           max(finished_at) filter (where status = 'ok') as last_success_at,
           max(finished_at) filter (where status <> 'ok') as last_error_at,
           arg_max(error_messages, finished_at) filter (where status <> 'ok') as last_error,
           -- the last run's per-reason skip lines ("skipped 3: no title", spiders/base.py)
           array_to_string(list_filter(arg_max(error_messages, finished_at),
                                       lambda m: regexp_matches(m, '^skipped [0-9]+: ')), '; ')
               as last_run_skipped
    from crawl_runs
    group by 1, 2
),
counts as (
    select source, board, count(*) as postings, count(*) filter (where is_open) as open_postings
    from postings
    group by 1, 2
)
select runs.source, runs.board, runs.last_success_at, runs.last_error_at,
       coalesce(counts.postings, 0) as postings, coalesce(counts.open_postings, 0) as open_postings,
       round(date_diff('minute', runs.last_success_at::timestamp, now()::timestamp) / 60.0, 1) as hours_since_success,
       nullif(runs.last_run_skipped, '') as last_run_skipped,
       runs.last_error
from runs left join counts using (source, board)
order by runs.source, runs.board
"""


def status_rows(warehouse: Path) -> tuple[list[str], list[tuple]]:
    from analytics.readonly import run_readonly_query

    return run_readonly_query(warehouse, STATUS_SQL)


def print_status(warehouse: Path) -> None:
    """Board names and error bodies are scraped text: printed as plain text, controls removed."""
    from flows.terminal import print_table

    columns, rows = status_rows(warehouse)
    print_table(columns, rows, title=f"jobtrends status: {warehouse}", max_chars=80, width=220)
