"""DuckDB's buffer pool: capped for the load stage, overridable by the environment."""

from __future__ import annotations

from analytics.db import LOAD_MEMORY_LIMIT, connect, connect_for_load


def _limit(con) -> str:
    return con.execute("select current_setting('memory_limit')").fetchall()[0][0]


def test_the_load_cap_applies_when_asked_and_the_environment_wins(monkeypatch):
    monkeypatch.delenv("JOBTRENDS_DUCKDB_MEMORY_LIMIT", raising=False)
    default = _limit(connect(":memory:"))
    capped = _limit(connect(":memory:", memory_limit_default=LOAD_MEMORY_LIMIT))
    assert capped == "953.6 MiB" and default != capped
    monkeypatch.setenv("JOBTRENDS_DUCKDB_MEMORY_LIMIT", "512MB")
    assert _limit(connect(":memory:", memory_limit_default=LOAD_MEMORY_LIMIT)) == "488.2 MiB"
    assert _limit(connect(":memory:")) == "488.2 MiB"


def test_load_connections_cap_memory_and_drop_insertion_order(monkeypatch, tmp_path):
    monkeypatch.delenv("JOBTRENDS_DUCKDB_MEMORY_LIMIT", raising=False)
    con = connect_for_load(tmp_path / "w.duckdb")
    setting = "select current_setting('preserve_insertion_order')"
    assert _limit(con) == "953.6 MiB"
    assert con.execute(setting).fetchall()[0][0] is False
    assert connect(":memory:").execute(setting).fetchall()[0][0] is True
