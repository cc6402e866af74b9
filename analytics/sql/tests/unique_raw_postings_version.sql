-- every (posting_id, content_hash) version is stored once
select posting_id, content_hash, count(*) as n
from raw_postings
group by posting_id, content_hash
having count(*) > 1
