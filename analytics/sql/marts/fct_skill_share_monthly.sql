-- fct_skill_share_monthly: month x skill share with two denominators (new postings by
-- posting month; live postings open at any point of the month) and a role-mix adjusted share
-- (direct standardisation of the new-postings share to the whole period's role mix).
-- Live counts are running sums of +1 (first live month) / -1 (month after the last) events,
-- so the cost follows postings, not postings x months.
-- is_partial marks a month the data (report_calendar) or $until does not cover to its end: it
-- is shown, never tested; is_backfill marks months before the first crawl, which hold only the
-- postings still open at that crawl.
-- params: $since, $until, $roles, $sources, $countries
-- report_postings (filtered, deduplicated) and report_calendar come from shared/
with

bounds as (
    select
        min(activity_month) as first_month,
        coalesce(date_trunc('month', $until::date)::date, max(activity_month)) as last_month,
        least(
            any_value(c.last_complete_month),
            case
                when $until::date is null then null
                when last_day($until::date) = $until::date
                    then date_trunc('month', $until::date)::date
                else (date_trunc('month', $until::date) - interval 1 month)::date
            end
        ) as last_complete_month,
        date_trunc('month', any_value(c.first_crawl_at))::date as first_crawl_month,
    from report_postings
    cross join report_calendar as c
),

months as (
    select unnest(generate_series(first_month, last_month, interval 1 month))::date as month,
    from bounds
),

posting_skills as (
    select posting_no, skill_no from report_posting_skills
),

-- a posting is live in month m when it started by the end of m and had not ended before m:
-- +1 in its first live month, -1 in the month after its last (open postings never leave)
posting_months as (
    select
        p.posting_no,
        p.role,
        p.activity_month,
        case
            when p.end_date is null or p.end_month >= p.start_month
                then greatest(p.start_month, b.first_month)
        end as live_from,
        case
            when p.end_month >= p.start_month then (p.end_month + interval 1 month)::date
        end as live_until,
        -- the posting's profile (below): the hash of its four values
        hash(p.activity_month, p.role, live_from, live_until) as profile_no,
    from (
        select
            *,
            date_trunc('month', start_date)::date as start_month,
            date_trunc('month', end_date)::date as end_month,
        from report_postings
    ) as p
    cross join bounds as b
),

live_deltas as (
    select month, sum(delta) as delta
    from (
        select live_from as month, 1 as delta from posting_months where live_from is not null
        union all
        select live_until, -1 from posting_months where live_until is not null
    )
    group by month
),

live_denominator as (
    select
        m.month,
        (sum(coalesce(d.delta, 0)) over (order by m.month))::bigint as n_live,
    from months as m
    left join live_deltas as d using (month)
),

-- postings sharing month, role and live span form one profile (a few thousand at 1M
-- postings): the (posting, skill) pairs are counted per skill and profile on two integers,
-- and the grouping sets below run on those counts, not on every pair. A profile's number is
-- the hash of its four values (posting_months), so each posting has its own (a join of the 900K postings
-- to the profiles on the four values cost ~10% of the mart at 1M); two profiles sharing a
-- number stop the mart rather than merge.
profiles as (
    select
        activity_month,
        role,
        live_from,
        live_until,
        case
            when count(*) over (partition by profile_no) = 1 then profile_no
            else error('fct_skill_share_monthly: two posting profiles share a hash')
        end as profile_no,
    from (
        select activity_month, role, live_from, live_until, profile_no,
        from posting_months
        group by all
    )
),

posting_profiles as materialized (
    select posting_no, profile_no, from posting_months
),

skill_profile_counts as (
    select s.skill_no, p.profile_no, count(*) as n,
    from posting_skills as s
    inner join posting_profiles as p using (posting_no)
    group by all
),

-- new mentions by month x role and the live entries and exits per skill
skill_counts as (
    select
        c.skill_no,
        f.activity_month,
        f.role,
        f.live_from,
        f.live_until,
        sum(c.n)::bigint as n,
    from skill_profile_counts as c
    inner join profiles as f using (profile_no)
    group by grouping sets (
        (c.skill_no, f.activity_month, f.role), (c.skill_no, f.live_from), (c.skill_no, f.live_until)
    )
),

-- the skills any report posting names, from the per-skill counts above (every pair's
-- posting has a profile) rather than a second pass over the ~7M pairs
skill_universe as (
    select u.skill_no, k.skill_slug,
    from (select distinct skill_no from skill_counts) as u
    inner join report_skills as k using (skill_no)
),

skill_live_deltas as (
    select
        skill_no,
        coalesce(live_from, live_until) as month,
        sum(case when live_from is not null then n else -n end) as delta,
    from skill_counts
    where live_from is not null or live_until is not null
    group by all
),

live_numerator as (
    select
        m.month,
        u.skill_no,
        (sum(coalesce(d.delta, 0)) over (partition by u.skill_no order by m.month))::bigint as k_live,
    from months as m
    cross join skill_universe as u
    left join skill_live_deltas as d on d.skill_no = u.skill_no and d.month = m.month
),

new_denominator as (
    select
        activity_month as month,
        count(*) as n_new,
    from report_postings
    group by all
),

month_role_skill as (
    select
        activity_month as month,
        role,
        skill_no,
        n as k_role,
    from skill_counts
    where activity_month is not null
),

new_numerator as (
    select
        month,
        skill_no,
        sum(k_role)::bigint as k_new,
    from month_role_skill
    group by all
),

role_weights as (
    select
        role,
        count(*) / sum(count(*)) over () as weight,
    from report_postings
    group by role
),

month_role_totals as (
    select
        activity_month as month,
        role,
        count(*) as n_role,
    from report_postings
    group by all
),

month_present_weight as (
    select
        t.month,
        sum(w.weight::decimal(38, 18)) as present_weight,
    from month_role_totals as t
    inner join role_weights as w using (role)
    group by all
),

adjusted as (
    -- roles absent in a month drop out and the remaining weights are renormalised
    select
        mrs.month,
        mrs.skill_no,
        -- summed as decimals: a sum of doubles depends on the order the threads add them in,
        -- and a last-bit difference flipped a rounded percentage between two runs
        sum((w.weight * mrs.k_role / t.n_role)::decimal(38, 18))
            / any_value(pw.present_weight) as adjusted_share,
    from month_role_skill as mrs
    inner join month_role_totals as t using (month, role)
    inner join role_weights as w using (role)
    inner join month_present_weight as pw using (month)
    group by all
),

final as (
    select
        m.month,
        u.skill_slug,
        coalesce(s.name, u.skill_slug) as skill_name,
        coalesce(nd.n_new, 0) as n_new,
        coalesce(nn.k_new, 0) as k_new,
        round(100.0 * coalesce(nn.k_new, 0) / nullif(nd.n_new, 0), 2) as share_new_pct,
        coalesce(ld.n_live, 0) as n_live,
        coalesce(ln.k_live, 0) as k_live,
        round(100.0 * coalesce(ln.k_live, 0) / nullif(ld.n_live, 0), 2) as share_live_pct,
        round(
            100.0 * case when nd.n_new > 0 then coalesce(a.adjusted_share, 0) end, 2
        ) as adjusted_share_pct,
        m.month > coalesce(b.last_complete_month, m.month) as is_partial,
        m.month < coalesce(b.first_crawl_month, m.month) as is_backfill,
    from months as m
    cross join bounds as b
    cross join skill_universe as u
    left join new_denominator as nd on nd.month = m.month
    left join new_numerator as nn on nn.month = m.month and nn.skill_no = u.skill_no
    left join live_denominator as ld on ld.month = m.month
    left join live_numerator as ln on ln.month = m.month and ln.skill_no = u.skill_no
    left join adjusted as a on a.month = m.month and a.skill_no = u.skill_no
    left join skills as s on s.slug = u.skill_slug
    order by m.month, u.skill_slug
)

select * from final
