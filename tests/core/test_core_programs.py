"""Program files: the built-ins follow the article, and bad files are refused with reasons."""

from __future__ import annotations

import re

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.errors import ValidationError
from runstrength.core.programs import Program, program_from_toml
from runstrength.store import load_programs

HEADER = """\
name = "hills"
title = "Hill-strength endurance"
goal = "endurance"
"""


def refuse(text: str, catalogue: Catalogue, source: str = "hills.toml") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        program_from_toml(text, source, catalogue)
    return caught.value


def line_number(text: str, fragment: str, after: str = "") -> int:
    """1-based line of the first line containing fragment (after the line containing `after`)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if fragment in lines[i]) + 1


@pytest.fixture(scope="module")
def builtins(catalogue: Catalogue) -> dict[str, Program]:
    library = load_programs(catalogue)
    assert library.invalid == {}
    return library.programs


# --- the built-in programs --------------------------------------------------------------


def test_both_builtins_load(builtins: dict[str, Program]) -> None:
    assert set(builtins) >= {"endurance", "sprint"}
    assert builtins["endurance"].goal == "endurance"
    assert builtins["sprint"].goal == "sprint"
    assert all(p.builtin for p in builtins.values())


@pytest.mark.parametrize("name", ["endurance", "sprint"])
def test_builtin_rep_targets_are_15_to_20(builtins: dict[str, Program], name: str) -> None:
    program = builtins[name]
    assert program.entries
    for entry in program.entries:
        if entry.exercise.is_hold:
            assert entry.reps is None
            assert entry.seconds is not None
            assert 10 <= entry.seconds <= 120
        else:
            assert entry.seconds is None
            assert entry.reps is not None
            assert 15 <= entry.reps <= 20, entry.exercise.id


def test_endurance_is_core_and_legs_only(builtins: dict[str, Program]) -> None:
    program = builtins["endurance"]
    regions = {entry.exercise.region for entry in program.entries}
    assert "upper" not in regions
    assert regions == {"core", "lower"}
    assert all(2 <= entry.sets <= 3 for entry in program.entries)


def test_endurance_uses_bands_for_the_legs(builtins: dict[str, Program]) -> None:
    lower = [e.exercise for e in builtins["endurance"].entries if e.exercise.region == "lower"]
    assert any(exercise.uses_band for exercise in lower)


def test_sprint_is_full_body(builtins: dict[str, Program]) -> None:
    regions = {entry.exercise.region for entry in builtins["sprint"].entries}
    assert regions == {"core", "lower", "upper"}


def test_builtin_exercises_are_bodyweight_or_band(builtins: dict[str, Program]) -> None:
    for program in builtins.values():
        for entry in program.entries:
            assert entry.exercise.equipment in ("bodyweight", "band")
            assert 1 <= entry.sets <= 5


# --- a good user file -------------------------------------------------------------------


def test_the_example_from_the_brief_loads(catalogue: Catalogue) -> None:
    text = (
        HEADER
        + """rest_seconds = 45

[[exercise]]
id = "glute-bridge"
sets = 3
reps = 20

[[exercise]]
id = "side-plank"
sets = 2
seconds = 30
stretch = "hip-flexor-stretch"
"""
    )
    program = program_from_toml(text, "hills.toml", catalogue)
    assert program.name == "hills"
    assert program.title == "Hill-strength endurance"
    assert program.rest_seconds == 45
    assert not program.builtin
    bridge, plank = program.entries
    assert (bridge.exercise.id, bridge.sets, bridge.reps, bridge.seconds) == (
        "glute-bridge",
        3,
        20,
        None,
    )
    assert bridge.stretch.id == catalogue.exercises["glute-bridge"].stretch
    assert (plank.exercise.id, plank.sets, plank.reps, plank.seconds) == ("side-plank", 2, None, 30)
    assert plank.stretch.id == "hip-flexor-stretch"


def test_rest_seconds_is_optional(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "calf-raise"\nsets = 1\nreps = 15\n'
    assert program_from_toml(text, "hills.toml", catalogue).rest_seconds is None


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize("reps", [14, 21, 0, 100])
def test_a_rep_target_outside_15_to_20_is_refused(catalogue: Catalogue, reps: int) -> None:
    text = (
        HEADER
        + f"""
