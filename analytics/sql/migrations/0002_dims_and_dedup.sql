-- 0002: taxonomy dimensions and the cross-source duplicate group of each posting.

create table dim_skills (
    slug varchar primary key,
    name varchar,
    category varchar,
    parent_slug varchar,
    is_core boolean,
);

create table dim_roles (
    slug varchar primary key,
    name varchar,
    is_ai_role boolean,
);

-- singleton group until analytics.dedup assigns real groups
alter table postings_core add column dup_group_id varchar;
update postings_core set dup_group_id = posting_id where dup_group_id is null;
