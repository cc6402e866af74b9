-- taxonomy slugs are unique
select 'skills' as dim, slug from skills group by slug having count(*) > 1
union all
select 'roles' as dim, slug from roles group by slug having count(*) > 1
