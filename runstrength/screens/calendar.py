"""The calendar: a month of trained, rest and scheduled days and runs; plan or drop a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from runstrength.commands import HELP, SOUND, Command, keys
from runstrength.context import AppContext
from runstrength.core.restdays import (
    TrainingDays,
    can_schedule,
    day_marks,
    format_day,
    rest_day_cause,
)
from runstrength.core.runrules import RunCause
from runstrength.core.runs import Activity, format_distance, format_duration, run_kind
from runstrength.core.settings import run_settings
from runstrength.screens.plain import escape
from runstrength.store import LogError, TrainingLog
from runstrength.store.runs import RunLog
from runstrength.store.schedule import DayTakenError, NotScheduledError, Schedule
from runstrength.store.writer import Write
from runstrength.widgets.month import LEGEND, MonthView
from runstrength.writes import hand_write


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class CalendarScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "calendar.tcss"]
    KEYS = keys(
        "calendar",
        Command(
            "left",
            "move the selected day (up/down: a week)",
            "move(-1)",
            "Day",
            show=False,
            help_keys="arrows",
            more=(
                Binding("right", "move(1)", "Day", show=False),
                Binding("up", "move(-7)", "Week", show=False),
                Binding("down", "move(7)", "Week", show=False),
            ),
        ),
        Command(
            "left_square_bracket,pageup",
            "previous month",
            "month(-1)",
            "Prev month",
            key_display="[",
        ),
        Command(
            "right_square_bracket,pagedown", "next month", "month(1)", "Next month", key_display="]"
        ),
        Command("t", "back to today", "today", "Today", show=False),
        Command("a,enter", "schedule a session on the selected day", "add", "Add", key_display="a"),
        Command(
            "x,delete",
            "remove the session scheduled on the selected day",
            "remove",
            "Remove",
            key_display="x",
        ),
        SOUND.help_only(),
        HELP.help_only(),
        Command("escape,q", "back to home", "back", "Back", key_display="esc", help_keys="esc / q"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.schedule = Schedule(context.log)
        today = context.clock.now().date()
        self.days = TrainingDays(today)
        self.loaded_since: date | None = None
        self.activities: dict[date, list[Activity]] = {}
        """Runs and other activities by day, for the day shown."""

    @dataclass
    class Loaded(Message):
        """The month's days and activities, read from `since` on (on a worker)."""

        days: TrainingDays
        since: date
        activities: list[Activity]

    @dataclass
    class Said(Message):
        """What a read or a write has to say; `reload`: the log changed, read it again."""

        text: str
        kind: str = "info"
        reload: bool = False

    @dataclass
    class AskAnyway(Message):
        """A running rule warns against the day: the runner decides."""

        day: date
        program: str
        warning: str

    @property
    def today(self) -> date:
        return self.days.today

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="calendar"):
            yield MonthView(self.days, id="month")
            with Vertical(id="side"):
                yield Static(self.legend_text(), id="legend")
                yield Static("", id="day-info")
                yield Static("", id="message")
        yield Label(
            "arrows move the day · [ ] month · t today · a add · x remove", id="calendar-hint"
        )
        yield Footer(compact=True, show_command_palette=False)

    def legend_text(self) -> str:
        rows = (
            f"  [{style}]{escape(sign)}[/]{' ' * (4 - len(sign))}{what}"
            for sign, what, style in LEGEND
        )
        return "[b]Legend[/b]\n" + "\n".join(rows)

    def on_mount(self) -> None:
        self.show_day()
        self.load()

    @property
    def month_view(self) -> MonthView:
        return self.query_one(MonthView)

    def read_days(self, since: date | None = None) -> TrainingDays:
        """The rule's inputs from the log (blocking: call from a worker)."""
        settings = self.context.settings
        return self.schedule.training_days(
            self.today, settings.weekly_rest_days, since=since, runs=run_settings(settings)
        )

    @work(thread=True, exclusive=True, group="calendar")
    def load(self) -> None:
        first = self.month_view.selected.replace(day=1) - timedelta(days=1)
        try:
            days = self.read_days(first)
            activities = RunLog(self.context.log).between(first)
        except LogError as error:
            self.post_message(self.Said(escape(str(error)), "error"))
            return
        self.post_message(self.Loaded(days, first, activities))

    def on_calendar_screen_loaded(self, message: Loaded) -> None:
        self.show_activities(message.activities)
        self.show_days(message.days, message.since)

    def on_calendar_screen_said(self, message: Said) -> None:
        self.say(message.text, message.kind)
        if message.reload:
            self.load()

    def on_calendar_screen_ask_anyway(self, message: AskAnyway) -> None:
        self.ask_anyway(message.day, message.program, message.warning)

    def show_days(self, days: TrainingDays, since: date) -> None:
        self.days = days
        self.loaded_since = since
        self.month_view.show(days)
        self.show_day()

    def show_activities(self, activities: list[Activity]) -> None:
        by_day: dict[date, list[Activity]] = {}
        distances: dict[date, float] = {}
        for activity in activities:
            by_day.setdefault(activity.day, []).append(activity)
            if activity.is_run and activity.distance_m:
                distances[activity.day] = distances.get(activity.day, 0) + activity.distance_m
        self.activities = by_day
        self.month_view.distances = distances

    def activity_lines(self, day: date) -> list[str]:
        """The day's runs and other activities, one line each (titles escaped)."""
        settings = run_settings(self.context.settings)
        lines = []
        for activity in self.activities.get(day, []):
            what = activity.sport.capitalize()
            if activity.is_run:
                kind = run_kind(activity, settings)
                what = "Race" if kind == "race" else f"{kind.capitalize()} run"
            if activity.planned:
                what = f"Planned {what[0].lower()}{what[1:]}"
            details = [escape(activity.title)] if activity.title else []
            details += [
                d
                for d in (
                    format_distance(activity.distance_m),
                    format_duration(activity.duration_s),
                )
                if d
            ]
            lines.append(f"{what}: {' · '.join(details)}" if details else f"{what}.")
        return lines

    def show_day(self) -> None:
        day = self.month_view.selected
        marks = day_marks(self.days, day)
        lines = [f"[b]{format_day(day)}[/b]"]
        if marks.today:
            lines.append("Today.")
        if marks.trained:
            lines.append(f"Trained: {escape(self.days.logged[day])}.")
        if marks.scheduled:
            lines.append(f"Scheduled: {escape(marks.scheduled)}. [b]x[/b] removes it.")
        lines += self.activity_lines(day)
        cause = rest_day_cause(self.days, day)
        if cause is not None or marks.rest:
            lines.append("Rest day.")
        verdict = can_schedule(self.days, day)
        if verdict.allowed:
            lines.append("Free: [b]a[/b] schedules a session here.")
        elif isinstance(verdict.cause, RunCause) and not marks.scheduled:
            lines.append(f"No strength: {escape(verdict.cause.short())}.")
        self.query_one("#day-info", Static).update("\n".join(lines))

    def say(self, text: str, kind: str = "info") -> None:
        message = self.query_one("#message", Static)
        message.set_classes(kind)
        message.update(text)

    def select(self, day: date) -> None:
        month_changed = (day.year, day.month) != (
            self.month_view.selected.year,
            self.month_view.selected.month,
        )
        self.month_view.selected = day
        self.say("")
        self.show_day()
        if month_changed and (self.loaded_since is None or day < self.loaded_since):
            self.load()

    def action_move(self, delta: int) -> None:
        self.select(self.month_view.selected + timedelta(days=delta))

    def action_month(self, delta: int) -> None:
        self.select(add_months(self.month_view.selected, delta))

    def action_today(self) -> None:
        self.select(self.today)

    def action_add(self) -> None:
        day, program = self.month_view.selected, self.context.default_program().name
        self.hand(lambda log: self.save_plan(log, day, program))

    def hand(self, write: Write[Message]) -> None:
        """A change to the plan, through the log's writer; what it says comes back here."""
        hand_write(
            self.app,
            self.context.writer,
            write,
            reply_to=self,
            saved=lambda said: said,
            failed=lambda reason: self.Said(escape(reason), "error"),
        )

    def save_plan(self, log: TrainingLog, day: date, program: str, anyway: bool = False) -> Message:
        """Judge the day against the log as it is now, then write: keys pressed faster
        than the month redraws never slip past the rule. `anyway`: the runner answered
        yes to a running rule's warning (run_rules = "warn")."""
        warn = self.context.settings.run_rules == "warn"
        try:
            verdict = can_schedule(self.read_days(), day)
            allowed = verdict.allowed or (anyway and warn and verdict.by_run)
            if allowed:
                Schedule(log).add(day, program)
        except DayTakenError as error:
            return self.Said(escape(str(error)), "error")
        if not allowed and warn and verdict.by_run:
            return self.AskAnyway(day, program, verdict.message())
        if allowed:
            text, kind = f"Scheduled {escape(program)} on {format_day(day)}.", "done"
        elif isinstance(verdict.cause, RunCause) and verdict.next_allowed:
            # The day is named above: the run and the next day are what is new.
            text = (
                f"Not scheduled: {escape(verdict.cause.short())}. "
                f"Next session possible: {format_day(verdict.next_allowed)}."
            )
            kind = "refused"
        else:
            text, kind = f"Not scheduled: {escape(verdict.message())}", "refused"
        return self.Said(text, kind, reload=True)

    def ask_anyway(self, day: date, program: str, message: str) -> None:
        from runstrength.screens.edit_dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.hand(lambda log: self.save_plan(log, day, program, anyway=True))
            else:
                self.say("Not scheduled.", "refused")

        dialog = ConfirmDialog(f"Schedule {escape(program)} anyway?", escape(message))
        self.app.push_screen(dialog, answered)

    def action_remove(self) -> None:
        day = self.month_view.selected
        self.hand(lambda log: self.drop_plan(log, day))

    def drop_plan(self, log: TrainingLog, day: date) -> Message:
        try:
            plan = Schedule(log).remove(day)
        except NotScheduledError:
            return self.Said(f"Nothing is scheduled on {format_day(day)}.", "refused")
        text = f"Removed the {escape(plan.program)} session on {format_day(day)}."
        return self.Said(text, "done", reload=True)

    def action_back(self) -> None:
        self.dismiss(None)
