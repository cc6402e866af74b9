-- one extraction per posting from the batch (already deduplicated in Polars).
with

batch as (
    select * from batch_extractions
),

final as (
    select
        posting_id,
        content_hash,
        taxonomy_version,
        role,
        role_confidence,
        role_provenance,
        seniority,
        seniority_confidence,
        seniority_provenance,
        country_code,
        country_provenance,
        skill_count,
        extracted_at,
    from batch
)

select * from final
