-- report_posting_skills: each (posting, skill) pair of report_postings once, with the posting
-- fields marts group by. Built once per report run (analytics.reports.context), so no mart
-- re-reads the mention table; run_mart inlines it as a CTE when a mart is run on its own.
select distinct
    m.posting_id,
    m.skill_slug,
from skill_mentions as m
semi join report_postings as p using (posting_id)
