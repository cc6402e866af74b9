-- 0003: the country each extraction inferred from locations, with its provenance
-- (source codes | location names | ambiguous), so salary reports compare like-for-like markets.

alter table extractions add column country_code varchar;
alter table extractions add column country_provenance varchar;
