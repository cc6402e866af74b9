-- lake_lines_jsonl: the rows of one lake JSONL file ($path), read by DuckDB's JSON reader
-- (parallel, no Python per row). Torn or non-object lines (a crash mid-write, junk) yield rows
-- without keys and are dropped, as the line reader skips them. Typed by stg_lake_file.
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
