"""The user's settings, each declared once: type, default, allowed values, label and help.

Everything else is derived from these declarations: reading config.toml (a bad key keeps
its default and is reported on its own), the comments of a new config file, the fields of
the settings screen and `runstrength config show|check`. Every key is top-level in the file;
`group` only gathers keys under a heading (in the file and on the screen).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from runstrength.core.fields import TableReader, shown
from runstrength.core.programs import GOALS, REST_RANGE

if TYPE_CHECKING:
    from runstrength.core.runs import RunSettings

VOICE_MODES = ("voice", "tones", "off")
SESSION_LAYOUTS = ("floor", "compact")
RUN_RULE_MODES = ("refuse", "warn")
# A band is named by its colour or strength: "red", "extra heavy", "x-light".
BAND_NAME = re.compile(r"^[^\W_](?:[^\W_]| |-){0,23}\Z")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Kind = Literal["bool", "int", "float", "choice", "program", "theme", "bands", "weekdays", "folder"]
"""How a value is read and edited: the kinds with a range or a list of choices say their
allowed values themselves; the others say them in `SettingSpec.allowed_text`."""

GROUPS = {"": "", "runs": "Runs: strength days kept away from key runs"}
"""The headings keys are gathered under, in order (the first has none)."""


class SettingSpec(NamedTuple):
    """One setting's declaration (its name and default come from its `Settings` field)."""

    kind: Kind
    label: str
    """Its name on the settings screen."""
    help: str
    """What it does, one sentence: above the key in a new file and in `config show`,
    and for the field on the screen."""
    bounds: tuple[float, float] | None = None
    """The range of a number, both ends allowed."""
    unit: str = ""
    choices: tuple[str, ...] = ()
    meanings: Mapping[str, str] = MappingProxyType({})
    """A few words on what a choice means, for the file's comments."""
    allowed_text: str = ""
    """The allowed values in words, for the kinds with no range or choices."""
    note: str = ""
    """A few words after the allowed values on the screen."""
    group: str = ""
    on_screen: bool = True
    """False: the app sets it itself (not on the screen, not in a new file)."""
    old_values: Mapping[Any, str] = MappingProxyType({})
    """Values an older version wrote, read as the choice they stand for."""
    name: str = ""
    default: Any = None

    def allowed(self, *, meanings: bool = False) -> str:
        """The allowed values as the file spells them: "5-15 s", "voice | tones | off";
        `meanings`: each choice with what it means, where that is declared."""
        if self.bounds is not None:
            unit = f" {self.unit}" if self.unit else ""
            return f"{self.bounds[0]:g}-{self.bounds[1]:g}{unit}"
        if self.choices:
            return " | ".join(
                f"{c} ({self.meanings[c]})" if meanings and c in self.meanings else c
                for c in self.choices
            )
        if self.kind == "bool":
            return "true | false"
        return self.allowed_text

    def hint(self) -> str:
        """What the settings screen shows beside the field."""
        if self.bounds is not None or self.choices:
            return f"{self.allowed()} · {self.note}" if self.note else self.allowed()
        return self.note or self.allowed()


T = TypeVar("T")

_DECLARED: list[SettingSpec] = []
"""Each `Settings` field's declaration, in the order of the fields (see `setting`)."""


def setting(default: T, kind: Kind, label: str, help: str, **details: Any) -> T:
    """A `Settings` field's default, with everything else known about it declared beside."""
    _DECLARED.append(SettingSpec(kind, label, help, **details))
    return default


