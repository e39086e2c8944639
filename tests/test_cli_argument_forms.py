"""What a command line gets wrong is said by the command it was given to: its own --help
is named; `schedule add` also takes the program as a second word."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.test_cli_schedule import plans, run

SOON = date.today() + timedelta(days=3)


def test_schedule_add_takes_the_program_as_a_second_word(tmp_path: Path) -> None:
    added = run(tmp_path, "schedule", "add", SOON.isoformat(), "sprint")
    assert added.returncode == 0, added.stderr
    assert plans(tmp_path) == [(SOON, "sprint")]


def test_two_different_programs_are_refused_and_nothing_is_planned(tmp_path: Path) -> None:
    both = run(tmp_path, "schedule", "add", SOON.isoformat(), "sprint", "--program", "endurance")
    assert both.returncode == 2
    assert 'two programs given: "sprint" and --program "endurance"' in both.stderr
    assert plans(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("export", "out.json"), "runstrength export --help"),
        (("history", "--bogus"), "runstrength history --help"),
        (("schedule", "list", "extra"), "runstrength schedule list --help"),
        (("--bogus",), "runstrength --help"),
    ],
)
def test_an_unknown_argument_points_to_the_help_of_its_command(
    tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    result = run(tmp_path, *args)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr
    assert f"(see `{named}`)" in result.stderr
