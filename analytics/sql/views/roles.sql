-- the role taxonomy (one row per role slug, every slug the classifier can emit).
with

role_dim as (
    select * from dim_roles
),

final as (
    select
        slug,
        name,
        is_ai_role,
    from role_dim
)

select * from final
