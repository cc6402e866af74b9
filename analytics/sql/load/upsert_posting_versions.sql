-- first/last sighting per content version widens with every load.
insert into posting_versions by name
select
    posting_id,
    content_hash,
    first_seen_at,
    last_seen_at,
    first_run_id,
    last_run_id,
from stg_posting_versions
on conflict (posting_id, content_hash) do update set
    first_seen_at = least(posting_versions.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(posting_versions.last_seen_at, excluded.last_seen_at),
    first_run_id = case
        when excluded.first_seen_at < posting_versions.first_seen_at then excluded.first_run_id
        else posting_versions.first_run_id
    end,
    last_run_id = case
        when excluded.last_seen_at >= posting_versions.last_seen_at then excluded.last_run_id
        else posting_versions.last_run_id
    end
