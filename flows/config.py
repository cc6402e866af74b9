"""jobtrends.toml: paths, sources file, schedule, politeness; every default works for the demo.

The file is validated by pydantic models (unknown keys rejected with the nearest valid one,
ranges, URLs, cron, dates, no silent coercion), the JOBTRENDS_* environment by pydantic-settings;
any problem is one ConfigError line (exit 2 in the CLI), never a traceback."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from spiders.settings import CONCURRENT_REQUESTS_PER_DOMAIN

#: a path in jobtrends.toml: a non-empty string
PathText = Annotated[str, StringConstraints(min_length=1)]


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
        """These settings with the CLI's options applied, checked like the file's values."""
        return check_settings(replace(self, **{k: v for k, v in kwargs.items() if v is not None}))


class _Section(BaseModel):
    """A jobtrends.toml table: unknown keys rejected, values not coerced ("8" is not 8)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class _Paths(_Section):
    warehouse: PathText | None = Field(None, examples=['"jobtrends.duckdb"'])
    lake: PathText | None = Field(None, examples=['"data/raw"'])
    reports: PathText | None = Field(None, examples=['"reports"'])
    sources_file: PathText | None = Field(None, examples=['"sources.toml"'])


class _Schedule(_Section):
    cron: str | None = Field(None, examples=['"0 6 * * *"'])

    @field_validator("cron")
    @classmethod
    def _cron(cls, cron: str | None) -> str | None:
        if cron is None:
            return None
        from datetime import datetime

        from cronsim import CronSim, CronSimError  # prefect's cron dependency

        try:
            CronSim(cron, datetime.now())
        except (CronSimError, ValueError) as exc:
            raise ValueError(
                f"{cron!r} is not a valid cron expression ({exc}); "
                'use five fields such as "0 6 * * *"'
            ) from None
        return cron


class _Crawl(_Section):
    contact_url: str | None = Field(None, examples=['"https://example.org/contact"'])
    concurrency_per_domain: int | None = Field(None, ge=1, le=256, examples=["4"])

    @field_validator("contact_url")
    @classmethod
    def _url(cls, url: str | None) -> str | None:
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"{url!r} must be an http(s) URL")
        return url


class _Demo(_Section):
    postings: int | None = Field(None, gt=0, le=10_000_000, examples=["3000"])
    seed: int | None = Field(None, examples=["7"])
    as_of: str | None = Field(None, examples=['"2026-11-01"'])

    @field_validator("as_of")
    @classmethod
    def _day(cls, day: str | None) -> str | None:
        if day is not None:
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ValueError(f"{day!r} must be a date like 2026-11-01") from None
        return day


class _Run(_Section):
    lock_wait_seconds: float | None = Field(None, ge=0, le=86_400, examples=["30"])


class FileConfig(_Section):
    """The whole jobtrends.toml."""

    paths: _Paths = _Paths()
    schedule: _Schedule = _Schedule()
    crawl: _Crawl = _Crawl()
    demo: _Demo = _Demo()
    run: _Run = _Run()

    def values(self) -> dict[str, Any]:
        """Settings field -> value for every key the file sets."""
        out: dict[str, Any] = {
            k: Path(v) for k, v in self.paths.model_dump(exclude_none=True).items()
        }
        named = {
            "schedule_cron": self.schedule.cron,
            "contact_url": self.crawl.contact_url,
            "concurrency_per_domain": self.crawl.concurrency_per_domain,
            "demo_postings": self.demo.postings,
            "demo_seed": self.demo.seed,
            "demo_as_of": self.demo.as_of,
            "lock_wait_seconds": self.run.lock_wait_seconds,
        }
        out.update({k: v for k, v in named.items() if v is not None})
        return out


class EnvConfig(BaseSettings):
    """JOBTRENDS_* environment overrides of the paths (empty values ignored)."""

    model_config = SettingsConfigDict(
        env_prefix="JOBTRENDS_", env_ignore_empty=True, extra="ignore"
    )

    warehouse: Path | None = None
    lake: Path | None = None
    reports: Path | None = None
    sources: Path | None = None

    def values(self) -> dict[str, Any]:
        found = self.model_dump(exclude_none=True)
        if "sources" in found:
            found["sources_file"] = found.pop("sources")
        return found


