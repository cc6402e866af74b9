-- fct_salary_bands: role x seniority group (Intern/Entry/Mid/Senior/Unknown, plus All) salary
-- bands of annualised USD midpoints next to the reference table. Cells with fewer than
-- $min_cell_n salaries are suppressed (stats null, is_suppressed true). Usable salaries and
-- the seniority grouping are the report's rules (shared/report_salaries.sql, the view
-- report_salaries), so SQL over that view gives the same medians.
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags, $min_cell_n, $reference
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

reference as (
    select unnest(
        $reference::struct(
            role varchar, seniority_group varchar, low_usd double, high_usd double, note varchar
        )[],
        recursive := true
    ),
),

grouped_postings as (
    select
        p.posting_id,
        p.role,
        -- a salary flagged as an internship's pay moves its posting to the Intern band
        coalesce(s.seniority_group, p.seniority_group) as seniority_group,
        s.annual_mid_usd,
    from report_postings as p
    left join report_salaries as s using (posting_no)
),

bands as (
    select
        role,
        coalesce(seniority_group, 'All') as seniority_group,
        count(*) as n_postings,
        count(annual_mid_usd) as n_salary,
        quantile_cont(annual_mid_usd, 0.25) as p25,
        median(annual_mid_usd) as p50,
        quantile_cont(annual_mid_usd, 0.75) as p75,
        list(annual_mid_usd order by annual_mid_usd)
            filter (where annual_mid_usd is not null) as salary_values,
    from grouped_postings
    group by grouping sets ((role, seniority_group), (role))
),

final as (
    select
        b.role,
        b.seniority_group,
        b.n_postings,
        b.n_salary,
        round(100.0 * b.n_salary / b.n_postings, 1) as coverage_pct,
        b.n_salary < $min_cell_n::integer as is_suppressed,
        case when not is_suppressed then round(b.p25)::bigint end as p25_usd,
        case when not is_suppressed then round(b.p50)::bigint end as median_usd,
        case when not is_suppressed then round(b.p75)::bigint end as p75_usd,
        r.low_usd::bigint as ref_low_usd,
        r.high_usd::bigint as ref_high_usd,
        case
            when not is_suppressed and r.low_usd is not null
                then round(100.0 * (b.p50 / ((r.low_usd + r.high_usd) / 2) - 1), 1)
        end as diff_vs_ref_mid_pct,
        case
            when is_suppressed then 'n<' || $min_cell_n::integer
            when r.low_usd is null then coalesce(nullif(r.note, ''), 'no reference band')
            when b.p50 < r.low_usd then 'below band'
            when b.p50 > r.high_usd then 'above band'
            else 'inside band'
        end as vs_reference,
        case when not is_suppressed then b.salary_values end as salary_values,
        case b.seniority_group
            when 'Intern' then 0 when 'Entry' then 1 when 'Mid' then 2 when 'Senior' then 3 when 'Unknown' then 4
            else 5
        end as group_order,
    from bands as b
    left join reference as r using (role, seniority_group)
    order by b.role, group_order
)

select * exclude (group_order) from final
