-- (posting, skill) pairs of the batch's mentions, with how often the skill is mentioned and
-- the integer keys (hashes) the report marts join on.
select
    posting_id,
    skill_slug,
    hash(posting_id) as posting_no,
    hash(skill_slug) as skill_no,
    count(*)::integer as mentions,
    any_value(content_hash) as content_hash,
    any_value(taxonomy_version) as taxonomy_version,
from stg_skill_mentions
group by posting_id, skill_slug
