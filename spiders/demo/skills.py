"""Skill phrases, per-role skill mixes and the planted time drift.

Why: the demo board must contain trends a correct pipeline can find (and a broken one cannot),
so every skill mention is planted from these tables and recorded in the posting's truth.
Phrases are plain common names and each phrase counts for exactly one skill slug.
"""

from __future__ import annotations

import random

#: slug -> phrases used in text (first is the most common form).
PHRASES: dict[str, tuple[str, ...]] = {
    "python": ("Python", "Python 3"),
    "sql": ("SQL", "PostgreSQL"),
    "typescript": ("TypeScript",),
    "javascript": ("JavaScript", "Node.js"),
    "go": ("Go", "Golang"),
    "rust": ("Rust",),
    "java": ("Java",),
    "cpp": ("C++",),
    "scala": ("Scala",),
    "r-lang": ("R", "RStudio"),
    "pytorch": ("PyTorch",),
    "tensorflow": ("TensorFlow", "Keras"),
    "jax": ("JAX",),
    "cuda": ("CUDA",),
    "hugging-face": ("Hugging Face", "Hugging Face Transformers"),
    "spark": ("Apache Spark", "Spark"),
    "airflow": ("Airflow", "Apache Airflow"),
    "dbt": ("dbt",),
    "kubernetes": ("Kubernetes", "k8s"),
    "docker": ("Docker",),
    "terraform": ("Terraform",),
    "aws": ("AWS", "Amazon Web Services"),
    "gcp": ("GCP", "Google Cloud"),
    "azure": ("Azure", "Microsoft Azure"),
    "llm": ("LLMs", "large language models", "GenAI"),
    "rag": ("RAG", "retrieval-augmented generation (RAG)", "RAG pipelines"),
    "llm-evaluation": ("evals", "eval harnesses", "model evaluation"),
    "ai-agents": ("AI agents", "agentic systems", "multi-agent systems"),
    "prompt-engineering": ("prompt engineering", "prompt design"),
    "fine-tuning": ("fine-tuning", "LoRA"),
    "rlhf": ("RLHF", "DPO"),
    "embeddings": ("embeddings", "embedding models"),
    "vector-databases": ("vector databases", "Pinecone", "Weaviate", "pgvector"),
    "langchain": ("LangChain", "LangGraph"),
    "llamaindex": ("LlamaIndex",),
    "mlops": ("MLOps", "MLflow", "Kubeflow"),
    "distributed-systems": ("distributed systems",),
    "computer-vision": ("computer vision",),
    "nlp": ("NLP", "natural language processing"),
    "reinforcement-learning": ("reinforcement learning",),
    # beyond the 40 core slugs
    "mcp": ("Model Context Protocol (MCP)", "MCP servers"),
    "context-engineering": ("context engineering",),
    "hadoop": ("Hadoop",),
    "jquery": ("jQuery",),
    "react": ("React",),
    "kafka": ("Kafka",),
}

PLANTED_RISERS: list[str] = ["ai-agents", "llm-evaluation", "mcp", "rag", "context-engineering"]
PLANTED_FALLERS: list[str] = ["tensorflow", "hadoop", "jquery", "spark"]

_AI_CORE = "python:.85 llm:.7 rag:.45 ai-agents:.35 llm-evaluation:.35 prompt-engineering:.3 "
_CLOUD = "aws:.3 gcp:.15 azure:.12 docker:.3 kubernetes:.25 "

