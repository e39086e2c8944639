"""The built-in content holds together: no stretch twice in a row, and every band exercise
has a bodyweight alternative that a runner without bands gets instead."""

from __future__ import annotations

from itertools import pairwise

import pytest

from runstrength.core.catalogue import Catalogue, catalogue_from_data
from runstrength.core.errors import ValidationError
from runstrength.core.plan import StretchStep, build_plan
from runstrength.core.settings import Settings
from runstrength.store import load_programs

BANDS = Settings().bands


def built_in(catalogue: Catalogue):
    programs = load_programs(catalogue).programs.values()
    found = [p for p in programs if p.builtin]
    assert {p.name for p in found} >= {"endurance", "sprint"}
    return found


@pytest.mark.parametrize("bands", [BANDS, ()], ids=["with bands", "without bands"])
def test_no_program_repeats_a_stretch_back_to_back(catalogue: Catalogue, bands) -> None:
    for program in built_in(catalogue):
        entries = program.for_bands(bands).entries
        stretches = [entry.stretch.id for entry in entries]
        repeated = [(a, b) for a, b in pairwise(stretches) if a == b]
        assert repeated == [], f"{program.name}: {stretches}"
        exercises = [entry.exercise.id for entry in entries]
        assert len(exercises) == len(set(exercises)), f"{program.name}: {exercises}"
        # The plan does what the program says: one stretch block after each exercise.
        plan = build_plan(program.for_bands(bands), Settings(bands=bands), catalogue.warmup)
        blocks = [s.stretch.id for s in plan if isinstance(s, StretchStep) and s.side != "right"]
        assert blocks == stretches


def test_every_band_exercise_names_a_bodyweight_alternative(catalogue: Catalogue) -> None:
    band_moves = [e for e in catalogue.exercises.values() if e.uses_band]
    assert band_moves
    for exercise in band_moves:
        assert exercise.alternative is not None, exercise.id
        other = catalogue.exercises[exercise.alternative]
        assert not other.uses_band
        assert other.kind == exercise.kind


def test_without_bands_the_alternative_is_done(catalogue: Catalogue) -> None:
    for program in built_in(catalogue):
        without = program.for_bands(())
        assert not [e.exercise.id for e in without.entries if e.exercise.uses_band]
        assert program.for_bands(BANDS) is program
        for before, after in zip(program.entries, without.entries, strict=True):
            assert (after.sets, after.reps, after.seconds) == (
                before.sets,
                before.reps,
                before.seconds,
            )
            if before.exercise.uses_band:
                assert after.exercise.id == before.exercise.alternative


BAND_MOVE = {
    "id": "band-x",
    "name": "Band x",
    "region": "lower",
    "muscles": ["glutes"],
    "kind": "reps",
    "per_side": False,
    "equipment": "band",
    "stretch": "s",
    "summary": "x",
    "cues": ["x"],
}
HOLD = BAND_MOVE | {"id": "hold-x", "kind": "hold", "equipment": "bodyweight"}
STRETCH = {
    "id": "s",
    "name": "S",
    "muscles": ["glutes"],
    "hold_seconds": 30,
    "per_side": False,
    "cues": ["x"],
}
MOVE = {"id": "m", "name": "M", "seconds": 30, "per_side": False, "cues": ["x"]}


@pytest.mark.parametrize(
    ("alternative", "message"),
    [
        (None, 'exercise "band-x": alternative: missing: a band exercise names a bodyweight one'),
        ("nope", 'exercise "band-x": alternative "nope" is not in the catalogue'),
        (
            "hold-x",
            'exercise "band-x": alternative "hold-x" must be bodyweight and counted in reps',
        ),
    ],
)
def test_a_band_exercise_without_a_fitting_alternative_is_refused(alternative, message) -> None:
    move = BAND_MOVE | ({"alternative": alternative} if alternative else {})
    with pytest.raises(ValidationError) as caught:
        catalogue_from_data(
            {"exercise": [move, HOLD]}, {"stretch": [STRETCH]}, {"move": [MOVE]}, "test"
        )
    assert any(problem.startswith(message) for problem in caught.value.problems), caught.value
