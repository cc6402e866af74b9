"""Hand-written vocabulary for the demo board: companies, places, titles and prose.

Everything here is invented for the demo; prose sentences are kept free of skill words so the
only skill mentions in a description are the ones the generator plants (and records as truth).
"""

from __future__ import annotations

COMPANY_NAMES: tuple[str, ...] = (
    "Northwind Labs",
    "Bluejay Analytics",
    "Cobalt Harbor",
    "Fernway Health",
    "Quillstack",
    "Tessellate AI",
    "Lumen Freight",
    "Orbitline",
    "Pinecrest Robotics",
    "Harbor & Finch",
    "Mosaic Ledger",
    "Brightlane",
    "Copperleaf Systems",
    "Vantage Loop",
    "Driftwood Data",
    "Kestrel Security",
    "Sable Insurance",
    "Arclight Studio",
    "Meridian Bio",
    "Ironbark Energy",
    "Juniper Legal",
    "Foxglove Retail",
    "Halcyon Maps",
    "Nimbus Kitchen",
    "Redwood Learning",
    "Saltmarsh Media",
    "Tidewater Pay",
    "Umber Works",
    "Verdant Farms",
    "Willow Travel",
    "Yellowfin Logistics",
    "Zephyr Mobility",
    "Alder Cognition",
    "Beacon Ridge",
    "Cinder Cloud",
    "Delta Quill",
    "Emberly",
    "Fathom Labs",
    "Granite Reasoning",
    "Helix Forge",
    "Indigo Signal",
    "Jasper Claims",
    "Kite Agents Co",
    "Lattice Minds",
    "Marlow Health",
    "Nova Parcel",
    "Oakum Research",
    "Pebble Payroll",
    "Quarry Compute",
    "Rook Analytics",
    "Sparrow Support",
    "Thistle Bank",
    "Upland Ops",
    "Vireo Voice",
    "Wren Robotics",
)

#: (product, customers) pairs for the "About us" blurb; deliberately free of skill words.
PRODUCTS: tuple[tuple[str, str], ...] = (
    ("software that plans freight routes", "mid-sized shipping companies"),
    ("a payments platform", "independent shops and restaurants"),
    ("scheduling tools", "hospitals and clinics"),
    ("an AI assistant for contract review", "in-house legal teams"),
    ("a developer platform", "teams shipping AI features"),
    ("a claims automation product", "insurers across two continents"),
    ("a learning app", "adults going back to school"),
    ("an operations suite", "field service companies"),
    ("a research copilot", "analysts at investment firms"),
    ("customer support software", "fast-growing consumer brands"),
    ("a grid-planning product", "utilities and energy traders"),
    ("a voice assistant", "busy clinics answering patient calls"),
    ("a compliance workspace", "banks and fintech lenders"),
    ("a warehouse robotics system", "third-party logistics providers"),
    ("a travel booking product", "companies that send staff on the road"),
)

VALUES: tuple[str, ...] = (
    "We care about craft, ownership and kindness.",
    "We are a small team that ships weekly and writes things down.",
    "We value clear writing, calm on-call rotations and honest feedback.",
    "We are profitable, independent and in no hurry to cut corners.",
    "We hire people who like hard problems and sharing credit.",
)

#: Sentences that use a skill word in another sense; they never count as mentions.
CONFUSERS: tuple[str, ...] = (
    "We move quickly: you will go from idea to launch in weeks, not quarters.",
    "We value prompt, honest feedback in both directions.",
    "Twice a year we run a light performance evaluation focused on growth.",
    "Our offsites are planned by a travel agent, so you only need to show up.",
    "We like ideas that spark good conversations across teams.",
)

BENEFITS: tuple[str, ...] = (
    "Comprehensive medical, dental and vision cover for you and your family.",
    "Generous parental leave and a flexible return-to-work plan.",
    "A yearly learning budget for books, courses and conferences.",
    "Home-office stipend and the equipment you ask for.",
    "Pension or 401(k) matching.",
    "Twenty-five days of paid holiday plus public holidays.",
    "Meaningful equity in a growing company.",
    "Quarterly team offsites and a monthly wellbeing allowance.",
    "Flexible hours that fit around school runs and time zones.",
)

#: Skill-free responsibility sentences per role family.
DUTIES: dict[str, tuple[str, ...]] = {
    "eng": (
        "Partner with product and design to turn customer problems into shipped features.",
        "Write clear design documents and review code from teammates.",
        "Make trade-offs between quality, cost and latency explicit and measurable.",
        "Own services end to end, from first prototype to steady day-to-day running.",
        "Mentor other engineers and raise the bar for technical quality.",
        "Work closely with customers to understand how they use what we build.",
    ),
    "research": (
        "Define research questions that matter for our products.",
        "Run careful experiments and report results honestly, including negative ones.",
        "Publish internally and, where it makes sense, at top venues.",
        "Collaborate with engineers to move promising ideas into products.",
    ),
    "data": (
        "Turn messy business questions into crisp analyses and dashboards.",
        "Build reliable pipelines and keep data quality high.",
        "Partner with finance, product and operations on the metrics that matter.",
        "Document datasets so others can self-serve.",
    ),
    "pm": (
        "Own the roadmap for a product area and explain the why behind it.",
        "Define success criteria before a feature is built and track them after launch.",
        "Talk to customers every week and bring what you learn back to the team.",
        "Balance quality, cost and speed with engineering and design leads.",
    ),
    "other": (
        "Build lasting relationships with customers and internal partners.",
        "Run a clear, fair process and keep stakeholders informed.",
        "Own targets for your area and report progress every month.",
        "Improve our playbooks so the next hire ramps up faster.",
        "Represent the company at events and in customer meetings.",
    ),
}