#: role -> "slug:p ..." base probabilities (before drift).
_PROFILES: dict[str, str] = {
    "prompt-engineer": "python:.5 llm:.8 prompt-engineering:.9 llm-evaluation:.45 rag:.3 "
    "ai-agents:.2 langchain:.25 context-engineering:.2 mcp:.1",
    "context-engineer": _AI_CORE + "context-engineering:.6 embeddings:.55 vector-databases:.6 "
    "llamaindex:.25 langchain:.35 mcp:.25 sql:.2",
    "ai-engineer": _AI_CORE + _CLOUD + "typescript:.3 langchain:.3 mcp:.2 "
    "vector-databases:.25 context-engineering:.2 fine-tuning:.1 tensorflow:.08",
    "llm-engineer": "python:.9 pytorch:.75 llm:.8 fine-tuning:.6 rlhf:.4 cuda:.3 jax:.2 "
    "distributed-systems:.4 llm-evaluation:.45 hugging-face:.35 tensorflow:.12 rag:.15",
    "ai-agent-engineer": _AI_CORE + "ai-agents:.95 mcp:.35 langchain:.4 typescript:.3 "
    "context-engineering:.3 docker:.2",
    "founding-ai-engineer": _AI_CORE + _CLOUD + "typescript:.45 react:.3 sql:.3 mcp:.2 "
    "fine-tuning:.15",
    "ai-architect": "llm:.7 rag:.5 ai-agents:.35 aws:.45 azure:.4 gcp:.3 kubernetes:.3 "
    "mlops:.3 llm-evaluation:.25 mcp:.15 python:.4 distributed-systems:.25",
    "ai-platform-engineer": "python:.7 kubernetes:.75 docker:.5 terraform:.45 mlops:.6 aws:.4 "
    "gcp:.2 go:.25 llm:.4 cuda:.15 distributed-systems:.35 llm-evaluation:.2 spark:.15",
    "harness-engineer": "python:.6 typescript:.45 ai-agents:.8 llm-evaluation:.5 llm:.5 mcp:.3 "
    "context-engineering:.3 rust:.15 go:.2",
    "ai-product-manager": "llm:.7 llm-evaluation:.45 ai-agents:.3 rag:.25 sql:.35 "
    "prompt-engineering:.2",
    "ai-safety-eval-engineer": "python:.85 llm-evaluation:.85 llm:.7 pytorch:.35 rlhf:.3 "
    "ai-agents:.25 reinforcement-learning:.15",
    "ml-engineer": "python:.9 pytorch:.6 tensorflow:.4 sql:.35 spark:.25 mlops:.35 aws:.3 "
    "docker:.25 kubernetes:.2 computer-vision:.2 nlp:.2 hugging-face:.2 scala:.08 llm:.25 "
    "rag:.08 llm-evaluation:.12",
    "research-scientist": "python:.85 pytorch:.7 jax:.35 tensorflow:.2 reinforcement-learning:.3 "
    "nlp:.25 computer-vision:.2 llm:.45 rlhf:.2 distributed-systems:.15 llm-evaluation:.2",
    "data-scientist": "python:.8 sql:.8 r-lang:.3 spark:.25 tensorflow:.12 dbt:.15 hadoop:.08 "
    "llm:.15 airflow:.1",
    "data-engineer": "python:.75 sql:.85 spark:.55 airflow:.5 dbt:.4 kafka:.35 hadoop:.25 "
    "scala:.2 java:.2 aws:.35 gcp:.2 terraform:.1",
    "software-engineer": "python:.35 go:.25 java:.25 typescript:.4 javascript:.35 react:.35 "
    "rust:.1 cpp:.08 sql:.35 kubernetes:.25 docker:.3 aws:.3 terraform:.15 jquery:.1 "
    "distributed-systems:.15 kafka:.1",
    "other": "sql:.05 llm:.05",
}
PROFILES: dict[str, dict[str, float]] = {
    role: {k: float(v) for k, v in (pair.split(":") for pair in spec.split())}
    for role, spec in _PROFILES.items()
}


def drift(slug: str, t: float) -> float:
    """Multiplier on a skill's base probability at time t (0 = start of window, 1 = as_of)."""
    rising = {
        "ai-agents": 0.25 + 1.9 * t,
        "llm-evaluation": 0.35 + 1.5 * t,
        "mcp": 0.0 if t < 0.15 else 2.6 * (t - 0.15),
        "rag": 0.5 + 1.0 * t,
        "context-engineering": 0.0 if t < 0.3 else 3.0 * (t - 0.3),
    }
    falling = {
        "tensorflow": 1.6 - 1.2 * t,
        "hadoop": 1.7 - 1.5 * t,
        "jquery": 1.7 - 1.5 * t,
        "spark": 1.25 - 0.5 * t,
    }
    if slug in rising:
        return rising[slug]
    return falling.get(slug, 1.0)


def pick_skills(rng: random.Random, role: str, t: float) -> list[str]:
    """Skills planted for one posting, ordered as they will appear (most important first)."""
    chosen = [s for s, p in PROFILES[role].items() if rng.random() < min(0.95, p * drift(s, t))]
    if role != "other" and len(chosen) < 2:
        extra = sorted(PROFILES[role], key=lambda s: -PROFILES[role][s])
        chosen += [s for s in extra if s not in chosen and drift(s, t) > 0][: 2 - len(chosen)]
    # most characteristic skills first (they land in Requirements), with some noise
    weight = {s: PROFILES[role][s] * rng.uniform(0.5, 1.5) for s in chosen}
    return sorted(chosen, key=lambda s: -weight[s])


def phrase_for(rng: random.Random, slug: str) -> str:
    """One surface form; the first phrase is used about half the time, like real postings."""
    forms = PHRASES[slug]
    return forms[0] if len(forms) == 1 or rng.random() < 0.5 else rng.choice(forms[1:])
