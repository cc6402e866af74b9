"""The load bench's judged ratio: paired loader/CTAS rounds and the rows that judge them."""

from pathlib import Path

from bench.loadbench import _paired, _postings, _write_lake
from bench.rows import load_rows

SHORT = {
    "rows": 1000,
    "rows_per_s": 50_000.0,
    "stage_rows_per_s": 200_000.0,
    "merge_rows_per_s": 70_000.0,
    "reload_rows_per_s": 80_000.0,
    "dedup_seconds": 0.1,
    "extraction_rows_per_s": 90_000.0,
    "floor_disk_rows_per_s": 125_000.0,
}


def test_the_paired_ratio_is_judged_and_the_arrow_ratio_only_shown() -> None:
    paired = {
        "paired_rounds": 3,
        "paired_ratio_cpu": 0.65,
        "paired_ratio_wall": 0.62,
        "paired_ratios_wall": [0.5, 0.62, 0.7],
        "paired_loader_wall_s": 2.0,
        "paired_floor_wall_s": 1.24,
    }
    rows = {r.key: r for r in load_rows({"short": {**SHORT, **paired}})}
    assert rows["load.ratio_vs_floor"].ok is True  # 0.65 >= 0.6
    assert "range 0.50-0.70" in rows["load.ratio_vs_floor"].note
    assert rows["load.ratio_vs_arrow_floor"].value == 0.4  # 50k / 125k rows/s
    assert rows["load.ratio_vs_arrow_floor"].ok is None


def test_missing_paired_rounds_judge_nothing() -> None:
    rows = {r.key: r for r in load_rows({"short": SHORT})}
    assert rows["load.ratio_vs_floor"].value is None
    assert rows["load.ratio_vs_floor"].ok is None
    assert rows["load.ratio_vs_floor"].note == "paired rounds missing"


def test_paired_rounds_time_both_sides_on_the_same_lake(tmp_path: Path) -> None:
    lake = tmp_path / "lake.jsonl"
    _write_lake(lake, _postings(300, False))
    out = _paired(lake, tmp_path / "paired.duckdb", rounds=2)
    assert out["paired_rounds"] == 2 and len(out["paired_ratios_wall"]) == 2
    assert out["paired_ratio_cpu"] > 0 and out["paired_floor_wall_s"] > 0
    assert not (tmp_path / "paired.duckdb").exists()  # each side starts from an empty file
