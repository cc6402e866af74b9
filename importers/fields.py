"""Which input column feeds which Posting field: names, common synonyms, JobSpy's columns, --map.

Why synonyms and not guessing from values: a column's name is what a person chose; matching it
by name is predictable, and `--dry-run` shows the whole mapping before anything loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: targets a column can feed: Posting fields plus pay parts and the board suffix
TARGETS = (
    "source_id",
    "url",
    "apply_url",
    "title",
    "company",
    "locations",
    "country_codes",
    "workplace_type",
    "employment_type",
    "department",
    "posted_at",
    "updated_at",
    "description_html",
    "description_text",
    "salary_text",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "board",
)
#: --map col=- (or =ignore) drops a column (it is not kept as an extra either)
IGNORE = ("-", "ignore")

#: normalised column names per target, most specific first
SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": (
        "source_id",
        "id",
        "job_id",
        "jobid",
        "posting_id",
        "external_id",
        "req_id",
        "requisition_id",
        "reference",
        "ref",
    ),
    "url": ("url", "job_url", "posting_url", "link", "job_link", "permalink", "href"),
    "apply_url": ("apply_url", "job_url_direct", "application_url", "apply_link"),
    "title": ("title", "job_title", "jobtitle", "position", "position_title", "role_title"),
    "company": (
        "company",
        "company_name",
        "employer",
        "organization",
        "organisation",
        "hiring_organization",
    ),
    "locations": ("location", "locations", "job_location", "city", "place"),
    "country_codes": ("country_code", "country_codes", "country_iso"),
    "workplace_type": (
        "workplace_type",
        "is_remote",
        "remote",
        "workplace",
        "work_type",
        "remote_type",
        "work_from_home_type",
    ),
    "employment_type": ("employment_type", "job_type", "contract_type", "employment"),
    "department": ("department", "team", "job_function", "function"),
    "posted_at": (
        "posted_at",
        "date_posted",
        "posted",
        "published_at",
        "posting_date",
        "created_at",
        "date",
    ),
    "updated_at": ("updated_at", "modified_at", "last_updated", "updated"),
    "description_html": ("description_html", "html", "body_html", "content_html"),
    "description_text": (
        "description",
        "description_text",
        "job_description",
        "text",
        "body",
        "content",
        "summary",
    ),
    "salary_text": ("salary", "salary_text", "pay", "compensation", "salary_range", "pay_range"),
    "salary_min": ("salary_min", "min_amount", "min_salary", "pay_min", "salary_from"),
    "salary_max": ("salary_max", "max_amount", "max_salary", "pay_max", "salary_to"),
    "salary_currency": ("salary_currency", "currency", "pay_currency"),
    "salary_period": ("salary_period", "interval", "pay_period", "period", "salary_interval"),
    "board": ("site", "board", "job_board"),
}

#: JobSpy's export columns (scrape_jobs(...).to_csv): these map without options
JOBSPY_COLUMNS = (
    "id",
    "site",
    "job_url",
    "title",
    "company",
    "location",
    "date_posted",
    "job_type",
    "interval",
    "min_amount",
    "max_amount",
    "currency",
    "is_remote",
    "description",
)
#: enough of them to call a file JobSpy's in --format auto
_JOBSPY_MARKERS = {"site", "job_url", "min_amount", "max_amount", "interval", "is_remote"}


class MappingError(ValueError):
    """A --map option or a file's columns cannot be used; the message names the fix."""


def norm_name(name: str) -> str:
    """'Job Title ' -> 'job_title' (case, spaces and punctuation do not matter)."""
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def looks_like_jobspy(columns: Iterable[str]) -> bool:
    return _JOBSPY_MARKERS <= {norm_name(c) for c in columns}


@dataclass(slots=True)
class ColumnMap:
    """target -> input column, plus the columns kept as extras and those dropped."""

    targets: dict[str, str] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    #: target -> how it was matched ("name", "synonym", "--map")
    how: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Human-readable mapping for --dry-run."""
        out = [f"  {col:28} -> {t:18} ({self.how[t]})" for t, col in self.targets.items()]
        if self.extras:
            out.append(f"  kept as extra: {', '.join(self.extras)}")
        if self.ignored:
            out.append(f"  ignored (--map): {', '.join(self.ignored)}")
        return out


def parse_maps(options: Iterable[str]) -> dict[str, str]:
    """['Job Name=title', 'Ort=locations'] -> {input column: target}; bad options raise."""
    out: dict[str, str] = {}
    for opt in options:
        col, sep, target = opt.partition("=")
        col, target = col.strip(), target.strip()
        if not sep or not col or not target:
            raise MappingError(
                f"--map {opt!r} is not COLUMN=FIELD (for example --map 'Job Name=title')"
            )
        if target not in TARGETS and target not in IGNORE:
            raise MappingError(
                f"--map {opt!r}: unknown field {target!r}; use one of {', '.join(TARGETS)} or '-' to drop"
            )
        out[col] = target
    return out


def build_map(columns: list[str], maps: dict[str, str] | None = None) -> ColumnMap:
    """Map a file's columns: --map first, then exact field names, then synonyms in order."""
    maps = dict(maps or {})
    by_norm: dict[str, str] = {}
    for col in columns:
        by_norm.setdefault(norm_name(col), col)
    unknown = [c for c in maps if c not in columns and norm_name(c) not in by_norm]
    if unknown:
        raise MappingError(
            f"--map names column(s) {unknown} that the file does not have; columns: {', '.join(columns)}"
        )
    cmap = ColumnMap()
    used: set[str] = set()
    for col, target in maps.items():
        col = col if col in columns else by_norm[norm_name(col)]
        used.add(col)
        if target in IGNORE:
            cmap.ignored.append(col)
            continue
        if target in cmap.targets:
            raise MappingError(f"--map maps two columns to {target!r}; keep one")
        cmap.targets[target], cmap.how[target] = col, "--map"
    for target in TARGETS:
        if target in cmap.targets:
            continue
        for n, name in enumerate(SYNONYMS[target]):
            col = by_norm.get(name)
            if col is not None and col not in used:
                cmap.targets[target] = col
                cmap.how[target] = "name" if n == 0 or name == target else "synonym"
                used.add(col)
                break
    cmap.extras = [c for c in columns if c not in used]
    return cmap
