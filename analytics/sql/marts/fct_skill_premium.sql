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
    -- one row per posting: the salaries view's grain (data test unique_salaries_posting_id)
    from salaries
    where
        annual_mid_usd is not null
        and ($include_estimates::boolean or not coalesce(is_estimate, false))
        -- quality flags (min>max, implausible, not base pay) drop a salary; informational
        -- ones (approximate, open upper bound, inferred magnitude) do not
        and not list_has_any(coalesce(flags, []), $excluded_flags::varchar[])
),

salaried_postings as (
    select
        p.posting_no,
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
    select s.posting_no, s.skill_no, s.skill_slug
    from report_posting_skills as s
    semi join salaried_postings as p using (posting_no)
),

-- only skills that can pass the n filter, and at most the 40 most mentioned per cell: the
-- with/without split joins every salaried posting of a cell to each of its skills
cell_skills as (
    select
        p.role,
        p.seniority_group,
        s.skill_no,
        any_value(s.skill_slug) as skill_slug,
    from posting_skills as s
    inner join salaried_postings as p using (posting_no)
    group by p.role, p.seniority_group, s.skill_no
    having count(*) >= $min_premium_n::integer
    qualify row_number() over (
        partition by p.role, p.seniority_group order by count(*) desc, any_value(s.skill_slug)
    ) <= 40
),

-- medians from counts per distinct salary: a posting's "without" side is the cell minus its
-- "with" side, so no (skill x posting) rows are built (cost follows distinct salaries per cell)
cell_values as (
    select
        role,
        seniority_group,
        annual_mid_usd as salary,
        count(*) as n_all,
    from salaried_postings
    group by all
),

with_values as (
    select
        c.role,
        c.seniority_group,
        c.skill_no,
        p.annual_mid_usd as salary,
        count(*) as n_with,
    from cell_skills as c
    inner join posting_skills as k on k.skill_no = c.skill_no
    inner join salaried_postings as p
        on p.posting_no = k.posting_no
        and p.role = c.role
        and p.seniority_group = c.seniority_group
    group by all
),

split_values as (
    select
        c.role,
        c.seniority_group,
        c.skill_no,
        v.salary,
        coalesce(w.n_with, 0) as n_with,
        v.n_all - coalesce(w.n_with, 0) as n_without,
    from cell_skills as c
    inner join cell_values as v using (role, seniority_group)
    left join with_values as w using (role, seniority_group, skill_no, salary)
),

running as (
    select
        *,
        sum(n_with) over cell_skill_by_salary as cum_with,
        sum(n_without) over cell_skill_by_salary as cum_without,
        sum(n_with) over cell_skill as total_with,
        sum(n_without) over cell_skill as total_without,
    from split_values
    window
        cell_skill as (partition by role, seniority_group, skill_no),
        cell_skill_by_salary as (
            partition by role, seniority_group, skill_no
            order by salary
            rows between unbounded preceding and current row
        )
),

premiums as (
    -- the median is the mean of the values at 0-based ranks (n-1)//2 and n//2 (= median())
    select
        role,
        seniority_group,
        skill_no,
        any_value(total_with)::bigint as n_with,
        any_value(total_without)::bigint as n_without,
        (
            min(salary) filter (where n_with > 0 and cum_with > (total_with - 1) // 2)
            + min(salary) filter (where n_with > 0 and cum_with > total_with // 2)
        ) / 2 as median_with,
        (
            min(salary) filter (where n_without > 0 and cum_without > (total_without - 1) // 2)
            + min(salary) filter (where n_without > 0 and cum_without > total_without // 2)
        ) / 2 as median_without,
    from running
    group by all
    having
        any_value(total_with) >= $min_premium_n::integer
        and any_value(total_without) >= $min_premium_n::integer
),

final as (
    select
        p.role,
        p.seniority_group,
        c.skill_slug,
        coalesce(s.name, c.skill_slug) as skill_name,
        p.n_with,
        p.n_without,
        round(p.median_with)::bigint as median_with_usd,
        round(p.median_without)::bigint as median_without_usd,
        round(p.median_with - p.median_without)::bigint as premium_usd,
        round(100.0 * (p.median_with / p.median_without - 1), 1) as premium_pct,
    from premiums as p
    inner join cell_skills as c using (role, seniority_group, skill_no)
    left join skills as s on s.slug = c.skill_slug
    order by p.role, p.seniority_group, premium_pct desc, c.skill_slug
)

select * from final
