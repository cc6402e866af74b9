-- one row per (posting_id, content_hash) of the staged lake rows: the content of its first
-- sighting and the version's seen range (a run can hold a posting twice: a retried board).
with

spans as (
    select
        posting_id,
        content_hash,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        arg_min(run_id, seen_at) as first_run_id,
        arg_max(run_id, seen_at) as last_run_id,
    from load_batch
    group by all
),

firsts as (
    select * exclude (seen_at)
    from load_batch
    qualify row_number() over (
        partition by posting_id, content_hash order by seen_at, run_id
    ) = 1
)

select
    firsts.*,
    spans.first_seen_at,
    spans.last_seen_at,
    spans.first_run_id,
    spans.last_run_id,
from firsts
inner join spans using (posting_id, content_hash)
