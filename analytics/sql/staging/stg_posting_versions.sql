-- batch lake rows collapsed to one row per (posting_id, content_hash), typed like raw_postings.
with

batch as (
    select * from batch_versions
),

final as (
    select
        posting_id,
        content_hash,
        first_run_id as run_id,
        fetched_at,
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
        workplace_raw,
        employment_type,
        department,
        posted_at,
        updated_at,
        description_html,
        description_text,
        cast(salary_raw as json) as salary_raw,
        salary_text,
        first_seen_at,
        last_seen_at,
        first_run_id,
        last_run_id,
    from batch
)

select * from final
