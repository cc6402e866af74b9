-- fct_role_fingerprints: skills that distinguish each role: share in the role vs share in all
-- other roles, smoothed log-odds ratio (+0.5) and its z; top $top_n per role among skills
-- mentioned by >= $min_cell_n postings of the role.
-- params: $since, $until, $roles, $sources, $countries, $top_n, $min_cell_n
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

posting_skills as (
    select posting_no, skill_no from report_posting_skills
),

total as (
    select count(*) as n_all from report_postings
),

role_totals as (
    select
        role,
        count(*) as n_role,
    from report_postings
    group by all
),

skill_totals as (
    select
        skill_no,
        count(*) as k_all,
    from posting_skills
    group by all
),

role_skill as (
    select
        p.role,
        s.skill_no,
        count(*) as k_role,
    from posting_skills as s
    inner join report_postings as p using (posting_no)
    group by all
),

contrasts as (
    select
        rs.role,
        k.skill_slug,
        rs.k_role,
        rt.n_role,
        st.k_all - rs.k_role as k_other,
        t.n_all - rt.n_role as n_other,
    from role_skill as rs
    inner join role_totals as rt using (role)
    inner join skill_totals as st using (skill_no)
    inner join report_skills as k using (skill_no)
    cross join total as t
    where rs.k_role >= $min_cell_n::integer
),

scored as (
    select
        *,
        ln((k_role + 0.5) / (n_role - k_role + 0.5))
            - ln((k_other + 0.5) / (n_other - k_other + 0.5)) as log_odds,
        sqrt(
            1 / (k_role + 0.5) + 1 / (n_role - k_role + 0.5)
            + 1 / (k_other + 0.5) + 1 / (n_other - k_other + 0.5)
        ) as log_odds_se,
    from contrasts
),

final as (
    select
        c.role,
        row_number() over (
            partition by c.role order by c.log_odds desc, c.skill_slug
        ) as skill_rank,
        c.skill_slug,
        coalesce(s.name, c.skill_slug) as skill_name,
        c.k_role,
        c.n_role,
        round(100.0 * c.k_role / c.n_role, 1) as share_in_role_pct,
        c.k_other,
        c.n_other,
        round(100.0 * c.k_other / nullif(c.n_other, 0), 1) as share_in_others_pct,
        round(c.log_odds, 3) as log_odds,
        round(c.log_odds / c.log_odds_se, 2) as log_odds_z,
    from scored as c
    left join skills as s on s.slug = c.skill_slug
    -- a fingerprint is what the role over-asks for: only positive log-odds
    where c.log_odds > 0
    qualify skill_rank <= $top_n::integer
    order by c.role, skill_rank
)

select * from final
