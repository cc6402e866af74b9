-- report_posting_skills: each (posting, skill) pair of report_postings once, keyed by integers
-- (posting_no, skill_no: hashes stored at load) so the marts' self-joins and splits hash
-- integers, not strings. Built once per report run
-- (analytics.reports.context.materialise_shared); run_mart inlines it for a mart run alone.
select
    s.posting_no,
    s.skill_no,
    s.skill_slug,
from posting_skills as s
semi join report_postings as p using (posting_no)
