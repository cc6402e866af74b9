-- report_posting_skills: each (posting, skill) pair of report_postings once, keyed by integers
-- (posting_no, skill_no: hashes stored at load) so the marts' self-joins and splits hash
-- integers, not strings; a skill's slug is in report_skills. With $asked_only (the default, `--mentions asked`) only skills the
-- posting asks for: a skill named only in the company blurb, benefits or text repeated across
-- the company's postings is not counted. Built once per report run
-- (analytics.reports.context.materialise_shared); run_mart inlines it for a mart run alone.
-- params: $asked_only
select
    s.posting_no,
    s.skill_no,
from posting_skills as s
semi join report_postings as p using (posting_no)
where not $asked_only::boolean or s.asked
