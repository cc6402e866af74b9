"""Synthetic job-posting corpus at 10k / 100k / 1M postings with real-length descriptions.

Why synthetic: the benchmarks need sizes no fixture has, deterministic from a seed. Why a large
Zipf-distributed vocabulary of invented words: spaCy's tokenizer caches by token string, so a
small vocabulary (the demo board's prose) would overstate its speed; real descriptions have a long
tail of rare words, numbers and punctuation-glued tokens, which this imitates.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipelines.records import compute_content_hash

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
#: one lake file (= one extraction partition) per source kind
LAKE_SOURCES = ("greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee")

_FUNCTION = (
    "the and of to a in for with on our is you we will be as that are your by an or this at from "
    "it have can who into about across all their more new work team teams help build other not "
    "what how when where which while also than over using use each every make both through up"
).split()
_DOMAIN = (
    "customers product platform data models systems engineering research production quality "
    "design infrastructure experience ownership roadmap features pipelines services reliability "
    "performance security scale users growth impact problems solutions tools process decisions "
    "stakeholders analysis metrics experiments deployment monitoring collaboration communication "
    "mentoring leadership strategy delivery requirements architecture testing documentation "
    "operations latency throughput evaluation training inference benchmarks datasets annotation "
    "partners clients revenue market company mission culture values benefits equity salary office "
    "remote hybrid candidates opportunity responsibilities qualifications preferred required years"
).split()
_SKILLS = (
    "Python",
    "SQL",
    "TypeScript",
    "JavaScript",
    "Golang",
    "Rust",
    "Java",
    "C++",
    "Scala",
    "PyTorch",
    "TensorFlow",
    "JAX",
    "CUDA",
    "Hugging Face",
    "Apache Spark",
    "Apache Airflow",
    "dbt",
    "Kubernetes",
    "Docker",
    "Terraform",
    "AWS",
    "GCP",
    "Azure",
    "LLMs",
    "retrieval-augmented generation",
    "LLM evaluation",
    "AI agents",
    "prompt engineering",
    "fine-tuning",
    "RLHF",
    "embeddings",
    "vector databases",
    "LangChain",
    "LlamaIndex",
    "MLOps",
    "distributed systems",
    "computer vision",
    "NLP",
    "reinforcement learning",
    "PostgreSQL",
    "Kafka",
    "Snowflake",
    "BigQuery",
    "React",
    "FastAPI",
    "MLflow",
    "Ray",
    "pandas",
)
_TITLES = (
    "Machine Learning Engineer",
    "Senior Machine Learning Engineer",
    "Data Scientist",
    "Staff Data Engineer",
    "AI Research Scientist",
    "Applied Scientist, LLMs",
    "Software Engineer, AI Platform",
    "MLOps Engineer",
    "Principal AI Engineer",
    "Junior Data Analyst",
    "Research Engineer, Evaluations",
    "Head of Data",
    "Product Manager, AI",
    "Backend Engineer",
    "NLP Engineer",
    "Computer Vision Engineer",
)
_SECTIONS = ("About us", "What you'll do", "What we're looking for", "Nice to have", "Benefits")
_PUNCT = (",", ",", ",", ";", ":", "")
_SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ka ke ki ko la le li lo "
    "lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu "
    "va ve vi vo za ze zi zo ar er ir or ur an en in on un al el il ol st tr pr gr bl cl fl pl"
).split()


def _vocabulary(rng: random.Random, size: int = 60_000) -> list[str]:
    """Function words first (most frequent), then domain words, then a long tail of invented ones."""
    words = list(dict.fromkeys(_FUNCTION + _DOMAIN))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 5)))
        roll = rng.random()
        if roll < 0.05:
            word = word.capitalize()
        elif roll < 0.07:
            word = f"{word}-{rng.choice(_SYLLABLES)}{rng.randint(0, 99)}"
        elif roll < 0.08:
            word = str(rng.randint(2, 99_999))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class CorpusGenerator:
    """Deterministic posting dicts (Posting.to_dict() shape) for a seed; ~400-900 words each."""

    def __init__(self, seed: int = 42, vocab_size: int = 60_000) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(random.Random(seed ^ 0x5EED), vocab_size)
        # Zipf(s~1.15) over ranks: a few words dominate, the tail stays long (like real prose)
        self.cum = list(
            itertools.accumulate(1.0 / (r**1.15) for r in range(1, len(self.vocab) + 1))
        )

    def _sentence(self, skills: list[str]) -> str:
        rng = self.rng
        words = rng.choices(self.vocab, cum_weights=self.cum, k=rng.randint(8, 24))
        if skills and rng.random() < 0.35:
            words.insert(
                rng.randrange(len(words)),
                f"{rng.choice(('with', 'using', 'in'))} {rng.choice(skills)}",
            )
        for i in range(1, len(words) - 1):
            if rng.random() < 0.08:
                words[i] += rng.choice(_PUNCT)
        return (
            words[0].capitalize()
            + " "
            + " ".join(words[1:])
            + rng.choice((".", ".", ".", "!", "?"))
        )

    def description(self, skills: list[str], salary: str | None) -> tuple[str, str]:
        """(plain text, HTML) of one description; length drawn uniformly from 400-900 words."""
        rng = self.rng
        target = rng.randint(400, 900)
        text_parts: list[str] = []
        html_parts: list[str] = []
        count = 0
        section = 0
        while count < target:
            head = _SECTIONS[section % len(_SECTIONS)]
            section += 1
            text_parts.append(head)
            html_parts.append(f"<h3>{head}</h3>")
            sentences = [self._sentence(skills) for _ in range(rng.randint(3, 8))]
            count += sum(s.count(" ") + 1 for s in sentences)
            if rng.random() < 0.5:
                text_parts.extend(f"- {s}" for s in sentences)
                html_parts.append("<ul>" + "".join(f"<li>{s}</li>" for s in sentences) + "</ul>")
            else:
                text_parts.append(" ".join(sentences))
                html_parts.append(f"<p>{' '.join(sentences)}</p>")
        if salary:
            text_parts.append(f"The pay range for this role is {salary}.")
            html_parts.append(f"<p>The pay range for this role is {salary}.</p>")
        return "\n".join(text_parts), "".join(html_parts)

    def posting(self, i: int, source: str, run_id: str) -> dict[str, Any]:
        rng = self.rng
        skills = rng.sample(_SKILLS, rng.randint(3, 12))
        salary = None
        if rng.random() < 0.4:
            low = rng.randrange(60, 260) * 1000
            salary = f"${low:,} - ${low + rng.randrange(10, 90) * 1000:,} per year"
        text, html = self.description(skills, salary)
        rec: dict[str, Any] = {
            "source": source,
            "board": f"bench{i % 97}",
            "source_id": str(i),
            "url": f"https://bench.invalid/{source}/{i}",
            "apply_url": None,
            "title": rng.choice(_TITLES),
            "company": f"Company {i % 5003}",
            "locations": [
                rng.choice(("Remote", "London, UK", "New York, NY", "Berlin", "Austin, TX"))
            ],
            "country_codes": [],
            "workplace_type": rng.choice(("remote", "hybrid", "onsite", "unknown")),
            "workplace_raw": None,
            "employment_type": "Full-time",
            "department": "Engineering",
            "posted_at": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}T12:00:00Z",
            "updated_at": None,
            "description_html": html,
            "description_text": text,
            "salary_raw": None,
            "salary_text": salary,
            "fetched_at": "2026-11-01T00:00:00Z",
            "run_id": run_id,
        }
        rec["content_hash"] = compute_content_hash(rec)
        return rec

    def postings(self, n: int, run_id: str = "20261101T000000Z-bench0") -> Iterator[dict[str, Any]]:
        for i in range(n):
            yield self.posting(i, LAKE_SOURCES[i % len(LAKE_SOURCES)], run_id)


def write_lake(
    lake: Path, n: int, seed: int = 42, run_id: str = "20261101T000000Z-bench0", partitions: int = 1
) -> list[Path]:
    """Stream n postings into <lake>/<run_id>/<source>.jsonl, one file per partition (source kind)."""
    out = lake / run_id
    out.mkdir(parents=True, exist_ok=True)
    kinds = LAKE_SOURCES[: max(1, min(partitions, len(LAKE_SOURCES)))]
    handles = {k: (out / f"{k}.jsonl").open("w", encoding="utf-8") for k in kinds}
    gen = CorpusGenerator(seed)
    try:
        for i in range(n):
            kind = kinds[i % len(kinds)]
            handles[kind].write(json.dumps(gen.posting(i, kind, run_id), ensure_ascii=False) + "\n")
    finally:
        for fh in handles.values():
            fh.close()
    return [out / f"{k}.jsonl" for k in kinds]


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(
        description="write a synthetic raw lake (python -m bench.corpus)"
    )
    parser.add_argument("lake", type=Path)
    parser.add_argument("--size", default="10k", help="10k | 100k | 1m | an integer")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--partitions", type=int, default=1)
    args = parser.parse_args()
    n = SIZES.get(args.size.lower()) or int(args.size)
    files = write_lake(args.lake, n, args.seed, partitions=args.partitions)
    print("\n".join(str(f) for f in files))


if __name__ == "__main__":
    main()
