"""Renderers: every format is a view of the same ``ReportResult.frame``."""
