-- sentence hashes of the postings in asked_scope whose template status a refresh recomputes,
-- with those already marked as templates (their postings must be re-flagged either way).
select distinct sentence_hash
from skill_mentions_core
semi join asked_scope using (posting_id)
where sentence_hash is not null
