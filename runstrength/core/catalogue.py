"""The exercise catalogue: exercises, stretches, warm-up and mobility moves, validated from
plain data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from runstrength.core.errors import ValidationError
from runstrength.core.fields import TableReader, shown, suggest

Region = Literal["core", "lower", "upper"]
Kind = Literal["reps", "hold"]
Equipment = Literal["bodyweight", "band"]

MUSCLES = (
    "abs",
    "obliques",
    "lower-back",
    "glutes",
    "hip-abductors",
    "hip-flexors",
    "quads",
    "hamstrings",
    "calves",
    "chest",
    "shoulders",
    "upper-back",
    "triceps",
)
REGION_TITLES: dict[str, str] = {
    "core": "Core (abdominals and back)",
    "lower": "Lower body",
    "upper": "Upper body",
}


class Exercise(NamedTuple):
    id: str
    name: str
    region: Region
    muscles: tuple[str, ...]
    kind: Kind
    per_side: bool
    equipment: Equipment
    stretch: str
    summary: str
    cues: tuple[str, ...]
    harder: str | None = None
    """A harder variant to progress to, by id."""
    alternative: str | None = None
    """For a band exercise: the bodyweight one done instead when no band is owned, by id."""

    @property
    def is_hold(self) -> bool:
        return self.kind == "hold"

    @property
    def uses_band(self) -> bool:
        return self.equipment == "band"


class Stretch(NamedTuple):
    id: str
    name: str
    muscles: tuple[str, ...]
    hold_seconds: int
    per_side: bool
    cues: tuple[str, ...]


class WarmupMove(NamedTuple):
    """A timed move of the warm-up (or of a rest day's easy mobility)."""

    id: str
    name: str
    seconds: int
    per_side: bool
    cues: tuple[str, ...]


class Catalogue(NamedTuple):
    exercises: Mapping[str, Exercise]
    stretches: Mapping[str, Stretch]
    warmup: tuple[WarmupMove, ...]
    mobility: tuple[WarmupMove, ...] = ()
    """Easy moves for a rest day's recovery routine, in order."""

    def exercise_name(self, exercise_id: str) -> str:
        """The display name, or the id itself for an exercise no longer in the catalogue."""
        exercise = self.exercises.get(exercise_id)
        return exercise.name if exercise else exercise_id

    def stretch_for(self, exercise: Exercise) -> Stretch:
        """The stretch that follows an exercise: its own, else one for its main muscle."""
        if exercise.stretch in self.stretches:
            return self.stretches[exercise.stretch]
        for stretch in self.stretches.values():
            if exercise.muscles[0] in stretch.muscles:
                return stretch
        return next(iter(self.stretches.values()))


def _tables(data: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    tables = data.get(key)
    extra = set(data) - {key}
    if not isinstance(tables, list) or not tables or extra:
        raise ValidationError(source, [f"expected only a non-empty [[{key}]] array"])
    return tables


def _unique(items: list[Any], kind: str, problems: list[str]) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    for item in items:
        if item.id in by_id:
            problems.append(f"{kind} {shown(item.id)}: id used twice")
        by_id[item.id] = item
    return by_id


def _read_exercise(table: Mapping[str, Any], label: str, problems: list[str]) -> Exercise | None:
    r = TableReader(table, label, problems)
    before = len(problems)
    fields = {
        "id": r.ident("id"),
        "name": r.string("name"),
        "region": r.string("region", choices=("core", "lower", "upper")),
        "muscles": r.strings("muscles", choices=MUSCLES),
        "kind": r.string("kind", choices=("reps", "hold")),
        "per_side": r.boolean("per_side"),
        "equipment": r.string("equipment", choices=("bodyweight", "band")),
        "stretch": r.ident("stretch"),
        "summary": r.string("summary"),
        "cues": r.strings("cues"),
        "harder": r.ident("harder", required=False),
        "alternative": r.ident("alternative", required=False),
    }
    r.finish()
    if fields["muscles"] == ():
        r.problem("muscles", "must name at least one muscle")
    return Exercise(**fields) if len(problems) == before else None


def _read_stretch(table: Mapping[str, Any], label: str, problems: list[str]) -> Stretch | None:
    r = TableReader(table, label, problems)
    before = len(problems)
    fields = {
        "id": r.ident("id"),
        "name": r.string("name"),
        "muscles": r.strings("muscles", choices=MUSCLES),
        "hold_seconds": r.integer("hold_seconds", 15, 60),
        "per_side": r.boolean("per_side"),
        "cues": r.strings("cues"),
    }
    r.finish()
    return Stretch(**fields) if len(problems) == before else None


def _read_move(table: Mapping[str, Any], label: str, problems: list[str]) -> WarmupMove | None:
    r = TableReader(table, label, problems)
    before = len(problems)
    fields = {
        "id": r.ident("id"),
        "name": r.string("name"),
        "seconds": r.integer("seconds", 20, 120),
        "per_side": r.boolean("per_side"),
        "cues": r.strings("cues"),
    }
    r.finish()
    return WarmupMove(**fields) if len(problems) == before else None


def _alternative_problems(exercise: Exercise, exercises: Mapping[str, Exercise]) -> list[str]:
    """A band exercise names a bodyweight one of the same kind, for runners without bands."""
    where = f"exercise {shown(exercise.id)}: alternative"
    if exercise.alternative is None:
        if exercise.uses_band:
            return [f"{where}: missing: a band exercise names a bodyweight one to do instead"]
        return []
    if not exercise.uses_band:
        return [f"{where}: only a band exercise needs one"]
    other = exercises.get(exercise.alternative)
    if other is None:
        return [
            f"{where} {shown(exercise.alternative)} is not in the catalogue"
            + suggest(exercise.alternative, exercises)
        ]
    if other.uses_band or other.kind != exercise.kind:
        kind = "counted in reps" if exercise.kind == "reps" else "a timed hold"
        return [f"{where} {shown(other.id)} must be bodyweight and {kind}"]
    return []


def catalogue_from_data(
    exercises: Mapping[str, Any],
    stretches: Mapping[str, Any],
    warmup: Mapping[str, Any],
    source: str = "catalogue",
    mobility: Mapping[str, Any] | None = None,
) -> Catalogue:
    """Build and cross-check the catalogue; raise ValidationError listing every problem.

    `mobility` (a `[[move]]` array like the warm-up's) is optional: without it the
    recovery routine is the stretches alone.
    """
    problems: list[str] = []
    read_exercises = [
        _read_exercise(t, f"exercise #{i}", problems)
        for i, t in enumerate(_tables(exercises, "exercise", source), 1)
    ]
    read_stretches = [
        _read_stretch(t, f"stretch #{i}", problems)
        for i, t in enumerate(_tables(stretches, "stretch", source), 1)
    ]
    read_moves = [
        _read_move(t, f"move #{i}", problems)
        for i, t in enumerate(_tables(warmup, "move", source), 1)
    ]
    exercise_map = _unique([e for e in read_exercises if e], "exercise", problems)
    stretch_map = _unique([s for s in read_stretches if s], "stretch", problems)
    moves = [m for m in read_moves if m]
    _unique(moves, "warm-up move", problems)
    read_mobility = (
        []
        if mobility is None
        else [
            _read_move(t, f"mobility move #{i}", problems)
            for i, t in enumerate(_tables(mobility, "move", source), 1)
        ]
    )
    mobility_moves = [m for m in read_mobility if m]
    _unique(mobility_moves, "mobility move", problems)
    # A stretch that exists but failed its own checks is reported once, above.
    named_stretches = {t.get("id") for t in _tables(stretches, "stretch", source)}
    for exercise in exercise_map.values():
        if exercise.harder is not None and exercise.harder not in exercise_map:
            problems.append(
                f"exercise {shown(exercise.id)}: harder variant {shown(exercise.harder)} "
                "is not in the catalogue" + suggest(exercise.harder, exercise_map)
            )
        problems.extend(_alternative_problems(exercise, exercise_map))
        if exercise.stretch not in named_stretches:
            problems.append(
                f"exercise {shown(exercise.id)}: stretch {shown(exercise.stretch)} "
                "is not in the catalogue" + suggest(exercise.stretch, stretch_map)
            )
    if problems:
        raise ValidationError(source, problems)
    return Catalogue(
        exercises=exercise_map,
        stretches=stretch_map,
        warmup=tuple(moves),
        mobility=tuple(mobility_moves),
    )
