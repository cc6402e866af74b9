-- sentences repeated across a company's postings: in >= $min_texts distinct posting texts and
-- >= $min_text_share of the company's texts, with >= $min_words words (short requirement
-- bullets like "Strong Python skills." repeat by chance). A posting's text is the set of its
-- skill sentences: the same text split into several postings (one job listed in five cities, a
-- multi-role comment) counts once, so a job's own requirements never look like company text.
-- params: $min_texts, $min_text_share, $min_words
insert into boilerplate_sentences by name
with

company_postings as (
    select c.posting_id, c.company_key,
    from int_posting_company as c
    semi join extractions using (posting_id)
    where c.company_key in (select company_key from asked_companies)
),

company_mentions as (
    select m.posting_id, c.company_key, m.sentence_hash, m.sentence,
    from skill_mentions_core as m
    inner join company_postings as c using (posting_id)
    where m.sentence_hash is not null
),

posting_texts as (
    select
        posting_id,
        any_value(company_key) as company_key,
        hash(list(distinct sentence_hash order by sentence_hash)) as text_hash,
    from company_mentions
    group by posting_id
),

company_texts as (
    select company_key, count(distinct text_hash) as n_company_texts,
    from posting_texts
    group by company_key
),

sentence_texts as (
    select
        m.company_key,
        m.sentence_hash,
        count(distinct t.text_hash) as n_texts,
        any_value(m.sentence) as sentence,
    from company_mentions as m
    inner join posting_texts as t using (posting_id)
    where len(regexp_split_to_array(trim(m.sentence), '\s+')) >= $min_words::integer
    group by m.company_key, m.sentence_hash
)

select
    s.company_key,
    s.sentence_hash,
    'company' as kind,
    s.n_texts::integer as n_texts,
    t.n_company_texts::integer as n_company_texts,
    s.sentence,
from sentence_texts as s
inner join company_texts as t using (company_key)
where
    s.n_texts >= $min_texts::integer
    and s.n_texts >= $min_text_share::double * t.n_company_texts
