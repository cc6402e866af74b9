-- newer content replaces the current one (an older lake loaded late never overwrites);
-- rows whose content and links did not change are not rewritten.
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
from stg_postings_latest as batch
where core.posting_id = batch.posting_id
    and batch.last_seen_at >= core.last_seen_at
    and (
        core.content_hash <> batch.content_hash
        or core.url is distinct from batch.url
        or core.apply_url is distinct from batch.apply_url
        or core.posted_at is distinct from batch.posted_at
        or core.updated_at is distinct from batch.updated_at
    )
