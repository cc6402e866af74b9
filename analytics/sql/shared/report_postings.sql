-- report_postings: the postings every report mart starts from, filtered by the report
-- parameters, with cross-board duplicates counted once (the earliest-seen member of each group).
-- A job is deduplicated before the date, role and country filters (among the sightings of the
-- kept sources): it counts in the month it was first posted, with its first sighting's role,
-- whatever the filters; the view report_salaries chooses the same sighting.
-- Prepended by analytics.reports.context.run_mart as the `report_postings` CTE of each mart.
-- params: $since, $until, $roles, $sources, $countries
with

-- read three times below: built once (DuckDB would inline it, and join the postings to their
-- extractions three times, when the lean postings read is cheap enough to look inlinable)
filtered as materialized (
    select
        posting_id,
        coalesce(role, 'unknown') as role,
        seniority,
        -- the report's seniority grouping (as views/report_salaries.sql, where pay flagged
        -- as an internship also makes an Intern): interns form their own band, not Entry
        case
            when seniority = 'intern' then 'Intern'
            when seniority = 'entry' then 'Entry'
            when seniority = 'mid' then 'Mid'
            when seniority in ('senior', 'staff_plus') then 'Senior'
            else 'Unknown'
        end as seniority_group,
        country_code,
        source,
        coalesce(posted_at, first_seen_at)::date as posted_date,
        coalesce(posted_month, date_trunc('month', first_seen_at)::date) as activity_month,
        date_trunc(
            'quarter', coalesce(posted_month, date_trunc('month', first_seen_at)::date)
        )::date as quarter_start,
        coalesce(posted_at, first_seen_at)::date as start_date,
        -- null end = still open; a closed posting without closed_at ends when last seen
        coalesce(closed_at, case when not is_open then last_seen_at end)::date as end_date,
        is_open,
        -- an integer key for this report run: marts join on it instead of the string id
        -- (a 64-bit hash; materialise_shared checks it is unique before any mart reads it)
        hash(posting_id) as posting_no,
        coalesce(dup_group_id::varchar, posting_id::varchar) as dup_key,
        first_seen_at,
    from postings
    where $sources::varchar[] is null or list_contains($sources::varchar[], source)
),

-- groups some posting joined (a duplicate names another posting's id); every other posting
-- is alone in its group (its key is its own id): only these groups need the aggregate below
joined_groups as (
    select distinct dup_key,
    from filtered
    where dup_key <> posting_id
),

kept as (
    -- one posting per duplicate group: the earliest seen, ties by id (a hash aggregate over
    -- the groups; a window sorting every posting by group cost ~25% more at 1M)
    select arg_min(f.posting_no, (f.first_seen_at, f.posting_id)) as posting_no,
    from filtered as f
    semi join joined_groups using (dup_key)
    group by f.dup_key
)

select filtered.* exclude (dup_key, first_seen_at),
from filtered
where
    (
        filtered.dup_key not in (select dup_key from joined_groups)
        or filtered.posting_no in (select posting_no from kept)
    )
    and ($since::date is null or posted_date >= $since::date)
    and ($until::date is null or posted_date <= $until::date)
    and ($roles::varchar[] is null or list_contains($roles::varchar[], role))
    and ($countries::varchar[] is null or list_contains($countries::varchar[], country_code))
