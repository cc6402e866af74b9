-- report_salaries: the usable salary of each report posting, by the report's rules (the same
-- rules as the view report_salaries, which applies them with the default parameters):
-- annualised USD midpoint present; estimates only with $include_estimates; no flag in
-- $excluded_flags, where 'contract_hourly' stands for contract pay stated per hour or day
-- (a rate, not an annual salary); seniority grouped as in report_postings, and pay the
-- salary extractor flagged as an internship puts the posting in the Intern band.
-- params: $include_estimates, $excluded_flags
select
    p.posting_no,
    p.posting_id,
    p.role,
    case
        when list_contains(coalesce(s.flags, []), 'intern') then 'Intern'
        else p.seniority_group
    end as seniority_group,
    p.country_code,
    s.annual_mid_usd,
from report_postings as p
inner join salaries as s using (posting_id)
where
    s.annual_mid_usd is not null
    and ($include_estimates::boolean or not coalesce(s.is_estimate, false))
    -- quality flags (min>max, implausible, not base pay) and pay that is not a full-time annual
    -- salary (part-time, contract day/hour rates) drop a salary; informational ones
    -- (approximate, open upper bound, inferred magnitude) do not
    and not list_has_any(
        coalesce(s.flags, [])
        || case
            when list_contains(coalesce(s.flags, []), 'contract') and s.period in ('hour', 'day')
                then ['contract_hourly']
            else []
        end,
        $excluded_flags::varchar[]
    )