def _model(section: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The section model a validation error location points into (for the nearest key)."""
    model: type[BaseModel] | None = section
    for part in loc[:-1]:
        field = model.model_fields.get(str(part)) if model else None
        ann = field.annotation if field else None
        model = ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None
    return model


def _one_line(exc: ValidationError, origin: str) -> str:
    """The first validation error as one line: where, what, and the fix."""
    err = exc.errors(include_url=False)[0]
    loc = tuple(err["loc"])
    key = ".".join(str(p) for p in loc)
    if err["type"] == "extra_forbidden":
        model = _model(FileConfig, loc)
        valid = list(model.model_fields) if model else []
        near = get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.5)
        hint = f"did you mean {near[0]!r}? " if near else ""
        return f"{origin}: unknown key {key!r}; {hint}valid keys here: {', '.join(valid)}"
    message = str(err["msg"]).removeprefix("Value error, ")
    model = _model(FileConfig, loc)
    field = model.model_fields.get(str(loc[-1])) if model and loc else None
    example = f"; e.g. {loc[-1]} = {field.examples[0]}" if field and field.examples else ""
    if err["type"] == "value_error":
        return f"{origin}: {key}: {message}"
    if err["type"] == "model_type":
        return f"{origin}: {key} must be a table: write [{key}] and its keys below it"
    return f"{origin}: {key} = {err.get('input')!r}: {message}{example}"


def read_text_file(path: Path, what: str) -> str:
    """A config file's text, or one ConfigError line (a folder, unreadable, not UTF-8)."""
    from spiders.sources_file import read_config_text

    return read_config_text(path, what, ConfigError)


def load_settings(config_path: Path | None = None) -> Settings:
    """Read jobtrends.toml (if present) and apply JOBTRENDS_* environment overrides; every
    problem is one ConfigError line naming the file, the key and the fix."""
    path = config_path or Path(os.environ.get("JOBTRENDS_CONFIG", "jobtrends.toml"))
    values: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(read_text_file(path, "config file"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"{path}: malformed TOML ({exc}); fix the syntax at that line"
            ) from None
        try:
            values = FileConfig.model_validate(data).values()
        except ValidationError as exc:
            raise ConfigError(_one_line(exc, str(path))) from None
    elif config_path is not None:
        raise ConfigError(
            f"config file {config_path} does not exist; pass an existing --config path"
        )
    values.update(EnvConfig().values())
    return check_settings(Settings(**values))


#: the first bytes of every DuckDB database file (after an 8-byte checksum)
_DUCKDB_MAGIC = b"DUCK"


def check_settings(settings: Settings) -> Settings:
    """Checks of the resolved settings (file, environment and CLI options alike) that need no
    writing: ranges of CLI overrides, and a warehouse path that is a folder, an empty file or
    not a DuckDB file fails here in one line instead of deep inside DuckDB."""
    if settings.demo_postings <= 0:
        raise ConfigError(f"demo postings must be above 0, got {settings.demo_postings}")
    if settings.concurrency_per_domain < 1:
        raise ConfigError(
            f"concurrency_per_domain must be at least 1, got {settings.concurrency_per_domain}"
        )
    wh = settings.warehouse
    if wh.is_dir():
        raise ConfigError(f"warehouse {wh} is a folder; pass a .duckdb file path")
    if wh.is_file():
        try:
            with wh.open("rb") as fh:
                head = fh.read(12)
        except OSError as exc:
            raise ConfigError(f"cannot read warehouse {wh}: {exc.strerror}") from None
        if not head:
            raise ConfigError(
                f"warehouse {wh} is an empty file, not a DuckDB database; "
                "delete it (a run creates it) or pass another --warehouse"
            )
        if head[8:12] != _DUCKDB_MAGIC:
            raise ConfigError(
                f"warehouse {wh} is not a DuckDB database file; pass the right --warehouse"
            )
    if settings.sources_file.is_dir():
        raise ConfigError(f"sources file {settings.sources_file} is a folder; pass a .toml file")
    return settings
