-- companies whose boilerplate a refresh recomputes: those of the postings in asked_scope.
select distinct company_key
from int_posting_company
semi join asked_scope using (posting_id)
