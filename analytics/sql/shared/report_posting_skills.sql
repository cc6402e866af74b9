-- report_posting_skills: each (posting, skill) pair of report_postings once, keyed by integers
-- (posting_no, skill_no: skills numbered in slug order) so the heavy self-joins and splits of
-- the marts hash integers, not strings. Built once per report run
-- (analytics.reports.context.materialise_shared); run_mart inlines it for a mart run alone.
with

rps_pairs as (
    select
        p.posting_no,
        m.skill_slug,
    from skill_mentions as m
    inner join report_postings as p using (posting_id)
    group by all
),

rps_skill_numbers as (
    select
        skill_slug,
        row_number() over (order by skill_slug)::integer as skill_no,
    from (select distinct skill_slug from rps_pairs)
)

select
    pairs.posting_no,
    pairs.skill_slug,
    numbers.skill_no,
from rps_pairs as pairs
inner join rps_skill_numbers as numbers using (skill_slug)
