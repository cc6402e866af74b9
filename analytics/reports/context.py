"""Shared report plumbing: parameters, the mart runner and the result every renderer consumes.

Why: each report is computed once (a mart SQL file run by name -> one Polars frame) and every
output format renders that same ``ReportResult``, so numbers cannot drift between formats.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.db import sql as named_sql
from analytics.db import temp_table_exists
from analytics.reports.mart_settings import mart_settings
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
    # not a full-time annual salary: part-time pay, and contract pay stated per hour or day
    # ("contract_hourly" = the salary flag "contract" with period hour/day)
    "part_time",
    "contract_hourly",
)


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """The period one imported or backfilled (source, board) covers, whole months."""

    source: str
    board: str
    start: date
    end: date
    how: str = ""  #: "import" | "backfill" (from the coverage lines)

    @property
    def key(self) -> str:
        """The board's name in the stable panel of the trend reports."""
        return f"{self.source}/{self.board}"

    def as_row(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "board": self.board,
            "coverage_start": self.start,
            "coverage_end": self.end,
        }


@dataclass(frozen=True, kw_only=True)
class ReportParams:
    """Filters and knobs; defaults are the published report settings."""

    since: date | None = None  #: first posting date included (posted_at, else first_seen_at)
    until: date | None = None  #: last posting date included
    #: the last N complete months of the data (sets since/until; see resolve_window)
    last_months: int | None = None
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
    #: postings a trend window needs (from the stable panel of sources); fewer -> "no baseline"
    min_window_n: int = 30
    min_pair_support: int = 10
    recent_months: int = 6
    baseline_months: int = 6
    #: months between the baseline and the recent window (6 with 6+6 = year over year)
    gap_months: int = 6
    #: "asked": count the skills a posting asks for (not those only named in company text);
    #: "all": every mention
    mentions: str = "asked"
    alpha: float = 0.01
    bootstrap_samples: int = 2000
    seed: int = 20260301
    #: what imports and backfills recorded about the period each board covers (the lake's
    #: _source_coverage.jsonl via analytics.reports.coverage.lake_coverage): trend reports say
    #: how far back it reaches, and such a board joins the stable panel only when its
    #: coverage spans both windows
    source_coverage: tuple[SourceSpan, ...] = ()
    #: coverage lines (or spans) of the lake that could not be read, each with its reason:
    #: the trend reports name them instead of dropping them silently
    coverage_skipped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.mentions not in ("asked", "all"):
            raise ValueError(f"mentions must be 'asked' or 'all', not {self.mentions!r}")
        if self.last_months is not None and self.last_months < 1:
            raise ValueError(f"last_months must be at least 1, not {self.last_months}")

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
            "asked_only": self.mentions != "all",
            "coverage": [span.as_row() for span in self.source_coverage] or None,
        }

    def describe(self) -> str:
        """One line naming the active filters, printed in every report."""
        parts = [
            f"since {self.since}" if self.since else "since start",
            f"until {self.until}" if self.until else "until latest",
            *([f"the last {self.last_months} complete months"] if self.last_months else []),
            f"roles: {', '.join(self.roles)}" if self.roles else "all roles",
            f"sources: {', '.join(self.sources)}" if self.sources else "all sources",
            f"countries: {', '.join(self.countries)}" if self.countries else "all countries",
            "estimates included" if self.include_estimates else "estimated salaries excluded",
            "every skill mention" if self.mentions == "all" else "skills the postings ask for",
        ]
        return "; ".join(parts)


#: relations every mart may read, in dependency order (analytics/sql/shared/<name>.sql)
SHARED_RELATIONS: tuple[str, ...] = (
    "report_calendar",
    "report_skills",
    "report_postings",
    "report_posting_skills",
    "report_salaries",
)
#: shared relations that are also analyst views: one SQL file serves both
_SHARED_FILES = {"report_calendar": "views/report_calendar"}


def shared_sql(name: str) -> str:
    """The SQL text of a shared relation (sql/shared/<name>.sql, or the view it shares)."""
    return named_sql(_SHARED_FILES.get(name, f"shared/{name}"))


