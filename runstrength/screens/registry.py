"""Every screen of the app, each made here and its module loaded the first time it opens.

This is the one place that imports a screen module (`lint-imports` holds the rest of the
app to it, the command line aside): the app opens its screens through it, and a screen
opens another through it too, so no screen knows another's module and none is loaded
before it is shown. Start-up loads home alone. A screen asks its questions with dialogs
(`dialogs.py`, `edit_dialogs.py`, …) that it imports itself, as it would a widget: a
dialog only answers, it never opens a screen.

Textual's `App.SCREENS` is not used: it keeps one instance per name, while these screens
are made afresh each time with what they show.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from runstrength.commands import HelpRow

if TYPE_CHECKING:
    from textual.screen import Screen

    from runstrength.context import AppContext
    from runstrength.core.log_totals import LogTotals
    from runstrength.core.programs import Program
    from runstrength.core.records import SessionKind, SessionRecord
    from runstrength.screens.browser import BrowserScreen
    from runstrength.screens.calendar import CalendarScreen
    from runstrength.screens.dialogs import HelpScreen, TooSmall
    from runstrength.screens.first_run import FirstRunScreen
    from runstrength.screens.history import HistoryScreen
    from runstrength.screens.home import HomeScreen
    from runstrength.screens.load import LoadScreen
    from runstrength.screens.overview import OverviewScreen
    from runstrength.screens.progress import ProgressScreen
    from runstrength.screens.session import SessionScreen
    from runstrength.screens.session_detail import SessionDetailScreen
    from runstrength.screens.settings import SettingsScreen

SESSION_MIN_SIZE = (60, 20)
"""What a session makes do with, and the offer to resume one that leads into it: a
terminal on a phone or tablet on the floor (the other screens need the app's 80 x 24)."""

_STYLES = Path(__file__).parent
HOME_CSS = _STYLES / "home.tcss"
"""What the first frame needs: home's styles (Textual's own come with its widgets)."""
LATER_CSS = (_STYLES / "shared.tcss", _STYLES / "history.tcss")
"""Styles read once home is up: the dialogs' (every other screen lists `shared.tcss` in
its CSS_PATH too, so it is styled even when opened before) and the history's."""


def home(context: AppContext, start_with: Program | None = None) -> HomeScreen:
    from runstrength.screens.home import HomeScreen

    return HomeScreen(context, start_with)


def session(
    context: AppContext,
    program: Program,
    *,
    resume: SessionRecord | None = None,
    kind: SessionKind = "strength",
) -> SessionScreen:
    from runstrength.screens.session import SessionScreen

    return SessionScreen(context, program, resume=resume, kind=kind)


def history(context: AppContext) -> HistoryScreen:
    from runstrength.screens.history import HistoryScreen

    return HistoryScreen(context)


def session_detail(context: AppContext, record: SessionRecord) -> SessionDetailScreen:
    from runstrength.screens.session_detail import SessionDetailScreen

    return SessionDetailScreen(context, record)


def progress(context: AppContext, totals: LogTotals) -> ProgressScreen:
    from runstrength.screens.progress import ProgressScreen

    return ProgressScreen(context, totals)


def overview(context: AppContext, totals: LogTotals) -> OverviewScreen:
    from runstrength.screens.overview import OverviewScreen

    return OverviewScreen(context, totals)


def load(context: AppContext) -> LoadScreen:
    from runstrength.screens.load import LoadScreen

    return LoadScreen(context)


def calendar(context: AppContext) -> CalendarScreen:
    from runstrength.screens.calendar import CalendarScreen

    return CalendarScreen(context)


def settings(context: AppContext) -> SettingsScreen:
    from runstrength.screens.settings import SettingsScreen

    return SettingsScreen(context)


def browser(context: AppContext) -> BrowserScreen:
    from runstrength.screens.browser import BrowserScreen

    return BrowserScreen(context)


def first_run(context: AppContext) -> FirstRunScreen:
    from runstrength.screens.first_run import FirstRunScreen

    return FirstRunScreen(context)


def help_screen(title: str, rows: list[HelpRow]) -> HelpScreen:
    from runstrength.screens.dialogs import HelpScreen

    return HelpScreen(title, rows)


def too_small(need: tuple[int, int], session_running: bool) -> TooSmall:
    from runstrength.screens.dialogs import TooSmall

    return TooSmall(need, session_running=session_running)


# --- which screen is this: answered without loading a module (none of its screens can
# exist before it is loaded) -----------------------------------------------------------


def _is(screen: object, module: str, name: str) -> bool:
    loaded = sys.modules.get(module)
    kind: type[Screen[Any]] | None = getattr(loaded, name, None)
    return kind is not None and isinstance(screen, kind)


def is_home(screen: object) -> TypeGuard[HomeScreen]:
    return _is(screen, "runstrength.screens.home", "HomeScreen")


def is_session(screen: object) -> TypeGuard[SessionScreen]:
    return _is(screen, "runstrength.screens.session", "SessionScreen")


def running_session(stack: list[Screen[Any]]) -> SessionScreen | None:
    """The session under way (not yet at its summary) in a screen stack, if any."""
    running = [s for s in stack if is_session(s) and not s.engine.finished]
    return running[-1] if running else None


def session_under_way(stack: list[Screen[Any]]) -> str | None:
    """The id of the session under way in a screen stack, if any: any other session the
    log holds open was set aside or cut off."""
    running = running_session(stack)
    return running.engine.info.id if running else None


def is_settings(screen: object) -> TypeGuard[SettingsScreen]:
    return _is(screen, "runstrength.screens.settings", "SettingsScreen")


def is_browser(screen: object) -> TypeGuard[BrowserScreen]:
    return _is(screen, "runstrength.screens.browser", "BrowserScreen")


def is_load(screen: object) -> TypeGuard[LoadScreen]:
    return _is(screen, "runstrength.screens.load", "LoadScreen")
