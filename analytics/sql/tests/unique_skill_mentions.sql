-- a mention is identified by posting, skill and start offset
select posting_id, skill_slug, start_char, count(*) as n
from skill_mentions
group by all
having count(*) > 1
