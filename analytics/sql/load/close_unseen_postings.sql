-- on boards whose listing was complete, open postings not seen in that run are closed at the
-- run's end; the cutoff guard keeps a posting seen by a later run open.
update postings_core as core set
    is_open = false,
    closed_at = boards.finished_at,
from batch_complete_boards as boards
where core.source = boards.source
    and core.board = boards.board
    and core.is_open
    and core.last_seen_at < boards.cutoff_at
    and core.posting_id not in (select posting_id from batch_seen)
