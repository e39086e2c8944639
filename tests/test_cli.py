"""The command line through the installed command: version, help, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from runstrength import __version__
from runstrength.paths import resolve_paths

COMMAND = str(Path(sys.executable).with_name("runstrength"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"runstrength {__version__}"


def test_help_lists_the_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--data-dir" in result.stdout
    assert "RUNSTRENGTH_DATA_DIR" in result.stdout
    assert "start" in result.stdout
    start = run("start", "--help")
    assert start.returncode == 0
    assert "--program" in start.stdout


def test_unknown_program_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "start", "--program", "nope")
    assert result.returncode == 2
    assert 'no program named "nope"' in result.stderr
    assert "endurance" in result.stderr


def test_a_damaged_log_stops_the_app_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "log.json").write_text("{not json")
    result = run("--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert str(tmp_path / "log.json") in result.stderr
    assert (tmp_path / "log.json").read_text() == "{not json"


def test_data_dir_option_and_variable(tmp_path: Path) -> None:
    chosen = resolve_paths(tmp_path / "a", env={"RUNSTRENGTH_DATA_DIR": str(tmp_path / "b")})
    assert chosen.log_file == tmp_path / "a" / "log.json"
    from_env = resolve_paths(None, env={"RUNSTRENGTH_DATA_DIR": str(tmp_path / "b")})
    assert from_env.log_file == tmp_path / "b" / "log.json"
    assert from_env.config_file == tmp_path / "b" / "config.toml"
    default = resolve_paths(None, env={})
    assert "runstrength" in str(default.data_dir)
    assert not str(default.data_dir).startswith(str(tmp_path))


def test_a_structurally_damaged_log_stops_the_app(tmp_path: Path) -> None:
    content = '{"sessions": {"1": {"id": "x"}}, "meta": {"1": {"schema": 1}}}'
    (tmp_path / "log.json").write_text(content)
    result = run("start", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "lacks" in result.stderr
    assert (tmp_path / "log.json").read_text() == content
