-- every content version once; re-loading the same lake inserts nothing.
insert into raw_postings by name
select
    * exclude (first_seen_at, last_seen_at, first_run_id, last_run_id),
    now()::timestamp as loaded_at,
from stg_posting_versions
on conflict do nothing
