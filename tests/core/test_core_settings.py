"""Settings: the defaults from the brief, bad or unknown keys kept at their default, and each
setting declared completely (help, label, range or choices) in one place."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from runstrength.core.settings import (
    SETTINGS,
    WEEKDAYS,
    Settings,
    SettingSpec,
    settings_from_mapping,
)

SOURCE = "/home/runner/.config/runstrength/config.toml"

# The settings file example from the brief, comments and all.
BRIEF_EXAMPLE = """\
goal = "endurance"             # endurance | sprint: picks the default program
program = "endurance"          # default program name
sound = true                   # false: silent (the screen still flashes phase changes)
voice = "voice"                # voice | tones | off
bell = false                   # ring the terminal bell when no sound can play
warmup_minutes = 8             # 5-15
rest_seconds = 45              # 15-180
stretch_hold_seconds = 30      # 15-60
tempo_seconds = 3.0            # 1.5-6
bands = ["yellow", "red", "green", "blue", "black"]   # light to heavy
weekly_rest_days = []          # e.g. ["friday"]
theme = "textual-dark"         # any Textual theme name
"""


def read(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    return settings_from_mapping(data, SOURCE)


def test_defaults_match_the_brief() -> None:
    settings = Settings()
    assert settings.goal == "endurance"
    assert settings.program == "endurance"
    assert settings.sound is True
    assert settings.voice == "voice"
    assert settings.bell is False
    assert settings.warmup_minutes == 8
    assert settings.rest_seconds == 45
    assert settings.stretch_hold_seconds == 30
    assert settings.tempo_seconds == 3.0
    assert settings.bands == ("yellow", "red", "green", "blue", "black")
    assert settings.weekly_rest_days == ()
    assert settings.theme == "textual-dark"


def test_the_brief_example_reads_as_the_defaults() -> None:
    settings, problems = read(tomllib.loads(BRIEF_EXAMPLE))
    assert problems == []
    assert settings == Settings()
    # first_run_done is written by the app itself, not part of the documented example;
    # session_layout came later (the template in config.py documents it).
    assert (
        set(tomllib.loads(BRIEF_EXAMPLE))
        == set(Settings._fields)
        - {
            "first_run_done",
            "session_layout",
        }
        - RUN_KEYS
    )


# The settings for runs came after the brief's example.
RUN_KEYS = {
    "runs_folder",
    "long_run_minutes",
    "max_hr",
    "rest_hr",
    "taper_days",
    "run_rules",
    "sessions_per_week",
}


def test_the_run_settings_read_and_bad_values_keep_their_default() -> None:
    good = {"runs_folder": "", "long_run_minutes": 100, "max_hr": 190, "rest_hr": 50}
    settings, problems = read({**good, "taper_days": 10, "run_rules": "warn"})
    assert problems == []
    assert (settings.long_run_minutes, settings.max_hr, settings.taper_days) == (100, 190, 10)
    assert settings.run_rules == "warn"
    bad = {"taper_days": 40, "run_rules": "maybe", "sessions_per_week": 0, "runs_folder": 3}
    settings, problems = read(bad)
    assert settings == Settings()
    assert len(problems) == 4
    assert any("run_rules" in p and "refuse" in p for p in problems)


def test_the_session_layout_is_floor_or_compact() -> None:
    assert Settings().session_layout == "floor"
    assert read({"session_layout": "compact"}) == (Settings(session_layout="compact"), [])
    settings, problems = read({"session_layout": "big"})
    assert settings.session_layout == "floor"
    (problem,) = problems
    assert problem.startswith(f"{SOURCE}: session_layout:")
    assert "compact" in problem
    assert "floor" in problem


def test_an_empty_file_gives_the_defaults() -> None:
    assert read({}) == (Settings(), [])


def test_good_values_are_taken() -> None:
    settings, problems = read(
        {
            "goal": "sprint",
            "program": "hills",
            "sound": False,
            "voice": "tones",
            "bell": True,
            "warmup_minutes": 15,
            "rest_seconds": 15,
            "stretch_hold_seconds": 60,
            "tempo_seconds": 1.5,
            "bands": ["red", "black"],
            "weekly_rest_days": ["friday", "sunday"],
            "theme": "nord",
        }
    )
    assert problems == []
    assert settings == Settings(
        goal="sprint",
        program="hills",
        sound=False,
        voice="tones",
        bell=True,
        warmup_minutes=15,
        rest_seconds=15,
        stretch_hold_seconds=60,
        tempo_seconds=1.5,
        bands=("red", "black"),
        weekly_rest_days=("friday", "sunday"),
        theme="nord",
    )


def test_a_whole_number_tempo_is_a_float() -> None:
    settings, problems = read({"tempo_seconds": 4})
    assert problems == []
    assert settings.tempo_seconds == 4.0
    assert isinstance(settings.tempo_seconds, float)


def test_the_goal_picks_the_default_program() -> None:
    settings, _ = read({"goal": "sprint"})
    assert settings.program == "sprint"
    settings, _ = read({"goal": "sprint", "program": "hills"})
    assert settings.program == "hills"


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("goal", "marathon", ["endurance", "sprint"]),
        ("sound", "yes", ["true", "false"]),
        ("voice", 1, ['"voice", "tones", "off"']),
        ("voice", "loud", ['"voice", "tones", "off"']),
        ("bell", "yes", ["true", "false"]),
        ("warmup_minutes", 4, ["5-15"]),
        ("warmup_minutes", 16, ["5-15"]),
        ("warmup_minutes", 7.5, ["5", "15"]),
        ("rest_seconds", 14, ["15-180"]),
        ("rest_seconds", 181, ["15-180"]),
        ("rest_seconds", True, ["15", "180"]),
        ("stretch_hold_seconds", 61, ["15-60"]),
        ("tempo_seconds", 1.0, ["1.5", "6"]),
        ("tempo_seconds", 6.5, ["1.5", "6"]),
        ("tempo_seconds", "fast", ["1.5", "6"]),
        ("weekly_rest_days", ["funday"], ["monday", "sunday"]),
        ("weekly_rest_days", "friday", ["list"]),
        ("bands", "red", ["list"]),
        ("bands", ["red", 3], ["list"]),
        ("program", "My Program", ["lowercase", "hyphen"]),
        ("theme", 7, ["string"]),
    ],
)
def test_a_bad_value_keeps_its_default_and_is_reported(
    key: str, value: object, allowed: list[str]
) -> None:
    settings, problems = read({key: value, "sound": False} if key != "sound" else {key: value})
    assert getattr(settings, key) == getattr(Settings(), key)
    [problem] = problems
    assert problem.startswith(f"{SOURCE}: {key}:")
    for word in allowed:
        assert word in problem, word
    if key != "sound":
        assert settings.sound is False  # the good keys beside it still count


def test_an_unknown_key_is_reported() -> None:
    settings, problems = read({"colour": "red", "rest_seconds": 60})
    assert settings == Settings(rest_seconds=60)
    [problem] = problems
    assert problem.startswith(SOURCE)
    assert "colour" in problem
    assert "unknown key" in problem


def test_every_problem_is_reported() -> None:
    settings, problems = read({"goal": 3, "warmup_minutes": 99, "volume": 11, "bands": 2})
    assert settings == Settings()
    assert len(problems) == 4
    for key in ("goal", "warmup_minutes", "volume", "bands"):
        assert any(f": {key}:" in p for p in problems), key


def test_weekdays_are_the_seven_days() -> None:
    assert len(WEEKDAYS) == 7
    assert WEEKDAYS[0] == "monday"
    assert "friday" in WEEKDAYS


@pytest.mark.parametrize(("key", "value"), [("bands", ["red", ""]), ("weekly_rest_days", [" "])])
def test_an_empty_entry_in_a_list_is_named_as_empty(key: str, value: list[str]) -> None:
    settings, problems = settings_from_mapping({key: value}, "config.toml")
    assert settings == Settings()
    [problem] = problems
    assert problem.startswith(f"config.toml: {key}: ")
    assert "is empty: leave it out, or name it" in problem
    assert "list of strings" not in problem


def test_repeated_band_names_are_refused() -> None:
    settings, problems = settings_from_mapping({"bands": ["red", "red"]}, "config.toml")
    assert settings.bands == Settings().bands
    assert any("bands" in p and "only once" in p for p in problems)


@pytest.mark.parametrize(("old", "mode"), [(True, "voice"), (False, "tones")])
def test_the_old_boolean_voice_setting_still_reads(old: bool, mode: str) -> None:
    settings, problems = read({"voice": old})
    assert problems == []
    assert settings.voice == mode


@pytest.mark.parametrize("mode", ["voice", "tones", "off"])
def test_each_voice_mode_is_taken(mode: str) -> None:
    assert read({"voice": mode}) == (Settings(voice=mode), [])


def test_settings_problems_spell_values_as_the_file_does() -> None:
    _, problems = settings_from_mapping(
        {"sound": "yes", "rest_seconds": True, "voice": None, "goal": "it's"}, "config.toml"
    )
    text = "\n".join(problems)
    assert 'sound: must be true or false, got "yes"' in text
    assert "rest_seconds: must be a whole number from 15 to 180, got true" in text
    for python in ("None", "True", "False", "'yes'"):
        assert python not in text


# --- the schema: every setting declared once, completely ----------------------------------


@pytest.mark.parametrize("spec", SETTINGS, ids=lambda spec: spec.name)
def test_every_setting_declares_its_help_label_and_allowed_values(spec: SettingSpec) -> None:
    assert spec.help.endswith("."), "a setting needs one sentence of help"
    assert spec.label, "a setting needs a label for the settings screen"
    if spec.kind in ("int", "float"):
        assert spec.bounds is not None, "a number needs a range"
        assert spec.bounds[0] <= spec.default <= spec.bounds[1]
        assert isinstance(spec.default, int if spec.kind == "int" else float)
    elif spec.kind == "choice":
        assert spec.default in spec.choices
        assert set(spec.meanings) <= set(spec.choices)
    elif spec.kind != "bool":
        assert spec.allowed_text, "a value with no range or choices says what is allowed"
    assert spec.allowed()
    assert spec.hint()


@pytest.mark.parametrize("spec", SETTINGS, ids=lambda spec: spec.name)
def test_each_default_passes_its_own_rules(spec: SettingSpec) -> None:
    value = list(spec.default) if isinstance(spec.default, tuple) else spec.default
    settings, problems = read({spec.name: value})
    assert problems == []
    assert getattr(settings, spec.name) == spec.default


@pytest.mark.parametrize(
    "spec", [s for s in SETTINGS if s.kind in ("int", "float")], ids=lambda spec: spec.name
)
def test_each_number_refuses_what_lies_outside_its_declared_range(spec: SettingSpec) -> None:
    assert spec.bounds is not None
    low, high = spec.bounds
    for outside in (low - 1, high + 1):
        value = int(outside) if spec.kind == "int" else outside
        settings, [problem] = read({spec.name: value})
        assert getattr(settings, spec.name) == spec.default
        assert f"outside {low:g}-{high:g}" in problem.replace(".0", "")


def test_allowed_values_read_as_the_file_and_the_screen_say_them() -> None:
    specs = {spec.name: spec for spec in SETTINGS}
    assert specs["rest_seconds"].allowed() == "15-180 s"
    assert specs["tempo_seconds"].allowed() == "1.5-6 s per rep"
    assert specs["session_layout"].hint() == "floor | compact · key f"
    assert specs["voice"].allowed(meanings=True).startswith("voice (spoken cues and tones) |")
    assert specs["max_hr"].hint() == "0-240 bpm · 0: unknown"


def test_the_program_rest_and_the_rest_setting_share_one_range() -> None:
    from runstrength.core.programs import REST_RANGE

    rest = next(spec for spec in SETTINGS if spec.name == "rest_seconds")
    assert rest.bounds == REST_RANGE
