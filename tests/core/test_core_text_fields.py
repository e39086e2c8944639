"""Names and titles from files are one line of printable text; band names are plain words."""

from __future__ import annotations

import pytest

from runstrength.core.errors import ValidationError
from runstrength.core.fields import ID_PATTERN, text_problem
from runstrength.core.programs import program_from_toml
from runstrength.core.settings import settings_from_mapping

PROGRAM = """
name = "hills"
title = {title}
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15
"""


@pytest.mark.parametrize(
    "title", ["Hills [/b]", "5k plan [v2]", "Côte 🏃\u200d♀️", "[@click=x]y[/]"]
)
def test_printable_titles_pass_brackets_included(title: str, catalogue) -> None:
    program = program_from_toml(PROGRAM.format(title=f'"{title}"'), "hills.toml", catalogue)
    assert program.title == title


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ('"\\u001b[31mred"', "U+001B"),
        ('"two\\nlines"', "U+000A"),
        ('"tab\\there"', "U+0009"),
        ('"right\\u202eto left"', "U+202E"),
        ('"   "', "non-empty"),
        (f'"{"x" * 61}"', "61 characters long; at most 60"),
    ],
)
def test_titles_that_are_not_one_printable_line_are_refused(
    title: str, said: str, catalogue
) -> None:
    with pytest.raises(ValidationError) as refused:
        program_from_toml(PROGRAM.format(title=title), "hills.toml", catalogue)
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith("line 3: title: ")
    assert said in refused.value.problems[0]


def test_text_problem_allows_plain_text() -> None:
    assert text_problem("Hills & sprints (v2) [beta]", 60) is None


def test_an_id_ends_at_its_last_character_not_before_a_new_line() -> None:
    assert ID_PATTERN.match("hills")
    assert not ID_PATTERN.match("hills\n")


@pytest.mark.parametrize("band", ["[/]", "red[b]", "a\nb", "\red", " red", "x" * 25, "-"])
def test_band_names_are_words(band: str) -> None:
    settings, problems = settings_from_mapping({"bands": ["red", band]}, "config.toml")
    assert settings.bands == ("yellow", "red", "green", "blue", "black")
    assert len(problems) == 1
    assert "is not a band name" in problems[0]
    assert len(problems[0].splitlines()) == 1, "the name as the file spells it, on one line"


def test_band_names_with_spaces_and_hyphens_pass() -> None:
    settings, problems = settings_from_mapping(
        {"bands": ["x-light", "extra heavy", "grün"]}, "config.toml"
    )
    assert problems == []
    assert settings.bands == ("x-light", "extra heavy", "grün")
