-- fct_skill_trend_windows: per skill, mentions in the last $recent_months months (recent)
-- vs $baseline_months months that end $gap_months months before the recent window starts
-- (baseline; gap 6 = year over year, robust to seasonality), raw and role-mix adjusted shares.
-- Honest windows: the recent window ends at the last complete month (report_calendar; a month
-- the data or $until does not reach the end of is never tested), and only sources with
-- postings in both windows count (a stable panel: a source that came online in the recent
-- window cannot create risers), and the recent share is also given at the baseline's source
-- mix (k_recent_mix), which the significance test in Python (analytics/reports/stats.py) uses.
-- Imported and backfilled boards ($coverage: the lake's _source_coverage.jsonl, see
-- importers/coverage.py) are panel members of their own (source/board) and count only when the
-- period they are observed (recorded coverage, plus their own crawls for a crawled source)
-- spans both windows whole: an import of last month's postings with a few old stragglers, or
-- a file that stops before the recent window ends, cannot create risers or fallers.
-- params: $since, $until, $roles, $sources, $countries, $recent_months, $baseline_months,
-- $gap_months, $coverage
-- report_postings (filtered, deduplicated) and report_calendar come from shared/
with

bounds as (
    select
        least(
            c.last_complete_month,
            case
                when $until::date is null then null
                when last_day($until::date) = $until::date
                    then date_trunc('month', $until::date)::date
                else (date_trunc('month', $until::date) - interval 1 month)::date
            end
        ) as last_month,
    from report_calendar as c
),

coverage_spans as (
    select source, board, min(coverage_start) as cov_start, max(coverage_end) as cov_end,
    from (
        select unnest(
            coalesce(
                $coverage::struct(
                    source varchar, board varchar, coverage_start date, coverage_end date
                )[],
                []
            ),
            recursive := true
        )
    )
    group by all
),

covered_boards as (
    -- observed from the earliest of the recorded coverage and the board's own crawls (an
    -- import's crawl record is the import, not an observation of the market)
    select
        s.source,
        s.board,
        least(s.cov_start, min(c.started_at)::date) as observed_from,
        greatest(s.cov_end, max(coalesce(c.finished_at, c.started_at))::date) as observed_to,
    from coverage_spans as s
    left join crawl_runs as c
        on c.source = s.source and c.board = s.board and c.source <> 'import'
    group by s.source, s.board, s.cov_start, s.cov_end
),

covered_postings as (
    -- the board from the natural key (posting_id = source:board:source_id): no second scan
    -- of the postings view; with no coverage recorded the join is empty and skipped
    select
        p.posting_no,
        b.source || '/' || b.board as panel_key,
        b.observed_from,
        b.observed_to,
    from report_postings as p
    inner join covered_boards as b
        on p.source = b.source and starts_with(p.posting_id, b.source || ':' || b.board || ':')
),

all_windowed as (
    select
        p.posting_no,
        p.role,
        coalesce(cp.panel_key, p.source) as source,
        cp.observed_from,
        cp.observed_to,
        case
            when p.activity_month > b.last_month - to_months($recent_months::integer)
                then 'recent'
            else 'baseline'
        end as window_name,
    from report_postings as p
    cross join bounds as b
    left join covered_postings as cp on cp.posting_no = p.posting_no
    where
        p.activity_month <= b.last_month
        and (
            p.activity_month > b.last_month - to_months($recent_months::integer)
            or (
                p.activity_month
                <= b.last_month - to_months($recent_months::integer + $gap_months::integer)
                and p.activity_month > b.last_month - to_months(
                    $recent_months::integer + $gap_months::integer + $baseline_months::integer
                )
            )
        )
),

source_windows as (
    select
        w.source,
        bool_or(w.window_name = 'recent')
        and bool_or(w.window_name = 'baseline')
        and (
            any_value(w.observed_from) is null
            or (
                any_value(w.observed_from)
                <= any_value(b.last_month) - to_months(
                    $recent_months::integer + $gap_months::integer + $baseline_months::integer - 1
                )
                and any_value(w.observed_to) >= last_day(any_value(b.last_month))
            )
        ) as in_panel,
    from all_windowed as w
    cross join bounds as b
    group by w.source
),

panel as (
    select
        coalesce(list(source order by source) filter (where in_panel), []) as panel_sources,
        coalesce(list(source order by source) filter (where not in_panel), [])
            as dropped_sources,
    from source_windows
),

-- each (window, role, source) of the windowed postings numbered (a few hundred cells), with
-- its postings
windowed_cells as (
    select
        window_name,
        role,
        source,
        count(*) as n_postings,
        row_number() over (order by window_name, role, source) as cell,
    from all_windowed
    group by window_name, role, source
),

-- the cells of the panel's sources: the posting counts below add up cells instead of
-- re-reading the ~480K windowed postings (at 1M postings) once per count
panel_cells as (
    select c.window_name, c.role, c.source, c.n_postings,
    from windowed_cells as c
    semi join source_windows as sw on sw.source = c.source and sw.in_panel
),

-- each windowed posting's cell; materialized: inlined, DuckDB moves this join above the count
-- below and groups by the three strings again
posting_cells as materialized (
    select w.posting_no, c.cell,
    from all_windowed as w
    inner join windowed_cells as c using (window_name, role, source)
),

