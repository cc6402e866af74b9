"""Shared report plumbing: parameters, the mart runner and the result every renderer consumes.

Why: each report is computed once (a mart SQL file run by name -> one Polars frame) and every
output format renders that same ``ReportResult``, so numbers cannot drift between formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.db import sql as named_sql
from analytics.db import temp_table_exists
from analytics.reports.reference import reference_rows

MART_DIR = Path(__file__).resolve().parents[1] / "sql" / "marts"
_PARAM_RE = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT_RE = re.compile(r"--[^\n]*")

#: Headline skills the source articles claim for AI engineers ("production deployment" -> mlops).
HEADLINE_SKILLS: tuple[str, ...] = ("rag", "llm-evaluation", "ai-agents", "mlops")

EXCLUDED_SALARY_FLAGS: tuple[str, ...] = (
    "min_gt_max",
    "absurd_ratio",
    "non_positive",
    "below_plausible_annual",
    "above_plausible_annual",
    "currency_conflict",
    "ote",
    "total_comp",
)


@dataclass(frozen=True, kw_only=True)
class ReportParams:
    """Filters and knobs; defaults are the published report settings."""

    since: date | None = None  #: first posting date included (posted_at, else first_seen_at)
    until: date | None = None  #: last posting date included
    roles: tuple[str, ...] | None = None  #: role slugs to keep; None = all
    sources: tuple[str, ...] | None = None  #: source names to keep; None = all
    countries: tuple[str, ...] | None = None  #: ISO country codes to keep; None = all
    #: salary bands compare with a US reference: without a country filter they use these markets
    salary_countries: tuple[str, ...] = ("US",)
    focus_role: str = "ai-engineer"
    headline_skills: tuple[str, ...] = HEADLINE_SKILLS
    headline_threshold: float = 0.25  #: share a headline skill must clear (CI lower bound)
    top_n: int = 15
    include_estimates: bool = False
    #: salary flags that make a salary unusable (pipelines/salary flags: quality failures and
    #: amounts that are not base pay); other flags are informational and keep the salary
    excluded_flags: tuple[str, ...] = EXCLUDED_SALARY_FLAGS
    min_cell_n: int = 5  #: salary cells with fewer salaries are suppressed
    min_premium_n: int = 10  #: skill premium needs this many salaries with and without
    min_convergence_n: int = 20  #: postings per role and quarter before a similarity is shown
    min_support: int = 20  #: mentions (both windows) before a trend may be flagged
    min_pair_support: int = 10
    recent_months: int = 6
    baseline_months: int = 6
    #: months between the baseline and the recent window (6 with 6+6 = year over year)
    gap_months: int = 6
    alpha: float = 0.01
    bootstrap_samples: int = 2000
    seed: int = 20260301

    def sql_params(self) -> dict[str, Any]:
        """Values the mart files may reference as ``$name``."""
        return {
            "since": self.since,
            "until": self.until,
            "roles": list(self.roles) if self.roles else None,
            "sources": list(self.sources) if self.sources else None,
            "countries": list(self.countries) if self.countries else None,
            "focus_role": self.focus_role,
            "headline_skills": list(self.headline_skills),
            "include_estimates": self.include_estimates,
            "excluded_flags": list(self.excluded_flags),
            "min_cell_n": self.min_cell_n,
            "min_premium_n": self.min_premium_n,
            "min_convergence_n": self.min_convergence_n,
            "min_pair_support": self.min_pair_support,
            "top_n": self.top_n,
            "recent_months": self.recent_months,
            "baseline_months": self.baseline_months,
            "gap_months": self.gap_months,
        }

    def describe(self) -> str:
        """One line naming the active filters, printed in every report."""
        parts = [
            f"since {self.since}" if self.since else "since start",
            f"until {self.until}" if self.until else "until latest",
            f"roles: {', '.join(self.roles)}" if self.roles else "all roles",
            f"sources: {', '.join(self.sources)}" if self.sources else "all sources",
            f"countries: {', '.join(self.countries)}" if self.countries else "all countries",
            "estimates included" if self.include_estimates else "estimated salaries excluded",
        ]
        return "; ".join(parts)


#: relations every mart may read, in dependency order (analytics/sql/shared/<name>.sql)
SHARED_RELATIONS: tuple[str, ...] = ("report_postings", "report_posting_skills")


def _needed_shared(sql: str) -> list[str]:
    """Shared relations a query reads, with what they read in turn (skills need postings)."""
    needed = {n for n in SHARED_RELATIONS if re.search(rf"\b{n}\b", sql)}
    if "report_posting_skills" in needed:
        needed.add("report_postings")
    return [n for n in SHARED_RELATIONS if n in needed]


def _used_params(sql: str, params: dict[str, Any], what: str) -> dict[str, Any]:
    """The parameters the SQL itself binds (comments name the shared ones too: skip them)."""
    used = set(_PARAM_RE.findall(_COMMENT_RE.sub("", sql)))
    missing = used - params.keys()
    if missing:
        raise KeyError(f"{what} needs parameters {sorted(missing)}")
    return {k: v for k, v in params.items() if k in used}


def materialise_shared(con: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> None:
    """Build the shared relations once as temp tables for these filters.

    Why: every mart starts from the same filtered, deduplicated postings and (posting, skill)
    pairs; computing them once per report run instead of once per mart is what keeps each
    mart well under a second at 1M postings.
    """
    fingerprint = repr(sorted((k, repr(v)) for k, v in params.items()))
    if _materialised_for(con) == fingerprint:
        return
    for name in SHARED_RELATIONS:
        sql = named_sql(f"shared/{name}")
        con.execute(
            f"create or replace temp table {name} as\n{sql}",
            _used_params(sql, params, f"shared/{name}"),
        )
        if name == "report_postings":
            _check_posting_numbers(con)
    con.execute(
        "create or replace temp table report_shared_params as select $f as fingerprint",
        {"f": fingerprint},
    )


def _check_posting_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """posting_no is a 64-bit hash of posting_id: fail loudly on the (~1e-7 at 1M) collision
    rather than merge two postings' skills."""
    total, distinct = con.execute(
        "select count(*), count(distinct posting_no) from report_postings"
    ).fetchall()[0]
    if total != distinct:
        raise RuntimeError(
            f"report_postings: {total - distinct} posting_no hash collisions among {total} "
            "postings; report numbers would merge postings (please report this)"
        )


