"""Reports: skill and salary trends for AI roles, computed once per report from a mart and
rendered to Markdown, HTML (inline SVG), CSV, JSON and Parquet.

Entry points: ``build_reports`` (write everything), ``REPORTS`` (name -> compute function),
``detect_risers`` (the risers/fallers frame).
"""

from analytics.reports.build import build_reports
from analytics.reports.context import ReportContext, ReportParams, ReportResult, run_mart
from analytics.reports.registry import FORMATS, REPORTS
from analytics.reports.skill_trends import detect_risers

__all__ = [
    "FORMATS",
    "REPORTS",
    "ReportContext",
    "ReportParams",
    "ReportResult",
    "build_reports",
    "detect_risers",
    "run_mart",
]
