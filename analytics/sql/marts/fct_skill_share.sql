-- fct_skill_share: per role, share of postings mentioning each skill; keeps the top $top_n
-- skills per role plus the headline skills of $focus_role (even at zero mentions).
-- params: $since, $until, $roles, $sources, $countries, $top_n, $focus_role, $headline_skills
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

posting_skills as (
    select posting_no, skill_no from report_posting_skills
),

skill_universe as (
    select slug as skill_slug from skills
    union
    select k.skill_slug
    from (select distinct skill_no from posting_skills)
    inner join report_skills as k using (skill_no)
    union
    select unnest($headline_skills::varchar[]) as skill_slug
),

role_totals as (
    select
        role,
        count(*) as n_postings,
    from report_postings
    group by role
),

role_skill_counts as (
    select
        c.role,
        k.skill_slug,
        c.n_mentioning,
    from (
        select p.role, s.skill_no, count(*) as n_mentioning,
        from posting_skills as s
        inner join report_postings as p using (posting_no)
        group by all
    ) as c
    inner join report_skills as k using (skill_no)
),

grid as (
    select
        t.role,
        t.n_postings,
        u.skill_slug,
        coalesce(c.n_mentioning, 0) as n_mentioning,
    from role_totals as t
    cross join skill_universe as u
    left join role_skill_counts as c using (role, skill_slug)
),

ranked as (
    select
        *,
        row_number() over (
            partition by role order by n_mentioning desc, skill_slug
        ) as skill_rank,
        role = $focus_role::varchar
            and list_contains($headline_skills::varchar[], skill_slug) as is_headline,
    from grid
),

final as (
    select
        r.role,
        r.skill_rank,
        r.skill_slug,
        coalesce(s.name, r.skill_slug) as skill_name,
        r.n_mentioning,
        r.n_postings,
        round(100.0 * r.n_mentioning / r.n_postings, 1) as share_pct,
        r.is_headline,
    from ranked as r
    left join skills as s on s.slug = r.skill_slug
    where (r.skill_rank <= $top_n::integer and r.n_mentioning > 0) or r.is_headline
    order by r.n_postings desc, r.role, r.skill_rank
)

select * from final
