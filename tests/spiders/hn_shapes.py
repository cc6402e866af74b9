"""20 "Who is hiring?" comment shapes, written for these tests in the styles people post in
(pipes, dashes, slashes, bullets, "Open roles:" lists, roles on their own lines, visa notes,
role-first headers, replies). Each case: the comment HTML and the postings expected, by field.

Fields not named in an expectation are not checked; `locations` is checked whole, so non-place
text leaking into it fails.
"""

from __future__ import annotations

from typing import Any

A = "https:&#x2F;&#x2F;"
SHAPES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "pipes_classic",
        f"Northwind Robotics | Senior Backend Engineer | Denver, CO | ONSITE | Full-time | "
        f'$160k-$190k | <a href="{A}northwind.example">{A}northwind.example</a><p>We build '
        "warehouse robots. Python, Go.",
        [
            {
                "title": "Senior Backend Engineer",
                "company": "Northwind Robotics",
                "locations": ["Denver, CO"],
                "workplace_type": "onsite",
                "employment_type": "Full-time",
                "salary_text": "$160k-$190k",
            }
        ],
    ),
    (
        "spaced_hyphens",
        "Pebble Analytics - Data Engineer - Remote (EU) - Full time<p>Spark, dbt and a small team.",
        [
            {
                "title": "Data Engineer",
                "company": "Pebble Analytics",
                "locations": ["EU"],
                "workplace_type": "remote",
                "employment_type": "Full time",
            }
        ],
    ),
    (
        "en_and_em_dashes",
        "Quarry Labs — Staff ML Engineer – Toronto, Canada — Hybrid — CAD 200k–240k<p>Ranking "
        "models for search.",
        [
            {
                "title": "Staff ML Engineer",
                "company": "Quarry Labs",
                "locations": ["Toronto, Canada"],
                "workplace_type": "hybrid",
                "salary_text": "CAD 200k–240k",
            }
        ],
    ),
    (
        "slashes",
        "Fennel Health / Frontend Developer / Lisbon / Hybrid / Permanent<p>React and TypeScript.",
        [
            {
                "title": "Frontend Developer",
                "company": "Fennel Health",
                "locations": ["Lisbon"],
                "workplace_type": "hybrid",
                "employment_type": "Permanent",
            }
        ],
    ),
    (
        "bullets",
        "Kestrel Security • Security Engineer • Remote (US, Canada) • Contract<p>Cloud "
        "detection rules.",
        [
            {
                "title": "Security Engineer",
                "company": "Kestrel Security",
                "locations": ["US", "Canada"],
                "workplace_type": "remote",
                "employment_type": "Contract",
            }
        ],
    ),
    (
        "two_roles_in_header",
        "Lattice Bio | Computational Biologist and Data Scientist | Boston | Onsite<p>Wet lab "
        "next door.",
        [
            {"title": "Computational Biologist", "locations": ["Boston"]},
            {"title": "Data Scientist", "locations": ["Boston"]},
        ],
    ),
    (
        "multiple_roles_open_roles_list",
        "Harbor Freight Tech | Multiple roles | Amsterdam, Netherlands | Hybrid<p>Open roles:"
        "<p>- Senior Platform Engineer<p>- Product Manager, Payments<p>- Data Analyst<p>We "
        "move containers, not just bytes.",
        [
            {"title": "Senior Platform Engineer", "company": "Harbor Freight Tech"},
            {"title": "Product Manager, Payments"},
            {"title": "Data Analyst", "locations": ["Amsterdam, Netherlands"]},
        ],
    ),
    (
        "open_roles_inline",
        "Spindle | Remote (Worldwide) | Full-time<p>Open roles: Rust Engineer, Developer "
        "Advocate, Support Engineer<p>We make a build cache.",
        [
            {"title": "Rust Engineer", "locations": ["Worldwide"]},
            {"title": "Developer Advocate"},
            {"title": "Support Engineer"},
        ],
    ),
    (
        "roles_on_separate_lines",
        "Meridian Maps | Berlin, Germany | ONSITE<p>Senior Geospatial Engineer<p>Computer "
        "Vision Researcher<p>We map cities from street imagery and need people who care.",
        [
            {"title": "Senior Geospatial Engineer", "locations": ["Berlin, Germany"]},
            {"title": "Computer Vision Researcher"},
        ],
    ),
    (
        "visa_note_not_location",
        "Corvid Systems | Firmware Engineer | Austin, TX | Onsite | Visa sponsorship available"
        "<p>Embedded C on custom boards.",
        [
            {
                "title": "Firmware Engineer",
                "locations": ["Austin, TX"],
                "visa_sponsorship": "Visa sponsorship available",
            }
        ],
    ),
    (
        "employment_with_hours",
        "Tidewater Games | Gameplay Programmer | Remote | Contract / Part-time (10-40 hrs/wk)"
        "<p>Unity, C#.",
        [
            {
                "title": "Gameplay Programmer",
                "locations": [],
                "workplace_type": "remote",
                "employment_type": "Contract / Part-time (10-40 hrs/wk)",
            }
        ],
    ),
    (
        "role_at_company",
        "Senior iOS Engineer at Bramble | Remote, US time zones | $170k + equity<p>Swift, SwiftUI.",
        [
            {
                "title": "Senior iOS Engineer",
                "company": "Bramble",
                "workplace_type": "remote",
                "salary_text": "$170k + equity",
            }
        ],
    ),
    (
        "company_with_url_in_parens",
        f'Oakridge AI (<a href="{A}oakridge.example">oakridge.example</a>) | Founding ML '
        "Engineer | San Francisco | Onsite | $200k-$250k, 1% equity<p>Seed stage.",
        [
            {
                "title": "Founding ML Engineer",
                "company": "Oakridge AI",
                "locations": ["San Francisco"],
            }
        ],
    ),
    (
        "hybrid_dash_city_in_pipe_field",
        "Cobalt Pay | Backend Engineer (Go) | Hybrid - London | £85k-£105k<p>Card issuing.",
        [
            {
                "title": "Backend Engineer (Go)",
                "locations": ["London"],
                "workplace_type": "hybrid",
                "salary_text": "£85k-£105k",
            }
        ],
    ),
    (
        "semicolon_roles_with_qualifier",
        "Vesper Labs | Research Engineer, Inference; SRE | Zurich | Onsite<p>GPU clusters.",
        [
            {"title": "Research Engineer, Inference", "locations": ["Zurich"]},
            {"title": "SRE"},
        ],
    ),
    (
        "bulleted_roles_with_links",
        "Juniper Ledger | NYC or Remote (US) | Full-time<p>* Senior Data Engineer - "
        f'<a href="{A}juniper.example&#x2F;de">apply</a><p>* Staff Product Designer - '
        f'<a href="{A}juniper.example&#x2F;pd">apply</a>',
        [
            {"title": "Senior Data Engineer", "locations": ["NYC", "US"]},
            {"title": "Staff Product Designer", "workplace_type": "remote"},
        ],
    ),
    (
        "numbered_roles",
        "Glasshouse | Paris, France | Hybrid<p>We're hiring:<p>1. Machine Learning Engineer"
        "<p>2. Backend Developer (Python)<p>Reach out to jobs at glasshouse.example",
        [
            {"title": "Machine Learning Engineer", "locations": ["Paris, France"]},
            {"title": "Backend Developer (Python)"},
        ],
    ),
    (
        "interns_and_pay_per_hour",
        "Sable Compute | Software Engineering Intern | Seattle | Onsite | $55/hr<p>Summer.",
        [
            {
                "title": "Software Engineering Intern",
                "locations": ["Seattle"],
                "salary_text": "$55/hr",
            }
        ],
    ),
    (
        "discussion_top_level_ignored",
        "Is anyone hiring for embedded roles in Europe this month? Asking for a friend.",
        [],
    ),
    (
        "lowercase_remote_only_header",
        "tinyteam.example | full-stack developer | remote only | part-time<p>Elixir and Phoenix.",
        [
            {
                "title": "full-stack developer",
                "locations": [],
                "workplace_type": "remote",
                "employment_type": "part-time",
            }
        ],
    ),
]
