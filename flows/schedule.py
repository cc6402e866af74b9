"""`jobtrends serve`: the daily deployment on the configured cron (Prefect `serve`)."""

from __future__ import annotations

from flows.config import Settings


def serve_daily(
    settings: Settings, once: bool = False, config_path: str | None = None, workers: int = 1
) -> None:
    """Block serving the cron schedule; with once=True run one scheduled execution and return.

    The config path and worker count become the deployment's parameters, so every scheduled
    run reads the same jobtrends.toml and extracts with as many processes as asked.
    """
    from flows.daily import scheduled_daily

    if once:
        scheduled_daily(config=config_path, workers=workers)
        return
    scheduled_daily.serve(
        name="daily",
        cron=settings.schedule_cron,
        parameters={"config": config_path, "workers": workers},
        description="jobtrends: crawl -> extract -> load -> report",
    )
