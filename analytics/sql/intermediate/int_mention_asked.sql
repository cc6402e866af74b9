-- every skill mention with whether the posting asks for the skill and why:
--   boilerplate  the sentence repeats across the company's postings (company text, whatever
--                its heading; boilerplate_sentences kind 'company')
--   template     the sentence stands in many companies' postings outside a requirements,
--                duties or nice-to-have section (EEO, ATS and agency templates; kind 'template')
--   section | sentence | <extractor reason>   the extractor's verdict and what decided it
--   unclassified the extractor gave no verdict: counted as asked
with

mentions as (
    select * from skill_mentions_core
),

posting_company as (
    select posting_id, company_key from int_posting_company
),

company_text as (
    select company_key, sentence_hash from boilerplate_sentences where kind = 'company'
),

templates as (
    select sentence_hash from boilerplate_sentences where kind = 'template'
),

reasoned as (
    select
        mentions.*,
        case
            when company_text.sentence_hash is not null then 'boilerplate'
            when templates.sentence_hash is not null
                and coalesce(mentions.section, '') not in (
                    'requirements', 'responsibilities', 'nice_to_have'
                ) then 'template'
            else coalesce(mentions.extracted_reason, 'unclassified')
        end as asked_reason,
    from mentions
    left join posting_company using (posting_id)
    left join company_text
        on company_text.company_key = posting_company.company_key
        and company_text.sentence_hash = mentions.sentence_hash
    left join templates on templates.sentence_hash = mentions.sentence_hash
),

final as (
    select
        *,
        asked_reason not in ('boilerplate', 'template')
            and coalesce(extracted_asked, true) as asked,
    from reasoned
)

select * from final
