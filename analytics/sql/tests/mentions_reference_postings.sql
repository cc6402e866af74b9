-- derived rows never point at unknown postings
select 'skill_mentions' as relation, posting_id from skill_mentions
where posting_id not in (select posting_id from postings_core)
union all
select 'salaries' as relation, posting_id from salaries
where posting_id not in (select posting_id from postings_core)
