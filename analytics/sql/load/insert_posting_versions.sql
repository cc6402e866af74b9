-- content versions seen for the first time.
insert into posting_versions by name
select
    batch.posting_id,
    batch.content_hash,
    batch.first_seen_at,
    batch.last_seen_at,
    batch.first_run_id,
    batch.last_run_id,
from stg_posting_versions as batch
anti join posting_versions as v
    on v.posting_id = batch.posting_id
    and v.content_hash = batch.content_hash
