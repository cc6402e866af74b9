-- fct_role_convergence: cosine similarity, per quarter, between the skill-share vector of
-- $focus_role and each other AI role (roles.is_ai_role); null when either side has fewer
-- than $min_convergence_n postings in the quarter.
-- params: $since, $until, $roles, $sources, $countries, $focus_role, $min_convergence_n
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

ai_roles as (
    select slug as role from roles where is_ai_role
),

posting_skills as (
    select posting_no, skill_no from report_posting_skills
),

-- each (quarter, role) cell numbered (a few dozen): the pairs below are counted by the cell's
-- integer instead of by (quarter date, role string, skill), ~0.2 s less at 1M postings
quarter_role_totals as (
    select
        quarter_start,
        role,
        count(*) as n_role,
        row_number() over (order by quarter_start, role) as cell,
    from report_postings
    where role in (select role from ai_roles) or role = $focus_role::varchar
    group by quarter_start, role
),

cell_skill_counts as (
    select pc.cell, s.skill_no, count(*) as n,
    from posting_skills as s
    inner join (
        select p.posting_no, t.cell,
        from report_postings as p
        inner join quarter_role_totals as t using (quarter_start, role)
    ) as pc using (posting_no)
    group by pc.cell, s.skill_no
),

shares as (
    select
        t.quarter_start,
        t.role,
        c.skill_no,
        c.n / t.n_role as share,
    from cell_skill_counts as c
    inner join quarter_role_totals as t using (cell)
),

norms as (
    select
        quarter_start,
        role,
        sqrt(sum(share * share)) as norm,
    from shares
    group by all
),

pairs as (
    select
        t.quarter_start,
        t.role,
        t.n_role,
        f.n_role as n_focus,
    from quarter_role_totals as t
    inner join quarter_role_totals as f
        on f.quarter_start = t.quarter_start and f.role = $focus_role::varchar
    where t.role <> $focus_role::varchar
),

dots as (
    select
        o.quarter_start,
        o.role,
        sum(o.share * f.share) as dot,
    from shares as o
    inner join shares as f
        on f.quarter_start = o.quarter_start
        and f.skill_no = o.skill_no
        and f.role = $focus_role::varchar
    where o.role <> $focus_role::varchar
    group by all
),

final as (
    select
        p.quarter_start,
        $focus_role::varchar as focus_role,
        p.role,
        p.n_focus,
        p.n_role,
        case
            when p.n_focus >= $min_convergence_n::integer
                and p.n_role >= $min_convergence_n::integer
                then round(coalesce(d.dot, 0) / nullif(nf.norm * nr.norm, 0), 3)
        end as cosine_similarity,
    from pairs as p
    left join dots as d using (quarter_start, role)
    left join norms as nr on nr.quarter_start = p.quarter_start and nr.role = p.role
    left join norms as nf
        on nf.quarter_start = p.quarter_start and nf.role = $focus_role::varchar
    order by p.role, p.quarter_start
)

select * from final
