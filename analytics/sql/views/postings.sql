-- one row per posting sighting (posting_id = source:board:source_id), with its latest extraction;
-- cross-source copies share dup_group_id (use postings_dedup to count each job once).
with

core as (
    select * from postings_core
),

extracted as (
    select * from extractions
),

salary_postings as (
    select posting_id from salaries_core
),

final as (
    select
        core.posting_id,
        core.source,
        core.board,
        core.source_id,
        core.url,
        core.company,
        core.title,
        extracted.role,
        extracted.role_confidence,
        extracted.role_provenance,
        extracted.seniority,
        extracted.seniority_confidence,
        extracted.seniority_provenance,
        core.locations,
        coalesce(core.country_codes[1], extracted.country_code) as country_code,
        case
            when core.country_codes[1] is not null then 'source'
            else extracted.country_provenance
        end as country_provenance,
        core.workplace_type,
        core.posted_at,
        cast(date_trunc('month', coalesce(core.posted_at, core.first_seen_at)) as date) as posted_month,
        core.first_seen_at,
        core.last_seen_at,
        core.closed_at,
        core.is_open,
        core.content_hash,
        extracted.taxonomy_version,
        salary_postings.posting_id is not null as has_salary,
        coalesce(core.dup_group_id, core.posting_id) as dup_group_id,
    from core
    left join extracted on extracted.posting_id = core.posting_id
    left join salary_postings on salary_postings.posting_id = core.posting_id
)

select * from final