[[exercise]]
id = "calf-raise"
sets = 2
reps = 20

[[exercise]]
id = "glute-bridge"
sets = 2
reps = {reps}
"""
    )
    error = refuse(text, catalogue)
    [problem] = error.problems
    assert "glute-bridge" in problem
    assert "reps" in problem
    assert str(reps) in problem
    assert "15-20" in problem
    assert f"line {line_number(text, 'reps = ', after='glute-bridge')}" in problem
    assert "hills.toml" in str(error)
    assert error.source == "hills.toml"


def test_an_unknown_exercise_gets_the_nearest_id(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "glute-brige"\nsets = 2\nreps = 20\n'
    [problem] = refuse(text, catalogue).problems
    assert "glute-brige" in problem
    assert "did you mean" in problem
    assert re.search(r"did you mean [^?]*\bglute-bridge\b", problem)
    assert f"line {line_number(text, 'id = ')}" in problem


def test_reps_on_a_hold_are_refused(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "side-plank"\nsets = 2\nreps = 20\n'
    [problem] = refuse(text, catalogue).problems
    assert "side-plank" in problem
    assert "reps" in problem
    assert "seconds" in problem


def test_a_hold_needs_seconds(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "front-plank"\nsets = 2\n'
    [problem] = refuse(text, catalogue).problems
    assert "front-plank" in problem
    assert "seconds" in problem
    assert f"line {line_number(text, '[[exercise]]')}" in problem


def test_seconds_on_a_rep_exercise_are_refused(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nseconds = 30\n'
    [problem] = refuse(text, catalogue).problems
    assert "glute-bridge" in problem
    assert "seconds" in problem
    assert "reps" in problem


def test_a_rep_exercise_needs_reps(catalogue: Catalogue) -> None:
    text = HEADER + '\n[[exercise]]\nid = "glute-bridge"\nsets = 2\n'
    [problem] = refuse(text, catalogue).problems
    assert "reps" in problem
    assert "15-20" in problem


@pytest.mark.parametrize("seconds", [5, 9, 121])
def test_hold_seconds_outside_10_to_120(catalogue: Catalogue, seconds: int) -> None:
    text = HEADER + f'\n[[exercise]]\nid = "side-plank"\nsets = 2\nseconds = {seconds}\n'
    [problem] = refuse(text, catalogue).problems
    assert "seconds" in problem
    assert "10-120" in problem


@pytest.mark.parametrize("sets", [0, 6, -1])
def test_sets_outside_1_to_5_are_refused(catalogue: Catalogue, sets: int) -> None:
    text = HEADER + f'\n[[exercise]]\nid = "glute-bridge"\nsets = {sets}\nreps = 20\n'
    [problem] = refuse(text, catalogue).problems
    assert "sets" in problem
    assert "1-5" in problem
    assert f"line {line_number(text, 'sets = ')}" in problem


@pytest.mark.parametrize("sets", [1, 5])
def test_sets_at_the_edges_are_fine(catalogue: Catalogue, sets: int) -> None:
    text = HEADER + f'\n[[exercise]]\nid = "glute-bridge"\nsets = {sets}\nreps = 15\n'
    assert program_from_toml(text, "hills.toml", catalogue).entries[0].sets == sets


@pytest.mark.parametrize("sets", ['"3"', "2.5", "true"])
def test_sets_must_be_a_whole_number(catalogue: Catalogue, sets: str) -> None:
    text = HEADER + f'\n[[exercise]]\nid = "glute-bridge"\nsets = {sets}\nreps = 20\n'
    [problem] = refuse(text, catalogue).problems
    assert "sets" in problem


@pytest.mark.parametrize("name", ["Hills", "hill strength", "hills_2", "-hills", ""])
def test_a_bad_name_is_refused(catalogue: Catalogue, name: str) -> None:
    text = HEADER.replace('"hills"', f'"{name}"') + (
        '\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nreps = 20\n'
    )
    [problem] = refuse(text, catalogue).problems
    assert problem.startswith("line 1: name:")


@pytest.mark.parametrize("goal", ["marathon", "Endurance", ""])
def test_goal_must_be_endurance_or_sprint(catalogue: Catalogue, goal: str) -> None:
    text = HEADER.replace('goal = "endurance"', f'goal = "{goal}"') + (
        '\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nreps = 20\n'
    )
    [problem] = refuse(text, catalogue).problems
    assert "goal" in problem
    assert "line 3" in problem
    if goal:
        assert "endurance" in problem
        assert "sprint" in problem


@pytest.mark.parametrize("exercise", ["push-up", "band-row", "band-pull-apart", "pike-push-up"])
def test_upper_body_work_is_refused_in_an_endurance_program(
    catalogue: Catalogue, exercise: str
) -> None:
    text = HEADER + f'\n[[exercise]]\nid = "{exercise}"\nsets = 2\nreps = 15\n'
    [problem] = refuse(text, catalogue).problems
    assert exercise in problem
    assert "sprint" in problem


def test_upper_body_work_is_fine_in_a_sprint_program(catalogue: Catalogue) -> None:
    text = HEADER.replace('goal = "endurance"', 'goal = "sprint"') + (
        '\n[[exercise]]\nid = "push-up"\nsets = 2\nreps = 15\n'
    )
    assert program_from_toml(text, "hills.toml", catalogue).entries[0].exercise.id == "push-up"


def test_invalid_toml_is_refused(catalogue: Catalogue) -> None:
    error = refuse('name = "hills\ngoal = ', catalogue)
    [problem] = error.problems
    assert "TOML" in problem
    assert "hills.toml" in str(error)


def test_no_exercises_is_refused(catalogue: Catalogue) -> None:
    [problem] = refuse(HEADER, catalogue).problems
    assert "exercise" in problem


def test_an_unknown_stretch_is_refused_with_a_suggestion(catalogue: Catalogue) -> None:
    text = HEADER + (
        '\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nreps = 20\nstretch = "calf-strech"\n'
    )
    [problem] = refuse(text, catalogue).problems
    assert "calf-strech" in problem
    assert "calf-stretch" in problem


def test_unknown_keys_are_reported(catalogue: Catalogue) -> None:
    text = HEADER + 'colour = "red"\n\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nrep = 20\n'
    problems = refuse(text, catalogue).problems
    assert any("colour" in p and "unknown key" in p for p in problems)
    assert any("rep:" in p and "unknown key" in p for p in problems)


def test_missing_fields_are_reported(catalogue: Catalogue) -> None:
    text = '[[exercise]]\nid = "glute-bridge"\nreps = 20\n'
    problems = refuse(text, catalogue).problems
    for field in ("name", "title", "goal", "sets"):
        assert any(f"{field}: missing" in p for p in problems), field


def test_several_problems_are_reported_together(catalogue: Catalogue) -> None:
    text = """\