def _materialised_for(con: duckdb.DuckDBPyConnection) -> str | None:
    """The parameters the connection's shared temp tables were built for (None = not built):
    two report contexts on one connection (salary bands narrow the countries) must not read
    each other's postings."""
    if not temp_table_exists(con, "report_shared_params"):
        return None
    rows = con.execute("select fingerprint from report_shared_params").fetchall()
    return rows[0][0] if rows else None


def run_mart(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    shared_ready: bool = False,
) -> pl.DataFrame:
    """Run ``analytics/sql/marts/<name>.sql`` with the named parameters it uses.

    The shared relations come from materialise_shared (``shared_ready``) or, for a mart run on
    its own, are inlined from ``sql/shared/`` as leading CTEs.
    """
    sql = named_sql(f"marts/{name}")
    if not shared_ready:
        ctes = "".join(f"{n} as (\n{named_sql(f'shared/{n}')}),\n" for n in _needed_shared(sql))
        if ctes:
            sql = re.sub(r"^with\s*$", f"with\n\n{ctes}", sql, count=1, flags=re.M)
    return con.sql(sql, params=_used_params(sql, params or {}, f"mart {name}")).pl()


@dataclass
class ReportContext:
    """A connection plus parameters; caches marts so a mart shared by two reports runs once."""

    con: duckdb.DuckDBPyConnection
    params: ReportParams = field(default_factory=ReportParams)
    _cache: dict[str, pl.DataFrame] = field(default_factory=dict)

    def mart(self, name: str) -> pl.DataFrame:
        if name not in self._cache:
            params = {**self.params.sql_params(), "reference": reference_rows()}
            materialise_shared(self.con, params)  # no-op while built for these parameters
            self._cache[name] = run_mart(self.con, name, params, shared_ready=True)
        return self._cache[name]

    def coverage(self) -> dict[str, Any]:
        """Postings, skill and salary coverage under the active filters (one row)."""
        return self.mart("fct_report_coverage").row(0, named=True)


@dataclass
class ReportResult:
    """One computed report: the frame all formats render, plus its headline text and chart."""

    name: str
    title: str
    description: str
    frame: pl.DataFrame
    n_postings: int
    coverage: str  #: human sentence stating what share of postings the report can see
    headlines: list[str] = field(default_factory=list)
    chart: Any = None  #: an Altair chart built from ``frame`` (or the same mart)
    null_text: dict[str, str] = field(default_factory=dict)  #: how a null cell reads, per column
    notes: list[str] = field(default_factory=list)
    filters: str = ""


def pct(part: float | int | None, whole: float | int | None) -> float | None:
    """Percentage rounded to one decimal, None when the whole is empty."""
    if not whole or part is None:
        return None
    return round(100.0 * part / whole, 1)


def coverage_sentence(cov: dict[str, Any]) -> str:
    """The standard coverage line shared by the posting-based reports."""
    n = cov["n_postings"] or 0
    if n == 0:
        return "no postings match the filters."
    return (
        f"{n} postings ({cov['first_date']} to {cov['last_date']}); "
        f"{pct(cov['n_with_skills'], n)}% have at least one skill mention, "
        f"{pct(cov['n_with_salary'], n)}% have a usable salary."
    )
