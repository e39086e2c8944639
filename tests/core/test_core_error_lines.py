"""Every class of program-file error names the file, the line and the field."""

from __future__ import annotations

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.errors import ValidationError
from runstrength.core.programs import name_problems, program_from_toml

SOURCE = "/home/runner/.config/runstrength/programs/hills.toml"

GOOD = """\
name = "hills"
title = "Hill-strength endurance"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 3
reps = 20

[[exercise]]
id = "side-plank"
sets = 2
seconds = 30
"""


def problems_of(text: str, catalogue: Catalogue) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        program_from_toml(text, SOURCE, catalogue)
    assert caught.value.source == SOURCE
    return str(caught.value).splitlines()


# (what is changed, into what, expected line, field, words of the message)
CASES = [
    ('id = "glute-bridge"', 'id = "glute-bridg"', 6, "id", "did you mean glute-bridge"),
    ("reps = 20", "reps = 25", 8, "reps", "outside 15-20"),
    ("reps = 20", "reps = 12", 8, "reps", "outside 15-20"),
    ("seconds = 30", "reps = 20", 13, "reps", "timed hold"),
    ("reps = 20", "seconds = 30", 8, "seconds", "counted in reps"),
    ("sets = 3", "sets = 6", 7, "sets", "outside 1-5"),
    ("sets = 3", "sets = 0", 7, "sets", "outside 1-5"),
    ('name = "hills"', 'name = "Hills Program"', 1, "name", "lowercase words joined by hyphens"),
    ('goal = "endurance"', 'goal = "marathon"', 3, "goal", "not one of endurance, sprint"),
    ('id = "glute-bridge"', 'id = "band-row"', 6, "id", "sprint program"),
    ("seconds = 30", 'seconds = 30\nstretch = "calf-strech"', 14, "stretch", "calf-stretch"),
    ("seconds = 30", "seconds = 30\ncolour = 1", 14, "colour", "unknown key"),
    ('title = "Hill-strength endurance"\n', "", 1, "title", "missing"),
]


@pytest.mark.parametrize(("old", "new", "line", "field", "words"), CASES)
def test_each_error_names_file_line_and_field(
    catalogue: Catalogue, old: str, new: str, line: int, field: str, words: str
) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    [problem] = problems_of(text, catalogue)
    assert problem.startswith(f"{SOURCE}: line {line}: ")
    assert f"{field}: " in problem
    assert words in problem


def test_invalid_toml_names_its_line(catalogue: Catalogue) -> None:
    [problem] = problems_of(GOOD.replace("sets = 2", "sets = = 2"), catalogue)
    assert problem.startswith(f"{SOURCE}: line 12: not valid TOML")


def test_no_exercises_is_reported_with_a_line(catalogue: Catalogue) -> None:
    [problem] = problems_of(GOOD.split("[[exercise]]")[0], catalogue)
    assert problem.startswith(f"{SOURCE}: line ")
    assert "exercise: a program needs at least one" in problem


def test_a_duplicate_name_names_the_line(catalogue: Catalogue) -> None:
    text = GOOD.replace('name = "hills"', '\nname = "endurance"')
    program = program_from_toml(text, SOURCE, catalogue)
    problems = name_problems(text, program.name, "endurance", {"endurance", "sprint"})
    assert problems == [
        'line 2: name: "endurance" is already taken by another program; pick another'
    ]


def test_a_name_that_is_not_the_file_name_is_reported(catalogue: Catalogue) -> None:
    program = program_from_toml(GOOD, SOURCE, catalogue)
    [problem] = name_problems(GOOD, program.name, "hill", {"endurance"})
    assert problem.startswith('line 1: name: "hills" must match the file name "hill"')
    assert name_problems(GOOD, program.name, "hills", {"endurance"}) == []
