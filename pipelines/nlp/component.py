"""spaCy wiring: a `jobtrends_skills` pipeline component so the matcher runs inside `nlp(text)`.

nlp = build_nlp()
doc = nlp("5+ years of Python and Go")
[(s.text, s.label_, s._.section) for s in doc.spans["skills"]]  # label_ = slug
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .matcher import SkillMatcher
from .taxonomy import skill_taxonomy

if not Span.has_extension("section"):
    Span.set_extension("section", default=None)


class SkillComponent:
    """Adds every skill mention as a span in `doc.spans["skills"]` (label = slug)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = SkillMatcher(skill_taxonomy(), nlp)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.matcher.mentions(doc.text):
            span = doc.char_span(m["start"], m["end"], label=m["slug"], alignment_mode="expand")
            if span is not None:
                span._.section = m["section"]
                spans.append(span)
        doc.spans["skills"] = spans
        return doc


@Language.factory("jobtrends_skills")
def make_skill_component(nlp: Language, name: str) -> SkillComponent:
    return SkillComponent(nlp, name)


def build_nlp(**kwargs: Any) -> Language:
    """A blank English pipeline with the skill component (no pretrained model needed)."""
    nlp = spacy.blank("en", **kwargs)
    nlp.add_pipe("jobtrends_skills")
    return nlp
