-- dedup_scope: the postings a dedup pass recomputes, with their company cluster and how many
-- boards that cluster spans. Groups never cross company clusters, so only clusters holding a
-- changed posting (or a current group-mate of one) need recomputing; $everything = all of them.
-- inputs: batch_company_clusters (company, cluster), batch_dedup_changed (posting_id)
with

clustered as (
    select
        core.posting_id,
        core.source || ':' || core.board as board_key,
        coalesce(core.dup_group_id, core.posting_id) as group_id,
        clusters.cluster,
    from postings_core as core
    left join batch_company_clusters as clusters on clusters.company = core.company
),

changed as (
    select clustered.*
    from clustered
    semi join batch_dedup_changed using (posting_id)
),

affected as (
    -- changed postings and everything currently grouped with them
    select * from clustered
    where $everything::boolean
        or group_id in (select group_id from changed)
        or posting_id in (select posting_id from changed)
),

touched_clusters as (
    select distinct cluster from affected where cluster is not null
),

scope as (
    select posting_id, board_key, cluster from affected where cluster is null
    union
    select posting_id, board_key, cluster
    from clustered
    where cluster in (select cluster from touched_clusters)
),

final as (
    select
        posting_id,
        cluster,
        count(distinct board_key) over (partition by cluster) as cluster_boards,
    from scope
)

select * from final
