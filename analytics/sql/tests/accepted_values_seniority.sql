-- seniority levels the analyser emits
select posting_id, seniority
from postings
where seniority is not null
    and seniority not in ('intern', 'entry', 'mid', 'senior', 'staff_plus', 'unknown')
