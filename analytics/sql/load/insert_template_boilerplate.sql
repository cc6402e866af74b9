-- templates: the same sentence (>= $template_min_words words) in the postings of
-- >= $min_companies companies (EEO statements, ATS and agency boilerplate).
-- params: $min_companies, $template_min_words
insert into boilerplate_sentences by name
select
    '*' as company_key,
    m.sentence_hash,
    'template' as kind,
    count(distinct c.company_key)::integer as n_companies,
    any_value(m.sentence) as sentence,
from skill_mentions_core as m
inner join int_posting_company as c using (posting_id)
where
    m.sentence_hash in (select sentence_hash from asked_hashes)
    and len(regexp_split_to_array(trim(m.sentence), '\s+')) >= $template_min_words::integer
group by m.sentence_hash
having count(distinct c.company_key) >= $min_companies::integer
