-- one row per posting_id of the staged lake rows: the content of its newest sighting and the
-- posting's seen range over all its sightings in the batch.
with

spans as (
    select
        posting_id,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        arg_min(run_id, seen_at) as first_run_id,
        arg_max(run_id, seen_at) as last_run_id,
    from load_batch
    group by all
),

lasts as (
    select * exclude (seen_at)
    from load_batch
    qualify row_number() over (
        partition by posting_id order by seen_at desc, content_hash desc
    ) = 1
)

select
    lasts.*,
    spans.first_seen_at,
    spans.last_seen_at,
    spans.first_run_id,
    spans.last_run_id,
from lasts
inner join spans using (posting_id)
