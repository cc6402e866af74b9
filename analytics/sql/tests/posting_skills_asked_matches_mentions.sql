-- a posting asks for a skill exactly when one of its mentions is asked (extractor verdict and
-- boilerplate, int_mention_asked): the flag the reports filter on is never stale
with

pairs as (
    select posting_id, skill_slug, asked, asked_mentions from posting_skills_core
),

mentions as (
    select
        posting_id,
        skill_slug,
        bool_or(asked) as asked,
        count(*) filter (where asked) as asked_mentions,
    from int_mention_asked
    group by all
)

select
    pairs.posting_id,
    pairs.skill_slug,
    pairs.asked as pair_asked,
    mentions.asked as mention_asked,
from pairs
inner join mentions using (posting_id, skill_slug)
where
    pairs.asked is distinct from mentions.asked
    or pairs.asked_mentions is distinct from mentions.asked_mentions
