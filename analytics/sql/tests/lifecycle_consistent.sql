-- open <=> no closed_at, and first seen never after last seen
select posting_id, is_open, closed_at, first_seen_at, last_seen_at
from postings
where is_open = (closed_at is not null)
    or first_seen_at > last_seen_at
