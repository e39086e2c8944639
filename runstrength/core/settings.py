"""The user's settings as one typed value, read from a plain mapping with defaults for bad keys."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from runstrength.core.fields import TableReader, shown
from runstrength.core.programs import GOALS
from runstrength.core.runs import RunSettings

VOICE_MODES = ("voice", "tones", "off")
SESSION_LAYOUTS = ("floor", "compact")
RUN_RULE_MODES = ("refuse", "warn")
# A band is named by its colour or strength: "red", "extra heavy", "x-light".
BAND_NAME = re.compile(r"^[^\W_](?:[^\W_]| |-){0,23}\Z")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Settings:
    goal: str = "endurance"
    """endurance or sprint: picks the default program."""
    program: str = "endurance"
    """The program a session runs unless another is chosen."""
    sound: bool = True
    """False: silent (the screen still flashes phase changes)."""
    voice: str = "voice"
    """voice: spoken cues and tones; tones: tones only; off: no sound (the screen flashes)."""
    bell: bool = False
    """Ring the terminal bell on a phase change when no sound can play."""
    warmup_minutes: int = 8
    """Length of the warm-up, 5-15 minutes."""
    rest_seconds: int = 45
    """Rest between sets, 15-180 s (a program may set its own)."""
    stretch_hold_seconds: int = 30
    """How long each stretch is held (per side), 15-60 s."""
    tempo_seconds: float = 3.0
    """Tempo mode counts one rep every this many seconds, 1.5-6."""
    bands: tuple[str, ...] = ("yellow", "red", "green", "blue", "black")
    """The resistance bands owned, light to heavy."""
    weekly_rest_days: tuple[str, ...] = ()
    """Weekdays never trained on, e.g. ("friday",)."""
    theme: str = "textual-dark"
    """Any Textual theme name."""
    session_layout: str = "floor"
    """floor: the session in large type, readable from across the room; compact: more detail."""
    first_run_done: bool = False
    """True once the first-run setup was finished or skipped: it is never shown again."""
    runs_folder: str = ""
    """A folder whose new activity files are imported at each start; empty: none."""
    long_run_minutes: int = 90
    """A run at least this long is a long run (when its title does not say), 30-300."""
    max_hr: int = 0
    """Maximum heart rate; 0: unknown. An average at 85% of it (or of the reserve) is hard."""
    rest_hr: int = 0
    """Resting heart rate; 0: unknown. With max_hr, the hard zone uses the reserve."""
    taper_days: int = 7
    """No strength in this many days before a race, 0-21."""
    run_rules: str = "refuse"
    """refuse: the running rules refuse a day like the rest day; warn: they ask."""
    sessions_per_week: int = 2
    """How many strength days `plan suggest` proposes a week, 1-4."""


SETTING_NAMES = tuple(f.name for f in fields(Settings))


def _voice(r: TableReader) -> str | None:
    """voice | tones | off; the old booleans still read: true is voice, false is tones."""
    value = r._get("voice", required=False)
    if isinstance(value, bool):
        return "voice" if value else "tones"
    if value is not None and value not in VOICE_MODES:
        allowed = ", ".join(f'"{mode}"' for mode in VOICE_MODES)
        r.problem("voice", f"{shown(value)} is not one of {allowed}")
        return None
    return value  # type: ignore[no-any-return]


def _folder(r: TableReader, key: str) -> str | None:
    """A folder path; the empty string means none."""
    value = r._get(key, required=False)
    if value is not None and not isinstance(value, str):
        r.problem(key, f"must be a folder path in quotes, got {value!r}")
        return None
    return value


def run_settings(settings: Settings) -> RunSettings:
    """What the run kinds and the running rules read from the settings."""
    return RunSettings(
        long_run_minutes=settings.long_run_minutes,
        max_hr=settings.max_hr or None,
        rest_hr=settings.rest_hr or None,
        taper_days=settings.taper_days,
    )


def settings_from_mapping(
    data: Mapping[str, Any],
    source: str,
    line_of: Callable[[str], int | None] | None = None,
) -> tuple[Settings, list[str]]:
    """Settings from a parsed config file: bad or unknown keys keep their default and are reported.

    `line_of` names the line a key is on, for the messages. The theme name is only checked
    for being a string here; the UI knows which themes exist.
    """
    problems: list[str] = []
    r = TableReader(data, "", problems, line_of)
    read: dict[str, Any] = {
        "goal": r.string("goal", required=False, choices=GOALS),
        "program": r.ident("program", required=False),
        "sound": r.boolean("sound", required=False),
        "voice": _voice(r),
        "bell": r.boolean("bell", required=False),
        "warmup_minutes": r.integer("warmup_minutes", 5, 15, required=False),
        "rest_seconds": r.integer("rest_seconds", 15, 180, required=False),
        "stretch_hold_seconds": r.integer("stretch_hold_seconds", 15, 60, required=False),
        "tempo_seconds": r.number("tempo_seconds", 1.5, 6.0, required=False),
        "bands": r.strings("bands", required=False),
        "weekly_rest_days": r.strings("weekly_rest_days", required=False, choices=WEEKDAYS),
        "theme": r.string("theme", required=False),
        "session_layout": r.string("session_layout", required=False, choices=SESSION_LAYOUTS),
        "first_run_done": r.boolean("first_run_done", required=False),
        "runs_folder": _folder(r, "runs_folder"),
        "long_run_minutes": r.integer("long_run_minutes", 30, 300, required=False),
        "max_hr": r.integer("max_hr", 0, 240, required=False),
        "rest_hr": r.integer("rest_hr", 0, 120, required=False),
        "taper_days": r.integer("taper_days", 0, 21, required=False),
        "run_rules": r.string("run_rules", required=False, choices=RUN_RULE_MODES),
        "sessions_per_week": r.integer("sessions_per_week", 1, 4, required=False),
    }
    r.finish()
    bands = read["bands"]
    odd = [band for band in bands or () if not BAND_NAME.match(band)]
    if odd:
        r.problem("bands", f'"{odd[0]}" is not a band name: use letters, digits, spaces, hyphens')
        read["bands"] = None
    elif bands is not None and len(set(bands)) != len(bands):
        r.problem("bands", "each band may appear only once (light to heavy)")
        read["bands"] = None
    if read["program"] is None and read["goal"] is not None:
        read["program"] = read["goal"]
    chosen = {key: value for key, value in read.items() if value is not None}
    return replace(Settings(), **chosen), [f"{source}: {p}" for p in problems]
