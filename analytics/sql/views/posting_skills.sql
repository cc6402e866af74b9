-- one row per skill a posting's current extraction mentions (however often): what skill
-- shares count (asked = any of its mentions is asked for). Named from the skills dim.
with

pairs as (
    select * from posting_skills_core
),

skill_dim as (
    select * from dim_skills
),

final as (
    select
        pairs.posting_id,
        pairs.skill_slug,
        coalesce(skill_dim.name, pairs.skill_slug) as skill_name,
        skill_dim.category,
        pairs.mentions,
        pairs.posting_no,
        pairs.skill_no,
        pairs.taxonomy_version,
        coalesce(pairs.asked, true) as asked,
        coalesce(pairs.asked_mentions, pairs.mentions) as asked_mentions,
    from pairs
    left join skill_dim on skill_dim.slug = pairs.skill_slug
)

select * from final
