-- stg_lake_file: one lake JSONL file ($path) typed as the load_batch staging rows, read by
-- DuckDB's JSON reader (parallel, no Python per row). Torn or non-object lines (a crash
-- mid-write, junk) yield rows without keys and are dropped, as the line reader skips them.
-- Same columns and types as analytics.frames.postings_frame; $run_id fills a missing run_id.
with

lines as (
    select *
    from read_json(
        $path,
        format = 'newline_delimited',
        ignore_errors = true,
        maximum_object_size = 67108864,
        columns = {
            source: 'varchar', board: 'varchar', source_id: 'varchar', posting_id: 'varchar',
            run_id: 'varchar', fetched_at: 'varchar', url: 'varchar', apply_url: 'varchar',
            title: 'varchar', company: 'varchar', locations: 'varchar[]',
            country_codes: 'varchar[]', workplace_type: 'varchar', workplace_raw: 'varchar',
            employment_type: 'varchar', department: 'varchar', posted_at: 'varchar',
            updated_at: 'varchar', description_html: 'varchar', description_text: 'varchar',
            salary_raw: 'json', salary_text: 'varchar', content_hash: 'varchar'
        }
    )
    where source is not null and board is not null and source_id is not null
),

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
    from lines
)

select
    *,
    coalesce(
        fetched_at,
        try_strptime(left(run_id, 16), '%Y%m%dT%H%M%SZ'),
        date_trunc('second', now() at time zone 'UTC')
    ) as seen_at,
from typed
