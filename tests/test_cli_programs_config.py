"""`runstrength programs` and `runstrength config` through the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = str(Path(sys.executable).with_name("runstrength"))

HILLS = """\
name = "hills"
title = "Hill-strength endurance"
goal = "endurance"
rest_seconds = 40

[[exercise]]
id = "glute-bridge"
sets = 3
reps = 20

[[exercise]]
id = "side-plank"
sets = 2
seconds = 30
stretch = "hip-flexor-stretch"
"""


def run(data_dir: Path, *args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    """`columns`: the terminal's width, as a shell passes it ($COLUMNS); None: a pipe."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "hills.toml").write_text(HILLS)
    return tmp_path


def test_list_marks_custom_and_invalid_programs(home: Path) -> None:
    bad = home / "programs" / "broken.toml"
    bad.write_text(HILLS.replace('"hills"', '"broken"').replace("reps = 20", "reps = 40"))
    result = run(home, "programs", "list")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    endurance = next(r for r in rows if r.startswith("endurance "))
    assert "endurance" in endurance.split()[1:]
    assert endurance.split()[-2] == "7"  # exercises
    hills = next(r for r in rows if r.startswith("hills *"))
    assert "Hill-strength endurance" in hills
    assert hills.split()[-2] == "2"
    assert 10 < int(hills.split()[-1]) < int(endurance.split()[-1])
    broken = next(r for r in rows if r.startswith("broken !"))
    assert (
        f"invalid: {bad}: line 9: exercise #1 (glute-bridge): reps: 40 is outside 15-20" in broken
    )


LONG_NAME = "marathon-build-phase-two-hills-and-core"
LONG_TITLE = "Marathon build, phase two: hills with a long core finisher"


def test_list_fits_a_long_name_to_the_terminal_and_gives_it_whole_into_a_pipe(
    home: Path,
) -> None:
    long = HILLS.replace('"hills"', f'"{LONG_NAME}"').replace("Hill-strength endurance", LONG_TITLE)
    (home / "programs" / f"{LONG_NAME}.toml").write_text(long)
    (home / "programs" / "a-broken-program-with-a-long-name.toml").write_text("name = 1\n")

    on_terminal = run(home, "programs", "list", columns=80)
    assert on_terminal.returncode == 0, on_terminal.stderr
    header, *rows = on_terminal.stdout.split("\n\n")[0].splitlines()
    table = [header, *(row for row in rows if " ! " not in row)]
    assert all(len(line) <= 80 for line in table), table
    # Every column starts where its header does: the long name no longer pushes them.
    for column in ("TITLE", "GOAL"):
        at = header.index(column)
        assert all(line[at - 1] == " " and line[at] != " " for line in table), table
    long_row = next(row for row in rows if row.startswith("marathon-"))
    assert "… * " in long_row  # the name cut short, its mark kept
    assert LONG_TITLE not in long_row
    assert "…" in long_row.split(" * ")[1]
    broken = next(row for row in rows if " ! " in row)
    assert broken.index("invalid: ") == header.index("TITLE")

    piped = run(home, "programs", "list")
    assert piped.returncode == 0, piped.stderr
    row = next(r for r in piped.stdout.splitlines() if r.startswith(LONG_NAME))
    assert row.startswith(f"{LONG_NAME} * {LONG_TITLE} endurance")
    assert "…" not in piped.stdout
    header = piped.stdout.splitlines()[0]
    assert row.index(LONG_TITLE) == header.index("TITLE")


def test_show_lists_sets_target_rest_and_stretch(home: Path) -> None:
    result = run(home, "programs", "show", "hills")
    assert result.returncode == 0, result.stderr
    assert "Glute bridge (glute-bridge): 3 sets × 20 reps, 40 s rest" in result.stdout
    assert "Side plank (side-plank): 2 sets × 30 s hold, per side, 40 s rest" in result.stdout
    assert "then Kneeling hip-flexor stretch (hip-flexor-stretch)" in result.stdout


