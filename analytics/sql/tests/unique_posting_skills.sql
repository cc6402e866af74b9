-- every (posting, skill) pair is stored once, and matches the mentions it summarises
with

pairs as (
    select posting_id, skill_slug, count(*) as n, sum(mentions) as mentions
    from posting_skills_core
    group by all
),

mentions as (
    select posting_id, skill_slug, count(*) as mentions
    from skill_mentions_core
    group by all
)

select
    coalesce(pairs.posting_id, mentions.posting_id) as posting_id,
    coalesce(pairs.skill_slug, mentions.skill_slug) as skill_slug,
    pairs.n,
    pairs.mentions as pair_mentions,
    mentions.mentions,
from pairs
full join mentions using (posting_id, skill_slug)
where pairs.n is distinct from 1 or pairs.mentions is distinct from mentions.mentions