#: (location string, ISO country or None, region) where region is US, CA, UK, EU or IN.
LOCATIONS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "US": (
        ("San Francisco, CA", "US"),
        ("New York, NY", "US"),
        ("Seattle, WA", "US"),
        ("Austin, TX", "US"),
        ("Boston, MA", "US"),
        ("Chicago, IL", "US"),
    ),
    "CA": (
        ("Toronto, ON, Canada", "CA"),
        ("Vancouver, BC, Canada", "CA"),
        ("Montréal, QC, Canada", "CA"),
    ),
    "UK": (("London, UK", "GB"), ("Manchester, UK", "GB"), ("Edinburgh, UK", "GB")),
    "EU": (
        ("Berlin, Germany", "DE"),
        ("München, Germany", "DE"),
        ("Amsterdam, Netherlands", "NL"),
        ("Paris, France", "FR"),
        ("Barcelona, Spain", "ES"),
        ("Dublin, Ireland", "IE"),
    ),
    "IN": (("Bengaluru, India", "IN"), ("Hyderabad, India", "IN"), ("Pune, India", "IN")),
}
REMOTE_LOCATIONS: dict[str, tuple[str, str | None]] = {
    "US": ("Remote - US", "US"),
    "CA": ("Remote, Canada", "CA"),
    "UK": ("Remote - United Kingdom", "GB"),
    "EU": ("Remote - Europe", None),
    "IN": ("Remote, India", "IN"),
}
CURRENCY_BY_REGION = {"US": "USD", "CA": "CAD", "UK": "GBP", "EU": "EUR", "IN": "INR"}

#: Base titles per role slug (no seniority words); tie-breaks in docs/taxonomy.md hold for each.
TITLES: dict[str, tuple[str, ...]] = {
    "prompt-engineer": ("Prompt Engineer", "Prompt Designer", "LLM Prompt Specialist"),
    "context-engineer": (
        "Context Engineer",
        "RAG Engineer",
        "Retrieval Engineer",
        "Knowledge Engineer, AI",
    ),
    "ai-engineer": (
        "AI Engineer",
        "Applied AI Engineer",
        "GenAI Engineer",
        "Software Engineer, AI",
        "Full Stack AI Engineer",
    ),
    "llm-engineer": (
        "LLM Engineer",
        "Post-Training Engineer",
        "Inference Engineer, LLM",
        "Research Engineer, Post-Training",
    ),
    "ai-agent-engineer": (
        "AI Agent Engineer",
        "Agentic Systems Engineer",
        "Agent Developer",
        "Software Engineer, AI Agents",
    ),
    "founding-ai-engineer": (
        "Founding AI Engineer",
        "Founding ML Engineer",
        "Founding Engineer (AI)",
    ),
    "ai-architect": (
        "AI Architect",
        "AI Solutions Architect",
        "GenAI Architect",
        "Enterprise AI Architect",
        "Solutions Architect, Applied AI",
    ),
    "ai-platform-engineer": (
        "ML Platform Engineer",
        "AI Infrastructure Engineer",
        "MLOps Engineer",
        "LLMOps Engineer",
        "AI Platform Engineer",
    ),
    "harness-engineer": (
        "Harness Engineer",
        "AI Developer Productivity Engineer",
        "Harness Engineer, Coding Guardrails",
    ),
    "ai-product-manager": (
        "AI Product Manager",
        "Product Manager, AI/ML",
        "GenAI Product Manager",
        "Product Manager, AI Platform",
    ),
    "ai-safety-eval-engineer": (
        "AI Safety Engineer",
        "Evals Engineer",
        "Red Team Engineer",
        "Alignment Research Engineer",
        "Safeguards Engineer",
    ),
    "ml-engineer": (
        "Machine Learning Engineer",
        "ML Engineer",
        "Deep Learning Engineer",
        "Computer Vision Engineer",
        "NLP Engineer",
        "Applied Scientist, Machine Learning",
    ),
    "research-scientist": (
        "Research Scientist",
        "ML Researcher",
        "AI Researcher",
        "Research Scientist, Language Models",
    ),
    "data-scientist": (
        "Data Scientist",
        "Data Analyst",
        "Analytics Engineer",
        "Quantitative Analyst",
        "Product Data Scientist",
    ),
    "data-engineer": ("Data Engineer", "Big Data Engineer", "ETL Developer"),
    "software-engineer": (
        "Backend Engineer",
        "Full Stack Engineer",
        "Site Reliability Engineer",
        "DevOps Engineer",
        "Mobile Engineer (iOS)",
        "Frontend Engineer",
    ),
    "other": (
        "Account Executive",
        "Technical Recruiter",
        "Product Counsel",
        "Marketing Manager",
        "Customer Success Manager",
        "Product Designer",
        "Account Executive, AI",
    ),
}

#: Which DUTIES family and department each role uses.
ROLE_FAMILY: dict[str, tuple[str, str]] = {
    "ai-product-manager": ("pm", "Product"),
    "research-scientist": ("research", "Research"),
    "data-scientist": ("data", "Data"),
    "data-engineer": ("data", "Data"),
    "other": ("other", "Go-to-Market"),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "about": ("About us", "Who we are", "About {company}"),
    "responsibilities": ("Responsibilities", "What you'll do", "In this role you will"),
    "requirements": ("Requirements", "What we're looking for", "About you"),
    "nice_to_have": ("Nice to have", "Bonus points", "Even better if you have"),
    "benefits": ("Benefits", "What we offer", "Perks and benefits"),
}
