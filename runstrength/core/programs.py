"""Training programs: parsed from TOML, checked against the catalogue and the training rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any, Literal, NamedTuple

from runstrength.core.catalogue import Catalogue, Exercise, Stretch
from runstrength.core.errors import ValidationError
from runstrength.core.fields import TableReader, shown, suggest, toml_error_line, toml_loads

Goal = Literal["endurance", "sprint"]
GOALS: tuple[Goal, ...] = ("endurance", "sprint")
REP_RANGE = (15, 20)
REST_RANGE = (15, 180)
"""Seconds of rest between sets, in a program and in the settings."""
HOLD_RANGE = (10, 120)
SET_RANGE = (1, 5)
TITLE_LIMIT = 60


class ProgramEntry(NamedTuple):
    """One exercise of a program, with its sets and target."""

    exercise: Exercise
    sets: int
    reps: int | None
    seconds: int | None
    stretch: Stretch
    bodyweight: Exercise | None = None
    """For a band exercise: the one done instead by a runner who owns no band."""

    def for_bands(self, bands: tuple[str, ...]) -> ProgramEntry:
        """This entry as done with the bands owned: with none, the bodyweight alternative."""
        if bands or self.bodyweight is None:
            return self
        return self._replace(exercise=self.bodyweight, bodyweight=None)


class Program(NamedTuple):
    name: str
    title: str
    goal: Goal
    rest_seconds: int | None
    entries: tuple[ProgramEntry, ...]
    source: str = ""
    builtin: bool = True

    def for_bands(self, bands: tuple[str, ...]) -> Program:
        """The program as a runner with these bands does it (band moves swapped without any)."""
        if bands:
            return self
        return self._replace(entries=tuple(entry.for_bands(bands) for entry in self.entries))


def amount_text(entry: ProgramEntry) -> str:
    """'20 reps' or '30 s': one set's target."""
    return f"{entry.seconds} s" if entry.seconds else f"{entry.reps} reps"


def target_text(entry: ProgramEntry) -> str:
    """'2 × 20 reps' or '2 × 30 s each side'."""
    side = " each side" if entry.exercise.per_side else ""
    return f"{entry.sets} × {amount_text(entry)}{side}"


