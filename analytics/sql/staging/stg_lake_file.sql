-- stg_lake_file: lake rows (the relation lake_lines, from lake_lines_jsonl or
-- lake_lines_parquet) typed as the load_batch staging rows. Same columns and types as
-- analytics.frames.postings_frame; $run_id fills a missing run_id.
with

typed as (
    select
        coalesce(posting_id, source || ':' || board || ':' || source_id) as posting_id,
        content_hash,
        coalesce(run_id, $run_id::varchar) as run_id,
        try_cast(fetched_at as timestamptz) at time zone 'UTC' as fetched_at,
        source,
        board,
        source_id,
        url,
        apply_url,
        title,
        company,
        coalesce(locations, []) as locations,
        coalesce(country_codes, []) as country_codes,
        workplace_type,
        workplace_raw,
        employment_type,
        department,
        try_cast(posted_at as timestamptz) at time zone 'UTC' as posted_at,
        try_cast(updated_at as timestamptz) at time zone 'UTC' as updated_at,
        description_html,
        description_text,
        salary_raw::varchar as salary_raw,
        salary_text,
    from lake_lines
)

select
    *,
    coalesce(
        fetched_at,
        try_strptime(left(run_id, 16), '%Y%m%dT%H%M%SZ'),
        date_trunc('second', now() at time zone 'UTC')
    ) as seen_at,
from typed
