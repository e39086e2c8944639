"""The settings file: bad keys reported with file, line, key and allowed values; saving keeps
comments and order, and lands atomically."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from runstrength.config import (
    ConfigSaveError,
    load_settings,
    read_settings,
    save_setting,
    save_settings,
)
from runstrength.core.settings import Settings

USER_FILE = """\
# my settings
theme = "nord"   # darker at night

warmup_minutes = 10   # I like a long warm-up
goal = "endurance"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "key", "allowed"),
    [
        ('theme = "nord"\nwarmup_minutes = 30\n', 2, "warmup_minutes", "5-15"),
        ('\n\ngoal = "hills"\n', 3, "goal", "endurance, sprint"),
        ("rest_seconds = 45\nrest_secnds = 60\n", 2, "rest_secnds", "did you mean rest_seconds"),
        ('sound = "yes"\n', 1, "sound", "true or false"),
        ('tempo_seconds = "fast"\n', 1, "tempo_seconds", "1.5 to 6"),
        ('weekly_rest_days = ["fryday"]\n', 1, "weekly_rest_days", "friday"),
        ("x = 1\nstretch_hold_seconds = 5\n", 2, "stretch_hold_seconds", "15-60"),
    ],
)
def test_a_bad_key_names_file_line_key_and_allowed_values(
    tmp_path: Path, text: str, line: int, key: str, allowed: str
) -> None:
    path = write(tmp_path, text)
    loaded = read_settings(path)
    [problem] = [p for p in loaded.problems if f": {key}: " in p]
    assert problem.startswith(f"{path}: line {line}: {key}: ")
    assert allowed in problem
    assert getattr(loaded.settings, key, None) == getattr(Settings(), key, None)
    assert path.read_text() == text


def test_invalid_toml_names_the_line_and_keeps_every_default(tmp_path: Path) -> None:
    path = write(tmp_path, 'goal = "sprint"\nwarmup_minutes = \n')
    settings, [problem] = load_settings(path)
    assert settings == Settings()
    assert problem.startswith(f"{path}: line 2: not valid TOML")


def test_good_keys_are_kept_next_to_bad_ones(tmp_path: Path) -> None:
    loaded = read_settings(write(tmp_path, 'goal = "sprint"\nwarmup_minutes = 99\n'))
    assert loaded.settings.goal == "sprint"
    assert loaded.settings.program == "sprint"
    assert loaded.settings.warmup_minutes == 8
    assert loaded.from_file == {"goal"}


def test_save_keeps_comments_and_order_and_changes_only_what_changed(tmp_path: Path) -> None:
    path = write(tmp_path, USER_FILE)
    settings = read_settings(path).settings
    save_settings(path, settings._replace(warmup_minutes=12, bands=("red", "black")))
    text = path.read_text()
    assert text.startswith('# my settings\ntheme = "nord"   # darker at night\n\n')
    assert "warmup_minutes = 12   # I like a long warm-up\n" in text
    assert text.index("theme") < text.index("warmup_minutes") < text.index("goal")
    assert tomllib.loads(text)["bands"] == ["red", "black"]
    assert "rest_seconds" not in text
    assert read_settings(path).settings == settings._replace(
        warmup_minutes=12, bands=("red", "black")
    )


def test_save_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, USER_FILE)
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(source: str, target: str) -> None:
        replaced.append((str(source), str(target)))
        assert Path(source).read_text().count("warmup_minutes = 14") == 1
        assert path.read_text() == USER_FILE  # the old file is whole until the rename
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    save_settings(path, read_settings(path).settings._replace(warmup_minutes=14))
    [(source, target)] = replaced
    assert target == str(path)
    assert source != target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_a_failed_write_leaves_the_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, USER_FILE)

    def fail(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ConfigSaveError, match="could not be written"):
        save_settings(path, Settings()._replace(warmup_minutes=6))
    assert path.read_text() == USER_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_a_file_that_is_not_toml_is_never_overwritten(tmp_path: Path) -> None:
    path = write(tmp_path, "goal = \n")
    with pytest.raises(ConfigSaveError, match="line 1: not valid TOML"):
        save_settings(path, Settings())
    assert path.read_text() == "goal = \n"


