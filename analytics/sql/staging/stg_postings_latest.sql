-- batch lake rows collapsed to one row per posting_id: newest content, batch first/last seen.
with

batch as (
    select * from batch_latest
),

final as (
    select
        posting_id,
        source,
        board,
        source_id,
        url,
        apply_url,
        title,
        company,
        locations,
        country_codes,
        workplace_type,
        employment_type,
        department,
        posted_at,
        updated_at,
        salary_text,
        content_hash,
        first_seen_at,
        last_seen_at,
        last_run_id,
    from batch
)

select * from final
