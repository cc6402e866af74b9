-- fct_freshness: per source and board, the crawl health from crawl_runs (last successful
-- crawl, last status, last error) and the postings it holds (all and open). Ages are
-- measured against the newest crawl in the table so the report is reproducible.
-- params: $sources
with

runs as (
    select *,
    from crawl_runs
    where $sources::varchar[] is null or list_contains($sources::varchar[], source)
),

newest as (
    select max(coalesce(finished_at, started_at)) as newest_at from runs
),

run_summary as (
    select
        source,
        board,
        count(*) as n_runs,
        max(coalesce(finished_at, started_at)) as last_run_at,
        arg_max(status, coalesce(finished_at, started_at)) as last_status,
        max(finished_at) filter (where status = 'ok') as last_success_at,
        max(coalesce(finished_at, started_at))
            filter (where status <> 'ok' or errors > 0) as last_error_at,
        arg_max(left(cast(error_messages as varchar), 300), coalesce(finished_at, started_at))
            filter (where status <> 'ok' or errors > 0) as last_error,
        arg_max(listing_complete, coalesce(finished_at, started_at)) as last_listing_complete,
    from runs
    group by all
),

posting_counts as (
    select
        source,
        board,
        count(*) as n_postings,
        count(*) filter (where is_open) as n_open,
    from postings
    where $sources::varchar[] is null or list_contains($sources::varchar[], source)
    group by all
),

final as (
    select
        coalesce(r.source, p.source) as source,
        coalesce(r.board, p.board) as board,
        coalesce(r.n_runs, 0) as n_runs,
        r.last_run_at,
        r.last_status,
        r.last_success_at,
        round(date_diff('minute', r.last_success_at, n.newest_at) / 60.0, 1)
            as hours_behind_newest,
        coalesce(p.n_postings, 0) as n_postings,
        coalesce(p.n_open, 0) as n_open,
        r.last_listing_complete,
        r.last_error_at,
        r.last_error,
    from run_summary as r
    full outer join posting_counts as p
        on p.source = r.source and p.board = r.board
    cross join newest as n
    order by source, board
)

select * from final
