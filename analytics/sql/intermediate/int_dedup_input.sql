-- the fields cross-source dedup compares, for every posting's current content.
with

core as (
    select * from postings_core
),

raw as (
    select * from raw_postings
),

final as (
    select
        core.posting_id,
        core.source,
        core.board,
        core.company,
        core.title,
        core.locations,
        core.workplace_type,
        core.first_seen_at,
        raw.description_text,
    from core
    left join raw
        on raw.posting_id = core.posting_id
        and raw.content_hash = core.content_hash
)

select * from final
