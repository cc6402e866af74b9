-- 0007: when boilerplate was last found across the whole warehouse. Why: a warehouse migrated
-- to 0006 holds mentions whose boilerplate was never looked for; while this table is empty the
-- next extraction load refreshes every posting, not just the loaded ones
-- (analytics.derived.refresh_asked).

create table asked_refresh_state (
    refreshed_at timestamp not null,
    scope varchar not null,
    boilerplate_sentences bigint,
);

-- company boilerplate counts distinct posting texts, not titles: one text split into several
-- postings (a multi-role comment, one job in several cities) is not repetition
alter table boilerplate_sentences rename column n_titles to n_texts;
alter table boilerplate_sentences rename column n_company_titles to n_company_texts;
