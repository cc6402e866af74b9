-- every extracted role is a slug of the roles dimension
select posting_id, role
from postings
where role is not null
    and role not in (select slug from roles)
