-- every content version once; re-loading the same lake inserts nothing.
insert into raw_postings by name
select
    batch.* exclude (first_seen_at, last_seen_at, first_run_id, last_run_id),
    now()::timestamp as loaded_at,
from stg_posting_versions as batch
anti join raw_postings as raw
    on raw.posting_id = batch.posting_id
    and raw.content_hash = batch.content_hash
