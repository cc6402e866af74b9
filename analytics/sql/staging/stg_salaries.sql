-- salary dicts of the batch, typed like salaries_core (json payloads, fx date).
with

batch as (
    select * from batch_salaries
),

final as (
    select
        posting_id,
        content_hash,
        min_amount,
        max_amount,
        currency,
        period,
        period_inferred,
        annual_min_usd,
        annual_max_usd,
        source,
        is_estimate,
        raw_text,
        fx_rate,
        try_cast(fx_rate_date as date) as fx_rate_date,
        cast(annualisation as json) as annualisation,
        flags,
        cast(other_amounts as json) as other_amounts,
    from batch
)

select * from final
