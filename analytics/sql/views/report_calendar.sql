-- one row: how far the data reaches, as the reports read it. A month is complete when the
-- newest crawl (else the newest sighting) reached its last day; report windows ("last 6
-- months") end at last_complete_month, and partial_month (the month the data ends in, when
-- not complete) is shown but never used in a significance test. Months before first_crawl_at
-- hold only postings still open at the first crawl (a backfill, not a full count).
with

crawls as (
    select
        min(started_at) as first_crawl_at,
        max(coalesce(finished_at, started_at)) as last_crawl_at,
    from crawl_runs
),

seen as (
    select
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        min(coalesce(posted_at, first_seen_at))::date as first_posted_date,
        max(coalesce(posted_at, first_seen_at))::date as last_posted_date,
    from postings
),

bounds as (
    select
        seen.first_posted_date,
        coalesce(crawls.first_crawl_at, seen.first_seen_at) as first_crawl_at,
        coalesce(crawls.last_crawl_at, seen.last_seen_at) as data_end_at,
        seen.last_posted_date,
    from seen
    cross join crawls
),

final as (
    select
        date_trunc('month', first_posted_date)::date as first_posted_month,
        first_crawl_at,
        data_end_at,
        last_posted_date,
        case
            -- the data reached the month's last day: the month is complete
            when last_day(data_end_at::date) = data_end_at::date
                then date_trunc('month', data_end_at)::date
            else (date_trunc('month', data_end_at) - interval 1 month)::date
        end as last_complete_month,
        case
            when last_day(data_end_at::date) <> data_end_at::date
                then date_trunc('month', data_end_at)::date
        end as partial_month,
    from bounds
)

select * from final
