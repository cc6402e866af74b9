-- lean_posting_skills: the columns of the view `posting_skills` that report_skills and
-- report_posting_skills read, from posting_skills_core by the view's own expressions
-- (views/posting_skills.sql), without the view's join to the skills dim (a string join of
-- every pair: ~0.1-0.2 s at 1M postings, kept by DuckDB though no column of it is read).
-- Read in place of the view when the warehouse holds the table (analytics.reports.context.
-- LEAN_VIEWS); tests/analytics/reports/test_lean_views.py checks it gives the view's rows.
select
    posting_id,
    skill_slug,
    posting_no,
    skill_no,
    coalesce(asked, true) as asked,
from posting_skills_core
