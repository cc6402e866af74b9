-- keys and lifecycle timestamps are always set
select posting_id
from postings
where posting_id is null
    or source is null
    or board is null
    or source_id is null
    or content_hash is null
    or first_seen_at is null
    or last_seen_at is null
    or is_open is null
    or dup_group_id is null
