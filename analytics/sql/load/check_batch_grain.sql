-- how many stored raw_postings rows the batch's versions have beyond one each (must be 0: the
-- loaders are set-based and, since migration 0004, no primary-key index enforces the grain).
-- Run inside the load transaction; counting is cheaper than grouping the keys. postings_core's
-- grain is checked from the merge's own counts (analytics.load.check_grain).
with

batch_versions as (
    -- one row per (posting_id, content_hash) by construction (analytics.staging.collapse_staged)
    select posting_id, content_hash from stg_posting_versions
)

select
    (select count(*) from raw_postings semi join batch_versions using (posting_id, content_hash))
    - (select count(*) from batch_versions) as extra_raw_versions,
