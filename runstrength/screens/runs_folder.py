"""The runs folder read at start: through the log's writer, after home's first frame
(quitting waits for it); what was imported (or could not be) is said in a notification,
and home's day line is read again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from runstrength.screens.plain import escape

MAX_NAMED = 3
"""Files named in the notice of those not imported; the rest are counted."""

if TYPE_CHECKING:
    from runstrength.screens.home import HomeScreen
    from runstrength.store import TrainingLog
    from runstrength.store.runs_folder import FolderImport


def import_write(folder: str) -> Callable[[TrainingLog], FolderImport]:
    """The write that brings the folder's new files into the log."""
    from runstrength.store.runs_folder import import_new_files

    def write(log: TrainingLog) -> FolderImport:
        return import_new_files(log, Path(folder).expanduser())

    return write


def say_imported(home: HomeScreen, found: FolderImport) -> None:
    if found.problem:
        home.notify(escape(found.problem), title="Runs folder", severity="warning", timeout=8)
    if found.added:
        runs = sum(1 for a in found.added if a.is_run)
        others = len(found.added) - runs
        text = f"{runs} new run{'s' if runs != 1 else ''}"
        if others:
            text += f" and {others} other activit{'ies' if others != 1 else 'y'}"
        home.notify(f"Imported {text} from the runs folder.", timeout=5)
    if found.failed:
        shown = [f"{path.name} {reason}" for path, reason in found.failed[:MAX_NAMED]]
        more = len(found.failed) - len(shown)
        if more:
            shown.append(f"and {more} more: `runstrength runs import` names each")
        home.notify(escape("\n".join(shown)), title="Not imported", severity="warning", timeout=10)
