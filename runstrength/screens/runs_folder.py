"""The runs folder read at start: on a worker thread of the app's writer, after home's
first frame (quitting waits for it); what was imported (or could not be) is said in a
notification, and home's day line is read again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from runstrength.screens.plain import escape
from runstrength.store import LogError

MAX_NAMED = 3
"""Files named in the notice of those not imported; the rest are counted."""

if TYPE_CHECKING:
    from runstrength.screens.home import HomeScreen
    from runstrength.store.runs_folder import FolderImport


def import_runs_folder(home: HomeScreen) -> None:
    """Run on a worker thread: new files in the runs folder join the log."""
    from runstrength.store.runs_folder import import_new_files

    folder = Path(home.context.settings.runs_folder).expanduser()
    try:
        found = import_new_files(home.context.log, folder)
    except LogError as error:
        home.app.call_from_thread(home.notify, escape(str(error)), severity="error", timeout=10)
        return
    home.app.call_from_thread(_say, home, found)


def _say(home: HomeScreen, found: FolderImport) -> None:
    if found.problem:
        home.notify(escape(found.problem), title="Runs folder", severity="warning", timeout=8)
    if found.added:
        runs = sum(1 for a in found.added if a.is_run)
        others = len(found.added) - runs
        text = f"{runs} new run{'s' if runs != 1 else ''}"
        if others:
            text += f" and {others} other activit{'ies' if others != 1 else 'y'}"
        home.notify(f"Imported {text} from the runs folder.", timeout=5)
        if home.is_attached:
            home.load_last_session()
    if found.failed:
        shown = [f"{path.name} {reason}" for path, reason in found.failed[:MAX_NAMED]]
        more = len(found.failed) - len(shown)
        if more:
            shown.append(f"and {more} more: `runstrength runs import` names each")
        home.notify(escape("\n".join(shown)), title="Not imported", severity="warning", timeout=10)
