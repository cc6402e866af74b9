-- extraction and salary coverage of open postings (flow_runs health columns).
with

open_postings as (
    select * from postings_core where is_open
),

extracted as (
    select * from extractions
),

pay as (
    select * from salaries_core
),

final as (
    select
        avg(case when extracted.content_hash = open_postings.content_hash then 1.0 else 0.0 end)
            as extraction_coverage,
        avg(case when pay.posting_id is not null then 1.0 else 0.0 end) as salary_coverage,
    from open_postings
    left join extracted on extracted.posting_id = open_postings.posting_id
    left join pay on pay.posting_id = open_postings.posting_id
)

select * from final
