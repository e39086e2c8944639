"""The command table: every subcommand is listed once with its help, and only the module of
the command given is loaded."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from runstrength.cli import COMMANDS, _command_in, build_parser, main


def _subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    chosen: argparse.ArgumentParser = commands.choices[name]
    return chosen


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_in_the_table_is_registered_by_its_module(name: str) -> None:
    parser = build_parser([name])
    # Registered in full (a description, its options); the table's line is its help.
    assert _subcommand(parser, name).description
    assert COMMANDS[name].help in parser.format_help().replace("\n" + " " * 18, " ")


def test_the_others_are_listed_by_name_alone() -> None:
    parser = build_parser(["status"])
    assert _subcommand(parser, "status").description
    assert _subcommand(parser, "doctor").description is None


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--data-dir", "status", "history"], "history"),
        (["--data-dir=status", "load"], "load"),
        (["--data", "x", "doctor", "--repair"], "doctor"),
        (["--version"], None),
        ([], None),
    ],
)
def test_the_command_is_found_past_a_data_folder_named_like_one(
    argv: list[str], named: str | None
) -> None:
    assert _command_in(argv) == named


def test_help_loads_no_command_module_and_no_textual() -> None:
    script = (
        "import sys\n"
        "from runstrength.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('runstrength.cli.'))\n"
        "print(loaded, 'textual' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "['runstrength.cli.common'] False"
    for name, command in COMMANDS.items():
        assert name in done.stdout
        assert command.help.split()[0] in done.stdout


def test_an_unknown_command_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "statsu"])
    assert stopped.value.code == 2
    assert "invalid choice: 'statsu'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "alone"),
    [
        ([], True),
        (["--data-dir", "x"], True),
        (["--data-dir=x"], True),
        (["--data", "status"], True),  # a folder named like a command
        (["--data-dir"], False),  # its value missing: argparse says so
        (["--help"], False),
        (["--he"], False),
        (["--version"], False),
        (["status"], False),
        (["--data-dir", "x", "statsu"], False),
    ],
)
def test_only_opening_the_app_builds_no_command_parser(argv: list[str], alone: bool) -> None:
    parser = build_parser(argv)
    commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert (not commands[0].choices) is alone
    if alone:
        assert parser.parse_args(argv).command is None


def test_the_collector_runs_again_after_any_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    assert main(["--data-dir", str(tmp_path), "status"]) == 0
    assert gc.isenabled()
    (tmp_path / "log.json").write_text("{not json")
    assert main(["--data-dir", str(tmp_path)]) != 0  # the app refused: a damaged log
    assert gc.isenabled()
    assert "damaged" in capsys.readouterr().err.lower()