name = "Hills"
title = "Hills"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 7
reps = 14

[[exercise]]
id = "push-up"
sets = 2
reps = 15

[[exercise]]
id = "side-plank"
sets = 2
reps = 20
"""
    error = refuse(text, catalogue)
    assert len(error.problems) == 5
    joined = "\n".join(error.problems)
    assert "line 1: name" in joined
    assert "line 7: exercise #1 (glute-bridge): sets:" in joined
    assert "line 8:" in joined
    assert "push-up" in joined
    assert f"line {line_number(text, 'reps = ', after='side-plank')}:" in joined
    assert str(error).count("hills.toml: ") == 5


@pytest.mark.parametrize("rest", [14, 181])
def test_program_rest_outside_15_to_180_is_refused(catalogue: Catalogue, rest: int) -> None:
    text = (
        HEADER + f'rest_seconds = {rest}\n\n[[exercise]]\nid = "calf-raise"\nsets = 1\nreps = 15\n'
    )
    [problem] = refuse(text, catalogue).problems
    assert problem.startswith("line 4: rest_seconds:")
    assert "15-180" in problem


def test_an_exercise_that_is_not_a_table_is_refused(catalogue: Catalogue) -> None:
    text = HEADER + 'exercise = ["glute-bridge"]\n'
    [problem] = refuse(text, catalogue).problems
    assert "exercise #1" in problem
    assert "table" in problem
