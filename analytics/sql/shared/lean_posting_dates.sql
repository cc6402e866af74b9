-- lean_posting_dates: the dates of the view `postings` the report calendar reads
-- (views/report_calendar.sql), from postings_core alone: the view's extraction and salary
-- joins cost ~0.4 s at 1M postings for a min/max DuckDB answers from the table's statistics.
-- Read in place of the view when the warehouse holds the table (analytics.reports.context.
-- LEAN_VIEWS); tests/analytics/reports/test_lean_views.py checks it gives the view's values.
select
    posted_at,
    first_seen_at,
    last_seen_at,
from postings_core
