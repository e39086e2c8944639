"""`runstrength config path|show|check`: where the settings file is, what it holds, is it valid."""

from __future__ import annotations

import argparse

from runstrength.cli.common import EXIT_OK, EXIT_USAGE, Commands, error
from runstrength.config import (
    BUILTIN_THEMES,
    LoadedSettings,
    read_settings,
    runs_folder_problem,
    unknown_program,
    unknown_theme,
)
from runstrength.core.errors import by_line
from runstrength.core.settings import SETTINGS, Settings
from runstrength.paths import Paths
from runstrength.store import load_catalogue, load_programs


def register(commands: Commands) -> None:
    config = commands.add_parser(
        "config",
        description="Show where the settings file is (path), the values in effect and where "
        "each came from (show), or check the file (check: exit 0 when valid, 2 when not).",
    )
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "path", help="print the path of config.toml", description="Print the path of config.toml."
    ).set_defaults(run=show_path)
    actions.add_parser(
        "show",
        help="print every setting in effect and where it came from",
        description="Print every setting in effect, as TOML, with its source (the file or the "
        "default), what it does and its allowed values.",
    ).set_defaults(run=show)
    actions.add_parser(
        "check",
        help="check config.toml (exit 0 when valid, 2 with the problems when not)",
        description="Check config.toml: exit 0 when valid; exit 2 with one line per problem "
        "(file, line, key and allowed values) on stderr.",
    ).set_defaults(run=check)


def show_path(args: argparse.Namespace, paths: Paths) -> int:
    print(paths.config_file)
    return EXIT_OK


def _in_effect(paths: Paths) -> tuple[LoadedSettings, Settings, list[str]]:
    """The settings file as read, the settings in effect (an unknown program or theme gives
    way, as in the app) and every problem with the file."""
    loaded = read_settings(paths.config_file)
    settings, problems = loaded.settings, list(loaded.problems)
    programs = load_programs(load_catalogue(), paths.programs_dir)
    program_problem = unknown_program(paths.config_file, settings, programs.programs)
    if program_problem and "program" in loaded.from_file:
        problems.append(program_problem)
        settings = settings._replace(program=settings.goal)
    theme_problem = unknown_theme(paths.config_file, settings, BUILTIN_THEMES)
    if theme_problem:
        problems.append(theme_problem)
        settings = settings._replace(theme=Settings().theme)
    folder_problem = runs_folder_problem(paths.config_file, settings.runs_folder)
    if folder_problem:
        problems.append(folder_problem)
    return loaded, settings, by_line(problems)


def show(args: argparse.Namespace, paths: Paths) -> int:
    import tomlkit

    loaded, settings, problems = _in_effect(paths)
    state = "" if loaded.exists else " (not there yet: every value is a default)"
    print(f"# {paths.config_file}{state}")
    for spec in SETTINGS:
        name = spec.name
        value = getattr(settings, name)
        text = tomlkit.item(list(value) if isinstance(value, tuple) else value).as_string()
        taken = name in loaded.from_file and value == getattr(loaded.settings, name)
        source = "file" if taken else "default"
        if name == "program" and source == "default" and "goal" in loaded.from_file:
            source = "goal"
        print(f"\n# {spec.help} Allowed: {spec.allowed(meanings=True)}")
        print(f"{f'{name} = {text}':<54} # {source}")
    for problem in problems:
        error(problem)
    return EXIT_OK


def check(args: argparse.Namespace, paths: Paths) -> int:

    loaded, _, problems = _in_effect(paths)
    if problems:
        for problem in problems:
            error(problem)
        return EXIT_USAGE
    if loaded.exists:
        print(f"{paths.config_file}: valid")
    else:
        print(f"{paths.config_file}: not there; the defaults apply")
    return EXIT_OK
