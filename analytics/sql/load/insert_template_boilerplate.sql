-- templates: the same sentence (>= $template_min_words words) in the postings of
-- >= $min_companies companies (EEO statements, ATS and agency boilerplate).
-- params: $min_companies, $template_min_words
insert into boilerplate_sentences by name
with

scoped as (
    select m.posting_id, m.sentence_hash,
    from skill_mentions_core as m
    where m.sentence_hash in (select sentence_hash from asked_hashes)
),

-- fewer postings than $min_companies cannot span that many companies: count cheaply first
candidates as (
    select sentence_hash,
    from scoped
    group by sentence_hash
    having count(distinct posting_id) >= $min_companies::integer
),

spread as (
    select
        s.sentence_hash,
        count(distinct c.company_key) as n_companies,
    from scoped as s
    semi join candidates using (sentence_hash)
    inner join int_posting_company as c using (posting_id)
    group by s.sentence_hash
    having count(distinct c.company_key) >= $min_companies::integer
),

examples as (
    select m.sentence_hash, any_value(m.sentence) as sentence,
    from skill_mentions_core as m
    semi join spread using (sentence_hash)
    group by m.sentence_hash
)

select
    '*' as company_key,
    s.sentence_hash,
    'template' as kind,
    s.n_companies::integer as n_companies,
    e.sentence,
from spread as s
inner join examples as e using (sentence_hash)
where length(e.sentence) - length(replace(e.sentence, ' ', '')) + 1 >= $template_min_words::integer
