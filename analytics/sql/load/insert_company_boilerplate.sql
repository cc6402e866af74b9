-- sentences repeated across a company's postings: in >= $min_titles distinct titles and
-- >= $min_title_share of the company's extracted titles, with >= $min_words words (short
-- requirement bullets like "Strong Python." repeat by chance). Counting titles, not postings,
-- keeps the same job listed in several cities from marking its own requirements.
-- params: $min_titles, $min_title_share, $min_words
insert into boilerplate_sentences by name
with

company_postings as (
    select c.posting_id, c.company_key, c.title_key,
    from int_posting_company as c
    semi join extractions using (posting_id)
    where c.company_key in (select company_key from asked_companies)
),

company_titles as (
    select company_key, count(distinct title_key) as n_company_titles,
    from company_postings
    group by company_key
),

sentence_titles as (
    select
        c.company_key,
        m.sentence_hash,
        count(distinct c.title_key) as n_titles,
        any_value(m.sentence) as sentence,
    from skill_mentions_core as m
    inner join company_postings as c using (posting_id)
    where
        m.sentence_hash is not null
        and len(regexp_split_to_array(trim(m.sentence), '\s+')) >= $min_words::integer
    group by c.company_key, m.sentence_hash
)

select
    s.company_key,
    s.sentence_hash,
    'company' as kind,
    s.n_titles::integer as n_titles,
    t.n_company_titles::integer as n_company_titles,
    s.sentence,
from sentence_titles as s
inner join company_titles as t using (company_key)
where
    s.n_titles >= $min_titles::integer
    and s.n_titles >= $min_title_share::double * t.n_company_titles
