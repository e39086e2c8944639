"""The command table: every subcommand is listed once with its help, and only the module of
the command given is loaded."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from runstrength.cli import COMMANDS, AppOpened, _app_alone, main
from runstrength.cli.parser import build_parser, command_in


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
    assert command_in(argv) == named


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
    assert done.stdout.strip().splitlines()[-1] == (
        "['runstrength.cli.common', 'runstrength.cli.parser'] False"
    )
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
    ("argv", "opened"),
    [
        ([], AppOpened(None)),
        (["--data-dir", "x"], AppOpened("x")),
        (["--data-dir=x"], AppOpened("x")),
        (["--data", "status"], AppOpened("status")),  # a folder named like a command
        (["--data-dir", "a", "--data-dir", "b"], AppOpened("b")),  # the last, as argparse
        (["--data-dir"], None),  # its value missing: the parser says so
        (["--data-dir", ""], None),  # an empty value: refused by the parser
        (["--data-dir="], None),
        (["--data-dir", "   "], None),  # spaces only: refused by the parser too
        (["--data-dir=  "], None),
        (["--data-dir", "-v"], None),
        (["--help"], None),
        (["--he"], None),
        (["--version"], None),
        (["status"], None),
        (["--data-dir", "x", "statsu"], None),
    ],
)
def test_only_opening_the_app_is_read_without_the_parser(
    argv: list[str], opened: AppOpened | None
) -> None:
    assert _app_alone(argv) == opened
    if opened is not None:  # read as the parser reads it
        parsed = build_parser(argv).parse_args(argv)
        assert (parsed.command, parsed.data_dir) == (None, opened.data_dir)


def test_the_parser_is_not_loaded_to_open_the_app(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import runstrength.cli.session as session\n"
        "session.open_app = lambda args, paths: print(args, paths.data_dir) or 0\n"
        "from runstrength.cli import main\n"
        "code = main(['--data-dir', sys.argv[1]])\n"
        "print(code, 'argparse' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["None", str(tmp_path), "0", "False"]


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


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_data_folder_may_follow_a_commands_action(name: str) -> None:
    parser = _subcommand(build_parser([name]), name)
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for action in actions:
        for child_name, child in action.choices.items():
            options = {o for known in child._actions for o in known.option_strings}
            assert "--data-dir" in options, f"{name} {child_name}"


def test_config_path_takes_the_data_folder_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "path", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "config.toml")
