"""`config check` names a runs folder the app cannot read (not there, a file, a relative
path), with the file's line, and exits 2; a folder that is there, or none, is valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrength.cli import main


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        ("/nonexistent/watch", '"/nonexistent/watch" does not exist'),
        ("watch", '"watch" is a relative path'),
        ("FILE", "is a file, not a folder"),
    ],
)
def test_config_check_names_a_runs_folder_it_cannot_read(
    folder: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    value = str(config) if folder == "FILE" else folder
    config.write_text(f'max_hr = 185\nruns_folder = "{value}"\n')
    assert main(["--data-dir", str(tmp_path), "config", "check"]) == 2
    err = capsys.readouterr().err
    assert "config.toml: line 2: runs_folder: " in err
    assert said in err


@pytest.mark.parametrize("folder", ["", "TMP"])
def test_a_readable_runs_folder_or_none_is_valid(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = str(tmp_path) if folder == "TMP" else folder
    (tmp_path / "config.toml").write_text(f'runs_folder = "{value}"\n')
    assert main(["--data-dir", str(tmp_path), "config", "check"]) == 0
    assert capsys.readouterr().out.endswith("config.toml: valid\n")
