-- one row per posting with a salary (stated, parsed from text, or an estimate: see is_estimate).
with

pay as (
    select * from salaries_core
),

final as (
    select
        posting_id,
        min_amount,
        max_amount,
        currency,
        period,
        period_inferred,
        annual_min_usd,
        annual_max_usd,
        case
            when annual_min_usd is not null and annual_max_usd is not null
                then (annual_min_usd + annual_max_usd) / 2
            else coalesce(annual_min_usd, annual_max_usd)
        end as annual_mid_usd,
        source as salary_source,
        is_estimate,
        flags,
        fx_rate_date,
        raw_text,
    from pay
)

select * from final
