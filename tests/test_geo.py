"""Country inference from location strings keeps its provenance and refuses to guess mixed markets."""

import pytest

from pipelines.geo import infer_country


@pytest.mark.parametrize(
    ("locations", "expected"),
    [
        (["San Francisco, CA"], "US"),
        (["Boston, MA", "New York, NY"], "US"),
        (["Remote - US"], "US"),
        (["Manchester, UK"], "GB"),
        (["München, Germany"], "DE"),
        (["Toronto, ON"], "CA"),
        (["Bengaluru"], "IN"),
        (["Remote - Europe"], None),
        (["London, UK", "New York, NY"], None),
        ([], None),
        (["Anywhere"], None),
    ],
)
def test_infer_country(locations: list[str], expected: str | None) -> None:
    assert infer_country(locations)["country_code"] == expected


def test_source_codes_win_and_provenance_is_kept() -> None:
    assert infer_country(["London, UK"], ["de"]) == {
        "country_code": "DE",
        "country_provenance": "source",
    }
    assert infer_country(["Austin, TX"])["country_provenance"] == "location"
    assert infer_country(["Paris, France", "Austin, TX"])["country_provenance"] == "ambiguous"


def test_words_inside_other_words_do_not_match() -> None:
    assert infer_country(["Campus tour"])["country_code"] is None  # "us" inside "campus"
    assert infer_country(["Focus on trust"])["country_code"] is None
