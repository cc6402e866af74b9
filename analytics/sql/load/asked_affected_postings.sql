-- postings whose posting_skills_core.asked a refresh recomputes: every posting of a refreshed
-- company and every posting holding a refreshed sentence.
select posting_id
from int_posting_company
where company_key in (select company_key from asked_companies)
union
select posting_id
from skill_mentions_core
where sentence_hash in (select sentence_hash from asked_hashes)
