-- one row per duplicate group (the same job seen on several sources counts once); columns of
-- `postings` for the representative sighting (ATS first, then JSON-LD, then aggregators, then
-- earliest seen), plus sighting_count and the sources it was seen on.
with

sightings as (
    select * from postings
),

ranked as (
    select
        *,
        case
            when source in ('greenhouse', 'lever', 'ashby', 'workable', 'smartrecruiters', 'recruitee') then 1
            when source = 'jsonld' then 2
            else 3
        end as source_rank,
    from sightings
),

group_stats as (
    select
        dup_group_id,
        count(*) as sighting_count,
        list(distinct source order by source) as sources,
    from sightings
    group by dup_group_id
),

representative as (
    select * exclude (source_rank)
    from ranked
    qualify row_number() over (
        partition by dup_group_id order by source_rank, first_seen_at, posting_id
    ) = 1
),

final as (
    select
        representative.*,
        group_stats.sighting_count,
        group_stats.sources,
    from representative
    inner join group_stats on group_stats.dup_group_id = representative.dup_group_id
)

select * from final
