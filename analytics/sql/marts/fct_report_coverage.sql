-- fct_report_coverage: one row of n and coverage under the report filters.
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

usable_salaries as (
    select distinct posting_id,
    from salaries
    where
        annual_mid_usd is not null
        and ($include_estimates::boolean or not coalesce(is_estimate, false))
        -- quality flags (min>max, implausible, not base pay) drop a salary; informational
        -- ones (approximate, open upper bound, inferred magnitude) do not
        and not list_has_any(coalesce(flags, []), $excluded_flags::varchar[])
),

skilled_postings as (
    select distinct posting_no,
    from report_posting_skills
),

final as (
    select
        count(*) as n_postings,
        count(*) filter (where p.is_open) as n_open,
        count(k.posting_no) as n_with_skills,
        count(s.posting_id) as n_with_salary,
        min(p.posted_date) as first_date,
        max(p.posted_date) as last_date,
    from report_postings as p
    left join skilled_postings as k using (posting_no)
    left join usable_salaries as s using (posting_id)
)

select * from final
