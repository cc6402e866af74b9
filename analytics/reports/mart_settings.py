"""DuckDB settings a mart runs under, set for its query only and restored after.

Why: a mart whose SQL hands DuckDB a small integer range (a `%` by a constant) lets it count
in a directly indexed array instead of a hash table, but only up to `perfect_ht_threshold`
bits (12 by default). Raising it for every query on the report connection would also size
other marts' small groupings that way, so it is raised only for the marts named here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

#: mart name -> {setting: value}
MART_SETTINGS: dict[str, dict[str, Any]] = {
    # pair codes below 2^20 (fct_skill_cooccurrence.sql, ordered_pair_counts), one bit more
    # for the null slot: ~24M pairs at 1M postings counted in a 2^21-slot array (~20 MB a
    # thread) instead of a hash table
    "fct_skill_cooccurrence": {"perfect_ht_threshold": 21},
}


@contextmanager
def mart_settings(con: duckdb.DuckDBPyConnection, mart: str) -> Iterator[None]:
    """Run the body with the mart's settings, then put the connection's own values back."""
    wanted = MART_SETTINGS.get(mart, {})
    before = {
        name: con.execute("select current_setting(?)", [name]).fetchall()[0][0] for name in wanted
    }
    try:
        for name, value in wanted.items():
            con.execute(f"set {name} = {value!r}")
        yield
    finally:
        for name, value in before.items():
            con.execute(f"set {name} = {value!r}")
