-- 0006: whether a posting asks for each skill it mentions (requirements, duties, the stack the
-- hire works with) or only mentions it (company blurb, benefits, EEO, text repeated across the
-- company's postings). Why: reports count asked skills by default; a skill named only in the
-- company blurb is not a skill the job asks for.
-- skill_mentions_core keeps the extractor's verdict (extracted_asked, null when the extractor
-- gave none = counted) and the sentence hash boilerplate detection groups by; the final
-- asked / asked_reason of a mention is the view int_mention_asked. posting_skills_core holds
-- the rolled-up flag the report marts filter on (refreshed by analytics.derived.refresh_asked).

alter table skill_mentions_core add column extracted_asked boolean;
alter table skill_mentions_core add column extracted_reason varchar;
alter table skill_mentions_core add column sentence_hash ubigint;

-- same normalisation as staging/stg_skill_mentions.sql
update skill_mentions_core
set sentence_hash = hash(lower(regexp_replace(trim(sentence), '\s+', ' ', 'g')))
where sentence is not null;

alter table posting_skills_core add column asked boolean default true;
alter table posting_skills_core add column asked_mentions integer;
update posting_skills_core set asked_mentions = mentions;

-- sentences that are company text wherever they stand: kind 'company' = repeated across the
-- company's postings (company_key = lower-cased company, else source:board); kind 'template'
-- = the same sentence in the postings of many companies (company_key '*').
create table boilerplate_sentences (
    company_key varchar not null,
    sentence_hash ubigint not null,
    kind varchar not null,
    n_titles integer,
    n_company_titles integer,
    n_companies integer,
    sentence varchar,
);
