-- each posting's company key (lower-cased company name, else source:board when the source
-- names none) and title key: boilerplate detection counts a company's distinct titles, so the
-- same job listed in five cities does not make its own requirements look like company text.
with

core as (
    select * from postings_core
),

final as (
    select
        posting_id,
        coalesce(
            nullif(lower(trim(regexp_replace(company, '\s+', ' ', 'g'))), ''),
            source || ':' || board
        ) as company_key,
        lower(trim(regexp_replace(coalesce(title, ''), '\s+', ' ', 'g'))) as title_key,
    from core
)

select * from final
