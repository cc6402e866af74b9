"""A plain `pip install .` must carry the taxonomy, SQL, templates and FX data inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_package_data(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("jobtrends-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "pipelines/taxonomy/skills.toml",
        "pipelines/taxonomy/roles.toml",
        "pipelines/salary/data/annualisation.json",
        "analytics/sql/migrations/0001_init.sql",
        "analytics/sql/views/postings.sql",
        "analytics/reports/templates/report.html.j2",
        "analytics/reports/reference_salaries.toml",
    ):
        assert required in names, f"{required} missing from the wheel"
    assert any(n.startswith("analytics/sql/marts/") and n.endswith(".sql") for n in names)
    assert not any(n.startswith("tests/") for n in names)


PACKAGES = ("spiders", "pipelines", "flows", "analytics", "importers")


def _project() -> dict:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _declared(extras: bool = True) -> set[str]:
    import re

    project = _project()
    specs = list(project["dependencies"])
    if extras:
        specs += [s for group in project["optional-dependencies"].values() for s in group]
    return {re.split(r"[\[<>=!~; ]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}


def _third_party_imports() -> dict[str, str]:
    """Top-level module -> first file importing it, for modules outside the stdlib and us."""
    import ast

    ours = set(PACKAGES)
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in ours:
                        found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared() -> None:
    from importlib.metadata import packages_distributions

    dists = packages_distributions()
    declared = _declared()
    missing = {}
    for module, where in _third_party_imports().items():
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not names & declared:
            missing[module] = where
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_constraints_pin_every_declared_dependency() -> None:
    pins = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert _declared() - pins == set(), "declared but not pinned in constraints.txt"


def test_license_file_matches_pyproject_and_setuptools_supports_it() -> None:
    import tomllib

    assert _project()["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    floor = next(r for r in requires if r.startswith("setuptools"))
    assert floor == "setuptools>=77"  # the first release reading an SPDX `license` string


def test_one_default_for_per_domain_concurrency() -> None:
    from flows.config import Settings
    from flows.daily import scrapy_settings_for
    from spiders import settings as scrapy_defaults

    default = scrapy_defaults.CONCURRENT_REQUESTS_PER_DOMAIN
    assert Settings().concurrency_per_domain == default
    crawl = scrapy_settings_for(Settings(), demo=False)
    assert crawl["CONCURRENT_REQUESTS_PER_DOMAIN"] == default
    readme = (ROOT / "README.md").read_text()
    assert f"concurrency_per_domain = {default}" in readme