class Settings(NamedTuple):
    """The settings in effect: one immutable value, replaced whole when they change
    (`_replace`). A NamedTuple: a dataclass of this many fields costs the start about
    ten million instructions to make."""

    goal: str = setting(
        "endurance",
        "choice",
        "Goal",
        "What you train for: it picks the default program.",
        choices=GOALS,
    )
    program: str = setting(
        "endurance",
        "program",
        "Program",
        "The program a session runs unless another is chosen.",
        allowed_text="a program name: built-in, or your programs/<name>.toml",
        note="built-in or your own",
    )
    sound: bool = setting(
        True,
        "bool",
        "Sound",
        "Cues are heard; false: silent (the screen still flashes).",
        note="off: silent",
    )
    bell: bool = setting(
        False,
        "bool",
        "Bell",
        "Ring the terminal bell on a phase change when no sound plays.",
        note="if no sound can play",
    )
    voice: str = setting(
        "voice",
        "choice",
        "Voice",
        "What the cues say: spoken words and tones, tones, or nothing.",
        choices=VOICE_MODES,
        meanings={"voice": "spoken cues and tones", "off": "the screen flashes"},
        old_values={True: "voice", False: "tones"},
    )
    warmup_minutes: int = setting(
        8, "int", "Warm-up minutes", "Length of the warm-up, in minutes.", bounds=(5, 15)
    )
    rest_seconds: int = setting(
        45,
        "int",
        "Rest between sets",
        "Rest between sets (a program may set its own).",
        bounds=REST_RANGE,
        unit="s",
    )
    stretch_hold_seconds: int = setting(
        30,
        "int",
        "Stretch hold",
        "How long each stretch is held, on each side.",
        bounds=(15, 60),
        unit="s per side",
    )
    tempo_seconds: float = setting(
        3.0,
        "float",
        "Tempo cadence",
        "Tempo mode counts one rep every this many seconds.",
        bounds=(1.5, 6.0),
        unit="s per rep",
    )
    bands: tuple[str, ...] = setting(
        ("yellow", "red", "green", "blue", "black"),
        "bands",
        "Bands owned",
        "The resistance bands you own; with none, band exercises become bodyweight ones.",
        allowed_text="names, light to heavy; [] for none",
        note="light to heavy, or none",
    )
    weekly_rest_days: tuple[str, ...] = setting(
        (),
        "weekdays",
        "Weekly rest days",
        "Weekdays you never train on.",
        allowed_text='weekdays, e.g. ["friday"]',
        note="e.g. friday, sunday",
    )
    theme: str = setting(
        "textual-dark",
        "theme",
        "Theme",
        "The colours of the app.",
        allowed_text="any Textual theme name",
        note="applied at once",
    )
    session_layout: str = setting(
        "floor",
        "choice",
        "Session layout",
        "How a session looks: large type readable from the mat, or more detail (f switches).",
        choices=SESSION_LAYOUTS,
        meanings={"floor": "large, readable from the mat", "compact": "more detail"},
        note="key f",
    )
    first_run_done: bool = setting(
        False,
        "bool",
        "First run done",
        "Set once the first-run questions were answered or skipped: they never come back.",
        on_screen=False,
    )
    runs_folder: str = setting(
        "",
        "folder",
        "Runs folder",
        "A folder of activity files (FIT, GPX, TCX) whose new runs are imported at each start.",
        allowed_text='a folder path; "" for none',
        note="read at each start",
        group="runs",
    )
    long_run_minutes: int = setting(
        90,
        "int",
        "Long run from",
        "A run at least this long is a long run (when its title does not say).",
        bounds=(30, 300),
        unit="min",
        group="runs",
    )
    max_hr: int = setting(
        0,
        "int",
        "Maximum heart rate",
        "Your maximum heart rate, 0 when unknown: a run averaging 85% of it is hard.",
        bounds=(0, 240),
        unit="bpm",
        note="0: unknown",
        group="runs",
    )
    rest_hr: int = setting(
        0,
        "int",
        "Resting heart rate",
        "Your resting heart rate, 0 when unknown: with the maximum, 85% of the reserve is hard.",
        bounds=(0, 120),
        unit="bpm",
        note="0: unknown",
        group="runs",
    )
    taper_days: int = setting(
        7,
        "int",
        "Taper before a race",
        "No strength this many days before a race.",
        bounds=(0, 21),
        unit="days",
        group="runs",
    )
    sessions_per_week: int = setting(
        2,
        "int",
        "Sessions a week",
        "How many strength days a week `plan suggest` proposes.",
        bounds=(1, 4),
        note="for plan suggest",
        group="runs",
    )
    run_rules: str = setting(
        "refuse",
        "choice",
        "Running rules",
        "Whether a day too close to a key run is refused, like the rest day, or only asked about.",
        choices=RUN_RULE_MODES,
        meanings={"refuse": "like the rest day", "warn": "ask first"},
        note="warn: ask",
        group="runs",
    )


