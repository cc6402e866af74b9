delete from boilerplate_sentences
where kind = 'company' and company_key in (select company_key from asked_companies)
