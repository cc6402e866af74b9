-- a range is ordered unless the extractor flagged it as odd
select posting_id, min_amount, max_amount, flags
from salaries
where min_amount > max_amount
    and coalesce(len(flags), 0) = 0
