"""The report flow scheduled on its own reads what the pipeline run reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.demo_jobspy import write_jobspy_csv
from tests.importers.helpers import jobtrends

COVERAGE_NOTE = "Recorded coverage of imported and backfilled boards"


def _markdown(written: dict[str, list[Path]]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for ps in written.values() for p in ps)


def test_report_flow_on_its_own_reads_the_lake_coverage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the lake, the trend reports state the imported boards' recorded coverage."""
    from flows.report import report_flow

    monkeypatch.chdir(tmp_path)
    for var in ("JOBTRENDS_WAREHOUSE", "JOBTRENDS_LAKE", "JOBTRENDS_REPORTS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("JOBTRENDS_SOURCES", str(tmp_path / "sources.toml"))
    result = jobtrends("import", str(write_jobspy_csv(tmp_path / "jobs.csv", n_jobs=12)))
    assert result.exit_code == 0, result.output
    warehouse = tmp_path / "jobtrends.duckdb"
    lake = tmp_path / "data" / "raw"
    with_lake = report_flow(warehouse, tmp_path / "out", formats=("md",), lake=lake)
    assert COVERAGE_NOTE in _markdown(with_lake)
    without = report_flow(warehouse, tmp_path / "bare", formats=("md",))
    assert COVERAGE_NOTE not in _markdown(without)
    # a torn coverage line is named in the notes, and the readable ones still count
    coverage = next(lake.glob("*/_source_coverage.jsonl"))
    with coverage.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "import", "board": "jo\n')
    torn = _markdown(report_flow(warehouse, tmp_path / "torn", formats=("md",), lake=lake))
    assert "1 recorded-coverage line(s) of the lake could not be read" in torn
    assert COVERAGE_NOTE in torn
