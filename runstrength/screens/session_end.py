"""How a live session ends: its summary (a strength session's table and bests, or a
recovery routine's), the effort asked there, and q's question (stop for good, or go on
later today)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from runstrength.commands import Command, Keys
from runstrength.core.bests import bests_line, new_bests
from runstrength.core.resume import point_text, resume_point
from runstrength.core.styled import Piece, strong
from runstrength.core.summary import session_result, totals_text
from runstrength.screens.dialogs import ConfirmQuit, QuitChoice
from runstrength.screens.effort import save_effort
from runstrength.screens.parts import ScreenPart
from runstrength.widgets.effort_prompt import EffortPrompt
from runstrength.widgets.styled_text import styled_content
from runstrength.widgets.summary_table import SummaryTable

if TYPE_CHECKING:
    from runstrength.context import AppContext
    from runstrength.core.engine import SessionEngine
    from runstrength.core.events import Event
    from runstrength.core.records import SessionRecord

LEAVES = ("enter", "quit_session")
"""The session's own keys that still act on its summary, as its help names them: both go
back to home."""
ON_SUMMARY = ("home",)
"""What the summary's footer offers: enter and q, both back to home ("⏎/q Home")."""
SCROLL = "scroll_summary"
"""The summary's table scrolled, when its rows do not all fit."""


def scrolls_summary(command: Command) -> bool:
    return command.action.startswith(f"{SCROLL}(")


def live_keys(declared: Keys) -> Keys:
    """The session's keys as its help lists them before the summary (not the summary's)."""
    return declared._replace(commands=tuple(c for c in declared.commands if not scrolls_summary(c)))


def summary_keys(live: Keys, asks_effort: bool, scrolls: bool = False) -> Keys:
    """What the summary takes, from the session's declaration and the effort question's:
    its answer's keys when it asks, the session's keys that scroll its table when it does
    not fit, then those that leave it."""
    home = "back to home (the answer typed is saved)" if asks_effort else "back to home"
    scroll = tuple(c for c in live.commands if scrolls and scrolls_summary(c))
    leave = tuple(c._replace(help=home) for c in live.commands if c.action in LEAVES)
    asked = EffortPrompt.KEYS.commands if asks_effort else ()
    return Keys("session summary", (*asked, *scroll, *leave))


class SessionEnd(ScreenPart):
    """The end of a session, on the session screen."""

    KEYS: Keys
    """The screen's keys: the live session's, the summary's once it shows (its `?` help)."""
    context: AppContext
    engine: SessionEngine
    earlier: list[SessionRecord]
    """The log before this session: bests are named against it."""

    if TYPE_CHECKING:  # the session screen's: hand the engine's events to the screen

        def apply(self, events: list[Event]) -> None: ...

    def show_summary(self) -> None:
        if self.engine.kind == "recovery":
            self.show_routine_summary()
        else:
            self.show_session_summary()
        self.name_summary_keys()

    def name_summary_keys(self) -> None:
        """The summary's keys, for its help; the footer asks `check_action`."""
        asks_effort = bool(self.query(EffortPrompt))
        self.KEYS = summary_keys(type(self).KEYS, asks_effort, self.summary_scrolls())

    def on_summary_table_fitted(self) -> None:
        if self.engine.finished:
            self.name_summary_keys()
            self.refresh_bindings()

    def show_session_summary(self) -> None:
        engine = self.engine
        result = session_result(
            engine.program,
            engine.completed,
            engine.info.started_at,
            engine.ended_at,
            engine.status or "partial",
            engine.skipped,
            engine.breaks,
        )
        self.query_one(SummaryTable).show(result)
        totals = totals_text(result, len(engine.completed))
        # On a short terminal two are named: the way home and the effort stay in sight.
        bests = bests_line(
            new_bests(engine.completed, self.earlier),
            self.context.catalogue.exercise_name,
            most=2 if self.has_class("-short") else None,
        )
        if bests:
            totals += (Piece("\n"), strong(bests))
        self.query_one("#totals", Static).update(styled_content(totals))
        if engine.completed and not self.query(EffortPrompt):
            prompt = EffortPrompt(id="effort")
            self.query_one("#session").mount(prompt, after="#totals")
            prompt.focus()

    def show_routine_summary(self) -> None:
        from runstrength.core.recovery import routine_rows, summary_line

        records = self.engine.routine.records
        table = self.query_one(SummaryTable)
        table.show_rows(
            ("Recovery", "", "Done / target"), routine_rows(records, self.context.catalogue)
        )
        self.query_one("#totals", Static).update(styled_content(summary_line(self.engine)))

    def summary_scrolls(self) -> bool:
        """Whether the summary's table holds more rows than are in sight."""
        return self.engine.finished and self.query_one(SummaryTable).scrolls

    def action_scroll_summary(self, step: int, page: bool = False) -> None:
        """↑ ↓ a row, PgUp PgDn a page of the summary's table (it never takes focus)."""
        table = self.query_one(SummaryTable)
        rows = max(1, table.scrollable_content_region.height - 1) if page else 1
        table.scroll_relative(y=step * rows, animate=False)

    def keep_effort(self) -> None:
        """Save how hard the session was, when the summary's question was answered."""
        for prompt in self.query(EffortPrompt):
            if prompt.effort is not None and not prompt.saved:
                prompt.saved = True
                save_effort(self.app, self.context, self.engine.info.id, prompt.effort)

    def leave(self) -> None:
        """Close the finished session (keeping the effort given)."""
        self.keep_effort()
        self.dismiss(None)

    def action_quit_session(self) -> None:
        if self.engine.finished:
            self.leave()
            return

        # Timers wait while the runner decides.
        paused_here = not self.engine.paused
        if paused_here:
            self.apply(self.engine.toggle_pause())

        engine = self.engine
        point = resume_point(engine.plan, engine.index)
        goes_on_at = point_text(point, engine.program) if point else ""

        def leave(choice: QuitChoice) -> None:
            if choice == "stop":
                self.apply(self.engine.quit())
            elif choice == "later":
                self.apply(self.engine.set_aside())
                where = f" to go on at {goes_on_at}" if goes_on_at else ""
                self.notify(
                    f"Set aside: home offers it again today{where}.",
                    title="Continue later",
                    timeout=4,  # home's own hint says so too
                )
                self.dismiss(None)
            elif paused_here and self.engine.paused:
                self.apply(self.engine.toggle_pause())

        routine = engine.routine.logged if engine.kind == "recovery" else None
        quit_dialog = ConfirmQuit(
            len(engine.completed), engine.reps_in_progress, goes_on_at, routine=routine
        )
        self.app.push_screen(quit_dialog, leave)