SETTINGS: tuple[SettingSpec, ...] = tuple(
    spec._replace(name=name, default=Settings._field_defaults[name])
    for spec, name in zip(_DECLARED, Settings._fields, strict=True)
)
"""Every setting's declaration, in the order of the file and the screen."""
SPECS = {spec.name: spec for spec in SETTINGS}


def run_settings(settings: Settings) -> RunSettings:
    """What the run kinds and the running rules read from the settings."""
    from runstrength.core.runs import RunSettings  # the runs' rules: not needed at start

    return RunSettings(
        long_run_minutes=settings.long_run_minutes,
        max_hr=settings.max_hr or None,
        rest_hr=settings.rest_hr or None,
        taper_days=settings.taper_days,
    )


def _read(r: TableReader, spec: SettingSpec) -> Any:
    """One setting's value from the table, None when it is missing or bad (then reported)."""
    name = spec.name
    if spec.kind == "bool":
        return r.boolean(name, required=False)
    if spec.kind in ("int", "float") and spec.bounds is not None:
        low, high = spec.bounds
        if spec.kind == "int":
            return r.integer(name, int(low), int(high), required=False)
        return r.number(name, low, high, required=False)
    if spec.kind == "choice" and spec.old_values:
        return _choice_or_old(r, spec)
    if spec.kind == "choice":
        return r.string(name, required=False, choices=spec.choices)
    if spec.kind == "program":
        return r.ident(name, required=False)
    if spec.kind == "theme":
        return r.string(name, required=False)  # which themes exist, only the UI knows
    if spec.kind == "weekdays":
        return r.strings(name, required=False, choices=WEEKDAYS)
    if spec.kind == "bands":
        return _bands(r, name)
    value = r.value(name)  # a folder: a path, the empty string for none
    if value is not None and not isinstance(value, str):
        r.problem(name, f"must be a folder path in quotes, got {value!r}")
        return None
    return value


def _choice_or_old(r: TableReader, spec: SettingSpec) -> str | None:
    value = r.value(spec.name)
    if isinstance(value, bool) and value in spec.old_values:
        return spec.old_values[value]
    if value is not None and value not in spec.choices:
        allowed = ", ".join(f'"{choice}"' for choice in spec.choices)
        r.problem(spec.name, f"{shown(value)} is not one of {allowed}")
        return None
    return value  # type: ignore[no-any-return]


def _bands(r: TableReader, name: str) -> tuple[str, ...] | None:
    bands: tuple[str, ...] | None = r.strings(name, required=False)
    odd = [band for band in bands or () if not BAND_NAME.match(band)]
    if odd:
        r.problem(name, f"{shown(odd[0])} is not a band name: use letters, digits, spaces, hyphens")
        return None
    if bands is not None and len(set(bands)) != len(bands):
        r.problem(name, "each band may appear only once (light to heavy)")
        return None
    return bands


def settings_from_mapping(
    data: Mapping[str, Any],
    source: str,
    line_of: Callable[[str], int | None] | None = None,
) -> tuple[Settings, list[str]]:
    """Settings from a parsed config file: bad or unknown keys keep their default and are reported.

    `line_of` names the line a key is on, for the messages. The theme name is only checked
    for being a string here; the UI knows which themes exist.
    """
    settings, problems, _ = settings_and_sources(data, source, line_of)
    return settings, problems


def settings_and_sources(
    data: Mapping[str, Any],
    source: str,
    line_of: Callable[[str], int | None] | None = None,
) -> tuple[Settings, list[str], frozenset[str]]:
    """As `settings_from_mapping`, and the keys whose value was taken from `data` (there
    and good; the others are defaults)."""
    problems: list[str] = []
    r = TableReader(data, "", problems, line_of)
    read = {spec.name: _read(r, spec) for spec in SETTINGS}
    r.finish()
    taken = frozenset(name for name, value in read.items() if value is not None)
    if read["program"] is None and read["goal"] is not None:
        read["program"] = read["goal"]
    chosen = {key: value for key, value in read.items() if value is not None}
    return Settings()._replace(**chosen), [f"{source}: {p}" for p in problems], taken
