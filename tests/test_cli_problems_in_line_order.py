"""`config check` and `programs validate` list a file's problems as a reader goes down
it: in the order of their lines."""

from __future__ import annotations

import re
from pathlib import Path

from runstrength.core.errors import ValidationError, by_line
from tests.test_cli_programs_config import run


def lines_named(stderr: str) -> list[int]:
    return [int(n) for n in re.findall(r"\bline (\d+):", stderr)]


def test_config_check_lists_problems_by_line(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        'theme = "nope"\nrest_seconds = 5\nprogram = "zzz"\nwarmup_minutes = 99\nbands = 3\n'
    )
    result = run(tmp_path, "config", "check")
    assert result.returncode == 2
    assert lines_named(result.stderr) == [1, 2, 3, 4, 5]


def test_programs_validate_lists_problems_by_line(tmp_path: Path) -> None:
    program = tmp_path / "bad.toml"
    program.write_text(
        'name = "bad"\ntitle = 5\ngoal = "nope"\nrest_seconds = 1\n'
        '[[exercise]]\nid = "zzz"\nsets = 99\n'
    )
    result = run(tmp_path, "programs", "validate", str(program))
    assert result.returncode == 2
    named = lines_named(result.stderr)
    assert len(named) >= 4
    assert named == sorted(named)


def test_problems_without_a_line_come_first_and_keep_their_order() -> None:
    found = ["line 9: b", "the file is empty", "line 2: a", "no exercises", "line 9: a"]
    assert by_line(found) == [
        "the file is empty",
        "no exercises",
        "line 2: a",
        "line 9: b",
        "line 9: a",
    ]
    assert ValidationError("f.toml", found).problems[2] == "line 2: a"
