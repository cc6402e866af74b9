-- fct_skill_premium: within role x seniority group, median annual salary of postings that
-- mention a skill vs those that do not; only where both sides have >= $min_premium_n salaries
-- (the 40 most mentioned skills of each cell).
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags, $min_premium_n
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

usable_salaries as (
    select
        posting_id,
        annual_mid_usd,
    from salaries
    where
        annual_mid_usd is not null
        and ($include_estimates::boolean or not coalesce(is_estimate, false))
        -- quality flags (min>max, implausible, not base pay) drop a salary; informational
        -- ones (approximate, open upper bound, inferred magnitude) do not
        and not list_has_any(coalesce(flags, []), $excluded_flags::varchar[])
    qualify row_number() over (partition by posting_id order by is_estimate, annual_mid_usd) = 1
),

salaried_postings as (
    select
        p.posting_id,
        p.role,
        case
            when p.seniority in ('intern', 'entry') then 'Entry'
            when p.seniority = 'mid' then 'Mid'
            when p.seniority in ('senior', 'staff_plus') then 'Senior'
            else 'Unknown'
        end as seniority_group,
        s.annual_mid_usd,
    from report_postings as p
    inner join usable_salaries as s using (posting_id)
),

posting_skills as (
    select s.posting_id, s.skill_slug
    from report_posting_skills as s
    semi join salaried_postings as p using (posting_id)
),

-- only skills that can pass the n filter, and at most the 40 most mentioned per cell: the
-- with/without split joins every salaried posting of a cell to each of its skills
cell_skills as (
    select
        p.role,
        p.seniority_group,
        s.skill_slug,
    from posting_skills as s
    inner join salaried_postings as p using (posting_id)
    group by p.role, p.seniority_group, s.skill_slug
    having count(*) >= $min_premium_n::integer
    qualify row_number() over (
        partition by p.role, p.seniority_group order by count(*) desc, s.skill_slug
    ) <= 40
),

labelled as (
    select
        c.role,
        c.seniority_group,
        c.skill_slug,
        p.annual_mid_usd,
        k.posting_id is not null as has_skill,
    from cell_skills as c
    inner join salaried_postings as p using (role, seniority_group)
    left join posting_skills as k
        on k.posting_id = p.posting_id and k.skill_slug = c.skill_slug
),

premiums as (
    select
        role,
        seniority_group,
        skill_slug,
        count(*) filter (where has_skill) as n_with,
        count(*) filter (where not has_skill) as n_without,
        median(annual_mid_usd) filter (where has_skill) as median_with,
        median(annual_mid_usd) filter (where not has_skill) as median_without,
    from labelled
    group by all
    having
        count(*) filter (where has_skill) >= $min_premium_n::integer
        and count(*) filter (where not has_skill) >= $min_premium_n::integer
),

final as (
    select
        p.role,
        p.seniority_group,
        p.skill_slug,
        coalesce(s.name, p.skill_slug) as skill_name,
        p.n_with,
        p.n_without,
        round(p.median_with)::bigint as median_with_usd,
        round(p.median_without)::bigint as median_without_usd,
        round(p.median_with - p.median_without)::bigint as premium_usd,
        round(100.0 * (p.median_with / p.median_without - 1), 1) as premium_pct,
    from premiums as p
    left join skills as s on s.slug = p.skill_slug
    order by p.role, p.seniority_group, premium_pct desc, p.skill_slug
)

select * from final
