-- the skill taxonomy (one row per skill slug).
with

skill_dim as (
    select * from dim_skills
),

final as (
    select
        slug,
        name,
        category,
        parent_slug,
        is_core,
    from skill_dim
)

select * from final
