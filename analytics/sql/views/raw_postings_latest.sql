-- the current raw content of every posting (description text included), for curation and
-- ad-hoc checks of what the extractor read.
with

core as (
    select * from postings_core
),

versions as (
    select * from raw_postings
),

final as (
    select
        core.posting_id,
        core.source,
        core.board,
        core.company,
        core.title,
        core.posted_at,
        cast(date_trunc('month', coalesce(core.posted_at, core.first_seen_at)) as date) as posted_month,
        core.is_open,
        core.content_hash,
        versions.description_text,
        versions.salary_text,
        versions.salary_raw,
    from core
    inner join versions
        on versions.posting_id = core.posting_id
        and versions.content_hash = core.content_hash
)

select * from final
