-- fct_skill_cooccurrence: skill pairs mentioned in the same posting, with support and lift
-- (lift = P(a and b) / (P(a) P(b)) over all filtered postings). Pairs below
-- $min_pair_support postings are dropped; top $top_n by lift.
-- params: $since, $until, $roles, $sources, $countries, $min_pair_support, $top_n
-- report_postings (filtered, deduplicated) comes from shared/report_postings.sql
with

posting_skills as (
    select posting_no, skill_no from report_posting_skills
),

total as (
    select count(*) as n_postings from report_postings
),

skill_counts as (
    select c.skill_no, k.skill_slug, c.n_skill,
    from (
        select skill_no, count(*) as n_skill,
        from posting_skills
        group by skill_no
    ) as c
    inner join report_skills as k using (skill_no)
),

-- a pair can reach $min_pair_support only if both skills do: rarer skills never pair up.
-- Frequent skills get small dense numbers (2 bytes, not the 8-byte hash): the self-join below
-- builds and probes ~7M rows and groups ~24M pairs at 1M postings, on half the bytes.
skill_numbers as (
    select
        skill_no,
        (row_number() over (order by skill_no))::usmallint as sk,
    from skill_counts
    where n_skill >= $min_pair_support::integer
),

frequent_skills as (
    select s.posting_no, n.sk
    from posting_skills as s
    inner join skill_numbers as n on n.skill_no = s.skill_no
),

pair_counts as (
    select
        na.skill_no as no_a,
        nb.skill_no as no_b,
        pk.n_pair,
    from (
        select a.sk as sk_a, b.sk as sk_b, count(*) as n_pair,
        from frequent_skills as a
        inner join frequent_skills as b
            on a.posting_no = b.posting_no and a.sk < b.sk
        group by all
        having count(*) >= $min_pair_support::integer
    ) as pk
    inner join skill_numbers as na on na.sk = pk.sk_a
    inner join skill_numbers as nb on nb.sk = pk.sk_b
),

pairs as (
    -- skill numbers are hashes: name each pair in slug order
    select
        least(ca.skill_slug, cb.skill_slug) as skill_a,
        greatest(ca.skill_slug, cb.skill_slug) as skill_b,
        pc.n_pair,
    from pair_counts as pc
    inner join skill_counts as ca on ca.skill_no = pc.no_a
    inner join skill_counts as cb on cb.skill_no = pc.no_b
),

final as (
    select
        p.skill_a,
        p.skill_b,
        p.n_pair,
        ca.n_skill as n_a,
        cb.n_skill as n_b,
        t.n_postings,
        round(100.0 * p.n_pair / t.n_postings, 2) as support_pct,
        round(100.0 * p.n_pair / ca.n_skill, 1) as pct_of_a_with_b,
        round(100.0 * p.n_pair / cb.n_skill, 1) as pct_of_b_with_a,
        round(p.n_pair * t.n_postings / (ca.n_skill * cb.n_skill), 2) as lift,
    from pairs as p
    cross join total as t
    inner join skill_counts as ca on ca.skill_slug = p.skill_a
    inner join skill_counts as cb on cb.skill_slug = p.skill_b
    order by lift desc, p.n_pair desc, p.skill_a, p.skill_b
    limit $top_n::integer
)

select * from final
