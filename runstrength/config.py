"""Reading the settings file (config.toml); the app only ever reads it here."""

from __future__ import annotations

import tomllib
from pathlib import Path

from runstrength.core.settings import Settings, settings_from_mapping


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings in `path` (defaults when it is missing) and the problems found in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [f"{path}: cannot be read ({error.strerror}); using the defaults"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"{path}: not valid TOML ({error}); using the defaults"]
    return settings_from_mapping(data, str(path))
