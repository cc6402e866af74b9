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
-- Frequent skills get small dense numbers (1..1023, not the 8-byte hash) for the lists below;
-- the pair code below is exact only below 1024 (the taxonomy holds ~415 skills), so more
-- frequent skills stop the report rather than merge pairs.
skill_numbers as (
    select
        skill_no,
        case
            when count(*) over () < 1024 then row_number() over (order by skill_no)
            else error('fct_skill_cooccurrence: 1024 or more frequent skills; widen the pair code')
        end::usmallint as sk,
    from skill_counts
    where n_skill >= $min_pair_support::integer
),

-- each posting's frequent skills as one list: its pairs are the list's elements i < j, made
-- in order (~24M at 1M postings). A self-join of the (posting, skill) rows by posting walked
-- every posting's m x m matches (~50M) through a 7M-row hash table to keep them: ~1.5x the time.
posting_lists as (
    select list(n.sk) as sks,
    from posting_skills as s
    inner join skill_numbers as n on n.skill_no = s.skill_no
    group by s.posting_no
    having count(*) >= 2
),

-- pairs counted as they come out of the lists (either skill first), one integer per pair:
-- first * 1024 + second, below 2^20. The `% 2^20` changes no value but gives DuckDB the
-- code's range, so it counts the ~24M pairs in a directly indexed array instead of a hash
-- table (with the perfect_ht_threshold analytics.reports.mart_settings sets for this mart:
-- ~25% of the mart's time at 1M postings). The two orders of a pair are added up below.
-- first * 1024 is computed once per first skill (~6M), not once per pair (~24M): ~0.1 CPU-s.
ordered_pair_counts as (
    select pair, count(*) as n,
    from (
        select (first + unnest(sks[i + 1:])) % 1048576 as pair,
        from (
            select sks, i, sks[i]::uinteger * 1024 as first,
            from (select sks, unnest(range(1, len(sks))) as i, from posting_lists)
        )
    )
    group by pair
),

pair_counts as (
    select
        na.skill_no as no_a,
        nb.skill_no as no_b,
        pk.n_pair,
    from (
        select
            least(pair // 1024, pair % 1024) as sk_a,
            greatest(pair // 1024, pair % 1024) as sk_b,
            sum(n)::bigint as n_pair,
        from ordered_pair_counts
        group by all
        having sum(n) >= $min_pair_support::integer
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