class _Lines:
    """Finds the line of a key inside the n-th [[exercise]] block, for messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.blocks = [
            i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*exercise\s*\]\]", line)
        ]

    def finder(self, block: int | None):  # type: ignore[no-untyped-def]
        def line_of(field: str) -> int | None:
            if block is None:
                start, end = 0, self.blocks[0] if self.blocks else len(self.lines)
            else:
                if block >= len(self.blocks):
                    return None
                start = self.blocks[block]
                end = self.blocks[block + 1] if block + 1 < len(self.blocks) else len(self.lines)
            for i in range(start, end):
                if re.match(rf"\s*{re.escape(field)}\s*=", self.lines[i]):
                    return i + 1
            return start + 1 if block is not None else None

        return line_of


def _read_entry(
    table: Any,
    index: int,
    catalogue: Catalogue,
    goal: str | None,
    problems: list[str],
    lines: _Lines,
) -> ProgramEntry | None:
    if not isinstance(table, Mapping):
        line = lines.finder(None)("exercise") or 1
        problems.append(f"line {line}: exercise #{index + 1}: must be a table")
        return None
    label = f"exercise #{index + 1}"
    if isinstance(table.get("id"), str) and table["id"].strip():
        label += f" ({shown(table['id'])[1:-1]})"  # shown as the file spells it: one line
    r = TableReader(table, label, problems, lines.finder(index))
    before = len(problems)
    exercise_id = r.ident("id")
    sets = r.integer("sets", *SET_RANGE)
    has_reps, has_seconds = "reps" in table, "seconds" in table
    reps = r.integer("reps", *REP_RANGE, required=False) if has_reps else None
    seconds = r.integer("seconds", *HOLD_RANGE, required=False) if has_seconds else None
    stretch_id = r.ident("stretch", required=False)
    r.finish()
    exercise = catalogue.exercises.get(exercise_id) if exercise_id else None
    if exercise_id and exercise is None:
        r.problem(
            "id",
            f"unknown exercise {shown(exercise_id)}" + suggest(exercise_id, catalogue.exercises),
        )
    if exercise is not None:
        if exercise.is_hold:
            if has_reps:
                r.problem("reps", f"{exercise.name} is a timed hold: give seconds, not reps")
            elif not has_seconds:
                r.problem("seconds", f"missing: {exercise.name} is a timed hold (10-120 s)")
        else:
            if has_seconds:
                r.problem("seconds", f"{exercise.name} is counted in reps: give reps, not seconds")
            elif not has_reps:
                r.problem("reps", f"missing: {exercise.name} needs a rep target of 15-20")
        if goal == "endurance" and exercise.region == "upper":
            r.problem(
                "id",
                f"{exercise.name} is upper-body strength work, which belongs in a sprint "
                "program, not an endurance one",
            )
    stretch = None
    if stretch_id:
        stretch = catalogue.stretches.get(stretch_id)
        if stretch is None:
            r.problem(
                "stretch",
                f"unknown stretch {shown(stretch_id)}" + suggest(stretch_id, catalogue.stretches),
            )
    if len(problems) != before or exercise is None or sets is None:
        return None
    return ProgramEntry(
        exercise=exercise,
        sets=sets,
        reps=reps,
        seconds=seconds,
        stretch=stretch or catalogue.stretch_for(exercise),
        bodyweight=catalogue.exercises.get(exercise.alternative or ""),
    )


def program_from_toml(
    text: str,
    source: str,
    catalogue: Catalogue,
    *,
    builtin: bool = False,
    loads: Callable[[str], dict[str, Any]] = toml_loads,
) -> Program:
    """Parse and validate a program file; raise ValidationError naming file, line and field.

    `loads` parses the text (tomllib's, or one that remembers earlier parses); it raises
    tomllib.TOMLDecodeError (a ValueError) for text that is not TOML.
    """
    try:
        data = loads(text)
    except ValueError as error:
        line, message = toml_error_line(error)
        where = f"line {line}: " if line else ""
        raise ValidationError(source, [f"{where}not valid TOML: {message}"]) from None
    problems: list[str] = []
    lines = _Lines(text)
    top = lines.finder(None)
    last_line = max(1, len(lines.lines))

    def top_line(field: str) -> int:
        # A missing top-level field is reported on line 1, where it would go.
        return top(field) or 1

    r = TableReader(data, "", problems, top_line)
    name = r.ident("name")
    title = r.text("title", TITLE_LIMIT)
    goal = r.string("goal", choices=GOALS)
    rest_seconds = r.integer("rest_seconds", *REST_RANGE, required=False)
    raw_entries = r.value("exercise")
    r.finish()
    entries: list[ProgramEntry] = []
    if not isinstance(raw_entries, list) or not raw_entries:
        line = top("exercise") or last_line
        problems.append(f"line {line}: exercise: a program needs at least one [[exercise]]")
    else:
        for index, table in enumerate(raw_entries):
            entry = _read_entry(table, index, catalogue, goal, problems, lines)
            if entry is not None:
                entries.append(entry)
    if problems:
        raise ValidationError(source, problems)
    return Program(
        name=name,
        title=title,
        goal=goal,
        rest_seconds=rest_seconds,
        entries=tuple(entries),
        source=source,
        builtin=builtin,
    )


def name_problems(text: str, name: str, file_stem: str | None, taken: Collection[str]) -> list[str]:
    """What is wrong with a valid program's name where it is installed, with the line.

    `file_stem` is the file's name without `.toml` (a user program lives in `<name>.toml`);
    `taken` holds the names of the other programs already loaded.
    """
    line = _Lines(text).finder(None)("name") or 1
    problems = []
    if file_stem is not None and name != file_stem:
        problems.append(
            f"line {line}: name: {shown(name)} must match the file name {shown(file_stem)} "
            f"(rename the file to {name}.toml or the program to {shown(file_stem)})"
        )
    if name in taken:
        problems.append(
            f"line {line}: name: {shown(name)} is already taken by another program; pick another"
        )
    return problems
