"""The matcher's shortcuts give what the plain paths give."""

import random
import re

from pipelines.nlp.context import _TOKEN, _tokens_before
from pipelines.nlp.matcher import _SEPARATORS, _boundary_ok
from pipelines.nlp.practice import KEYWORDS, practice_hits


def _window_tokens(text: str, end: int) -> list[str]:
    lo = max(0, end - 80)
    toks = [m for m in _TOKEN.finditer(text, lo, end)]
    if lo > 0 and toks and toks[0].start() == lo:
        toks = toks[1:]
    return [m.group() for m in toks]


def test_tokens_before_match_the_full_window() -> None:
    rng = random.Random(7)
    alphabet = "ab Z_.'’-,\t\n+#é大 1"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        end, n = rng.randint(0, len(text)), rng.randint(1, 4)
        assert _tokens_before(text, end, n)[-n:] == _window_tokens(text, end)[-n:]


def test_practice_keywords_found_elsewhere_give_the_same_hits() -> None:
    text = (
        "Deploying deploydeploy ML models; productionizing AI models and the models' "
        "operationalization, production-izing models."
    )
    low = text.lower()
    found = {k: [m.start() for m in re.finditer(f"(?={re.escape(k)})", low)] for k in KEYWORDS}
    assert practice_hits(text, low, found) == practice_hits(text, low)
    assert practice_hits(text, low)


def test_separators_always_bound_a_word() -> None:
    for c in _SEPARATORS:
        for form in ("C", "go", "大模型", "node.js"):
            assert _boundary_ok(f"x{c}{form}{c}y", 2, 2 + len(form))
