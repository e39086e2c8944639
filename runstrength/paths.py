"""Where runstrength keeps its files: platformdirs' user dirs, or one folder given by the user.

Nothing here creates a directory; the code that writes a file makes its parent first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

APP_NAME = "runstrength"
DATA_DIR_VARIABLE = "RUNSTRENGTH_DATA_DIR"


class Paths(NamedTuple):
    data_dir: Path
    config_dir: Path
    state_dir: Path

    @property
    def log_file(self) -> Path:
        """The training log (TinyDB JSON)."""
        return self.data_dir / "log.json"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def programs_dir(self) -> Path:
        """The user's own program files."""
        return self.config_dir / "programs"

    @property
    def parsed_content(self) -> Path:
        """The content files as parsed at an earlier start (safe to delete: it is remade)."""
        return self.state_dir / "parsed-content.json"

    @property
    def app_log(self) -> Path:
        """Diagnostics: the app never prints while the screen is drawn, it writes here."""
        return self.state_dir / "runstrength.log"


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Paths:
    """--data-dir, else $RUNSTRENGTH_DATA_DIR, else the platform's user dirs.

    With an explicit folder, everything lives under it (config and state too), so one
    folder holds one independent runstrength: that is how tests isolate themselves.
    """
    env = os.environ if env is None else env
    chosen = data_dir or env.get(DATA_DIR_VARIABLE) or None
    if chosen:
        root = Path(chosen).expanduser().absolute()
        return Paths(data_dir=root, config_dir=root, state_dir=root / "state")
    import platformdirs

    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
    )


def screenshot_dir(data_dir: Path) -> Path:
    """Where screenshots go: the user's Downloads folder when there is one, else a
    `screenshots` folder beside the log (made when the first one is saved)."""
    import platformdirs

    downloads = Path(platformdirs.user_downloads_dir())
    return downloads if downloads.is_dir() else data_dir / "screenshots"
