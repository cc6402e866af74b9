-- every posting id appears once in the core table
select posting_id, count(*) as n
from postings_core
group by posting_id
having count(*) > 1
