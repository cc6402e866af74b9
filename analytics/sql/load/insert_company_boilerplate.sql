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
    select m.posting_id, c.company_key, m.sentence_hash,
    from skill_mentions_core as m
    inner join company_postings as c using (posting_id)
    where m.sentence_hash is not null
),

-- a sentence in fewer than $min_texts postings cannot pass: keep only repeated ones (a cheap
-- count on integer keys before the distinct-text counts)
candidates as (
    select company_key, sentence_hash,
    from company_mentions
    group by company_key, sentence_hash
    having count(distinct posting_id) >= $min_texts::integer
),

posting_texts as (
    -- a posting's text: the sum of its distinct sentence hashes (same sentences = same text)
    select
        posting_id,
        any_value(company_key) as company_key,
        sum(distinct sentence_hash::hugeint) as text_hash,
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
    from company_mentions as m
    semi join candidates using (company_key, sentence_hash)
    inner join posting_texts as t using (posting_id)
    group by m.company_key, m.sentence_hash
),

examples as (
    -- one example sentence of each, long enough that its repetition is not chance
    select m.sentence_hash, any_value(m.sentence) as sentence,
    from skill_mentions_core as m
    semi join candidates using (sentence_hash)
    group by m.sentence_hash
)

select
    s.company_key,
    s.sentence_hash,
    'company' as kind,
    s.n_texts::integer as n_texts,
    t.n_company_texts::integer as n_company_texts,
    e.sentence,
from sentence_texts as s
inner join company_texts as t using (company_key)
inner join examples as e using (sentence_hash)
where
    s.n_texts >= $min_texts::integer
    and s.n_texts >= $min_text_share::double * t.n_company_texts
    -- word count: spaces + 1 (sentences are whitespace-normalised by the analyser)
    and length(e.sentence) - length(replace(e.sentence, ' ', '')) + 1 >= $min_words::integer
