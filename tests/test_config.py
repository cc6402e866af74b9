"""jobtrends.toml: defaults, overrides, and clear errors for bad files."""

from pathlib import Path

import pytest

from flows.config import ConfigError, load_settings


def test_defaults_work_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JOBTRENDS_WAREHOUSE", raising=False)
    settings = load_settings()
    assert settings.warehouse == Path("jobtrends.duckdb")
    assert settings.schedule_cron == "0 6 * * *"


def test_file_values_and_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "jobtrends.toml"
    cfg.write_text('[paths]\nwarehouse = "w.duckdb"\n[schedule]\ncron = "15 3 * * 1"\n')
    monkeypatch.setenv("JOBTRENDS_LAKE", str(tmp_path / "lake"))
    settings = load_settings(cfg)
    assert settings.warehouse == Path("w.duckdb")
    assert settings.schedule_cron == "15 3 * * 1"
    assert settings.lake == tmp_path / "lake"


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "jobtrends.toml"
    cfg.write_text("[paths\nwarehouse = 1")
    with pytest.raises(ConfigError, match="malformed TOML"):
        load_settings(cfg)


def test_bad_cron_is_rejected_with_an_example(tmp_path: Path) -> None:
    cfg = tmp_path / "jobtrends.toml"
    cfg.write_text('[schedule]\ncron = "every day at six"\n')
    with pytest.raises(ConfigError, match="not a valid cron"):
        load_settings(cfg)


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")
