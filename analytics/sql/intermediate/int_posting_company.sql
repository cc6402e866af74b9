-- each posting's company key: the lower-cased company name, else source:board when the source
-- names none. Boilerplate detection groups a company's postings by it.
with

core as (
    select * from postings_core
),

final as (
    select
        posting_id,
        coalesce(
            nullif(lower(trim(company)), ''),
            source || ':' || board
        ) as company_key,
    from core
)

select * from final