def test_programs_show_json_gives_every_field_of_a_custom_program(home: Path) -> None:
    result = run(home, "programs", "show", "hills", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == "hills"
    assert data["builtin"] is False
    assert [(e["id"], e["sets"], e["reps"], e["seconds"]) for e in data["exercises"]] == [
        ("glute-bridge", 3, 20, None),
        ("side-plank", 2, None, 30),
    ]
    assert data["exercises"][1]["stretch"]["id"] == "hip-flexor-stretch"
    assert data["exercises"][0]["rest_seconds"] == 40


def test_show_an_unknown_program_suggests_one(home: Path) -> None:
    result = run(home, "programs", "show", "hils")
    assert result.returncode == 2
    assert 'no program named "hils" (did you mean hills?)' in result.stderr
    assert result.stdout == ""


def test_validate_a_good_file(home: Path) -> None:
    result = run(home, "programs", "validate", str(home / "programs" / "hills.toml"))
    assert result.returncode == 0, result.stderr
    assert "valid: hills" in result.stdout


def test_validate_reports_one_line_per_problem(home: Path) -> None:
    path = home / "elsewhere" / "hills.toml"
    path.parent.mkdir()
    text = HILLS.replace("sets = 3", "sets = 7").replace('"glute-bridge"', '"push-up"')
    path.write_text(text.replace("seconds = 30", "reps = 20"))
    result = run(home, "programs", "validate", str(path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines == [  # in line order
        f"runstrength: {path}: line 7: exercise #1 (push-up): id: Push-up is upper-body "
        "strength work, which belongs in a sprint program, not an endurance one",
        f"runstrength: {path}: line 8: exercise #1 (push-up): sets: 7 is outside 1-5",
        f"runstrength: {path}: line 14: exercise #2 (side-plank): reps: Side plank is a timed "
        "hold: give seconds, not reps",
    ]


def test_validate_a_taken_name(home: Path) -> None:
    path = home / "endurance.toml"
    path.write_text(HILLS.replace('"hills"', '"endurance"'))
    result = run(home, "programs", "validate", str(path))
    assert result.returncode == 2
    assert f'{path}: line 1: name: "endurance" is already taken' in result.stderr


def test_validate_a_missing_file(home: Path) -> None:
    result = run(home, "programs", "validate", str(home / "nope.toml"))
    assert result.returncode == 2
    assert "nope.toml: cannot be read" in result.stderr


def test_config_path_show_and_check(tmp_path: Path) -> None:
    assert run(tmp_path, "config", "path").stdout.strip() == str(tmp_path / "config.toml")
    check = run(tmp_path, "config", "check")
    assert check.returncode == 0
    assert "defaults apply" in check.stdout
    (tmp_path / "config.toml").write_text('# mine\nwarmup_minutes = 12\ngoal = "sprint"\n')
    show = run(tmp_path, "config", "show")
    assert show.returncode == 0
    rows = {line.split(" = ")[0]: line for line in show.stdout.splitlines()[1:]}
    assert rows["warmup_minutes"].startswith("warmup_minutes = 12 ")
    assert rows["warmup_minutes"].endswith("# file")
    assert rows["rest_seconds"].endswith("# default")
    assert rows["program"].startswith('program = "sprint"')
    assert rows["program"].endswith("# goal")
    lines = show.stdout.splitlines()
    help_line = lines[lines.index(rows["rest_seconds"]) - 1]
    assert help_line == "# Rest between sets (a program may set its own). Allowed: 15-180 s"
    assert run(tmp_path, "config", "check").returncode == 0


def test_config_check_reports_an_unknown_theme_alone(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = "solarised"\n')
    result = run(tmp_path, "config", "check")
    assert result.returncode == 2
    assert 'line 1: theme: no theme named "solarised"' in result.stderr
    assert 'using "textual-dark"' in result.stderr
    (tmp_path / "config.toml").write_text('theme = "textual-light"\n')
    assert run(tmp_path, "config", "check").returncode == 0


def test_config_show_gives_the_program_and_theme_in_effect_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('goal = "sprint"\nprogram = "ghost"\ntheme = "nope"\nwarmup_minutes = 12\n')
    show = run(tmp_path, "config", "show")
    assert show.returncode == 0
    rows = {line.split(" = ")[0]: line for line in show.stdout.splitlines()[1:]}
    assert rows["program"].startswith('program = "sprint"')  # as the app runs it
    assert rows["program"].endswith("# goal")
    assert rows["theme"].startswith('theme = "textual-dark"')
    assert rows["theme"].endswith("# default")
    assert rows["warmup_minutes"].endswith("# file")
    assert f'{path}: line 2: program: no program named "ghost"' in show.stderr
    assert f'{path}: line 3: theme: no theme named "nope"' in show.stderr


def test_config_check_reports_bad_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = '# mine\nwarmup_minutes = 40\nprogram = "hils"\nvoise = true\ntheme = "dracular"\n'
    path.write_text(text)
    result = run(tmp_path, "config", "check")
    assert result.returncode == 2
    assert f'{path}: line 5: theme: no theme named "dracular" (known: ' in result.stderr
    assert "dracula," in result.stderr
    assert f"{path}: line 2: warmup_minutes: 40 is outside 5-15" in result.stderr
    assert f'{path}: line 3: program: no program named "hils"' in result.stderr
    assert f"{path}: line 4: voise: unknown key (did you mean voice?)" in result.stderr
    assert path.read_text() == text


@pytest.mark.parametrize("topic", ["config", "programs"])
def test_a_topic_needs_an_action(tmp_path: Path, topic: str) -> None:
    result = run(tmp_path, topic)
    assert result.returncode == 2
    assert "ACTION" in result.stderr
    assert run(tmp_path, topic, "--help").returncode == 0
    assert run(tmp_path, topic, "nonsense").returncode == 2


def test_show_an_invalid_program_lists_its_problems(home: Path) -> None:
    bad = home / "programs" / "broken.toml"
    bad.write_text(HILLS.replace('"hills"', '"broken"').replace('"glute-bridge"', '"glute"'))
    result = run(home, "programs", "show", "broken")
    assert result.returncode == 2
    assert 'program "broken" is not valid' in result.stderr
    assert f'{bad}: line 7: exercise #1 (glute): id: unknown exercise "glute"' in result.stderr


def test_the_printing_commands_never_load_textual(home: Path) -> None:
    script = (
        "import sys, contextlib, io\n"
        "from runstrength.cli import main\n"
        "for args in (['programs', 'list'], ['programs', 'show', 'hills'], "
        "['config', 'show'], ['config', 'check']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        assert main(['--data-dir', {str(home)!r}, *args]) == 0\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_show_names_the_bodyweight_alternative_without_bands(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("bands = []\n")
    result = run(tmp_path, "programs", "show", "endurance")
    assert result.returncode == 0
    assert (
        " 1. Reverse lunge (reverse-lunge): 2 sets × 20 reps, per side, 45 s rest "
        "(instead of Band squat: no band in your settings)" in result.stdout
    )
    assert "Band squat (band-squat)" not in result.stdout
    with_bands = run(tmp_path / "b", "programs", "show", "endurance")
    assert " 1. Band squat (band-squat): 2 sets × 20 reps" in with_bands.stdout
