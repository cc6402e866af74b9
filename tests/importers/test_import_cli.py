"""`jobtrends import`: JobSpy exports and generic files become postings of source `import` that
extract, load, dedup and report like crawled ones; bad rows are named, bad files fail in a line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl

from importers.demo_jobspy import jobspy_rows, write_jobspy_csv
from tests.importers.helpers import jobtrends, query

W = "jobtrends.duckdb"


def test_jobspy_file_imports_extracts_and_reports(work: Path) -> None:
    path = write_jobspy_csv(work / "jobs.csv", n_jobs=12)
    rows = jobspy_rows(n_jobs=12)
    result = jobtrends("import", str(path), "--source", "jobspy")
    assert result.exit_code == 0, result.output
    assert f"imported:  {len(rows)} (new {len(rows)}" in result.stdout
    postings = query(work / W, "select source, board, role, posted_at from postings")
    assert len(postings) == len(rows)
    assert {p[0] for p in postings} == {"import"}
    assert {p[1] for p in postings} <= {f"jobspy/{r['site']}" for r in rows}
    assert all(p[2] and p[2] != "other" for p in postings)  # titles are AI/data roles
    assert all(p[3] is not None for p in postings)
    # pay columns are structured pay with their stated interval
    paid = [r for r in rows if r["min_amount"]]
    salaries = query(work / W, "select salary_source, period from salaries")
    assert len(salaries) == len(paid)
    assert {s[0] for s in salaries} == {"structured"}
    assert {s[1] for s in salaries} == {
        {"yearly": "year", "hourly": "hour"}[r["interval"]] for r in paid
    }
    assert query(work / W, "select count(distinct posting_id) from posting_skills")[0][0] > 0
    reports = list((work / "reports").glob("*/index.html"))
    assert reports, "reports were not built"
    # extras stay in the lake line
    lake_lines = [
        json.loads(x) for f in (work / "data/raw").glob("*/import.jsonl") for x in f.open()
    ]
    assert all(line["extra"]["company_industry"] for line in lake_lines)
    from analytics.datatests import run_data_tests
    from analytics.db import connect

    con = connect(work / W, read_only=True)
    try:
        assert run_data_tests(con) == {}
    finally:
        con.close()


def test_same_job_on_two_sites_is_one_job(work: Path) -> None:
    rows = jobspy_rows(n_jobs=6)
    doubles = {(r["company"], r["title"], r["date_posted"]) for r in rows if r["site"] == "indeed"}
    doubles &= {
        (r["company"], r["title"], r["date_posted"]) for r in rows if r["site"] == "linkedin"
    }
    assert doubles
    path = write_jobspy_csv(work / "jobs.csv", n_jobs=6)
    assert jobtrends("import", str(path), "--source", "jobspy").exit_code == 0
    groups = query(
        work / W,
        "select dup_group_id, list(board order by board) from postings group by 1 having count(*) > 1",
    )
    assert len(groups) == len(doubles)
    assert all(boards == ["jobspy/indeed", "jobspy/linkedin"] for _g, boards in groups)
    jobs = query(work / W, "select count(distinct dup_group_id) from postings")[0][0]
    assert jobs == len(rows) - len(doubles)


def test_reimport_adds_nothing_and_changed_rows_make_versions(work: Path) -> None:
    path = write_jobspy_csv(work / "jobs.csv", n_jobs=6)
    assert jobtrends("import", str(path), "--source", "jobspy").exit_code == 0
    before = query(work / W, "select count(*) from raw_postings")[0][0]
    again = jobtrends("import", str(path), "--source", "jobspy")
    assert again.exit_code == 0, again.output
    assert "imported:  0 (new 0, changed 0)" in again.stdout
    assert f"unchanged: {len(jobspy_rows(n_jobs=6))}" in again.stdout
    assert query(work / W, "select count(*) from raw_postings")[0][0] == before
    # a later export where one posting's title changed: one new version, nothing else
    rows = jobspy_rows(n_jobs=6)
    rows[0]["title"] = rows[0]["title"] + " II"
    with (work / "jobs.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    later = jobtrends("import", str(path), "--source", "jobspy")
    assert "imported:  1 (new 0, changed 1)" in later.stdout, later.output
    assert query(work / W, "select count(*) from raw_postings")[0][0] == before + 1
    assert query(work / W, "select count(*) from postings")[0][0] == len(rows)


def test_broken_rows_are_reported_and_the_rest_loads(work: Path) -> None:
    path = write_jobspy_csv(work / "jobs.csv", n_jobs=6, broken=True)
    with path.open("a", encoding="utf-8") as fh:  # a line with too many fields
        fh.write(
            "li-1,linkedin,https://x.example/1,,Data Engineer,Acme,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r\n"
        )
    result = jobtrends("import", str(path), "--source", "jobspy")
    assert result.exit_code == 0, result.output
    good = len(jobspy_rows(n_jobs=6))
    assert "jobs.csv row 3: no title" in result.stderr
    assert "jobs.csv row 4: no id or url" in result.stderr
    assert f"jobs.csv row {good + 3}: unreadable row: too many columns" in result.stderr
    assert "rejected:  3" in result.stdout
    assert query(work / W, "select count(*) from postings")[0][0] == good
    rejects = list((work / "data/raw").glob("*/_import_rejects.jsonl"))
    assert sum(1 for _ in rejects[0].open()) == 3


def test_generic_csv_with_map(work: Path) -> None:
    path = work / "client.csv"
    path.write_text(
        "Ref,Stelle,Firma,Ort,Link,Datum\n"
        "A-1,Machine Learning Engineer,Kestrel GmbH,Berlin,https://kestrel.example/1,2026-09-02\n"
        "A-2,Data Scientist,Kestrel GmbH,Munich,https://kestrel.example/2,2026-10-11\n",
        encoding="utf-8",
    )
    no_map = jobtrends("import", str(path))
    assert no_map.exit_code == 2
    assert "no column maps to title" in no_map.stderr and "--map" in no_map.stderr
    args = ["--map", "Stelle=title", "--map", "Firma=company", "--map", "Ort=locations"]
    args += ["--map", "Datum=posted_at"]
    dry = jobtrends("import", str(path), *args, "--map", "Ref=source_id", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Stelle" in dry.stdout and "-> title" in dry.stdout and "(--map)" in dry.stdout
    assert '"title": "Machine Learning Engineer"' in dry.stdout
    assert not (work / W).exists()  # a dry run loads nothing
    result = jobtrends("import", str(path), *args, "--map", "Ref=source_id", "--source", "client")
    assert result.exit_code == 0, result.output
    rows = query(
        work / W, "select posting_id, company, locations, posted_month from postings order by 1"
    )
    assert [r[0] for r in rows] == ["import:client:A-1", "import:client:A-2"]
    assert rows[0][2] == ["Berlin"] and str(rows[1][3]) == "2026-10-01"
    from importers.coverage import source_coverage

    assert source_coverage(work / "data/raw") == {
        ("import", "client"): ("2026-09-01", "2026-10-31")
    }


def test_parquet_and_jsonl_are_read_in_place(work: Path) -> None:
    frame = pl.DataFrame(jobspy_rows(n_jobs=4)).with_columns(
        pl.col("date_posted").str.to_date(), pl.col("is_remote") == "True"
    )
    frame.write_parquet(work / "jobs.parquet")
    frame.write_ndjson(work / "more.jsonl")
    result = jobtrends("import", str(work / "jobs.parquet"), "--source", "jobspy")
    assert result.exit_code == 0, result.output
    assert query(work / W, "select count(*) from postings")[0][0] == frame.height
    # the same rows as JSON lines are the same postings: nothing new
    again = jobtrends("import", str(work / "more.jsonl"), "--source", "jobspy")
    assert "imported:  0 (new 0" in again.stdout, again.output
    remote = frame.filter(pl.col("is_remote")).height
    assert (
        query(work / W, "select count(*) from postings where workplace_type = 'remote'")[0][0]
        == remote
    )


def test_bad_file_or_format_is_one_line_and_exit_2(work: Path) -> None:
    missing = jobtrends("import", str(work / "nope.csv"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    odd = work / "jobs.xlsx"
    odd.write_bytes(b"PK\x03\x04 not a csv")
    assert "pass --format" in jobtrends("import", str(odd)).stderr
    assert jobtrends("import", str(odd), "--format", "yaml").exit_code == 2
    junk = work / "junk.parquet"
    junk.write_text("not parquet", encoding="utf-8")
    result = jobtrends("import", str(junk))
    assert result.exit_code == 2 and "not readable as parquet" in result.stderr
    assert "Traceback" not in result.output
    plain = work / "plain.csv"
    plain.write_text("title,url\nML Engineer,https://a.example/1\n", encoding="utf-8")
    assert "not a JobSpy export" in jobtrends("import", str(plain), "--format", "jobspy").stderr
    assert "unknown field" in jobtrends("import", str(plain), "--map", "title=job").stderr


def test_json_array_file_reads_like_json_lines(work: Path) -> None:
    path = work / "export.json"
    path.write_text(
        json.dumps(
            [
                {
                    "job_id": "7",
                    "job_title": "AI Engineer",
                    "employer": "Tern",
                    "url": "https://t.example/7",
                }
            ]
        ),
        encoding="utf-8",
    )
    dry = jobtrends("import", str(path), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "job_title" in dry.stdout and "(synonym)" in dry.stdout
    assert '"source_id": "7", "title": "AI Engineer", "company": "Tern"' in dry.stdout
