-- widen first/last seen; a posting seen after it was closed reopens (only rows that change).
update postings_core as core set
    last_run_id = case
        when batch.last_seen_at >= core.last_seen_at then batch.last_run_id else core.last_run_id
    end,
    first_seen_at = least(core.first_seen_at, batch.first_seen_at),
    last_seen_at = greatest(core.last_seen_at, batch.last_seen_at),
    is_open = case when batch.last_seen_at > core.closed_at then true else core.is_open end,
    closed_at = case when batch.last_seen_at > core.closed_at then null else core.closed_at end,
from stg_postings_latest as batch
where core.posting_id = batch.posting_id
    and (
        batch.first_seen_at < core.first_seen_at
        or batch.last_seen_at > core.last_seen_at
        or (batch.last_seen_at = core.last_seen_at and batch.last_run_id is distinct from core.last_run_id)
    )
