"""Load the versioned skill/role taxonomies (TOML data) and derive the surface-form index."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

TAXONOMY_DIR = Path(__file__).resolve().parent.parent / "taxonomy"


@dataclass(frozen=True, slots=True)
class Surface:
    """One matchable surface form and what a hit on it means."""

    form: str  # as written in the taxonomy (case matters only when `cased`)
    slugs: tuple[str, ...]  # skill + implied slugs, first is the matched skill
    cased: bool
    rule: str | None  # context rule name, None = accept without context
    opaque: bool = False  # nested hits inside this one are not mentions
    named: bool = False  # capitalised mid-sentence it is the product ("with React")


@dataclass
class SkillTaxonomy:
    """Skills, their metadata and the expanded surface index used by the matcher."""

    version: str
    skills: list[dict[str, Any]]
    core: frozenset[str]
    surfaces: list[Surface] = field(default_factory=list)

    @property
    def by_slug(self) -> dict[str, dict[str, Any]]:
        return {s["slug"]: s for s in self.skills}


def _variants(alias: str) -> set[str]:
    """Spelling variants a posting may use: hyphen/space/joined forms and a plural.

    >>> sorted(_variants("fine-tuning"))
    ['fine tuning', 'fine-tuning', 'fine-tunings', 'finetuning']
    """
    out = {alias}
    if "-" in alias:
        out |= {alias.replace("-", " "), alias.replace("-", "")}
    elif " " in alias and len(alias.split()) == 2:
        out.add(alias.replace(" ", "-"))
    plural = set()
    for v in out:
        if len(v) >= 4 and v[-1].isalpha() and not v.endswith(("s", "y", "ing", "ed")):
            plural.add(v + "s")
    return out | plural


def _surfaces(skills: list[dict[str, Any]]) -> list[Surface]:
    """One Surface per (skill, form); a form shared by two skills yields two surfaces."""
    out: dict[tuple[str, bool, str], Surface] = {}
    for s in skills:
        slugs = (s["slug"], *s.get("implies", []))
        exact = set(s.get("ambiguous", []))  # cased forms: "DBT" is ambiguous, "dbt" is not
        ambiguous = {a.lower() for a in exact}
        forms = [(v, False, a.lower()) for a in s.get("aliases", []) for v in _variants(a.lower())]
        forms += [(c, True, c) for c in s.get("cased", [])]
        for form, cased, origin in forms:
            hit = origin in exact if cased else (origin in ambiguous or form in ambiguous)
            rule = s.get("rule") if hit else None
            key = (form, cased, s["slug"])
            if key not in out or (out[key].rule and not rule):
                out[key] = Surface(
                    form, slugs, cased, rule, bool(s.get("opaque")), bool(s.get("capitalised_name"))
                )
    return list(out.values())


@lru_cache(maxsize=1)
def skill_taxonomy(path: str | None = None) -> SkillTaxonomy:
    """The skill taxonomy from `pipelines/taxonomy/skills.toml` (cached: it is read per process)."""
    data = tomllib.loads(Path(path or TAXONOMY_DIR / "skills.toml").read_text("utf-8"))
    tax = SkillTaxonomy(data["version"], data["skills"], frozenset(data["core"]))
    missing = tax.core - {s["slug"] for s in tax.skills}
    if missing:
        raise ValueError(f"taxonomy lacks core slugs: {sorted(missing)}")
    tax.surfaces = _surfaces(tax.skills)
    return tax


@lru_cache(maxsize=1)
def role_taxonomy(path: str | None = None) -> dict[str, Any]:
    """Roles, title rules and seniority signals from `pipelines/taxonomy/roles.toml`."""
    return tomllib.loads(Path(path or TAXONOMY_DIR / "roles.toml").read_text("utf-8"))


def load_skill_taxonomy() -> list[dict[str, Any]]:
    """Rows for the warehouse `skills` dimension: slug, name, category, parent_slug, is_core."""
    tax = skill_taxonomy()
    return [
        {
            "slug": s["slug"],
            "name": s["name"],
            "category": s["category"],
            "parent_slug": s.get("parent"),
            "is_core": s["slug"] in tax.core,
        }
        for s in tax.skills
    ]


def load_roles() -> list[dict[str, Any]]:
    """Rows for the warehouse `roles` dimension: slug, name, is_ai_role."""
    return [dict(r) for r in role_taxonomy()["roles"]]
