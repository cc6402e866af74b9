-- fct_report_coverage: one row of n and coverage under the report filters.
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags
-- report_postings (filtered, deduplicated) and report_salaries (usable salaries by the report's
-- rules) come from shared/
with

skilled_postings as (
    select distinct posting_no,
    from report_posting_skills
),

final as (
    select
        count(*) as n_postings,
        count(*) filter (where p.is_open) as n_open,
        count(k.posting_no) as n_with_skills,
        count(s.posting_no) as n_with_salary,
        min(p.posted_date) as first_date,
        max(p.posted_date) as last_date,
    from report_postings as p
    left join skilled_postings as k using (posting_no)
    left join report_salaries as s using (posting_no)
)

select * from final
