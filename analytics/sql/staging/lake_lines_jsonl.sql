-- lake_lines_jsonl: the rows of one lake JSONL file ($path), read by DuckDB's JSON reader
-- (parallel, no Python per row). One row per non-blank line: a torn, corrupt, non-object or
-- invalid-UTF-8 line, or keys that are not non-empty strings (source_id may be a whole number,
-- the rule of pipelines.lake_read), gives a row with null keys, which the caller counts and
-- hands to that reader to name (analytics.staging.stage_lake_file). Typed by stg_lake_file.
-- Each key is unquoted (->>) and typed (json_type) once: both parse its JSON text again.
with lines as (
    select * replace (
            source ->> '$' as source, board ->> '$' as board, source_id ->> '$' as source_id
        ),
        json_type(source) = 'VARCHAR' and json_type(board) = 'VARCHAR'
        and json_type(source_id) in ('VARCHAR', 'BIGINT', 'UBIGINT') as typed
    from read_json(
    $path,
    format = 'newline_delimited',
    ignore_errors = true,
    maximum_object_size = 67108864,
    columns = {
        source: 'json', board: 'json', source_id: 'json', posting_id: 'varchar',
        run_id: 'varchar', fetched_at: 'varchar', url: 'varchar', apply_url: 'varchar',
        title: 'varchar', company: 'varchar', locations: 'varchar[]',
        country_codes: 'varchar[]', workplace_type: 'varchar', workplace_raw: 'varchar',
        employment_type: 'varchar', department: 'varchar', posted_at: 'varchar',
        updated_at: 'varchar', description_html: 'varchar', description_text: 'varchar',
        salary_raw: 'json', salary_text: 'varchar', content_hash: 'varchar'
    }
    )
),

keyed as (
    select *, typed and source <> '' and board <> '' and source_id <> '' as keyed
    from lines
)

select * exclude (typed, keyed) replace (
    if(keyed, source, null) as source,
    if(keyed, board, null) as board,
    if(keyed, source_id, null) as source_id
)
from keyed
