-- new / updated / unchanged per batch posting against the core table, before it is changed.
with

batch as (
    select * from stg_postings_latest
),

core as (
    select * from postings_core
),

final as (
    select
        case
            when core.posting_id is null then 'new'
            when core.content_hash <> batch.content_hash
                and batch.last_seen_at >= core.last_seen_at then 'updated'
            else 'unchanged'
        end as change,
        batch.posting_id,
    from batch
    left join core on core.posting_id = batch.posting_id
)

select * from final
