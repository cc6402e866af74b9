-- the deduplicated view has exactly one row per dup group, and every group member exists
select dup_group_id, count(*) as n
from postings_dedup
group by dup_group_id
having count(*) > 1
union all
select dup_group_id, 0 as n
from postings
where dup_group_id not in (select posting_id from postings)
