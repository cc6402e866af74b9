delete from boilerplate_sentences
where kind = 'template' and sentence_hash in (select sentence_hash from asked_hashes)
