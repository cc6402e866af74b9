-- fct_report_coverage: one row of n and coverage under the report filters.
-- params: $since, $until, $roles, $sources, $countries, $include_estimates, $excluded_flags
with

report_postings as (
    select
        posting_id,
        coalesce(posted_at, first_seen_at)::date as posted_date,
        is_open,
    from postings
    where
        ($since::date is null or coalesce(posted_at, first_seen_at)::date >= $since::date)
        and ($until::date is null or coalesce(posted_at, first_seen_at)::date <= $until::date)
        and ($roles::varchar[] is null or list_contains($roles::varchar[], role))
        and ($sources::varchar[] is null or list_contains($sources::varchar[], source))
        and ($countries::varchar[] is null or list_contains($countries::varchar[], country_code))
    -- cross-board duplicates count once: keep the earliest-seen member of each dup group
    qualify row_number() over (
        partition by coalesce(dup_group_id::varchar, posting_id::varchar)
        order by first_seen_at, posting_id
    ) = 1
),

usable_salaries as (
    select distinct posting_id,
    from salaries
    where
        annual_mid_usd is not null
        and ($include_estimates::boolean or not coalesce(is_estimate, false))
        -- quality flags (min>max, implausible, not base pay) drop a salary; informational
        -- ones (approximate, open upper bound, inferred magnitude) do not
        and not list_has_any(coalesce(flags, []), $excluded_flags::varchar[])
),

skilled_postings as (
    select distinct posting_id,
    from skill_mentions
),

final as (
    select
        count(*) as n_postings,
        count(*) filter (where p.is_open) as n_open,
        count(k.posting_id) as n_with_skills,
        count(s.posting_id) as n_with_salary,
        min(p.posted_date) as first_date,
        max(p.posted_date) as last_date,
    from report_postings as p
    left join skilled_postings as k using (posting_id)
    left join usable_salaries as s using (posting_id)
)

select * from final
