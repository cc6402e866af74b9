-- first/last sighting of a known content version widens with every load (only rows that change).
update posting_versions as v set
    first_run_id = case
        when batch.first_seen_at < v.first_seen_at then batch.first_run_id else v.first_run_id
    end,
    last_run_id = case
        when batch.last_seen_at >= v.last_seen_at then batch.last_run_id else v.last_run_id
    end,
    first_seen_at = least(v.first_seen_at, batch.first_seen_at),
    last_seen_at = greatest(v.last_seen_at, batch.last_seen_at),
from stg_posting_versions as batch
where v.posting_id = batch.posting_id
    and v.content_hash = batch.content_hash
    and (
        batch.first_seen_at < v.first_seen_at
        or batch.last_seen_at > v.last_seen_at
        or (batch.last_seen_at = v.last_seen_at and batch.last_run_id is distinct from v.last_run_id)
    )
