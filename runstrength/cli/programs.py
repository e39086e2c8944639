"""`runstrength programs list|show|validate`: the built-in and your own training programs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrength.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    binary_refused,
    error,
    names_stdout,
    terminal_width,
    write_stdout,
)
from runstrength.config import load_settings
from runstrength.core.errors import ValidationError
from runstrength.core.fields import shown, suggest
from runstrength.core.plan import build_plan, estimate_seconds
from runstrength.core.programs import name_problems, program_from_toml
from runstrength.core.table_fit import clip, natural_widths, shrink_to
from runstrength.core.wording import plural
from runstrength.input_file import InputError, read_text_input
from runstrength.paths import Paths
from runstrength.store import load_catalogue, load_programs

if TYPE_CHECKING:
    from runstrength.core.programs import Program
    from runstrength.core.settings import Settings


def register(commands: Commands) -> None:
    programs = commands.add_parser(
        "programs",
        description="The built-in programs and your own (TOML files in the config dir's "
        "programs/ folder).",
    )
    actions = programs.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "list",
        help="every program: name, title, goal, exercises, duration",
        description="List every program with its title, goal, number of exercises and "
        "estimated duration; your own are marked, invalid files are listed with their first "
        "problem.",
    ).set_defaults(run=list_programs)
    show = actions.add_parser(
        "show",
        help="one program, exercise by exercise",
        description="Show each exercise of a program with its sets, target, rest and the "
        "stretch that follows it.",
    )
    show.add_argument("name", metavar="NAME", help="the program's name")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.set_defaults(run=show_program)
    validate = actions.add_parser(
        "validate",
        help="check a program file (exit 0 when valid, 2 when not)",
        description="Check a program file: exit 0 when valid; exit 2 and one line per "
        "problem on stderr, each naming the file, the line and the field.",
    )
    validate.add_argument("file", metavar="FILE", type=Path, help="the program's TOML file")
    validate.set_defaults(run=validate_file)
    export = actions.add_parser(
        "export",
        help="write a program as a FIT workout for a watch",
        description="Write the program as a FIT workout file: the warm-up, each set by "
        "repetitions or by time, the rests and the stretches, as a session of it runs with "
        "your settings. Copy it to a watch (or import it in its app) to be led through it.",
    )
    export.add_argument("name", metavar="NAME", help="the program's name")
    export.add_argument(
        "--fit",
        required=True,
        metavar="FILE",
        type=Path,
        help="the file (-: stdout, when it is not a terminal)",
    )
    export.set_defaults(run=export_program)


def _settings(paths: Paths) -> Settings:
    return load_settings(paths.config_file)[0]


def _minutes(program: Program, settings: Settings, paths: Paths) -> int:
    plan = build_plan(program, settings, load_catalogue().warmup)
    return round(estimate_seconds(plan, settings) / 60)


LIST_HEADER = ("NAME", "TITLE", "GOAL", "EXERCISES", "MINUTES")
LIST_NARROWED = {0: 10, 1: 12}
"""The columns a narrow terminal cuts short (the name, the title), each to no less than
this; `programs show NAME` says them in full."""


def list_programs(args: argparse.Namespace, paths: Paths) -> int:
    library = load_programs(load_catalogue(), paths.programs_dir)
    settings = _settings(paths)
    rows = [
        (
            (program.name, "" if program.builtin else " *"),
            program.title,
            program.goal,
            str(len(program.entries)),
            str(_minutes(program, settings, paths)),
        )
        for program in library.programs.values()
    ]
    invalid = [
        ((Path(source).stem, " !"), f"invalid: {source}: {problems[0]}")
        for source, problems in library.invalid.items()
    ]
    widths = natural_widths(
        [
            LIST_HEADER,
            *(("".join(name), *cells) for name, *cells in rows),
            *(("".join(name),) for name, _ in invalid),
        ]
    )
    width = terminal_width()
    if width is not None:  # on a terminal: cut the name and title short to fit it
        widths = shrink_to(widths, width - (len(LIST_HEADER) - 1), LIST_NARROWED)
    print(_list_line(LIST_HEADER, widths))
    for name, title, *counts in rows:
        print(_list_line((_named(name, widths[0]), clip(title, widths[1]), *counts), widths))
    for name, problem in invalid:
        print(f"{_named(name, widths[0]):<{widths[0]}} {problem}")
    if any(not p.builtin for p in library.programs.values()):
        print(f"\n* your own program, from {paths.programs_dir}")
    if library.invalid:
        print("! not loaded; `runstrength programs validate FILE` lists every problem")
    return EXIT_OK


def _named(name: tuple[str, str], width: int) -> str:
    """A program's name and its mark (" *" your own, " !" invalid) in `width`: the name is
    cut short, never the mark."""
    text, mark = name
    return clip(text, width - len(mark)) + mark


def _list_line(cells: tuple[str, ...], widths: list[int]) -> str:
    """One line of the programs table: text to the left, counts to the right."""
    name, title, goal, exercises, minutes = cells
    return (
        f"{name:<{widths[0]}} {title:<{widths[1]}} {goal:<{widths[2]}} "
        f"{exercises:>{widths[3]}} {minutes:>{widths[4]}}"
    ).rstrip()


def _target(seconds: int | None, reps: int | None) -> str:
    return f"{seconds} s hold" if seconds else f"{reps} reps"


def _find(name: str, paths: Paths) -> Program | None:
    """The program of that name; None after saying why there is none."""
    library = load_programs(load_catalogue(), paths.programs_dir)
    program = library.get(name)
    if program is None:
        for source, problems in library.invalid.items():
            if Path(source).stem == name:
                error(f"program {shown(name)} is not valid:")
                for problem in problems:
                    error(f"{source}: {problem}")
                return None
        error(f"no program named {shown(name)}" + suggest(name, library.programs))
    return program


def export_program(args: argparse.Namespace, paths: Paths) -> int:
    # The FIT writer (garmin-fit-sdk, ~70 ms) loads for export alone.
    from runstrength.core.fit_map import workout_steps
    from runstrength.store.fit_out import load_fit_map, workout_bytes
    from runstrength.store.storage import write_export

    to_stdout = names_stdout(args.fit)
    refused = binary_refused("a FIT workout") if to_stdout else None
    if refused is not None:
        error(refused)
        return EXIT_USAGE
    program = _find(args.name, paths)
    if program is None:
        return EXIT_USAGE
    catalogue = load_catalogue()
    settings = _settings(paths)
    # As a session runs it: with no band owned, a band move's bodyweight alternative.
    plan = build_plan(program.for_bands(settings.bands), settings, catalogue.warmup)
    steps = workout_steps(plan, load_fit_map())
    payload = workout_bytes(program.name, program.title, steps)
    if to_stdout:
        write_stdout(payload)
        return EXIT_OK
    target = args.fit.expanduser()
    try:
        write_export(target, payload)
    except OSError as problem:
        error(f"cannot write {target}: {problem.strerror or problem}")
        return EXIT_FAILED
    print(f"Wrote {program.title} as a FIT workout of {len(steps)} steps to {target}.")
    return EXIT_OK


def show_program(args: argparse.Namespace, paths: Paths) -> int:
    program = _find(args.name, paths)
    if program is None:
        return EXIT_USAGE
    settings = _settings(paths)
    rest = program.rest_seconds or settings.rest_seconds
    minutes = _minutes(program, settings, paths)
    if args.json:
        print(json.dumps(_as_json(program, rest, minutes, settings), indent=2))
        return EXIT_OK
    origin = "built-in" if program.builtin else f"your own: {program.source}"
    print(f"{program.title} ({program.name} · {program.goal} · {origin})")
    print(
        f"{settings.warmup_minutes} min warm-up · rest {rest} s between sets · about {minutes} min"
    )
    for number, planned in enumerate(program.entries, 1):
        # As this runner does it: with no band owned, a band move's bodyweight alternative.
        entry = planned.for_bands(settings.bands)
        instead = (
            f" (instead of {planned.exercise.name}: no band in your settings)"
            if entry is not planned
            else ""
        )
        side = ", per side" if entry.exercise.per_side else ""
        stretch = entry.stretch
        stretch_side = " per side" if stretch.per_side else ""
        sets = plural(entry.sets, "set")
        print(
            f"{number:>2}. {entry.exercise.name} ({entry.exercise.id}): {sets} × "
            f"{_target(entry.seconds, entry.reps)}{side}, {rest} s rest{instead}\n"
            f"    then {stretch.name} ({stretch.id}), "
            f"{settings.stretch_hold_seconds} s{stretch_side}"
        )
    return EXIT_OK


def _as_json(program: Program, rest: int, minutes: int, settings: Settings) -> dict[str, Any]:
    return {
        "name": program.name,
        "title": program.title,
        "goal": program.goal,
        "builtin": program.builtin,
        "source": program.source,
        "rest_seconds": rest,
        "estimated_minutes": minutes,
        "exercises": [
            {
                "id": entry.exercise.id,
                "name": entry.exercise.name,
                "sets": entry.sets,
                "reps": entry.reps,
                "seconds": entry.seconds,
                "per_side": entry.exercise.per_side,
                "rest_seconds": rest,
                "stretch": {
                    "id": entry.stretch.id,
                    "name": entry.stretch.name,
                    "hold_seconds": settings.stretch_hold_seconds,
                    "per_side": entry.stretch.per_side,
                },
            }
            for entry in program.entries
        ],
    }


def validate_file(args: argparse.Namespace, paths: Paths) -> int:
    path: Path = args.file
    try:
        text = read_text_input(path)
    except InputError as unreadable:
        error(f"{path}: cannot be read: {unreadable}")
        return EXIT_USAGE
    catalogue = load_catalogue()
    try:
        program = program_from_toml(text, str(path), catalogue)
    except ValidationError as invalid:
        for message in invalid.problems:
            error(f"{path}: {message}")
        return EXIT_USAGE
    library = load_programs(catalogue, paths.programs_dir)
    taken = [
        p.name
        for p in library.programs.values()
        if p.builtin or Path(p.source).resolve() != path.resolve()
    ]
    problems = name_problems(text, program.name, path.stem, taken)
    if problems:
        for problem in problems:
            error(f"{path}: {problem}")
        return EXIT_USAGE
    print(f"{path}: valid: {program.name} ({program.title}), {len(program.entries)} exercises")
    return EXIT_OK
