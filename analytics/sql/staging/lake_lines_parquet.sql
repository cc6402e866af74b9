-- lake_lines_parquet: the rows of Parquet lake files ($files: one partition's parts), read in
-- place; run_id and source come from the hive path (run_id=<id>/source=<kind>/part-*.parquet).
-- The columns of lake_lines_jsonl: the Parquet copy keeps no posting_id (it is derived), and
-- its salary_raw JSON text is minified like the JSON reader's json column. Rows without keys
-- are kept here so the caller counts them (analytics.staging.stage_lake_file). Typed by
-- stg_lake_file.
select
    * replace (json(salary_raw) as salary_raw),
    null::varchar as posting_id,
from read_parquet(
    $files,
    hive_partitioning = true,
    hive_types = {'run_id': varchar, 'source': varchar}
)
