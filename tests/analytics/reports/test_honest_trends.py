"""Honest trends: new sources, partial months and missing baselines never read as trends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import numpy as np
import polars as pl
from report_seed import make_db, posting

from analytics.reports import ReportContext, ReportParams, detect_risers
from analytics.reports.context import SourceSpan
from analytics.reports.role_fingerprints import role_convergence
from analytics.reports.skill_trends import skill_trends
from analytics.reports.stats import two_proportion_z


def _crawl(day: datetime) -> dict:
    return {"run_id": f"r{day:%Y%m%d}", "source": "greenhouse", "board": "acme", "status": "ok",
            "started_at": day, "finished_at": day}  # fmt: skip


def _months(n: int, start: date = date(2025, 1, 1)) -> list[date]:
    return [date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
            for i in range(n)]  # fmt: skip


def _warehouse(months: list[date], per_month: int, extra=(), end: datetime | None = None):
    """Stable skill shares (rag 20%, python 60%) from one source; `extra` adds postings
    (pid, source, month, skills)."""
    rng = np.random.default_rng(5)
    postings, mentions = [], []
    for m in months:
        for j in range(per_month):
            pid = f"g{m:%Y%m}-{j}"
            postings.append(posting(pid, "ai-engineer", "mid", m.replace(day=1 + j % 27)))
            for slug, p in (("rag", 0.2), ("python", 0.6)):
                if rng.random() < p:
                    mentions.append({"posting_id": pid, "skill_slug": slug})
    for pid, source, day, skills in extra:
        postings.append(posting(pid, "ai-engineer", "mid", day, source=source, board=source))
        mentions += [{"posting_id": pid, "skill_slug": s} for s in skills]
    last = months[-1]
    end = end or datetime(last.year + last.month // 12, last.month % 12 + 1, 1) - _day()
    return make_db(postings, mentions, crawl_runs=[_crawl(datetime(2025, 1, 2)), _crawl(end)])


def _day():
    from datetime import timedelta

    return timedelta(seconds=1)


def _row(frame: pl.DataFrame, slug: str) -> dict:
    return frame.filter(pl.col("skill_slug") == slug).row(0, named=True)


def test_a_source_added_in_the_last_quarter_creates_no_riser() -> None:
    months = _months(18)
    extra = [
        (f"hn{m:%Y%m}-{j}", "hn", m.replace(day=5), ["rag"] if j % 5 else [])
        for m in months[-3:]
        for j in range(150)
    ]  # a new source: 450 postings, rag in 80%
    con = _warehouse(months, 100, extra)
    rag = _row(detect_risers(con), "rag")
    assert rag["direction"] != "riser" and not rag["is_significant"]
    assert rag["dropped_sources"] == ["hn"] and rag["panel_sources"] == ["greenhouse"]
    assert rag["n_recent"] == 600  # greenhouse's six recent months only
    # pooled over both sources the same counts read as a strong riser: the test can fail
    k_hn = sum(1 for e in extra if e[3])
    _, p = two_proportion_z(rag["k_baseline"], rag["n_baseline"],
                            rag["k_recent"] + k_hn, rag["n_recent"] + len(extra))  # fmt: skip
    assert p < 1e-6
    report = skill_trends(ReportContext(con, ReportParams()))
    assert any("left out as new or gone: hn" in n for n in report.notes)


def test_a_partial_month_is_marked_and_excluded_from_tests() -> None:
    months = _months(18)
    spike = [(f"sp{j}", "greenhouse", date(2026, 7, 2 + j % 8), ["mcp"]) for j in range(60)]
    # crawls reach 2026-07-10: July is partial, June the last complete month
    con = _warehouse(months, 100, spike, end=datetime(2026, 7, 10, 6))
    ctx = ReportContext(con, ReportParams())
    monthly = ctx.mart("fct_skill_share_monthly")
    partial = monthly.filter(pl.col("is_partial"))["month"].unique().to_list()
    assert partial == [date(2026, 7, 1)]
    frame = detect_risers(con, min_support=1)
    rag = _row(frame, "rag")
    assert rag["recent_end"] == date(2026, 6, 1)
    assert rag["n_recent"] == 600  # July's postings are not in the recent window
    assert "mcp" not in frame["skill_slug"].to_list()  # its spike is all in July
    report = skill_trends(ctx)
    assert any("Partial month(s) 2026-07" in n for n in report.notes)
    convergence = role_convergence(ctx)
    assert any("Partial month(s) 2026-07" in n for n in convergence.notes)
    assert any("history before it comes only from postings still open" in n for n in report.notes)
    # the same data with July complete tests the spike: the test can fail
    closed = _warehouse(months, 100, spike, end=datetime(2026, 7, 31, 23))
    mcp = _row(detect_risers(closed, min_support=1), "mcp")
    assert mcp["k_recent"] == 60 and mcp["direction"] == "riser"


def test_a_window_without_baseline_says_so() -> None:
    con = _warehouse(_months(8, date(2026, 1, 1)), 100)
    frame = detect_risers(con)
    assert set(frame["direction"]) == {"no baseline"}
    assert not frame["is_significant"].any()
    report = skill_trends(ReportContext(con, ReportParams()))
    assert report.headlines[0].startswith("no baseline")


def test_last_months_window_ends_at_the_last_complete_month() -> None:
    con = _warehouse(_months(10, date(2026, 1, 1)), 20, end=datetime(2026, 10, 20))
    params = ReportContext(con, ReportParams(last_months=6)).params
    assert (params.since, params.until) == (date(2026, 4, 1), date(2026, 9, 30))


def test_a_panel_source_that_grew_creates_no_riser() -> None:
    """A source with a few postings in the baseline and many in the recent window is in the
    panel; the test reads the recent share at the baseline's source mix."""
    months = _months(18)
    extra = [
        (f"lv{m:%Y%m}-{j}", "lever", m.replace(day=7), ["rag"] if j % 5 else [])
        for i, m in enumerate(months)
        for j in range(2 if i < 12 else 150)
    ]  # lever: rag in 80% of its postings, 2 a month, then 150 a month in the last 6 months
    con = _warehouse(months, 100, extra)
    rag = _row(detect_risers(con), "rag")
    assert rag["panel_sources"] == ["greenhouse", "lever"]
    assert rag["change_pp"] > 20  # raw shares move with the source mix
    assert abs(rag["mix_change_pp"]) < 5 and rag["direction"] != "riser"
    raw = two_proportion_z(rag["k_baseline"], rag["n_baseline"], rag["k_recent"], rag["n_recent"])
    assert raw[1] < 1e-6  # the raw counts would have flagged it: the test can fail


