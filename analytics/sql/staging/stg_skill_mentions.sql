-- skill mentions of the batch, one row per (posting_id, skill_slug, start_char).
-- extracted_asked is the extractor's verdict (null when it gave none: counted as asked);
-- extracted_reason says what decided it: the extractor's own reason when it gives one, else
-- 'section' under a recognised heading, 'sentence' where the sentence alone decided.
-- sentence_hash groups identical sentences (case and whitespace folded) for boilerplate.
with

batch as (
    select * from batch_skill_mentions
),

final as (
    select
        posting_id,
        skill_slug,
        matched_text,
        start_char,
        end_char,
        section,
        sentence,
        content_hash,
        taxonomy_version,
        asked as extracted_asked,
        case
            when asked is null then null
            when asked_reason is not null then asked_reason
            when section is not null and section <> 'other' then 'section'
            else 'sentence'
        end as extracted_reason,
        hash(lower(regexp_replace(trim(sentence), '\s+', ' ', 'g'))) as sentence_hash,
    from batch
    where skill_slug is not null and start_char is not null
)

select * from final
