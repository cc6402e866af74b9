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

-- each role x seniority group x country cell gets a small integer: the splits below join,
-- group and sort on it (and the skill's integer), not on three strings
cells as (
    select
        role,
        seniority_group,
        country_code,
        (row_number() over ())::integer as cell_no,
        count(*) as n_cell,
    from salaried_postings
    group by all
),

cell_salaries as (
    select p.posting_no, c.cell_no, p.annual_mid_usd as salary,
    from salaried_postings as p
    inner join cells as c using (role, seniority_group, country_code)
),

skill_names as (
    select skill_no, skill_slug, from report_skills
),

posting_skills as (
    select s.skill_no, p.cell_no, p.salary,
    from report_posting_skills as s
    inner join cell_salaries as p using (posting_no)
),

-- only skills that can pass the n filter, and at most the 40 most mentioned per cell
cell_skills as (
    select
        k.cell_no,
        k.skill_no,
        n.skill_slug,
        k.total_with,
    from (
        select cell_no, skill_no, count(*) as total_with,
        from posting_skills
        group by all
        having count(*) >= $min_premium_n::integer
    ) as k
    inner join skill_names as n using (skill_no)
    qualify row_number() over (
        partition by k.cell_no order by k.total_with desc, n.skill_slug
    ) <= 40
),

-- medians from counts per distinct salary, so no (skill x posting) rows are built: a
-- posting's "without" side is the cell minus its "with" side. The median is the mean of the
-- values at 0-based ranks (n-1)//2 and n//2 (= median()); a rank's value is the first salary
-- whose running count passes it.
cell_values as (
    select
        cell_no,
        salary,
        (sum(count(*)) over (
            partition by cell_no order by salary rows between unbounded preceding and current row
        ))::bigint as cum_all,
    from cell_salaries
    group by cell_no, salary
),

sides as (
    select
        c.cell_no,
        c.skill_no,
        c.total_with,
        cl.n_cell - c.total_with as total_without,
    from cell_skills as c
    inner join cells as cl using (cell_no)
),

with_values as (
    select k.cell_no, k.skill_no, k.salary, count(*) as n_with,
    from posting_skills as k
    semi join cell_skills as c using (cell_no, skill_no)
    group by all
),

-- the "with" side's running count at each of its salaries and its next salary
with_running as (
    select
        cell_no,
        skill_no,
        salary,
        (sum(n_with) over (
            partition by cell_no, skill_no order by salary
            rows between unbounded preceding and current row
        ))::bigint as cum_with,
        lead(salary) over (partition by cell_no, skill_no order by salary) as next_salary,
    from with_values
),

median_with as (
    select
        w.cell_no,
        w.skill_no,
        (
            min(w.salary) filter (where w.cum_with > (s.total_with - 1) // 2)
            + min(w.salary) filter (where w.cum_with > s.total_with // 2)
        ) / 2 as median_with,
    from with_running as w
    inner join sides as s using (cell_no, skill_no)
    group by all
),

-- the "without" side's running count is the cell's minus the "with" side's, which is constant
-- from one "with" salary to the next: in each such stretch (and the one below the first) the
-- first cell salary where the cell's count passes rank + that constant is where the
-- "without" count passes the rank, if that salary is still inside the stretch
stretches as (
    select cell_no, skill_no, null::double as from_salary, 0::bigint as cum_with,
        min(salary) as next_salary,
    from with_values
    group by cell_no, skill_no
    union all
    select cell_no, skill_no, salary, cum_with, next_salary,
    from with_running
),

rank_targets as (
    select
        x.cell_no,
        x.skill_no,
        x.from_salary,
        x.next_salary,
        r.rank_no,
        x.cum_with + case when r.rank_no = 1 then (s.total_without - 1) // 2
            else s.total_without // 2 end as target,
    from stretches as x
    inner join sides as s using (cell_no, skill_no)
    cross join (values (1), (2)) as r(rank_no)
    where s.total_without > 0
),

without_candidates as (
    select
        t.cell_no,
        t.skill_no,
        t.rank_no,
        greatest(v.salary, coalesce(t.from_salary, v.salary)) as salary,
        t.next_salary,
    from rank_targets as t
    asof inner join cell_values as v on v.cell_no = t.cell_no and t.target < v.cum_all
),

median_without as (
    select
        cell_no,
        skill_no,
        (min(salary) filter (where rank_no = 1) + min(salary) filter (where rank_no = 2))
        / 2 as median_without,
    from without_candidates
    where next_salary is null or salary < next_salary
    group by all
),

premiums as (
    select
        s.cell_no,
        s.skill_no,
        s.total_with::bigint as n_with,
        s.total_without::bigint as n_without,
        w.median_with,
        wo.median_without,
    from sides as s
    inner join median_with as w using (cell_no, skill_no)
    left join median_without as wo using (cell_no, skill_no)
    where s.total_without >= $min_premium_n::integer
),

final as (
    select
        cl.role,
        cl.seniority_group,
        cl.country_code,
        c.skill_slug,
        coalesce(s.name, c.skill_slug) as skill_name,
        p.n_with,
        p.n_without,
        round(p.median_with)::bigint as median_with_usd,
        round(p.median_without)::bigint as median_without_usd,
        round(p.median_with - p.median_without)::bigint as premium_usd,
        round(100.0 * (p.median_with / p.median_without - 1), 1) as premium_pct,
    from premiums as p
    inner join cells as cl using (cell_no)
    inner join cell_skills as c using (cell_no, skill_no)
    left join skills as s on s.slug = c.skill_slug
    order by cl.role, cl.seniority_group, cl.country_code, premium_pct desc, c.skill_slug
)

select * from final
