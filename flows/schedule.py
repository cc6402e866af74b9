"""`jobtrends serve`: the daily deployment on the configured cron (Prefect `serve`)."""

from __future__ import annotations

from flows.config import Settings


def serve_daily(settings: Settings, once: bool = False, config_path: str | None = None) -> None:
    """Block serving the cron schedule; with once=True run one scheduled execution and return."""
    from flows.daily import scheduled_daily

    if once:
        scheduled_daily(config=config_path)
        return
    scheduled_daily.serve(
        name="daily",
        cron=settings.schedule_cron,
        parameters={"config": config_path},
        description="jobtrends: crawl -> extract -> load -> report",
    )
