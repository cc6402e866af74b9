-- how many stored rows the batch's keys have beyond one each (must be 0: the loaders are
-- set-based and, since migration 0004, no primary-key index enforces the grain).
-- Run inside the load transaction; counting is cheaper than grouping the keys.
with

batch_postings as (
    select distinct posting_id from stg_postings_latest
),

batch_versions as (
    select distinct posting_id, content_hash from stg_posting_versions
)

select
    (select count(*) from postings_core semi join batch_postings using (posting_id))
    - (select count(*) from batch_postings) as extra_core_rows,
    (select count(*) from raw_postings semi join batch_versions using (posting_id, content_hash))
    - (select count(*) from batch_versions) as extra_raw_versions,
