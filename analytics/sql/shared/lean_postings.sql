-- lean_postings: the columns of the view `postings` that report_postings reads, from the load
-- tables and by the view's own expressions (views/postings.sql), without the view's salary
-- join: DuckDB keeps a view's LEFT JOIN even where no column of it is read (~0.25 s of
-- report_postings at 1M postings). Read in place of the view when the warehouse holds these
-- tables (analytics.reports.context.LEAN_VIEWS); tests/analytics/reports/test_lean_views.py
-- checks it gives the view's rows.
select
    core.posting_id,
    core.source,
    extracted.role,
    extracted.seniority,
    coalesce(core.country_codes[1], extracted.country_code) as country_code,
    core.posted_at,
    cast(date_trunc('month', coalesce(core.posted_at, core.first_seen_at)) as date) as posted_month,
    core.first_seen_at,
    core.last_seen_at,
    core.closed_at,
    core.is_open,
    coalesce(core.dup_group_id, core.posting_id) as dup_group_id,
from postings_core as core
left join extractions as extracted on extracted.posting_id = core.posting_id
