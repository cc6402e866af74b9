"""The shared normaliser: what scrapers leave in text becomes what rules expect."""

import pytest

from pipelines.textnorm import is_lowercased, normalise_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (r"5\+ years of experience", "5+ years of experience"),
        (r"fine\-tuning and c\+\+", "fine-tuning and c++"),
        (r"\$48\.26 \- \$82\.69 per hour", "$48.26 - $82.69 per hour"),
        ("R&amp;D in C&#43;&#43;", "R&D in C++"),
        (
            "\u201cworld\u2011class\u201d team \u2014 $120k\u2013$150k",
            '"world-class" team - $120k-$150k',
        ),
        ("Py\u200bthon\u00a0and\u202fSQL", "Python and SQL"),
        ("\u2022 Python\n  \u25cf PyTorch", "- Python\n- PyTorch"),
        ("\uff30\uff59\uff34\uff4f\uff52\uff43\uff48", "PyTorch"),
        ("plain ascii stays", "plain ascii stays"),
        ("", ""),
    ],
)
def test_normalise_text(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean


def test_normalise_is_idempotent_on_its_output() -> None:
    once = normalise_text(r"\*\*Senior\*\* ML \- 5\+ yrs &amp; \u2013 more")
    assert normalise_text(once) == once


def test_none_is_empty() -> None:
    assert normalise_text(None) == ""


def test_lower_case_detection() -> None:
    lower = "we are hiring an ml engineer with python, go and pytorch experience to build rag."
    assert is_lowercased(lower)
    assert not is_lowercased("We are hiring an ML engineer with Python, Go and PyTorch experience.")
    assert not is_lowercased("too short")


def test_lower_same_length_keeps_offsets() -> None:
    from pipelines.textnorm import lower_same_length

    assert lower_same_length("Python and GO") == "python and go"
    text = "İstanbul PyTorch"  # "İ".lower() is two characters: kept, so offsets still line up
    low = lower_same_length(text)
    assert len(low) == len(text) and low.index("pytorch") == text.index("PyTorch")


@pytest.mark.parametrize(
    "text",
    [
        "we are hiring an ml engineer with python, go and pytorch experience in berlin",
        "We are hiring an ML engineer with Python, Go and PyTorch experience in Berlin.",
        "we are hiring an ml engineer in İstanbul with python, go and pytorch experience",
        "İ" + "x" * 60,
    ],
)
def test_is_lowercased_reads_the_same_given_the_callers_lowered_text(text: str) -> None:
    from pipelines.textnorm import lower_same_length

    assert is_lowercased(text, low=lower_same_length(text)) == is_lowercased(text)
