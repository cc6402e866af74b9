-- _crawl_runs.jsonl lines of the batch, one per (run_id, source, board).
with

batch as (
    select * from batch_crawl_runs
),

final as (
    select
        run_id,
        source,
        board,
        started_at,
        finished_at,
        pages,
        items,
        errors,
        status,
        listing_complete,
        error_messages,
    from batch
)

select * from final
