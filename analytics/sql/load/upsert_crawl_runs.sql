-- a crawl run line re-loaded replaces the earlier copy.
insert or replace into crawl_runs by name
select * from stg_crawl_runs
