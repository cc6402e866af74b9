"""jobtrends.toml: paths, sources file, schedule, politeness; every default works for the demo."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spiders.settings import CONCURRENT_REQUESTS_PER_DOMAIN


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file, the key and the fix."""


@dataclass(kw_only=True, frozen=True)
class Settings:
    """Resolved settings for one invocation."""

    #: DuckDB warehouse file
    warehouse: Path = Path("jobtrends.duckdb")
    #: raw lake root: <lake>/<run_id>/<source>.jsonl
    lake: Path = Path("data/raw")
    #: reports root: <reports>/<date>/
    reports: Path = Path("reports")
    #: sources.toml; when missing or empty the bundled demo board is crawled
    sources_file: Path = Path("sources.toml")
    #: cron of the daily deployment served by `jobtrends serve`
    schedule_cron: str = "0 6 * * *"
    #: contact URL put in the User-Agent
    contact_url: str = "https://github.com/jobtrends/jobtrends"
    #: per-domain concurrency for crawls; one default, the polite one of spiders/settings.py
    concurrency_per_domain: int = CONCURRENT_REQUESTS_PER_DOMAIN
    #: demo board size and seed
    demo_postings: int = 3000
    demo_seed: int = 7
    #: day the demo board is served as of (YYYY-MM-DD); None = the generator's own date
    demo_as_of: str | None = None
    #: seconds a run waits for another run or process holding the warehouse before refusing
    lock_wait_seconds: float = 30.0
    #: extra Scrapy settings (tests use this to speed crawls up)
    scrapy_settings: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **kwargs: Any) -> Settings:
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


_ENV = {
    "JOBTRENDS_WAREHOUSE": "warehouse",
    "JOBTRENDS_LAKE": "lake",
    "JOBTRENDS_REPORTS": "reports",
    "JOBTRENDS_SOURCES": "sources_file",
}
_PATH_KEYS = {"warehouse", "lake", "reports", "sources_file"}


def _validate_cron(cron: str, origin: str) -> str:
    from datetime import datetime

    from cronsim import CronSim, CronSimError  # prefect's cron dependency

    try:
        CronSim(cron, datetime.now())
    except (CronSimError, ValueError) as exc:
        raise ConfigError(
            f"{origin}: schedule.cron {cron!r} is not a valid cron expression ({exc}); "
            'use five fields such as "0 6 * * *"'
        ) from None
    return cron


def _typed(value: Any, kind: type, key: str, origin: str) -> Any:
    """Coerce one TOML value, or name the key and the expected type."""
    if kind is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{origin}: {key} must be a path string, got {value!r}")
        return Path(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{origin}: {key} must be a whole number, got {value!r}")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: {key} must be a string, got {value!r}")
    return value


def load_settings(config_path: Path | None = None) -> Settings:
    """Read jobtrends.toml (if present) and apply JOBTRENDS_* environment overrides."""
    path = config_path or Path(os.environ.get("JOBTRENDS_CONFIG", "jobtrends.toml"))
    values: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"{path}: malformed TOML ({exc}); fix the syntax at that line"
            ) from None
        origin = str(path)
        paths = data.get("paths", {})
        for key in ("warehouse", "lake", "reports", "sources_file"):
            if key in paths:
                values[key] = _typed(paths[key], Path, f"paths.{key}", origin)
        if "cron" in data.get("schedule", {}):
            cron = _typed(data["schedule"]["cron"], str, "schedule.cron", origin)
            values["schedule_cron"] = _validate_cron(cron, origin)
        crawl = data.get("crawl", {})
        if "contact_url" in crawl:
            url = _typed(crawl["contact_url"], str, "crawl.contact_url", origin)
            if not url.startswith(("http://", "https://")):
                raise ConfigError(f"{origin}: crawl.contact_url {url!r} must be an http(s) URL")
            values["contact_url"] = url
        if "concurrency_per_domain" in crawl:
            values["concurrency_per_domain"] = _typed(
                crawl["concurrency_per_domain"], int, "crawl.concurrency_per_domain", origin
            )
        run = data.get("run", {})
        if "lock_wait_seconds" in run:
            values["lock_wait_seconds"] = _typed(
                run["lock_wait_seconds"], int, "run.lock_wait_seconds", origin
            )
        demo = data.get("demo", {})
        if "postings" in demo:
            values["demo_postings"] = _typed(demo["postings"], int, "demo.postings", origin)
        if "seed" in demo:
            values["demo_seed"] = _typed(demo["seed"], int, "demo.seed", origin)
        if "as_of" in demo:
            as_of = _typed(demo["as_of"], str, "demo.as_of", origin)
            try:
                from datetime import date

                date.fromisoformat(as_of)
            except ValueError:
                raise ConfigError(
                    f"{origin}: demo.as_of {as_of!r} must be a date like 2026-11-01"
                ) from None
            values["demo_as_of"] = as_of
    elif config_path is not None:
        raise ConfigError(
            f"config file {config_path} does not exist; pass an existing --config path"
        )
    for env, key in _ENV.items():
        if os.environ.get(env):
            values[key] = Path(os.environ[env]) if key in _PATH_KEYS else os.environ[env]
    return Settings(**values)
