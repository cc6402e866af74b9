"""Report registry: name -> compute function, in index order (the CLI lists these names)."""

from __future__ import annotations

from collections.abc import Callable

from analytics.reports.context import ReportContext, ReportResult
from analytics.reports.freshness import freshness
from analytics.reports.role_fingerprints import role_convergence, role_fingerprints
from analytics.reports.salary_bands import salary_bands
from analytics.reports.skill_cooccurrence import skill_cooccurrence
from analytics.reports.skill_premium import skill_premium
from analytics.reports.skill_share import skill_share
from analytics.reports.skill_trends import skill_trends, skill_trends_monthly

ReportFn = Callable[[ReportContext], ReportResult]

REPORTS: dict[str, ReportFn] = {
    "salary_bands": salary_bands,
    "skill_share": skill_share,
    "skill_trends": skill_trends,
    "skill_trends_monthly": skill_trends_monthly,
    "skill_cooccurrence": skill_cooccurrence,
    "skill_premium": skill_premium,
    "role_fingerprints": role_fingerprints,
    "role_convergence": role_convergence,
    "freshness": freshness,
}

FORMATS: tuple[str, ...] = ("md", "html", "csv", "json", "parquet")
