-- postings never seen before start open, in a duplicate group of their own.
insert into postings_core by name
select
    batch.*,
    null::timestamp as closed_at,
    true as is_open,
    batch.posting_id as dup_group_id,
from stg_postings_latest as batch
anti join postings_core as core on core.posting_id = batch.posting_id
