-- roll the mentions' asked flags (extractor verdict + boilerplate) up to posting_skills_core
-- for the affected postings: a posting asks for a skill when any of its mentions is asked.
update posting_skills_core as p
set asked = x.asked, asked_mentions = x.asked_mentions
from (
    select
        posting_id,
        skill_slug,
        bool_or(asked) as asked,
        (count(*) filter (where asked))::integer as asked_mentions,
    from int_mention_asked
    semi join asked_affected using (posting_id)
    group by posting_id, skill_slug
) as x
where
    p.posting_id = x.posting_id
    and p.skill_slug = x.skill_slug
    and (p.asked is distinct from x.asked or p.asked_mentions is distinct from x.asked_mentions)
