-- one row per skill mention found in a posting's current extraction, named from the skills dim,
-- with whether the posting asks for the skill there and why (int_mention_asked).
with

mentions as (
    select * from int_mention_asked
),

skill_dim as (
    select * from dim_skills
),

final as (
    select
        mentions.posting_id,
        mentions.skill_slug,
        coalesce(skill_dim.name, mentions.skill_slug) as skill_name,
        skill_dim.category,
        mentions.matched_text,
        mentions.start_char,
        mentions.end_char,
        mentions.section,
        mentions.taxonomy_version,
        mentions.asked,
        mentions.asked_reason,
    from mentions
    left join skill_dim on skill_dim.slug = mentions.skill_slug
)

select * from final