-- the (posting, skill) pairs of both windows counted once per window, role, source and skill
-- (one join of the ~4M pairs at 1M postings instead of one per count below), also of sources
-- outside the panel: the skill list keeps every skill, so an empty window reads n 0. Counted
-- by the cell's integer and the skill's, not by three strings and the skill (~0.4 CPU-s at 1M
-- postings)
pair_counts as (
    select c.window_name, c.role, c.source, k.skill_no, k.k,
    from (
        select pc.cell, s.skill_no, count(*) as k,
        from report_posting_skills as s
        inner join posting_cells as pc using (posting_no)
        group by pc.cell, s.skill_no
    ) as k
    inner join windowed_cells as c using (cell)
),

panel_pair_counts as (
    select c.*,
    from pair_counts as c
    semi join source_windows as sw on sw.source = c.source and sw.in_panel
),

window_totals as (
    select
        w.window_name,
        coalesce(sum(p.n_postings), 0)::bigint as n_window,
    from (values ('baseline'), ('recent')) as w (window_name)
    left join panel_cells as p using (window_name)
    group by all
),

window_skill_counts as (
    select
        window_name,
        skill_no,
        sum(k)::bigint as k_window,
    from panel_pair_counts
    group by all
),

role_weights as (
    select
        role,
        sum(n_postings) / sum(sum(n_postings)) over () as weight,
    from panel_cells
    group by role
),

window_role_totals as (
    select
        window_name,
        role,
        sum(n_postings)::bigint as n_role,
    from panel_cells
    group by all
),

window_present_weight as (
    select
        t.window_name,
        sum(w.weight::decimal(38, 18)) as present_weight,
    from window_role_totals as t
    inner join role_weights as w using (role)
    group by all
),

window_role_skill as (
    select
        window_name,
        role,
        skill_no,
        sum(k)::bigint as k_role,
    from panel_pair_counts
    group by all
),

adjusted as (
    select
        wrs.window_name,
        wrs.skill_no,
        -- summed as decimals (order-independent), as in fct_skill_share_monthly
        sum((w.weight * wrs.k_role / t.n_role)::decimal(38, 18))
            / any_value(pw.present_weight) as adjusted_share,
    from window_role_skill as wrs
    inner join window_role_totals as t using (window_name, role)
    inner join role_weights as w using (role)
    inner join window_present_weight as pw using (window_name)
    group by all
),

skill_universe as (
    select u.skill_no, k.skill_slug,
    from (select distinct skill_no from pair_counts) as u
    inner join report_skills as k using (skill_no)
),

-- the recent share at the baseline's source mix (direct standardisation over the panel): a
-- panel source that grew tenfold weighs what it weighed before; the significance test runs
-- on these counts (k_recent_mix of n_recent)
baseline_source_weights as (
    select
        source,
        sum(n_postings) / sum(sum(n_postings)) over () as weight,
    from panel_cells
    where window_name = 'baseline'
    group by source
),

recent_source_totals as (
    select source, sum(n_postings)::bigint as n_source,
    from panel_cells
    where window_name = 'recent'
    group by source
),

source_mix_share as (
    select
        k.skill_no,
        sum((w.weight * k.k_source / t.n_source)::decimal(38, 18))::double as share,
    from (
        select source, skill_no, sum(k)::bigint as k_source,
        from panel_pair_counts
        where window_name = 'recent'
        group by all
    ) as k
    inner join recent_source_totals as t using (source)
    inner join baseline_source_weights as w using (source)
    group by k.skill_no
),

window_counts as (
    select
        u.skill_no,
        u.skill_slug,
        coalesce(s.name, u.skill_slug) as skill_name,
        -- the baseline's first month: before the recent window and the gap (as all_windowed)
        (any_value(b.last_month) - to_months(
            $recent_months::integer + $gap_months::integer + $baseline_months::integer - 1
        ))::date as baseline_start,
        (any_value(b.last_month) - to_months($recent_months::integer - 1))::date as recent_start,
        any_value(b.last_month) as recent_end,
        coalesce(max(t.n_window) filter (where t.window_name = 'baseline'), 0) as n_baseline,
        coalesce(max(c.k_window) filter (where c.window_name = 'baseline'), 0) as k_baseline,
        coalesce(max(t.n_window) filter (where t.window_name = 'recent'), 0) as n_recent,
        coalesce(max(c.k_window) filter (where c.window_name = 'recent'), 0) as k_recent,
        round(100.0 * coalesce(max(a.adjusted_share) filter (
            where a.window_name = 'baseline'), 0), 2) as adj_share_baseline_pct,
        round(100.0 * coalesce(max(a.adjusted_share) filter (
            where a.window_name = 'recent'), 0), 2) as adj_share_recent_pct,
    from skill_universe as u
    cross join bounds as b
    cross join window_totals as t
    left join window_skill_counts as c
        on c.skill_no = u.skill_no and c.window_name = t.window_name
    left join adjusted as a on a.skill_no = u.skill_no and a.window_name = t.window_name
    left join skills as s on s.slug = u.skill_slug
    group by u.skill_no, u.skill_slug, s.name
),

final as (
    select
        window_counts.* exclude (skill_no),
        panel.panel_sources,
        panel.dropped_sources,
        round(100.0 * k_baseline / nullif(n_baseline, 0), 2) as share_baseline_pct,
        round(100.0 * k_recent / nullif(n_recent, 0), 2) as share_recent_pct,
        round(share_recent_pct - share_baseline_pct, 2) as change_pp,
        round(adj_share_recent_pct - adj_share_baseline_pct, 2) as adj_change_pp,
        round(coalesce(m.share, 0) * n_recent)::bigint as k_recent_mix,
        round(100.0 * coalesce(m.share, 0), 2) as share_recent_mix_pct,
    from window_counts
    cross join panel
    left join source_mix_share as m using (skill_no)
    order by skill_slug
)

select * from final
