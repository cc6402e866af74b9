"""Golden cases for every ambiguous skill term: the skill sense is found, the other sense is not."""

from __future__ import annotations

import pytest

from pipelines.nlp import get_analyser

# (text, slug, expected present?)
CASES = [
    # Go
    ("Our services are written in Go and Python.", "go", True),
    ("Stack: Go, Rust, TypeScript, Postgres.", "go", True),
    ("Experience building backend services in Go is required.", "go", True),
    ("You will own our go-to-market motion.", "go", False),
    ("Go beyond the obvious and ship fast.", "go", False),
    ("We go deep on customer problems.", "go", False),
    # R
    ("Fluency in Python or R for statistical analysis.", "r-lang", True),
    ("Comfortable with RStudio and the tidyverse.", "r-lang", True),
    ("Partner with R&D on new products.", "r-lang", False),
    ("Ask for R. Smith at the front desk.", "r-lang", False),
    # C vs C++ vs C#
    ("Low-level work in C and C++ on embedded targets.", "c-lang", True),
    ("Low-level work in C and C++ on embedded targets.", "cpp", True),
    ("We raised a Series C last year.", "c-lang", False),
    ("Present to the C-suite every quarter.", "c-lang", False),
    ("Backend code is C# on .NET.", "cpp", False),
    # Rust
    ("You enjoy writing safe systems code in Rust.", "rust", True),
    ("Inspect the hull for rust and corrosion damage.", "rust", False),
    # Scala
    ("Data jobs in Scala and Spark on the JVM.", "scala", True),
    ("Design scalable systems that scale to millions.", "scala", False),
    # Spark
    ("Build batch pipelines with Apache Spark.", "spark", True),
    ("Tune Spark jobs on large clusters of data.", "spark", True),
    ("You spark curiosity and joy in every conversation.", "spark", False),
    ("PySpark notebooks for feature work.", "spark", True),
    ("PySpark notebooks for feature work.", "python", True),
    # Airflow
    ("Orchestrate DAGs with Airflow and dbt.", "airflow", True),
    ("Monitor rack airflow and cooling in the HVAC plant.", "airflow", False),
    # torch
    ("Train models with torch on GPUs.", "pytorch", True),
    ("Operate a plasma cutting torch and welding gear safely.", "pytorch", False),
    # agents
    ("Build AI agents that call tools on behalf of users.", "ai-agents", True),
    ("Design multi-agent systems for planning.", "ai-agents", True),
    ("Support our network of travel agents and insurance agents.", "ai-agents", False),
    ("Parse the browser user agent string.", "ai-agents", False),
    # evals / evaluation
    ("Write evals for the LLM features we ship.", "llm-evaluation", True),
    ("Own the evaluation of model outputs and benchmarks for the LLM.", "llm-evaluation", True),
    ("Complete the annual performance evaluation of your direct reports.", "llm-evaluation", False),
    ("Evaluate vendors and recommend purchases.", "llm-evaluation", False),
    # prompt
    ("Design prompt templates and prompt chains for our assistant.", "prompt-engineering", True),
    ("Iterate on prompts for the LLM to reduce hallucinations.", "prompt-engineering", True),
    ("We value a prompt response to customer emails.", "prompt-engineering", False),
    ("Be prompt and courteous with clients.", "prompt-engineering", False),
    # RAG
    ("Ship RAG pipelines over our document store.", "rag", True),
    ("Experience with retrieval-augmented generation.", "rag", True),
    ("Wipe the counters with a clean rag.", "rag", False),
    # dbt
    ("Model the warehouse with dbt and SQL.", "dbt", True),
    ("Orchestration tools (Airflow, DBT, or similar).", "dbt", True),
    ("Deliver DBT sessions to patients in group therapy.", "dbt", False),
    # "AI" alone is not an LLM mention
    ("We use AI to route support tickets.", "llm", False),
    ("Build features on large language models and generative AI.", "llm", True),
    # vision / embeddings / distributed
    ("Core capabilities include vision, tool use, and computer use.", "computer-vision", True),
    ("You will set the technical vision for the team.", "computer-vision", False),
    ("Store embedding vectors for semantic search with the LLM.", "embeddings", True),
    ("You learn by embedding with customers during incidents.", "embeddings", False),
    ("Deep expertise in distributed database architectures.", "distributed-systems", True),
    ("Our people are distributed across many time zones.", "distributed-systems", False),
    ("Support for GPU clusters and large-scale training clusters.", "distributed-systems", True),
    ("Our customers cluster around three use cases.", "distributed-systems", False),
    # Java vs JavaScript, SQL vs NoSQL
    ("Frontend in JavaScript, no Java here.", "java", True),
    ("Frontend in JavaScript only.", "java", False),
    ("Experience with NoSQL stores such as MongoDB.", "sql", False),
    ("Strong PostgreSQL skills.", "sql", True),
    # tool names that are everyday words elsewhere
    ("Package services with Docker and Helm charts on Kubernetes.", "kubernetes", True),
    ("You will be at the helm of a growing team.", "kubernetes", False),
    ("Office locations: Aurora, IL and Jax, FL.", "aws", False),
    ("Office locations: Aurora, IL and Jax, FL.", "jax", False),
    ("Fine-tune LLMs with LoRA adapters.", "fine-tuning", True),
    ("Deploy LoRa radio sensors on farms.", "fine-tuning", False),
    ("Active TS/SCI clearance required.", "typescript", False),
    ("Frontend in React and TS.", "typescript", True),
    # rising demo skills
    ("Context engineering for long-running assistants.", "context-engineering", True),
    ("Build MCP servers that expose our tools.", "mcp", True),
    ("Build MCP servers that expose our tools.", "ai-agents", False),  # counted as mcp only
    # capitalised mid-sentence names the product; lowercase is the word; names are not skills
    ("Solid working knowledge of React.", "react", True),
    ("You react quickly to incidents.", "react", False),
    ("Experience with Airflow is a plus.", "airflow", True),
    ("About Kite Agents Co and our LLM products.", "ai-agents", False),
    ("Familiarity with Go.", "go", True),
    ("You have shipped real projects using R.", "r-lang", True),
    # aws vs laws
    ("Comply with labor laws and draws on payroll.", "aws", False),
    ("Deploy on AWS with S3 and EC2.", "aws", True),
]


@pytest.mark.parametrize(("text", "slug", "present"), CASES)
def test_ambiguous_term(text: str, slug: str, present: bool) -> None:
    slugs = {m["slug"] for m in get_analyser().analyse("Engineer", text)["skills"]}
    assert (slug in slugs) is present, (text, sorted(slugs))


def test_mention_spans_point_into_text() -> None:
    text = "Requirements:\n- 3+ years of Python and Go\n- Kubernetes (k8s)"
    for m in get_analyser().analyse("", text)["skills"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["section"] == "requirements"
        assert m["text"] in m["sentence"]


def test_longest_match_wins_but_keeps_other_nested_skills() -> None:
    slugs = [
        m["slug"]
        for m in get_analyser().analyse("", "We run Azure OpenAI and Apache Spark.")["skills"]
    ]
    assert {"azure", "llm", "spark"} <= set(slugs)
    assert "llm" not in {
        m["slug"] for m in get_analyser().analyse("", "We use Claude Code daily.")["skills"]
    }
