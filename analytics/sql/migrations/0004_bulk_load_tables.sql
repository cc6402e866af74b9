-- 0004: the six bulk-loaded tables without primary-key indexes (grain and not-null kept).
-- Why: DuckDB maintains an ART index on every insert; with one it took 1.6 s per 1M raw
-- postings, without 0.33 s (2-core bench machine). The loaders keep each grain set-based
-- (anti-joins and replace-by-key in one transaction under the warehouse lock) and
-- analytics.load.check_grain fails the transaction if a key ever repeats; the unique_* data
-- tests in sql/tests document the same grains.

create table raw_postings__0004 (
    posting_id varchar not null,
    content_hash varchar not null,
    run_id varchar,
    fetched_at timestamp,
    source varchar not null,
    board varchar not null,
    source_id varchar not null,
    url varchar,
    apply_url varchar,
    title varchar,
    company varchar,
    locations varchar[],
    country_codes varchar[],
    workplace_type varchar,
    workplace_raw varchar,
    employment_type varchar,
    department varchar,
    posted_at timestamp,
    updated_at timestamp,
    description_html varchar,
    description_text varchar,
    salary_raw json,
    salary_text varchar,
    loaded_at timestamp not null,
);
insert into raw_postings__0004 select * from raw_postings;
drop table raw_postings;
alter table raw_postings__0004 rename to raw_postings;

create table posting_versions__0004 (
    posting_id varchar not null,
    content_hash varchar not null,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    first_run_id varchar,
    last_run_id varchar,
);
insert into posting_versions__0004 select * from posting_versions;
drop table posting_versions;
alter table posting_versions__0004 rename to posting_versions;

create table postings_core__0004 (
    posting_id varchar not null,
    source varchar not null,
    board varchar not null,
    source_id varchar not null,
    url varchar,
    apply_url varchar,
    title varchar,
    company varchar,
    locations varchar[],
    country_codes varchar[],
    workplace_type varchar,
    employment_type varchar,
    department varchar,
    posted_at timestamp,
    updated_at timestamp,
    salary_text varchar,
    content_hash varchar not null,
    first_seen_at timestamp not null,
    last_seen_at timestamp not null,
    last_run_id varchar,
    closed_at timestamp,
    is_open boolean not null default true,
    dup_group_id varchar,
);
insert into postings_core__0004 select * from postings_core;
drop table postings_core;
alter table postings_core__0004 rename to postings_core;

create table extractions__0004 (
    posting_id varchar not null,
    content_hash varchar,
    taxonomy_version varchar,
    role varchar,
    role_confidence double,
    role_provenance varchar,
    seniority varchar,
    seniority_confidence double,
    seniority_provenance varchar,
    skill_count integer,
    extracted_at timestamp not null,
    country_code varchar,
    country_provenance varchar,
);
insert into extractions__0004 select * from extractions;
drop table extractions;
alter table extractions__0004 rename to extractions;

create table skill_mentions_core__0004 (
    posting_id varchar not null,
    skill_slug varchar not null,
    matched_text varchar,
    start_char integer not null,
    end_char integer,
    section varchar,
    sentence varchar,
    content_hash varchar,
    taxonomy_version varchar,
);
insert into skill_mentions_core__0004 select * from skill_mentions_core;
drop table skill_mentions_core;
alter table skill_mentions_core__0004 rename to skill_mentions_core;

create table salaries_core__0004 (
    posting_id varchar not null,
    content_hash varchar,
    min_amount double,
    max_amount double,
    currency varchar,
    period varchar,
    period_inferred boolean,
    annual_min_usd double,
    annual_max_usd double,
    source varchar,
    is_estimate boolean not null,
    raw_text varchar,
    fx_rate double,
    fx_rate_date date,
    annualisation json,
    flags varchar[],
    other_amounts json,
);
insert into salaries_core__0004 select * from salaries_core;
drop table salaries_core;
alter table salaries_core__0004 rename to salaries_core;
