"""Makes the app from its parts: paths, settings, log, content, clock and sound player.

Tests call `build_context` with their own clock and player, or build an AppContext
directly; the command line calls it with the real ones.
"""

from __future__ import annotations

from runstrength.audio import Playsound3Player, SoundPlayer
from runstrength.config import load_settings, unknown_program
from runstrength.context import AppContext, HeldValues
from runstrength.core.clock import Clock, SystemClock
from runstrength.paths import Paths
from runstrength.store import ParsedToml, TrainingLog, load_catalogue, load_programs


def build_context(
    paths: Paths,
    *,
    clock: Clock | None = None,
    sound: SoundPlayer | None = None,
    open_log_later: bool = False,
) -> AppContext:
    """Everything the app needs; raises LogError when the log cannot be used.
    `open_log_later`: this year's file is read by the first read, unless it needs a
    check (see `TrainingLog`): home's first frame does not wait for it."""
    parsed = ParsedToml(paths.parsed_content)  # validated on every load all the same
    settings, problems = load_settings(paths.config_file, parsed.loads)
    catalogue = load_catalogue(parsed)
    programs = load_programs(catalogue, paths.programs_dir, parsed)
    parsed.save()
    for source, errors in programs.invalid.items():
        problems.append(f"{source}: not loaded: {errors[0]}")
    program_problem = unknown_program(paths.config_file, settings, programs.programs)
    if program_problem:
        problems.append(program_problem)
    clock = clock or SystemClock()
    log = TrainingLog(paths.log_file, clock=clock, open_later=open_log_later)
    first_run = (
        not settings.first_run_done
        and not paths.config_file.exists()
        and log.last_session() is None
    )
    return AppContext(
        live=HeldValues(settings),
        log=log,
        catalogue=catalogue,
        programs=programs,
        clock=clock,
        player=sound or Playsound3Player(),
        problems=problems,
        config_file=paths.config_file,
        first_run=first_run,
    )