def test_a_new_file_documents_every_key(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    save_settings(path, Settings()._replace(goal="sprint", program="sprint", first_run_done=True))
    text = path.read_text()
    assert 'goal = "sprint"' + " " * 16 + "# endurance | sprint" in text  # in the column
    assert "# 5-15" in text
    assert read_settings(path).settings == Settings()._replace(
        goal="sprint", program="sprint", first_run_done=True
    )


def test_the_theme_names_config_check_knows_are_textuals() -> None:
    from textual.theme import BUILTIN_THEMES as TEXTUAL_THEMES

    from runstrength.config import BUILTIN_THEMES

    assert sorted(BUILTIN_THEMES) == sorted(TEXTUAL_THEMES)


def test_one_setting_is_saved_and_every_other_line_stays_even_a_bad_one(tmp_path: Path) -> None:
    before = '# mine\nrest_seconds = 999   # too long, being fixed\ntheme = "nord"\n'
    path = write(tmp_path, before)
    save_setting(path, "session_layout", "compact")
    assert path.read_text() == before + 'session_layout = "compact"\n'
    save_setting(path, "session_layout", "floor")
    assert path.read_text() == before + 'session_layout = "floor"\n'


def test_one_setting_saved_without_a_file_starts_from_the_documented_template(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    save_setting(path, "session_layout", "compact")
    text = path.read_text()
    assert 'session_layout = "compact"' in text
    assert "# floor (large, readable from the mat) | compact" in text
    assert read_settings(path).settings == Settings()._replace(session_layout="compact")


def test_one_setting_is_not_saved_into_a_file_that_is_not_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "goal = \n")
    with pytest.raises(ConfigSaveError, match="line 1: not valid TOML"):
        save_setting(path, "session_layout", "compact")
    assert path.read_text() == "goal = \n"


def test_a_new_file_says_what_each_key_does_and_reads_back_as_the_defaults(
    tmp_path: Path,
) -> None:
    from runstrength.config import template
    from runstrength.core.settings import SETTINGS

    text = template()
    lines = text.splitlines()
    for spec in SETTINGS:
        if not spec.on_screen:
            assert f"{spec.name} =" not in text  # the app writes it itself
            continue
        [at] = [i for i, line in enumerate(lines) if line.startswith(f"{spec.name} = ")]
        assert lines[at - 1] == f"# {spec.help}"
        assert lines[at].endswith(f"# {spec.allowed(meanings=True)}")
    assert "# --- Runs: strength days kept away from key runs ---" in lines
    assert read_settings(write(tmp_path, text)).settings == Settings()
    assert read_settings(tmp_path / "config.toml").problems == []


def test_comments_stay_in_their_column_when_values_change_length(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_settings(path, Settings())  # a new file: its comments form one column
    changed = Settings()._replace(program="sprint", rest_seconds=120, bands=("red", "green"))
    save_settings(path, changed)  # bands was longer than the column: it goes back to it
    save_setting(path, "theme", "nord")
    save_setting(path, "weekly_rest_days", ["friday", "monday", "tuesday", "wednesday"])

    def column(key: str) -> int:
        [line] = [line for line in path.read_text().splitlines() if line.startswith(f"{key} =")]
        return line.index("#")

    assert {column(key) for key in ("goal", "program", "rest_seconds", "bands", "theme")} == {31}
    # A value too long for the column keeps one space before its comment.
    assert '"wednesday"] # ' in path.read_text()
    assert read_settings(path).settings == changed._replace(
        theme="nord", weekly_rest_days=("friday", "monday", "tuesday", "wednesday")
    )


@pytest.mark.parametrize(
    ("line", "saved"),
    [
        ('theme = "nord" # colours', 'theme = "textual-dark" # colours'),  # one space: kept
        ('theme = "nord"\t# colours', 'theme = "textual-dark"\t# colours'),  # a tab: kept
        ('theme = "nord"      # colours', 'theme = "textual-dark" # colours'),  # its column
        ('theme = [\n  "nord",\n]   # colours', 'theme = "textual-dark"' + " " * 9 + "# colours"),
    ],
)
def test_a_users_own_comment_layout_is_kept(tmp_path: Path, line: str, saved: str) -> None:
    path = write(tmp_path, f'# mine\n{line}\ngoal = "endurance"\n')
    save_setting(path, "theme", "textual-dark")
    assert path.read_text() == f'# mine\n{saved}\ngoal = "endurance"\n'
