-- fct_skill_premium: within role x seniority group x country, median annual salary of postings
-- that ask for a skill vs those that do not; only where both sides have >= $min_premium_n
-- salaries (the 40 most asked-for skills of each cell). Comparing within country keeps the
-- market out of the premium: a skill common where pay is high is not a premium by itself.
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags, $min_premium_n
-- report_salaries (usable salaries of the filtered, deduplicated postings) and
-- report_posting_skills come from shared/
with

salaried_postings as (
    select
        posting_no,
        role,
        seniority_group,
        coalesce(country_code, 'unknown') as country_code,
        annual_mid_usd,
    from report_salaries
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
        p.country_code,
        s.skill_no,
        any_value(s.skill_slug) as skill_slug,
    from posting_skills as s
    inner join salaried_postings as p using (posting_no)
    group by p.role, p.seniority_group, p.country_code, s.skill_no
    having count(*) >= $min_premium_n::integer
    qualify row_number() over (
        partition by p.role, p.seniority_group, p.country_code
        order by count(*) desc, any_value(s.skill_slug)
    ) <= 40
),

-- medians from counts per distinct salary: a posting's "without" side is the cell minus its
-- "with" side, so no (skill x posting) rows are built (cost follows distinct salaries per cell)
cell_values as (
    select
        role,
        seniority_group,
        country_code,
        annual_mid_usd as salary,
        count(*) as n_all,
    from salaried_postings
    group by all
),

with_values as (
    select
        c.role,
        c.seniority_group,
        c.country_code,
        c.skill_no,
        p.annual_mid_usd as salary,
        count(*) as n_with,
    from cell_skills as c
    inner join posting_skills as k on k.skill_no = c.skill_no
    inner join salaried_postings as p
        on p.posting_no = k.posting_no
        and p.role = c.role
        and p.seniority_group = c.seniority_group
        and p.country_code = c.country_code
    group by all
),

split_values as (
    select
        c.role,
        c.seniority_group,
        c.country_code,
        c.skill_no,
        v.salary,
        coalesce(w.n_with, 0) as n_with,
        v.n_all - coalesce(w.n_with, 0) as n_without,
    from cell_skills as c
    inner join cell_values as v using (role, seniority_group, country_code)
    left join with_values as w using (role, seniority_group, country_code, skill_no, salary)
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
        cell_skill as (partition by role, seniority_group, country_code, skill_no),
        cell_skill_by_salary as (
            partition by role, seniority_group, country_code, skill_no
            order by salary
            rows between unbounded preceding and current row
        )
),

premiums as (
    -- the median is the mean of the values at 0-based ranks (n-1)//2 and n//2 (= median())
    select
        role,
        seniority_group,
        country_code,
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
        p.country_code,
        c.skill_slug,
        coalesce(s.name, c.skill_slug) as skill_name,
        p.n_with,
        p.n_without,
        round(p.median_with)::bigint as median_with_usd,
        round(p.median_without)::bigint as median_without_usd,
        round(p.median_with - p.median_without)::bigint as premium_usd,
        round(100.0 * (p.median_with / p.median_without - 1), 1) as premium_pct,
    from premiums as p
    inner join cell_skills as c using (role, seniority_group, country_code, skill_no)
    left join skills as s on s.slug = c.skill_slug
    order by p.role, p.seniority_group, p.country_code, premium_pct desc, c.skill_slug
)

select * from final
