-- newer content replaces the current one (an older lake loaded late never overwrites).
update postings_core as core set
    url = batch.url,
    apply_url = batch.apply_url,
    title = batch.title,
    company = batch.company,
    locations = batch.locations,
    country_codes = batch.country_codes,
    workplace_type = batch.workplace_type,
    employment_type = batch.employment_type,
    department = batch.department,
    posted_at = batch.posted_at,
    updated_at = batch.updated_at,
    salary_text = batch.salary_text,
    content_hash = batch.content_hash,
    last_run_id = batch.last_run_id,
from stg_postings_latest as batch
where core.posting_id = batch.posting_id
    and batch.last_seen_at >= core.last_seen_at