def _import_rows(board: str, months: list[date], per_month: int, rag_every: int | None) -> list:
    """(pid, source, day, skills) rows of an imported board: rag in 1 of `rag_every` postings."""
    return [
        (f"import:{board}:{m:%Y%m}-{j}", ("import", board), m.replace(day=3 + j % 20),
         ["rag"] if rag_every and j % rag_every == 0 else [])
        for m in months for j in range(per_month)
    ]  # fmt: skip


def _warehouse_with_boards(months: list[date], rows: list):
    """`_warehouse` where `rows` name their (source, board) pair (ids source:board:id, as
    the natural key the trend mart reads boards from)."""
    con = _warehouse(months, 100)
    postings_rows, mention_rows = [], []
    for pid, (source, board), day, skills in rows:
        postings_rows.append(posting(pid, "ai-engineer", "mid", day, source=source, board=board))
        mention_rows += [{"posting_id": pid, "skill_slug": s} for s in skills]
    extra = make_db(postings_rows, mention_rows)
    for table in ("postings", "skill_mentions", "posting_skills"):
        con.register("_extra", extra.table(table).pl())
        con.execute(f"insert into {table} by name select * from _extra")
        con.unregister("_extra")
    return con


def test_an_import_covering_part_of_the_baseline_creates_no_riser() -> None:
    """An imported board present in both windows, but recorded as covering only the baseline's
    last three months: its months are partial for the comparison, so it is left out of the
    panel; without the coverage record the same postings read as a riser."""
    months = _months(18)  # 2025-01 .. 2026-06: baseline 2025-01..06, recent 2026-01..06
    rows = _import_rows("jobspy/indeed", months[3:6], 100, None)  # no rag in 2025-04..06
    rows += _import_rows("jobspy/indeed", months[12:], 100, 2)  # rag in 50% from 2026-01
    con = _warehouse_with_boards(months, rows)
    span = SourceSpan(source="import", board="jobspy/indeed", start=date(2025, 4, 1),
                      end=date(2026, 6, 30), how="import")  # fmt: skip
    covered = _row(detect_risers(con, source_coverage=(span,)), "rag")
    assert covered["dropped_sources"] == ["import/jobspy/indeed"]
    assert covered["panel_sources"] == ["greenhouse"]
    assert covered["direction"] != "riser" and covered["n_recent"] == 600
    blind = _row(detect_risers(con), "rag")  # no coverage known: in the panel by presence
    assert blind["panel_sources"] == ["greenhouse", "import"]
    assert blind["direction"] == "riser"  # the test can fail
    report = skill_trends(ReportContext(con, ReportParams(source_coverage=(span,))))
    assert any("left out: import/jobspy/indeed" in n for n in report.notes)
    assert any("import 2025-04 to 2026-06" in n for n in report.notes)


