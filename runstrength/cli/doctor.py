"""`runstrength doctor`: check the log files, and restore a damaged log from a backup."""

from __future__ import annotations

import argparse

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, Commands, error
from runstrength.paths import Paths
from runstrength.store import LogError
from runstrength.store.doctor import check, repair


def register(commands: Commands) -> None:
    doctor = commands.add_parser(
        "doctor",
        description="Check the training log, its journal and its backups, record by record, "
        "and say what is found. Exits 1 when something is wrong. With --repair, a damaged "
        "log is replaced by its newest readable backup after a copy of the damaged file is "
        "kept, and malformed records are set aside into a file of their own in the data "
        "folder (kept, never deleted) so the rest of the log can be used.",
    )
    doctor.add_argument(
        "--repair",
        action="store_true",
        help="restore the newest readable backup over a damaged log (keeps a copy); "
        "set malformed records aside (kept in a file)",
    )
    doctor.set_defaults(run=run_doctor)


def run_doctor(args: argparse.Namespace, paths: Paths) -> int:

    if args.repair:
        try:
            for line in repair(paths.log_file):
                print(line)
        except LogError as failure:
            error(f"not repaired: {failure}")
            return EXIT_FAILED
        return EXIT_OK
    report = check(paths.log_file)
    for line in report.lines:
        print(line)
    for problem in report.problems:
        error(problem)
    if report.damaged:
        error("`runstrength doctor --repair` restores the newest readable backup")
    if report.bad:
        error(
            "`runstrength doctor --repair` sets the malformed records aside into a file "
            "in the data folder (kept), so the rest of the log can be used"
        )
    return EXIT_OK if report.healthy else EXIT_FAILED