#: shared relation -> {view it reads: (sql/shared/<file> read instead, load tables it reads)}.
#: Why: DuckDB keeps a view's LEFT JOINs (postings -> salaries, posting_skills -> the skills
#: dim) even where no column of theirs is read: ~0.9 s of the shared base at 1M postings. Each
#: lean file reads only the columns the relation uses, by the view's expressions
#: (tests/analytics/reports/test_lean_views.py compares them with the views).
LEAN_VIEWS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "report_calendar": {"postings": ("lean_posting_dates", ("postings_core",))},
    "report_postings": {"postings": ("lean_postings", ("postings_core", "extractions"))},
    "report_skills": {"posting_skills": ("lean_posting_skills", ("posting_skills_core",))},
    "report_posting_skills": {"posting_skills": ("lean_posting_skills", ("posting_skills_core",))},
}


def relation_kinds(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Relation name -> 'VIEW' / 'BASE TABLE' in the current schema (what shared_body asks)."""
    return dict(
        con.execute(
            "select table_name, table_type from information_schema.tables "
            "where table_catalog = current_database() and table_schema = current_schema()"
        ).fetchall()
    )


def shared_body(
    con: duckdb.DuckDBPyConnection, name: str, kinds: dict[str, str] | None = None
) -> str:
    """`shared_sql(name)` for this warehouse: a view it reads is shadowed by its lean file
    where the view and the load tables behind it exist (a warehouse); a database holding
    the contract relations only (the report tests' seed) reads them as they are. `kinds`
    (relation_kinds) lets a caller building several relations read the catalog once."""
    sql = shared_sql(name)
    lean = LEAN_VIEWS.get(name)
    if not lean:
        return sql
    kinds = relation_kinds(con) if kinds is None else kinds
    ctes = [
        (view, named_sql(f"shared/{file}"))
        for view, (file, tables) in lean.items()
        if kinds.get(view) == "VIEW" and all(kinds.get(t) == "BASE TABLE" for t in tables)
    ]
    return _with_ctes(sql, ctes, inline=True)


def _needed_shared(sql: str) -> list[str]:
    """Shared relations a query reads, with what they read in turn (skills need postings)."""
    needed = {n for n in SHARED_RELATIONS if re.search(rf"\b{n}\b", sql)}
    if needed & {"report_posting_skills", "report_salaries"}:
        needed.add("report_postings")
    return [n for n in SHARED_RELATIONS if n in needed]


def _used_params(sql: str, params: dict[str, Any], what: str) -> dict[str, Any]:
    """The parameters the SQL itself binds (comments name the shared ones too: skip them)."""
    used = set(_PARAM_RE.findall(_COMMENT_RE.sub("", sql)))
    missing = used - params.keys()
    if missing:
        raise KeyError(f"{what} needs parameters {sorted(missing)}")
    return {k: v for k, v in params.items() if k in used}


def shared_key(params: dict[str, Any]) -> str:
    """Suffix of the shared temp tables built for the filters among these parameters."""
    used: dict[str, Any] = {}
    for name in SHARED_RELATIONS:
        used |= _used_params(shared_sql(name), params, f"shared/{name}")
    fingerprint = repr(sorted((k, repr(v)) for k, v in used.items()))
    return hashlib.sha1(fingerprint.encode()).hexdigest()[:12]


def _with_ctes(sql: str, ctes: list[tuple[str, str]], *, inline: bool = False) -> str:
    """`sql` with leading CTEs (name, body): after its own ``with`` line, else as a new one.

    `inline` marks them NOT MATERIALIZED: an alias of a temp table must not be copied again
    (DuckDB materialises a CTE that is read more than once).
    """
    if not ctes:
        return sql
    how = "not materialized " if inline else ""
    text = "".join(f"{name} as {how}(\n{body}),\n" for name, body in ctes)
    if re.search(r"^with\s*$", sql, flags=re.M):
        return re.sub(r"^with\s*$", f"with\n\n{text}", sql, count=1, flags=re.M)
    return f"with\n{text.rstrip().rstrip(',')}\n{sql}"


def _keyed(names: list[str], key: str) -> list[tuple[str, str]]:
    return [(n, f"select * from {n}__{key}") for n in names]


def materialise_shared(
    con: duckdb.DuckDBPyConnection,
    params: dict[str, Any],
    names: list[str] | tuple[str, ...] = SHARED_RELATIONS,
) -> str:
    """Build the shared relations as temp tables ``<name>__<key>`` for these filters, once;
    returns the key. Why: every mart starts from the same filtered, deduplicated postings and
    (posting, skill) pairs; building them once per report run instead of once per mart keeps
    each mart well under a second at 1M postings. Keyed by the filters, so two report contexts
    on one connection (salary bands narrow the countries) never rebuild each other's tables.
    """
    key = shared_key(params)
    kinds: dict[str, str] | None = None
    for name in _needed_shared(" ".join(names)):  # the names and what they read, in order
        table = f"{name}__{key}"
        if temp_table_exists(con, table):
            continue
        kinds = relation_kinds(con) if kinds is None else kinds
        sql = shared_sql(name)
        upstream = [n for n in _needed_shared(sql) if n != name]
        body = _with_ctes(shared_body(con, name, kinds), _keyed(upstream, key), inline=True)
        con.execute(
            f"create temp table {table} as\n{body}",
            _used_params(sql, params, f"shared/{name}"),
        )
        if name == "report_postings":
            _check_unique_numbers(con, table, name, "posting_no", "postings")
        elif name == "report_skills":
            _check_unique_numbers(con, table, name, "skill_no", "skills")
    return key


def _check_unique_numbers(
    con: duckdb.DuckDBPyConnection, table: str, relation: str, column: str, noun: str
) -> None:
    """`column` is a 64-bit hash of the row's key and the marts group by it: fail loudly on the
    (~1e-7 at 1M) collision rather than merge two rows' counts."""
    total, distinct = con.execute(
        f"select count(*), count(distinct {column}) from {table}"
    ).fetchall()[0]
    if total != distinct:
        raise RuntimeError(
            f"{relation}: {total - distinct} {column} hash collisions among {total} {noun}; "
            f"report numbers would merge {noun} (please report this)"
        )


def run_mart(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    materialise: bool = False,
) -> pl.DataFrame:
    """Run ``analytics/sql/marts/<name>.sql`` with the named parameters it uses.

    The shared relations it reads are inlined from ``sql/shared/`` as leading CTEs, or with
    ``materialise`` read from temp tables materialise_shared builds once per set of filters.
    """
    given = params or {}
    sql = named_sql(f"marts/{name}")
    needed = _needed_shared(sql)
    if materialise and needed:
        sql = _with_ctes(sql, _keyed(needed, materialise_shared(con, given, needed)), inline=True)
    else:
        kinds = relation_kinds(con)
        sql = _with_ctes(sql, [(n, shared_body(con, n, kinds)) for n in needed])
    with mart_settings(con, name):
        return con.sql(sql, params=_used_params(sql, given, f"mart {name}")).pl()


def data_calendar(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """How far the data reaches (views/report_calendar.sql run on the report's relations)."""
    return con.sql(shared_body(con, "report_calendar")).pl().row(0, named=True)


def resolve_window(con: duckdb.DuckDBPyConnection, params: ReportParams) -> ReportParams:
    """`last_months` as since/until: the last N months ending at the data's last complete month
    (a month the data does not reach the end of is never part of a window). Why from the data,
    not today: reports rebuilt later, or on an older warehouse, read the same months."""
    if params.last_months is None:
        return params
    if params.since is not None or params.until is not None:
        raise ValueError("give either last_months or since/until, not both")
    end = data_calendar(con)["last_complete_month"]
    if end is None:
        return replace(params, last_months=None)
    first = _add_months(end, 1 - params.last_months)
    return replace(params, since=first, until=_add_months(end, 1) - timedelta(days=1))


def _add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class ReportContext:
    """A connection plus parameters; caches marts so a mart shared by two reports runs once."""

    con: duckdb.DuckDBPyConnection
    params: ReportParams = field(default_factory=ReportParams)
    _cache: dict[str, pl.DataFrame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.params.last_months is not None and self.params.since is None:
            self.params = resolve_window(self.con, self.params)

    def calendar(self) -> dict[str, Any]:
        """How far the data reaches: first month, first crawl, last complete month, partial."""
        return self.mart_row("report_calendar")

    def mart_row(self, relation: str) -> dict[str, Any]:
        if relation not in self._cache:
            self._cache[relation] = self.con.sql(shared_body(self.con, relation)).pl()
        return self._cache[relation].row(0, named=True)

    def mart(self, name: str) -> pl.DataFrame:
        if name not in self._cache:
            params = {**self.params.sql_params(), "reference": reference_rows()}
            self._cache[name] = run_mart(self.con, name, params, materialise=True)
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
        f"{pct(cov['n_with_skills'], n)}% have at least one counted skill (see filters), "
        f"{pct(cov['n_with_salary'], n)}% have a usable salary."
    )