def test_a_backfill_spanning_both_windows_stays_in_the_panel() -> None:
    months = _months(18)
    rows = [(f"hn:whoishiring:{m:%Y%m}-{j}", ("hn", "whoishiring"), m.replace(day=2), ["rag"] if j % 5 == 0
             else []) for m in months for j in range(40)]  # fmt: skip
    con = _warehouse_with_boards(months, rows)
    span = SourceSpan(source="hn", board="whoishiring", start=date(2024, 12, 1),
                      end=date(2026, 6, 30), how="backfill")  # fmt: skip
    rag = _row(detect_risers(con, source_coverage=(span,)), "rag")
    assert rag["panel_sources"] == ["greenhouse", "hn/whoishiring"]
    assert rag["n_recent"] == 600 + 240
    report = skill_trends(ReportContext(con, ReportParams(source_coverage=(span,))))
    assert any("hn/whoishiring (backfill 2024-12 to 2026-06: every posting" in n
               for n in report.notes)  # fmt: skip
    assert any("kept: hn/whoishiring" in n for n in report.notes)
    # a backfill that stopped before the recent window ends is partial there: left out
    short = replace(span, end=date(2026, 3, 31))
    assert _row(detect_risers(con, source_coverage=(short,)), "rag")["dropped_sources"] == [
        "hn/whoishiring"
    ]


def test_lake_coverage_reads_the_coverage_lines(tmp_path) -> None:
    from analytics.reports.coverage import lake_coverage
    from importers.coverage import write_coverage

    write_coverage(tmp_path, "20261101T000000Z-aaaaaa", [
        {"source": "hn", "board": "whoishiring", "coverage_start": "2025-01-01",
         "coverage_end": "2025-12-31", "how": "backfill"}])  # fmt: skip
    write_coverage(tmp_path, "20261201T000000Z-bbbbbb", [
        {"source": "hn", "board": "whoishiring", "coverage_start": "2024-11-01",
         "coverage_end": "2026-11-30", "how": "backfill"},
        {"source": "import", "board": "jobs", "coverage_start": "2026-10-01",
         "coverage_end": "2026-11-30", "how": "import"}])  # fmt: skip
    spans = lake_coverage(tmp_path)
    assert [(s.key, s.start, s.end, s.how) for s in spans] == [
        ("hn/whoishiring", date(2024, 11, 1), date(2026, 11, 30), "backfill"),
        ("import/jobs", date(2026, 10, 1), date(2026, 11, 30), "import"),
    ]
    assert lake_coverage(tmp_path / "missing") == () and lake_coverage(None) == ()


def test_the_baseline_window_is_labelled_where_its_months_are() -> None:
    """Recent 6, gap 6, baseline 6 (year over year) on 2025-01..2026-06: the baseline counts
    2025-01..2025-06, and its start says so (not 2025-07, the first month of the gap)."""
    con = _warehouse(_months(18), 100)
    rag = _row(detect_risers(con), "rag")
    assert (rag["recent_start"], rag["recent_end"]) == (date(2026, 1, 1), date(2026, 6, 1))
    assert rag["baseline_start"] == date(2025, 1, 1) and rag["n_baseline"] == 600
    adjacent = _row(detect_risers(con, gap_months=0), "rag")
    assert adjacent["baseline_start"] == date(2025, 7, 1) and adjacent["n_baseline"] == 600


def test_unreadable_coverage_lines_are_named_not_dropped_silently(tmp_path) -> None:
    """A torn line, a non-object, a line without dates and a span with an unreadable date are
    left out of the coverage, each named with its reason, and the trend notes say so."""
    from analytics.reports.coverage import lake_coverage, reach_note
    from importers.coverage import COVERAGE_FILE, write_coverage

    run = "20261201T000000Z-bbbbbb"
    write_coverage(tmp_path, run, [
        {"source": "hn", "board": "whoishiring", "coverage_start": "2025-01-01",
         "coverage_end": "2025-12-31", "how": "backfill"},
        {"source": "import", "board": "jobs", "coverage_start": "last spring",
         "coverage_end": "2026-11-30", "how": "import"}])  # fmt: skip
    with (tmp_path / run / COVERAGE_FILE).open("a", encoding="utf-8") as fh:
        fh.write('{"source": "hn", "board": "x", "coverage_st\n[1, 2]\n{"source": "a"}\n\n')
    skipped: list[str] = []
    spans = lake_coverage(tmp_path, skipped)
    assert [s.key for s in spans] == ["hn/whoishiring"]
    assert skipped == [
        f"{run}/{COVERAGE_FILE}:3: corrupt JSON",
        f"{run}/{COVERAGE_FILE}:4: not a JSON object (list)",
        f"{run}/{COVERAGE_FILE}:5: no coverage_start",
        "import/jobs: unreadable coverage dates 'last spring' to '2026-11-30'",
    ]
    note = reach_note(spans, tuple(skipped))[-1]
    assert note.startswith("4 recorded-coverage line(s) of the lake could not be read")
    assert "and 1 more" in note
    assert reach_note((), tuple(skipped[:1])) and not reach_note((), ())
