-- lake_lines_parquet: the rows of Parquet lake files ($files: one partition's parts), read in
-- place; run_id and source come from the hive path (run_id=<id>/source=<kind>/part-*.parquet).
-- Same columns as lake_lines_jsonl (the Parquet copy keeps no posting_id: it is derived).
-- Typed by stg_lake_file.
select
    source,
    board,
    source_id,
    null::varchar as posting_id,
    run_id,
    fetched_at,
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
    json(salary_raw) as salary_raw,  -- minified like the JSON reader's json column
    salary_text,
    content_hash,
from read_parquet(
    $files,
    hive_partitioning = true,
    hive_types = {'run_id': varchar, 'source': varchar}
)
where source is not null and board is not null and source_id is not null
