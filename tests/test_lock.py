"""Two overlapping runs on one warehouse: the second fails fast with a clear message."""

import subprocess
import sys
from pathlib import Path

import pytest

from flows.lock import RunLocked, warehouse_lock


def test_second_holder_in_another_process_is_refused(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with warehouse_lock(warehouse):
        code = (
            "import sys; from pathlib import Path; from flows.lock import warehouse_lock, RunLocked\n"
            "try:\n"
            f"    with warehouse_lock(Path({str(warehouse)!r})): sys.exit(0)\n"
            "except RunLocked as e:\n"
            "    print(e); sys.exit(3)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
    assert proc.returncode == 3
    assert "being written by another jobtrends run" in proc.stdout


def test_lock_is_released_after_the_run(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with warehouse_lock(warehouse):
        pass
    with warehouse_lock(warehouse):
        pass


def test_nested_holder_in_same_process_is_refused(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with warehouse_lock(warehouse):
        with pytest.raises(RunLocked):
            with warehouse_lock(warehouse):
                pass
