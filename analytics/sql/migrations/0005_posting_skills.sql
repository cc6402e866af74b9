-- 0005: each (posting, skill) pair of the current extractions once, kept next to the mentions
-- by the same loaders. Why: every skill report counts postings mentioning a skill, not
-- mentions; deduplicating ~8M mention rows per report run cost ~1 s at 1M postings.
-- posting_no / skill_no are 64-bit hashes of the ids: the report marts join on them.

create table posting_skills_core (
    posting_id varchar not null,
    skill_slug varchar not null,
    posting_no ubigint not null,
    skill_no ubigint not null,
    mentions integer not null,
    content_hash varchar,
    taxonomy_version varchar,
);

insert into posting_skills_core
select
    posting_id,
    skill_slug,
    hash(posting_id) as posting_no,
    hash(skill_slug) as skill_no,
    count(*) as mentions,
    any_value(content_hash) as content_hash,
    any_value(taxonomy_version) as taxonomy_version,
from skill_mentions_core
group by posting_id, skill_slug;
