-- (posting, skill) pairs of the batch's mentions, with how often the skill is mentioned (and
-- asked for, by the extractor's verdict; analytics.derived.refresh_asked then applies the
-- boilerplate found across postings) and the integer keys (hashes) the report marts join on.
select
    posting_id,
    skill_slug,
    hash(posting_id) as posting_no,
    hash(skill_slug) as skill_no,
    count(*)::integer as mentions,
    any_value(content_hash) as content_hash,
    any_value(taxonomy_version) as taxonomy_version,
    bool_or(coalesce(extracted_asked, true)) as asked,
    (count(*) filter (where coalesce(extracted_asked, true)))::integer as asked_mentions,
from stg_skill_mentions
group by posting_id, skill_slug
