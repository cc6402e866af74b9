-- postings whose current content has no extraction yet (new, changed, or never extracted),
-- with the raw fields the extractor reads.
with

core as (
    select * from postings_core
),

raw as (
    select * from raw_postings
),

extracted as (
    select * from extractions
),

final as (
    select
        core.posting_id,
        core.content_hash,
        raw.source,
        raw.title,
        raw.company,
        raw.locations,
        raw.posted_at,
        raw.description_html,
        raw.description_text,
        raw.salary_raw,
        raw.salary_text,
    from core
    inner join raw
        on raw.posting_id = core.posting_id
        and raw.content_hash = core.content_hash
    left join extracted
        on extracted.posting_id = core.posting_id
        and extracted.content_hash = core.content_hash
    where extracted.posting_id is null
)

select * from final
