-- salary periods and sources are closed vocabularies
select posting_id, period, salary_source
from salaries
where (period is not null and period not in ('year', 'month', 'week', 'day', 'hour'))
    or salary_source not in ('structured', 'text', 'estimate')
    or is_estimate <> (salary_source = 'estimate')
