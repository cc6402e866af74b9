-- the salaries the salary reports use, by the reports' default rules, so SQL gives the report's
-- numbers: one posting per duplicate group (the earliest seen, as the reports count jobs); an
-- annualised USD midpoint; no estimates; none of the excluded flags (the same list as
-- analytics.reports.context.EXCLUDED_SALARY_FLAGS: quality failures, not base pay, part-time
-- pay, contract pay stated per hour or day); seniority grouped Intern / Entry / Mid / Senior
-- (senior + staff_plus) / Unknown. months_ago counts back from the data's last complete month
-- (report_calendar): "the last 6 months" of a report are months_ago between 0 and 5.
with

sightings as (
    select * from postings
),

kept as (
    select arg_min(posting_id, (first_seen_at, posting_id)) as posting_id,
    from sightings
    group by coalesce(dup_group_id, posting_id)
),

pay as (
    select * from salaries
),

calendar as (
    select * from report_calendar
),

usable as (
    select
        pay.*,
        coalesce(pay.flags, []) as flag_list,
    from pay
    where
        pay.annual_mid_usd is not null
        and not coalesce(pay.is_estimate, false)
),

final as (
    select
        p.posting_id,
        p.source,
        p.company,
        p.title,
        coalesce(p.role, 'unknown') as role,
        p.seniority,
        case
            when p.seniority = 'intern' or list_contains(u.flag_list, 'intern') then 'Intern'
            when p.seniority = 'entry' then 'Entry'
            when p.seniority = 'mid' then 'Mid'
            when p.seniority in ('senior', 'staff_plus') then 'Senior'
            else 'Unknown'
        end as seniority_group,
        p.country_code,
        coalesce(p.posted_at, p.first_seen_at)::date as posted_date,
        date_trunc('month', coalesce(p.posted_at, p.first_seen_at))::date as posted_month,
        date_diff(
            'month',
            date_trunc('month', coalesce(p.posted_at, p.first_seen_at))::date,
            c.last_complete_month
        ) as months_ago,
        date_trunc('month', coalesce(p.posted_at, p.first_seen_at))::date
            is not distinct from c.partial_month as is_partial_month,
        u.annual_mid_usd,
        u.annual_min_usd,
        u.annual_max_usd,
        u.currency,
        u.period,
        u.salary_source,
        u.flags,
    from sightings as p
    semi join kept using (posting_id)
    inner join usable as u using (posting_id)
    cross join calendar as c
    where not list_has_any(
        u.flag_list
        || case
            when list_contains(u.flag_list, 'contract') and u.period in ('hour', 'day')
                then ['contract_hourly']
            else []
        end,
        [
            'min_gt_max', 'absurd_ratio', 'non_positive', 'below_plausible_annual',
            'above_plausible_annual', 'currency_conflict', 'ote', 'total_comp', 'part_time',
            'contract_hourly'
        ]
    )
)

select * from final
