"""A small JobSpy-format CSV of invented postings for the demo and the tests.

Why invented: the project ships no real posting text. The rows follow JobSpy's export shape
(its column names, site values, id prefixes, pay interval words, Markdown descriptions) and some
jobs appear on two sites, as JobSpy users see them, so the import's dedup has work to do.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

#: JobSpy's export columns, in its order (the tail holds company details we keep as extras)
COLUMNS = (
    "id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted",
    "job_type", "salary_source", "interval", "min_amount", "max_amount", "currency", "is_remote",
    "job_level", "job_function", "emails", "description", "company_industry", "company_url",
    "company_num_employees",
)  # fmt: skip
_SITES = {"linkedin": "li", "indeed": "in", "glassdoor": "gd", "zip_recruiter": "zr"}
_COMPANIES = (
    ("Quillfeather Analytics", "New York, NY", "Software Development"),
    ("Brambleway Robotics", "Austin, TX", "Robotics"),
    ("Copperleaf Health", "Boston, MA", "Hospitals and Health Care"),
    ("Driftwood Labs", "San Francisco, CA", "Technology"),
    ("Emberline Logistics", "Chicago, IL", "Transportation"),
    ("Foxglove Finance", "Seattle, WA", "Financial Services"),
)
#: (title, skills named in the description, yearly pay band in USD)
_ROLES = (
    ("Machine Learning Engineer", ("Python", "PyTorch", "Kubernetes", "MLflow"), (150, 210)),
    ("Senior Data Scientist", ("Python", "SQL", "scikit-learn", "A/B testing"), (140, 190)),
    ("AI Engineer", ("Python", "LangChain", "RAG", "vector databases"), (160, 220)),
    ("Data Engineer", ("SQL", "Apache Spark", "Airflow", "dbt"), (130, 175)),
    ("MLOps Engineer", ("Docker", "Kubernetes", "Terraform", "AWS"), (145, 195)),
    ("NLP Research Scientist", ("PyTorch", "transformers", "Python", "LLM evaluation"), (170, 240)),
)


def _description(rng: random.Random, company: str, title: str, skills: tuple[str, ...]) -> str:
    """A Markdown description as JobSpy exports them (its default description format)."""
    picked = list(skills)
    rng.shuffle(picked)
    return "\n".join(
        [
            f"**About {company}**",
            "",
            f"{company} is a {rng.choice(('small', 'growing', 'profitable'))} team building "
            "useful software for customers who care about getting the details right.",
            "",
            f"**What you will do as our {title}**",
            "",
            f"* Design, build and run systems with {picked[0]} and {picked[1]}",
            f"* Work with product and engineering on {rng.choice(('forecasting', 'search', 'support automation'))}",
            "* Write clear documentation and review code with your peers",
            "",
            "**What we look for**",
            "",
            f"* {rng.choice((2, 3, 4, 5))}+ years of experience with {picked[2]}",
            f"* Hands-on work with {picked[3]}",
            "* Clear written communication",
        ]
    )


def jobspy_rows(
    seed: int = 7, n_jobs: int = 24, as_of: date = date(2026, 11, 1), broken: bool = False
) -> list[dict[str, str]]:
    """Rows of a JobSpy export: n_jobs jobs, about a third listed on a second site as well."""
    rng = random.Random(f"jobspy-demo:{seed}")
    rows: list[dict[str, str]] = []
    for i in range(n_jobs):
        company, city, industry = _COMPANIES[i % len(_COMPANIES)]
        title, skills, (lo, hi) = _ROLES[(i * 5 + i // len(_COMPANIES)) % len(_ROLES)]
        posted = as_of - timedelta(days=rng.randrange(0, 120))
        remote = rng.random() < 0.3
        hourly = rng.random() < 0.15
        paid = rng.random() < 0.7
        description = _description(rng, company, title, skills)
        sites = ["linkedin", "indeed"] if i % 3 == 0 else [rng.choice(list(_SITES))]
        slug = company.lower().replace(" ", "-")
        for copy, site in enumerate(sites):
            num = rng.randrange(10**9, 10**10)
            # a second site shows the same job its own way: place without country, a footer
            place = (
                ("Remote" if remote else city)
                if copy
                else ("Remote, US" if remote else f"{city}, US")
            )
            text = description + (
                "\n\nApply through this site or on our careers page." if copy else ""
            )
            rows.append(
                {
                    "id": f"{_SITES[site]}-{num}",
                    "site": site,
                    "job_url": f"https://www.{site.replace('_', '')}.example/jobs/view/{num}",
                    "job_url_direct": f"https://careers.{slug}.example/jobs/{i + 1000}",
                    "title": title,
                    "company": company,
                    "location": place,
                    "date_posted": posted.isoformat(),
                    "job_type": "fulltime",
                    "salary_source": "direct_data" if paid else "",
                    "interval": ("hourly" if hourly else "yearly") if paid else "",
                    "min_amount": (f"{lo / 2.08:.1f}" if hourly else f"{lo * 1000}.0")
                    if paid
                    else "",
                    "max_amount": (f"{hi / 2.08:.1f}" if hourly else f"{hi * 1000}.0")
                    if paid
                    else "",
                    "currency": "USD" if paid else "",
                    "is_remote": str(remote),
                    "job_level": "mid-senior level" if site == "linkedin" else "",
                    "job_function": "Engineering and Information Technology"
                    if site == "linkedin"
                    else "",
                    "emails": "",
                    "description": text,
                    "company_industry": industry,
                    "company_url": f"https://www.linkedin.example/company/{slug}",
                    "company_num_employees": rng.choice(("11-50", "51-200", "201-500")),
                }
            )
    if broken:
        bad_title = dict(rows[0], id="in-999000001", site="indeed", title="")
        no_key = dict(rows[1], id="", job_url="", site="indeed", title="Analytics Engineer")
        rows[2:2] = [bad_title, no_key]
    return rows


def write_jobspy_csv(path: Path, **kwargs: object) -> Path:
    """Write jobspy_rows(**kwargs) as JobSpy's CSV (pandas' to_csv: header, "\\n" line ends,
    quoted multi-line descriptions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(jobspy_rows(**kwargs))  # type: ignore[arg-type]
    return path


def main(argv: list[str] | None = None) -> None:
    """`python -m importers.demo_jobspy PATH`: write the demo's JobSpy-format CSV to PATH."""
    import argparse

    ap = argparse.ArgumentParser(description="Write a small invented JobSpy-format CSV.")
    ap.add_argument("path", type=Path)
    ap.add_argument("--jobs", type=int, default=24)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    path = write_jobspy_csv(args.path, seed=args.seed, n_jobs=args.jobs)
    print(f"wrote {path} (JobSpy columns; import it with: jobtrends import {path} --source jobspy)")


if __name__ == "__main__":
    main()
