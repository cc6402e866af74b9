-- skill mentions of the batch, one row per (posting_id, skill_slug, start_char).
with

batch as (
    select * from batch_skill_mentions
),

final as (
    select
        posting_id,
        skill_slug,
        matched_text,
        start_char,
        end_char,
        section,
        sentence,
        content_hash,
        taxonomy_version,
    from batch
    where skill_slug is not null and start_char is not null
)

select * from final
