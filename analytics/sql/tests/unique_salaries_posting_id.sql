-- at most one salary per posting
select posting_id, count(*) as n
from salaries
group by posting_id
having count(*) > 1
