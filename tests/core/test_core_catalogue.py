"""The built-in catalogue, and the checks catalogue_from_data makes on plain data."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from runstrength.core.catalogue import MUSCLES, Catalogue, catalogue_from_data
from runstrength.core.errors import ValidationError
from runstrength.core.fields import ID_PATTERN

EXERCISE_IDS = [
    "glute-bridge",
    "single-leg-glute-bridge",
    "dead-bug",
    "bird-dog",
    "front-plank",
    "side-plank",
    "superman",
    "hollow-hold",
    "clamshell",
    "lateral-band-walk",
    "band-squat",
    "monster-walk",
    "calf-raise",
    "single-leg-calf-raise",
    "reverse-lunge",
    "step-up",
    "push-up",
    "band-row",
    "band-pull-apart",
    "pike-push-up",
]
STRETCH_IDS = [
    "hip-flexor-stretch",
    "hamstring-stretch",
    "quad-stretch",
    "calf-stretch",
    "figure-four-stretch",
    "cobra-stretch",
    "childs-pose",
    "chest-doorway-stretch",
]
WARMUP_IDS = [
    "leg-swings",
    "hip-circles",
    "high-knees",
    "butt-kicks",
    "walking-lunge",
    "arm-circles",
]


def _load(name: str) -> dict[str, Any]:
    text = resources.files("runstrength").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@pytest.fixture
def raw() -> dict[str, dict[str, Any]]:
    """The built-in content as plain data, a fresh copy for each test to spoil."""
    return copy.deepcopy(
        {
            "exercises": _load("exercises.toml"),
            "stretches": _load("stretches.toml"),
            "warmup": _load("warmup.toml"),
        }
    )


def build(raw: dict[str, dict[str, Any]]) -> Catalogue:
    return catalogue_from_data(raw["exercises"], raw["stretches"], raw["warmup"], source="test")


def refuse(raw: dict[str, dict[str, Any]]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        build(raw)
    assert caught.value.source == "test"
    return caught.value.problems


def exercise(raw: dict[str, dict[str, Any]], exercise_id: str) -> dict[str, Any]:
    return next(t for t in raw["exercises"]["exercise"] if t["id"] == exercise_id)


# --- the built-in catalogue -------------------------------------------------------------


def test_there_is_enough_of_everything(catalogue: Catalogue) -> None:
    regions = [e.region for e in catalogue.exercises.values()]
    assert regions.count("core") >= 8
    assert regions.count("lower") >= 8
    assert regions.count("upper") >= 4
    assert len(catalogue.stretches) >= 8
    assert len(catalogue.warmup) >= 6


def test_the_ids_from_the_brief_are_all_there(catalogue: Catalogue) -> None:
    assert set(EXERCISE_IDS) <= set(catalogue.exercises)
    assert set(STRETCH_IDS) <= set(catalogue.stretches)
    assert set(WARMUP_IDS) <= {move.id for move in catalogue.warmup}


def test_ids_are_lowercase_and_hyphenated(catalogue: Catalogue) -> None:
    ids = [*catalogue.exercises, *catalogue.stretches, *(m.id for m in catalogue.warmup)]
    assert all(ID_PATTERN.match(i) for i in ids)
    assert len(ids) == len(set(ids))


def test_every_exercise_has_its_stretch(catalogue: Catalogue) -> None:
    for exercise in catalogue.exercises.values():
        assert exercise.stretch in catalogue.stretches, exercise.id
        assert catalogue.stretch_for(exercise).id == exercise.stretch


def test_every_exercise_is_bodyweight_or_band(catalogue: Catalogue) -> None:
    equipment = {e.equipment for e in catalogue.exercises.values()}
    assert equipment == {"bodyweight", "band"}
    assert all(e.muscles and set(e.muscles) <= set(MUSCLES) for e in catalogue.exercises.values())
    assert all(e.cues and e.summary for e in catalogue.exercises.values())


def test_the_key_exercises_have_the_right_kind(catalogue: Catalogue) -> None:
    holds = {i for i, e in catalogue.exercises.items() if e.is_hold}
    assert {"front-plank", "side-plank", "hollow-hold"} <= holds
    assert "glute-bridge" not in holds
    assert catalogue.exercises["side-plank"].per_side
    assert not catalogue.exercises["glute-bridge"].per_side
    for band in ("lateral-band-walk", "band-squat", "monster-walk", "band-row", "clamshell"):
        assert catalogue.exercises[band].uses_band, band
    for upper in ("push-up", "band-row", "band-pull-apart", "pike-push-up"):
        assert catalogue.exercises[upper].region == "upper", upper


def test_the_core_exercises_talk_about_posture(catalogue: Catalogue) -> None:
    core = [e for e in catalogue.exercises.values() if e.region == "core"]
    words = ("hip", "back", "line", "level", "lean", "tilt", "straight", "square", "tall")
    for exercise in core:
        text = " ".join((exercise.summary, *exercise.cues)).lower()
        assert any(word in text for word in words), exercise.id


def test_exercise_name_falls_back_to_the_id(catalogue: Catalogue) -> None:
    assert catalogue.exercise_name("glute-bridge") == catalogue.exercises["glute-bridge"].name
    assert catalogue.exercise_name("retired-move") == "retired-move"


# --- catalogue_from_data ----------------------------------------------------------------


def test_the_built_in_data_builds(raw) -> None:
    catalogue = build(raw)
    assert len(catalogue.exercises) == len(raw["exercises"]["exercise"])
    assert [m.id for m in catalogue.warmup] == [m["id"] for m in raw["warmup"]["move"]]


def test_an_unknown_key_is_refused(raw) -> None:
    exercise(raw, "glute-bridge")["colour"] = "red"
    [problem] = refuse(raw)
    assert "colour" in problem
    assert "unknown key" in problem


def test_an_unknown_muscle_is_refused(raw) -> None:
    exercise(raw, "push-up")["muscles"] = ["chest", "biceps"]
    [problem] = refuse(raw)
    assert "muscles" in problem
    assert "biceps" in problem
    assert "chest" in problem  # the allowed values are listed


def test_an_empty_muscle_list_is_refused(raw) -> None:
    exercise(raw, "push-up")["muscles"] = []
    [problem] = refuse(raw)
    assert "muscles" in problem


def test_a_duplicate_exercise_id_is_refused(raw) -> None:
    tables = raw["exercises"]["exercise"]
    tables.append(copy.deepcopy(tables[0]))
    [problem] = refuse(raw)
    assert tables[0]["id"] in problem
    assert "twice" in problem


def test_a_duplicate_stretch_id_is_refused(raw) -> None:
    tables = raw["stretches"]["stretch"]
    tables.append(copy.deepcopy(tables[-1]))
    [problem] = refuse(raw)
    assert tables[-1]["id"] in problem


def test_a_duplicate_warmup_move_is_refused(raw) -> None:
    moves = raw["warmup"]["move"]
    moves.append(copy.deepcopy(moves[0]))
    [problem] = refuse(raw)
    assert moves[0]["id"] in problem


def test_a_missing_stretch_is_refused(raw) -> None:
    raw["stretches"]["stretch"] = [
        s for s in raw["stretches"]["stretch"] if s["id"] != "calf-stretch"
    ]
    problems = refuse(raw)
    users = [e["id"] for e in raw["exercises"]["exercise"] if e["stretch"] == "calf-stretch"]
    assert users
    assert len(problems) == len(users)
    for exercise_id, problem in zip(users, problems, strict=True):
        assert exercise_id in problem
        assert "calf-stretch" in problem


def test_a_misspelled_stretch_gets_a_suggestion(raw) -> None:
    exercise(raw, "calf-raise")["stretch"] = "calf-strech"
    [problem] = refuse(raw)
    assert "did you mean calf-stretch" in problem


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("region", "arms"),
        ("kind", "time"),
        ("equipment", "dumbbell"),
        ("per_side", "yes"),
        ("id", "Glute Bridge"),
        ("name", ""),
    ],
)
def test_bad_exercise_fields_are_refused(raw, field: str, value: object) -> None:
    exercise(raw, "glute-bridge")[field] = value
    problems = refuse(raw)
    assert any(field in p for p in problems)


def test_a_missing_field_is_refused(raw) -> None:
    del exercise(raw, "glute-bridge")["summary"]
    [problem] = refuse(raw)
    assert "summary: missing" in problem


@pytest.mark.parametrize("hold", [10, 61])
def test_a_stretch_hold_outside_15_to_60_is_refused(raw, hold: int) -> None:
    raw["stretches"]["stretch"][0]["hold_seconds"] = hold
    problems = refuse(raw)
    assert problems[0].startswith("stretch #1: hold_seconds:")
    assert "15-60" in problems[0]


def test_an_empty_or_odd_file_is_refused(raw) -> None:
    raw["warmup"] = {"moves": []}
    with pytest.raises(ValidationError):
        build(raw)
    raw["warmup"] = {"move": []}
    with pytest.raises(ValidationError):
        build(raw)


def test_every_problem_is_reported_at_once(raw) -> None:
    exercise(raw, "glute-bridge")["colour"] = "red"
    exercise(raw, "push-up")["muscles"] = ["biceps"]
    raw["stretches"]["stretch"][0]["hold_seconds"] = 5
    assert len(refuse(raw)) >= 3
